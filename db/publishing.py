"""What a published copy of the project shows beyond the chronology: sources with the events
citing them, their highlights, who added what. Read-only queries."""
from __future__ import annotations

from db.connection import Database


def _rows(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def project_counts(db: Database) -> dict[str, int]:
    return {table: db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("events", "sources", "annotations", "citations")}


def source_ids_by_title(db: Database) -> list[int]:
    return [r[0] for r in db.conn.execute("SELECT id FROM sources ORDER BY title COLLATE NOCASE, id")]


def uuids(db: Database, table: str) -> dict[int, str]:
    """id -> uuid for every row of a record table."""
    return dict(db.conn.execute(f"SELECT id, uuid FROM {table}"))


def events_citing(db: Database, source_id: int) -> list[dict]:
    """The events citing a source, in date order, with how (stance, locator)."""
    return _rows(db.conn.execute(
        """SELECT e.uuid, e.title, e.date_edtf, c.stance, c.locator_type, c.locator FROM citations c
           JOIN events e ON e.id = c.event_id WHERE c.source_id = ? ORDER BY e.start_s, e.id, c.id""", (source_id,)))


def highlights(db: Database, source_id: int) -> list[dict]:
    """A source's highlights in text order, with their tags and who made them."""
    return _rows(db.conn.execute(
        """SELECT a.exact, a.note, a.orphaned, a.color,
                  (SELECT group_concat(t.name, ', ') FROM annotation_tags x JOIN tags t ON t.id = x.tag_id
                   WHERE x.annotation_id = a.id) AS tags,
                  (SELECT name FROM authors WHERE id = a.created_by) AS author
           FROM annotations a WHERE a.source_id = ? ORDER BY a.orphaned, a.start_char, a.id""", (source_id,)))


def event_authors(db: Database) -> dict[int, tuple[str | None, str | None]]:
    """event id -> (who added it, who changed it last), for events whose authors are known."""
    return {row[0]: (row[1], row[2]) for row in db.conn.execute(
        """SELECT e.id, c.name, m.name FROM events e LEFT JOIN authors c ON c.id = e.created_by
           LEFT JOIN authors m ON m.id = e.modified_by WHERE e.created_by IS NOT NULL OR e.modified_by IS NOT NULL""")}
