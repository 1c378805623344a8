"""What the map draws for a view, asked of the store once and cached. No Qt.

Either the events themselves (marks), when few enough are in view, or per-cell counts (density
cells summed in SQL, see db/geo.py). A frame covers a box wider than the view, so pans and small
zooms reuse it; painting only reads the cached frame, never the store.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from db.connection import Database

from db import geo
from db.events import EventFilter
from db.geo_index import Box, cell_box
from desktop_app.map.projection import MapView

MAX_MARKS = 2_000  # more events in view than this are drawn as density cells
CELL_PX = 40  # a density cell is at most this wide on screen (and more than half of it): room for "37k"
MAX_CELL_LEVEL = 24
MARGIN = 0.5  # a frame reaches this fraction of the view's size beyond each side


def cell_level(view: MapView) -> int:
    """The grid level whose cells are between CELL_PX / 2 and CELL_PX pixels wide in this view."""
    return max(1, min(MAX_CELL_LEVEL, math.ceil(math.log2(view.scale / CELL_PX))))


def grown(box: Box, by: float = MARGIN) -> Box:
    dx, dy = (box.east - box.west) * by, (box.north - box.south) * by
    return Box(max(-180.0, box.west - dx), max(-90.0, box.south - dy), min(180.0, box.east + dx), min(90.0, box.north + dy))


def contains(outer: Box, inner: Box) -> bool:
    return (outer.west <= inner.west and inner.east <= outer.east
            and outer.south <= inner.south and inner.north <= outer.north)


def _in(box: Box, event: dict) -> bool:
    return box.west <= event["longitude"] <= box.east and box.south <= event["latitude"] <= box.north


@dataclass(frozen=True)
class MarksFrame:
    box: Box  # every located event in the box (passing the filter) is in ``events``
    events: tuple[dict, ...]

    def covers(self, view: MapView) -> bool:
        box = view.box()
        return contains(self.box, box) and sum(1 for e in self.events if _in(box, e)) <= MAX_MARKS


@dataclass(frozen=True)
class CellsFrame:
    box: Box
    level: int
    cells: tuple[tuple[int, int, int], ...]  # (cx, cy, count)

    @property
    def largest(self) -> int:
        return max((n for _, _, n in self.cells), default=0)

    def covers(self, view: MapView) -> bool:
        return self.level == cell_level(view) and contains(self.box, view.box())

    def boxes(self):
        """Each cell's box in degrees with its count."""
        return ((cell_box(self.level, cx, cy), n) for cx, cy, n in self.cells)


MapFrame = MarksFrame | CellsFrame


class MapFrameSource:
    """Frames for views of one project under one filter (the timeline's, with the period in view),
    the last one cached."""

    def __init__(self, db: Database, where: EventFilter = EventFilter(), lanes: str = "none"):
        self.db = db
        self.where = where
        self.lanes = lanes
        self.cached: MapFrame | None = None
        self.queries = 0  # how many frames were fetched (tests check painting never fetches)

    def set_filter(self, where: EventFilter, lanes: str | None = None) -> None:
        if where != self.where or (lanes is not None and lanes != self.lanes):
            self.where = where
            self.lanes = self.lanes if lanes is None else lanes
            self.cached = None

    def invalidate(self) -> None:
        self.cached = None

    def frame(self, view: MapView) -> MapFrame:
        if self.cached is None or not self.cached.covers(view):
            self.cached = self.fetch(view)
        return self.cached

    def fetch(self, view: MapView) -> MapFrame:
        self.queries += 1
        level = cell_level(view)
        box = grown(view.box())
        cells = geo.cell_counts(self.db, level, box, self.where)
        in_view = view.box()
        shown = sum(n for cx, cy, n in cells if _overlaps(cell_box(level, cx, cy), in_view))
        if shown > MAX_MARKS:
            return CellsFrame(box, level, tuple(cells))
        events = geo.places_in_box(self.db, box, self.where, limit=3 * MAX_MARKS, lanes=self.lanes)
        if len(events) >= 3 * MAX_MARKS:  # crowded around the view: take the view alone
            box = in_view
            events = geo.places_in_box(self.db, box, self.where, limit=MAX_MARKS + 1, lanes=self.lanes)
        return MarksFrame(box, tuple(events))


def _overlaps(a: Box, b: Box) -> bool:
    return a.west < b.east and b.west < a.east and a.south < b.north and b.south < a.north
