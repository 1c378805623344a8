"""What a widget may do to the project, one function per verb (Anki's ``CollectionOp``).

Every verb takes the session and ``by``, the widget that asks: it is the change's initiator (views
can tell their own edit from another's) and the parent of the one message a refused edit gets.
A verb pushes one op on the session's undo stack and returns an :class:`Outcome` (true when
done, with the op's result). A user error (``SourcelineError``: an invalid date, a record that is
gone) is shown here, the one way the app shows it, and changes nothing; anything else is a bug or
a failing disk and goes to the crash handler. Widgets keep no error handling of their own.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from db import annotations, captures, citations, entities, eras, events, geo, image_regions, sources
from db import exchange_conflicts
from db.errors import SourcelineError
from db.ops import Op
from desktop_app.reliability.literal_text import literal


@dataclass(frozen=True)
class Outcome:
    done: bool
    result: Any = None

    def __bool__(self) -> bool:
        return self.done


def apply(session, by: QWidget | None, op: Op, failure=None) -> Outcome:
    """Push ``op`` for ``by``; a refused edit is said in a message over ``by`` and changes nothing.
    A form that shows its problems in place passes ``failure(message)`` to be told instead (Anki's
    ``CollectionOp.failure``)."""
    try:
        return Outcome(True, session.push(op, by))
    except SourcelineError as error:
        if failure is not None:
            failure(str(error))
        else:
            QMessageBox.warning(by, op.label, literal(str(error)))
        return Outcome(False)


# -- events --------------------------------------------------------------------------------------

def add_event(session, by, title: str, date_edtf: str, **fields) -> Outcome:
    """The result is the new event's id."""
    return apply(session, by, events.add_event(title, date_edtf, **fields))


def edit_event(session, by, event_id: int, **fields) -> Outcome:
    return apply(session, by, events.update_event(event_id, **fields))


def delete_events(session, by, event_ids) -> Outcome:
    return apply(session, by, events.delete_events(event_ids))


def remove_citation(session, by, citation_id: int) -> Outcome:
    return apply(session, by, citations.delete_citation(citation_id))


def place_events(session, by, places) -> Outcome:
    """Give events coordinates, as one edit: ``places`` holds (event id, latitude, longitude, place name)."""
    return apply(session, by, geo.place_events(places))


# -- sources and their passages --------------------------------------------------------------------

def edit_source(session, by, source_id: int, item: dict, issued_edtf, accessed_edtf, **grading) -> Outcome:
    return apply(session, by, sources.update_source(source_id, item, issued_edtf, accessed_edtf, **grading))


def delete_sources(session, by, source_ids) -> Outcome:
    return apply(session, by, sources.delete_sources(source_ids))


def highlight(session, by, source_id: int, start: int, end: int, note: str = "", color: str = "yellow",
              tags=()) -> Outcome:
    """The result is the new annotation's id."""
    return apply(session, by, annotations.add_annotation(source_id, start, end, note, color, tags))


def import_highlights(session, by, source_id: int, found) -> Outcome:
    """Highlights another program left in a PDF, taken in as one edit (``db.annotations.add_annotations``)."""
    return apply(session, by, annotations.add_annotations(source_id, found))


def edit_highlight(session, by, annotation_id: int, **fields) -> Outcome:
    return apply(session, by, annotations.update_annotation(annotation_id, **fields))


def delete_highlight(session, by, annotation_id: int) -> Outcome:
    return apply(session, by, annotations.delete_annotation(annotation_id))


def set_source_text(session, by, source_id: int, text: str) -> Outcome:
    """The result is how many highlights are no longer found in the text."""
    return apply(session, by, annotations.set_source_text(source_id, text))


def cite(session, by, source_id: int, **passage_and_event) -> Outcome:
    """Cite a passage for an event (see ``db.annotations.cite_passage``); the result is the
    citation's id."""
    return apply(session, by, annotations.cite_passage(source_id, **passage_and_event))


def new_event_from_passage(session, by, source_id: int, span: tuple[int, int], **event) -> Outcome:
    """The result is the new event's id."""
    return apply(session, by, annotations.new_event_from_passage(source_id, span, **event))


def highlight_region(session, by, source_id: int, region, color: str = "yellow",
                     picture_size: tuple[int, int] | None = None) -> Outcome:
    """A region of a picture highlighted (``db.image_regions``); the result is the new annotation's id."""
    return apply(session, by, image_regions.add_region(source_id, region, color=color, picture_size=picture_size))


def new_event_from_picture(session, by, source_id: int, title: str, date_edtf: str, place=None,
                           region=None) -> Outcome:
    """An event dated and placed by a photograph, citing it or a region of it
    (``db.captures.event_from_picture``); the result is the new event's id."""
    return apply(session, by, captures.event_from_picture(source_id, title, date_edtf, place, region))


# -- entities ----------------------------------------------------------------------------------------

def rename_entity(session, by, entity_id: int, name: str) -> Outcome:
    return apply(session, by, entities.rename_entity(entity_id, name))


def set_entity_kind(session, by, entity_id: int, kind: str) -> Outcome:
    return apply(session, by, entities.set_entity_kind(entity_id, kind))


def add_alias(session, by, entity_id: int, alias: str) -> Outcome:
    return apply(session, by, entities.add_alias(entity_id, alias))


def remove_alias(session, by, entity_id: int, alias: str) -> Outcome:
    return apply(session, by, entities.remove_alias(entity_id, alias))


def delete_entity(session, by, entity_id: int) -> Outcome:
    return apply(session, by, entities.delete_entity(entity_id))


def merge_entities(session, by, keep_id: int, merge_id: int) -> Outcome:
    return apply(session, by, entities.merge_entities(keep_id, merge_id))


# -- eras ------------------------------------------------------------------------------------------

def delete_era(session, by, era_id: int) -> Outcome:
    return apply(session, by, eras.delete_era(era_id))


# -- a teammate's changes --------------------------------------------------------------------------

def settle_conflicts(session, by, choices: dict) -> Outcome:
    """Settle conflicts left by applying a teammate's changes: conflict id -> mine or theirs, one edit."""
    return apply(session, by, exchange_conflicts.settle(choices))
