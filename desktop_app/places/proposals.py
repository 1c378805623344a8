"""Coordinates proposed for events that have none, from the places among their entities.

Proposed, never applied: the window shows each proposal and applies the ones the analyst accepts
as one undoable edit (``db.geo.place_events`` with :func:`places`).
"""
from __future__ import annotations

from dataclasses import dataclass

from db import geo
from db.connection import Database

from desktop_app.places.gazetteer import Gazetteer, Place


@dataclass(frozen=True)
class Proposal:
    event_id: int
    title: str
    entity: str  # the place entity the proposal comes from
    place: Place


def propose(db: Database, gazetteer: Gazetteer, event_id: int) -> Proposal | None:
    """Where the event probably happened: the first of its place entities the gazetteer knows,
    by the entity's name or else one of its aliases (Kiev finds Kyiv). None for an event that
    already has coordinates or names no known place."""
    title = geo.title_if_unplaced(db, event_id)
    if title is None:
        return None
    for name, aliases in geo.place_names(db, event_id):
        for spelling in (name, *aliases):
            found = gazetteer.find(spelling, limit=1)
            if found:
                return Proposal(event_id, title, name, found[0])
    return None


def propose_all(db: Database, gazetteer: Gazetteer, event_ids) -> list[Proposal]:
    return [p for p in (propose(db, gazetteer, e) for e in event_ids) if p is not None]


def places(proposals: list[Proposal]) -> list[tuple[int, float, float, str]]:
    """What ``db.geo.place_events`` takes to give each event its proposed place (one edit)."""
    return [(p.event_id, p.place.latitude, p.place.longitude, p.place.name) for p in proposals]
