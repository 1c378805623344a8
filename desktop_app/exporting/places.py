"""The selected events that have coordinates, with what map formats say of each. No Qt."""
from __future__ import annotations

from typing import Iterator

from db.connection import Database

from db import geo
from desktop_app.exporting.event_record import event_record, split_names
from desktop_app.exporting.selection import Progress, Selection, event_pages


def located_events(db: Database, selection: Selection, progress: Progress | None = None) -> Iterator[dict]:
    """Each selected event with coordinates, in date order: its flat record (see event_record) with
    ``uuid``, ``tags``/``entities`` as lists, ``latitude``, ``longitude``, ``location_name`` and
    ``geo_precision``."""
    for page in event_pages(db, selection, progress):
        places = geo.places_of(db, [e["id"] for e in page])
        for event in page:
            place = places.get(event["id"])
            if place is not None:
                yield {**event_record(event), "uuid": event["uuid"], "tags": split_names(event["tags"]),
                       "entities": split_names(event["entities"]), **place}
