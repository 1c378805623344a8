"""Annotations: highlighted passages of a source, anchored by range and by quote."""
from __future__ import annotations

from db.connection import Database

from db import anchoring, pdf_pages
from db.citations import insert_citation
from db.entities import ensure_tag
from db.errors import SourcelineError
from db.events import insert_event
from db.ops import Op

CONTEXT_CHARS = anchoring.CONTEXT_CHARS
COLORS = ("yellow", "green", "blue", "pink", "orange")


def check_color(color: str) -> str:
    if color not in COLORS:
        raise SourcelineError(f"colour must be one of {', '.join(COLORS)}, not {color!r}")
    return color


def _source_text(db: Database, source_id: int) -> str:
    row = db.conn.execute("SELECT full_text FROM sources WHERE id = ?", (source_id,)).fetchone()
    if row is None:
        raise SourcelineError(f"there is no source {source_id}")
    return row[0]


def set_tags(db: Database, annotation_id: int, tags) -> None:
    wanted = {ensure_tag(db, t.strip()) for t in tags if t.strip()}
    db.conn.execute(
        f"DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id NOT IN ({','.join('?' * len(wanted)) or 'SELECT NULL WHERE 0'})",
        [annotation_id, *wanted])
    db.conn.executemany("INSERT OR IGNORE INTO annotation_tags VALUES (?, ?)", [(annotation_id, t) for t in wanted])


def insert_annotation(db: Database, source_id: int, start: int, end: int, note: str = "", color: str = "yellow",
                      tags=()) -> int:
    """Inside an edit: annotate characters [start, end) of the source's text."""
    text = _source_text(db, source_id)
    if not 0 <= start < end <= len(text):
        raise SourcelineError("select some of the source's text to annotate")
    prefix, suffix = anchoring.context(text, start, end)
    annotation_id = db.conn.execute(
        "INSERT INTO annotations (source_id, start_char, end_char, exact, prefix, suffix, note, color)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (source_id, start, end, text[start:end], prefix, suffix, note, check_color(color)),
    ).lastrowid
    set_tags(db, annotation_id, tags)
    pdf_pages.place_annotation(db, annotation_id)  # a PDF's passage: its page and rectangles
    return annotation_id


def add_annotation(source_id: int, start: int, end: int, note: str = "", color: str = "yellow", tags=()) -> Op:
    return Op("Highlight passage", lambda db: insert_annotation(db, source_id, start, end, note, color, tags))


def update_annotation(annotation_id: int, tags=None, **fields) -> Op:
    """Change an annotation's ``note`` and/or ``color``; ``tags`` given replace its tags."""
    unknown = set(fields) - {"note", "color"}
    if unknown:
        raise SourcelineError(f"unknown annotation fields: {', '.join(sorted(unknown))}")
    if "color" in fields:
        check_color(fields["color"])

    def edit(db: Database) -> None:
        if fields:
            sets = ", ".join(f"{c} = ?" for c in fields)
            db.conn.execute(f"UPDATE annotations SET {sets} WHERE id = ?", [*fields.values(), annotation_id])
        if tags is not None:
            set_tags(db, annotation_id, tags)

    what = "colour of highlight" if set(fields) == {"color"} and tags is None else "highlight"
    return Op(f"Edit {what}", edit)


def delete_annotation(annotation_id: int) -> Op:
    return Op("Delete highlight", lambda db: db.conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,)))


def write_source_text(db: Database, source_id: int, text: str) -> int:
    """Inside an edit: replace a source's full text and move every annotation of it with its
    passage (see ``db.anchoring.reanchor``). Annotations whose passage is gone are kept, with
    their quote, and marked orphaned. Returns how many annotations are orphaned now."""
    _source_text(db, source_id)
    db.conn.execute("UPDATE sources SET full_text = ? WHERE id = ?", (text, source_id))
    orphaned = 0
    rows = db.conn.execute(
        # A picture's regions (db.image_regions) have no passage to follow.
        "SELECT id, start_char, end_char, exact, prefix, suffix, orphaned FROM annotations WHERE source_id = ?"
        " AND region IS NULL",
        (source_id,)).fetchall()
    for annotation_id, start, end, exact, prefix, suffix, was_orphaned in rows:
        found = anchoring.reanchor(text, exact, prefix, suffix, start)
        if found is None:
            orphaned += 1
            if not was_orphaned:  # keep range and quote as they were: the passage may come back
                db.conn.execute("UPDATE annotations SET orphaned = 1 WHERE id = ?", (annotation_id,))
            continue
        new_start, new_end = found
        anchor = (new_start, new_end, text[new_start:new_end], *anchoring.context(text, new_start, new_end), 0)
        if anchor != (start, end, exact, prefix, suffix, was_orphaned):
            db.conn.execute(
                "UPDATE annotations SET start_char = ?, end_char = ?, exact = ?, prefix = ?, suffix = ?, orphaned = ?"
                " WHERE id = ?", (*anchor, annotation_id))
        pdf_pages.place_annotation(db, annotation_id)  # a PDF's pages may have been read anew
    return orphaned


