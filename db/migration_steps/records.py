"""What every record table (the analyst's work) has, as the steps that create them write it."""
from __future__ import annotations

# Tables whose rows are the analyst's work, with a uuid and created/modified timestamps.
RECORD_TABLES = ("events", "sources", "source_creators", "annotations", "citations", "entities", "entity_aliases", "tags")

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def record_columns() -> str:
    return f"""
        uuid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
            || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
            || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
        created_at TEXT NOT NULL DEFAULT ({NOW}),
        modified_at TEXT NOT NULL DEFAULT ({NOW})"""

