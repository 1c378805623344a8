"""The reading assistant's one compound edit: a new event from a passage of a source. Qt-free.

The annotation, the event with its entity links and the citation are written by the store's own
``insert_*`` functions inside one ``Op``, so the change log records them together and one undo
removes all of them.
"""
from __future__ import annotations

from db.annotations import insert_annotation
from db.citations import insert_citation
from db.events import insert_event
from db.ops import Op


def new_event_from_passage(source_id: int, span: tuple[int, int], *, title: str, date_edtf: str,
                           description: str = "", entities=(), locator_type: str = "paragraph", locator: str = "",
                           stance: str = "supports", color: str = "yellow", claimed_edtf: str | None = None) -> Op:
    """Highlight ``span`` of the source, create the event (``entities`` by name, created when
    new, as the event editor does) and cite the highlight for it. The result is the event's id."""

    def edit(db) -> int:
        annotation_id = insert_annotation(db, source_id, span[0], span[1], color=color)
        event_id = insert_event(db, title, date_edtf, description, entities=entities)
        insert_citation(db, event_id, source_id, annotation_id, locator_type, locator, stance=stance,
                        claimed_edtf=claimed_edtf)
        return event_id

    return Op(f"New event “{title.strip()}” from the text", edit)
