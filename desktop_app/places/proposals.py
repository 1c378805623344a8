"""Coordinates proposed for events that have none, from the places among their entities.

Proposed, never applied: the window shows each proposal and applies the ones the analyst accepts
as one undoable edit (:func:`apply`).
"""
from __future__ import annotations

from dataclasses import dataclass

from db.connection import Database

from db import geo
from db.ops import Op
from desktop_app.places.gazetteer import Gazetteer, Place


@dataclass(frozen=True)
class Proposal:
    event_id: int
    title: str
    entity: str  # the place entity the proposal comes from
    place: Place


def place_names(db: Database, event_id: int) -> list[tuple[str, list[str]]]:
    """The event's entities of kind place (and, failing any, of kind other), each with its aliases."""
    rows = db.conn.execute(
        "SELECT n.id, n.name, n.kind FROM event_entities ee JOIN entities n ON n.id = ee.entity_id"
        " WHERE ee.event_id = ? AND n.kind IN ('place', 'other') ORDER BY n.kind = 'other', n.name", (event_id,)).fetchall()
    names = []
    for entity_id, name, _ in rows:
        aliases = [a for (a,) in db.conn.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY id", (entity_id,))]
        names.append((name, aliases))
    return names


def propose(db: Database, gazetteer: Gazetteer, event_id: int) -> Proposal | None:
    """Where the event probably happened: the first of its place entities the gazetteer knows,
    by the entity's name or else one of its aliases (Kiev finds Kyiv). None for an event that
    already has coordinates or names no known place."""
    row = db.conn.execute("SELECT title, latitude FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None or row[1] is not None:
        return None
    for name, aliases in place_names(db, event_id):
        for spelling in (name, *aliases):
            found = gazetteer.find(spelling, limit=1)
            if found:
                return Proposal(event_id, row[0], name, found[0])
    return None


def propose_all(db: Database, gazetteer: Gazetteer, event_ids) -> list[Proposal]:
    return [p for p in (propose(db, gazetteer, e) for e in event_ids) if p is not None]


def apply(proposals: list[Proposal]) -> Op:
    """One edit giving each event its proposed place: undone as one step."""
    return geo.place_events([(p.event_id, p.place.latitude, p.place.longitude, p.place.name) for p in proposals])
