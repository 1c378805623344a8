"""Derived data, defined once: the SQL that keeps the full-text indexes, the per-day counts and the
first-reported dates, used by the migrations' triggers and by the bulk writers that suspend them.

The migrations create their triggers from these definitions, so a fresh project and one upgraded
from any version hold the same SQL. To change a derivation, add a migration step that replaces
the triggers (and backfills): a landed step must keep creating what it always created.
"""
from __future__ import annotations

# full-text index -> (table, indexed columns)
FTS_TABLES = {
    "events_fts": ("events", ("title", "description")),
    "sources_fts": ("sources", ("title", "full_text")),
    "annotations_fts": ("annotations", ("exact", "note")),
}


def day_of(seconds: str) -> str:
    """The day (since 1970) of a time in seconds, floored before 1970 as after."""
    return f"{seconds} / 86400 - ({seconds} % 86400 < 0)"


def first_reported_values(event_id: str) -> str:
    """``first_reported_s`` and ``first_reported_edtf`` of the event ``event_id`` (an SQL expression):
    the earliest issued date among the dated sources citing it."""
    return f"""first_reported_s = (SELECT min(s.issued_start_s) FROM citations c JOIN sources s ON s.id = c.source_id
                                WHERE c.event_id = {event_id} AND s.issued_start_s IS NOT NULL),
            first_reported_edtf = (SELECT s.issued_edtf FROM citations c JOIN sources s ON s.id = c.source_id
                                   WHERE c.event_id = {event_id} AND s.issued_start_s IS NOT NULL
                                   ORDER BY s.issued_start_s LIMIT 1)"""
