"""Annotations: highlighted passages of a source, anchored by range and by quote."""
from __future__ import annotations

from sqlite_utils import Database

from db.entities import ensure_tag
from db.errors import SourcelineError
from db.ops import Op

CONTEXT_CHARS = 32  # prefix/suffix kept around the quote to find it again after the text changes
COLORS = ("yellow", "green", "blue", "pink", "orange")


def insert_annotation(db: Database, source_id: int, start: int, end: int, note: str = "", color: str = "yellow",
                      tags=()) -> int:
    """Inside an edit: annotate characters [start, end) of the source's text."""
    row = db.conn.execute("SELECT full_text FROM sources WHERE id = ?", (source_id,)).fetchone()
    if row is None:
        raise SourcelineError(f"there is no source {source_id}")
    text = row[0]
    if not 0 <= start < end <= len(text):
        raise SourcelineError("select some of the source's text to annotate")
    annotation_id = db.conn.execute(
        "INSERT INTO annotations (source_id, start_char, end_char, exact, prefix, suffix, note, color)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (source_id, start, end, text[start:end], text[max(0, start - CONTEXT_CHARS):start],
         text[end:end + CONTEXT_CHARS], note, color),
    ).lastrowid
    db.conn.executemany("INSERT OR IGNORE INTO annotation_tags VALUES (?, ?)",
                        [(annotation_id, ensure_tag(db, t)) for t in tags if t.strip()])
    return annotation_id


def add_annotation(source_id: int, start: int, end: int, note: str = "", color: str = "yellow", tags=()) -> Op:
    return Op("Highlight passage", lambda db: insert_annotation(db, source_id, start, end, note, color, tags))


def update_annotation(annotation_id: int, **fields) -> Op:
    unknown = set(fields) - {"note", "color"}
    if unknown:
        raise SourcelineError(f"unknown annotation fields: {', '.join(sorted(unknown))}")
    sets = ", ".join(f"{c} = ?" for c in fields)
    return Op("Edit annotation", lambda db: db.conn.execute(
        f"UPDATE annotations SET {sets} WHERE id = ?", [*fields.values(), annotation_id]))


def delete_annotation(annotation_id: int) -> Op:
    return Op("Delete annotation", lambda db: db.conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,)))


def source_annotations(db: Database, source_id: int) -> list[dict]:
    cursor = db.conn.execute(
        """SELECT a.*, (SELECT group_concat(t.name, ', ') FROM annotation_tags x JOIN tags t ON t.id = x.tag_id
                        WHERE x.annotation_id = a.id) AS tags
           FROM annotations a WHERE source_id = ? ORDER BY orphaned, start_char""", (source_id,))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]