def set_source_text(source_id: int, text: str) -> Op:
    """Correct a source's text; its annotations follow their passages in the same edit. A PDF's
    text is read from its pages (each character has its place on a page), so it is not edited."""
    def edit(db: Database) -> int:
        if pdf_pages.is_paged(db, source_id):
            raise SourcelineError("a PDF's text is read from its pages and cannot be edited; "
                                  "read it again from the PDF instead")
        return write_source_text(db, source_id, text)

    return Op("Edit source text", edit)


def cite_passage(source_id: int, *, event_id: int | None = None, new_event: tuple[str, str] | None = None,
                 annotation_id: int | None = None, span: tuple[int, int] | None = None, color: str = "yellow",
                 locator_type: str = "paragraph", locator: str = "", stance: str = "supports",
                 claimed_edtf: str | None = None, description: str = "", entities=()) -> Op:
    """Cite a passage of a source for an event, as one edit: the passage is an existing
    annotation or a ``span`` (start, end) highlighted now; the event an existing ``event_id`` or a
    ``new_event`` (title, EDTF date) created now, with its ``description`` and ``entities`` (by
    name, created when new); ``claimed_edtf`` the date the source gives for it, if any. The result
    is the new citation's id."""
    if (event_id is None) == (new_event is None):
        raise SourcelineError("cite for one event: an existing one or a new one")
    if annotation_id is not None and span is not None:
        raise SourcelineError("cite one passage: an annotation or a selection")

    def edit(db: Database) -> int:
        passage = annotation_id
        if span is not None:
            passage = insert_annotation(db, source_id, span[0], span[1], color=color)
        event = event_id if new_event is None else insert_event(
            db, new_event[0], new_event[1], description, entities=entities)
        return insert_citation(db, event, source_id, passage, locator_type, locator, stance=stance,
                               claimed_edtf=claimed_edtf)

    return Op("Cite passage" + (f" for new event “{new_event[0].strip()}”" if new_event else ""), edit)


def new_event_from_passage(source_id: int, span: tuple[int, int], *, title: str, date_edtf: str,
                           description: str = "", entities=(), locator_type: str = "paragraph", locator: str = "",
                           stance: str = "supports", color: str = "yellow", claimed_edtf: str | None = None) -> Op:
    """The reading assistant's one compound edit: highlight ``span`` of the source, create the
    event (``entities`` by name, created when new, as the event editor does) and cite the
    highlight for it, in one op (one undo removes all three). The result is the event's id."""

    def edit(db: Database) -> int:
        annotation_id = insert_annotation(db, source_id, span[0], span[1], color=color)
        event_id = insert_event(db, title, date_edtf, description, entities=entities)
        insert_citation(db, event_id, source_id, annotation_id, locator_type, locator, stance=stance,
                        claimed_edtf=claimed_edtf)
        return event_id

    return Op(f"New event “{title.strip()}” from the text", edit)


def source_annotations(db: Database, source_id: int) -> list[dict]:
    """Every annotation of a source, placed ones in text order then orphaned ones, with its tags
    (comma separated), how many citations use it and who made it (``author``, a name or None)."""
    cursor = db.conn.execute(
        """SELECT a.*, (SELECT group_concat(t.name, ', ') FROM annotation_tags x JOIN tags t ON t.id = x.tag_id
                        WHERE x.annotation_id = a.id) AS tags,
                  (SELECT count(*) FROM citations c WHERE c.annotation_id = a.id) AS citation_count,
                  (SELECT name FROM authors WHERE id = a.created_by) AS author
           FROM annotations a WHERE source_id = ? ORDER BY orphaned, start_char, id""", (source_id,))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def get_annotation(db: Database, annotation_id: int) -> dict | None:
    """One annotation's stored row (its page and rectangles included, for a PDF's)."""
    cursor = db.conn.execute("SELECT * FROM annotations WHERE id = ?", (annotation_id,))
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row)) if row else None


def add_annotations(source_id: int, passages) -> Op:
    """Highlight several passages ((start, end, note) each) as one edit: the highlights another
    program left in a PDF, imported together."""
    passages = list(passages)
    return Op(f"Import {len(passages)} highlight{'s' if len(passages) != 1 else ''}",
              lambda db: [insert_annotation(db, source_id, start, end, note) for start, end, note in passages])
