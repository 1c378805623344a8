"""What a project holds at a glance: how many rows of each kind (``sourceline info``), and the
records that show most of what a record can hold (the user guide's pictures)."""
from __future__ import annotations

from db.connection import Database

COUNTED_TABLES = ("events", "sources", "annotations", "citations", "entities", "tags")


def row_counts(db: Database, tables=COUNTED_TABLES) -> dict[str, int]:
    """table -> how many rows it has (only tables of ``COUNTED_TABLES``: names are not parameters)."""
    unknown = set(tables) - set(COUNTED_TABLES)
    if unknown:
        raise ValueError(f"not a counted table: {', '.join(sorted(unknown))}")
    return {table: db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}


def most_cited_event(db: Database) -> int | None:
    """The event cited most (the first event when none is cited; None in an empty project)."""
    row = db.conn.execute(
        "SELECT event_id FROM citations GROUP BY event_id ORDER BY count(*) DESC, event_id LIMIT 1").fetchone()
    return row[0] if row else db.conn.execute("SELECT min(id) FROM events").fetchone()[0]


def most_highlighted_passage(db: Database) -> tuple[int | None, int | None]:
    """(source id, its first highlight's id) of the source with the most highlights; else the first
    source and None; (None, None) without sources."""
    row = db.conn.execute("SELECT source_id, min(id) FROM annotations GROUP BY source_id "
                          "ORDER BY count(*) DESC, source_id LIMIT 1").fetchone()
    if row:
        return tuple(row)
    return db.conn.execute("SELECT min(id) FROM sources").fetchone()[0], None
