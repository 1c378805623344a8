"""What the timeline draws for a viewport, asked of the store once and cached. No Qt.

Either the events themselves (when few enough are in view to draw legibly) or, past that, per-
bucket counts (density). A frame covers a range wider than the view so small pans and zooms reuse
it; painting only ever reads the cached frame, never the store.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from db.connection import Database

from db import events as event_queries
from db.dates import DAY
from db.eras import eras_overlapping
from db.events import EventFilter
from desktop_app.timeline.axis import TickScale, finest_unit, ticks
from desktop_app.timeline.viewport import Viewport

MAX_MARKS = 500  # more events in view than this are drawn as density (they would stack into screens of rows)
BUCKET_PX = 3  # density bars are this many pixels wide
MARGIN = 0.5  # a frame reaches this fraction of the view's width beyond each side


def bucket_seconds(seconds_per_px: float) -> float:
    """The width of a density bucket: BUCKET_PX pixels, but never less than a day (most events
    are days, which start at midnight: finer buckets would show spikes at midnight, not events)."""
    return max(BUCKET_PX * seconds_per_px, float(DAY))


def marks_limit(width_px: int) -> int:
    """How many events a view this wide can draw one by one: MAX_MARKS, or one per pixel."""
    return max(1, min(MAX_MARKS, width_px))


@dataclass(frozen=True)
class EventsFrame:
    start_s: float  # every event overlapping [start_s, end_s) is in ``events``
    end_s: float
    events: tuple[dict, ...]  # store summaries, earliest first
    eras: tuple[dict, ...] = ()  # the eras overlapping [start_s, end_s) (``db.eras``)

    def covers(self, viewport: Viewport) -> bool:
        if not (self.start_s <= viewport.start_s and viewport.end_s <= self.end_s):
            return False
        # zoomed out within the frame: still few enough to draw one by one?
        return sum(1 for _ in self.in_view(viewport)) <= marks_limit(viewport.width_px)

    def in_view(self, viewport: Viewport):
        lo, hi = viewport.start_s, viewport.end_s
        return (e for e in self.events if e["end_s"] > lo and e["start_s"] < hi)


def tick_scale(viewport: Viewport, frame) -> TickScale:
    """The axis for a frame: hours only when an event in view has a time of day (a density
    frame's buckets are never under a day)."""
    shown = frame.in_view(viewport) if isinstance(frame, EventsFrame) else ()
    return ticks(viewport, finest_unit(shown))


@dataclass(frozen=True)
class DensityFrame:
    start_s: float  # bucket i covers [start_s + i * bucket_s, start_s + (i + 1) * bucket_s)
    bucket_s: float
    counts: tuple[int, ...]
    eras: tuple[dict, ...] = ()  # the eras overlapping [start_s, end_s)

    @property
    def end_s(self) -> float:
        return self.start_s + self.bucket_s * len(self.counts)

    def covers(self, viewport: Viewport) -> bool:
        same_scale = math.isclose(self.bucket_s, bucket_seconds(viewport.seconds_per_px), rel_tol=1e-9)
        return same_scale and self.start_s <= viewport.start_s and viewport.end_s <= self.end_s

    def in_view(self, viewport: Viewport) -> int:
        """How many events start in view (by the buckets the view overlaps)."""
        first = max(0, int((viewport.start_s - self.start_s) // self.bucket_s))
        last = min(len(self.counts), int(math.ceil((viewport.end_s - self.start_s) / self.bucket_s)))
        return sum(self.counts[first:last])


Frame = EventsFrame | DensityFrame


class FrameSource:
    """Frames for viewports of one project under one filter, with the last one cached."""

    def __init__(self, db: Database, where: EventFilter = EventFilter(), lanes: str = "none"):
        self.db = db
        self.where = where
        self.lanes = lanes  # the lane mode: events carry the names it groups by
        self.cached: Frame | None = None
        self.queries = 0  # how many frames were fetched (tests check painting never fetches)

    def set_filter(self, where: EventFilter) -> None:
        self.where = where
        self.cached = None

    def set_lanes(self, lanes: str) -> None:
        if lanes != self.lanes:
            self.lanes = lanes
            self.cached = None

    def invalidate(self) -> None:
        self.cached = None

    def covers(self, viewport: Viewport) -> bool:
        return self.cached is not None and self.cached.covers(viewport)

    def frame(self, viewport: Viewport) -> Frame:
        """The cached frame if it covers the viewport, else a new one from the store."""
        if not self.covers(viewport):
            self.cached = self.fetch(viewport)
        return self.cached

    def fetch(self, viewport: Viewport) -> Frame:
        self.queries += 1
        limit = marks_limit(viewport.width_px)
        lo, hi = math.floor(viewport.start_s), math.ceil(viewport.end_s)
        margin = (hi - lo) * MARGIN
        if event_queries.count_in_range(self.db, lo, hi, self.where, cap=limit + 1) > limit:
            return self._density(viewport, lo - margin, hi + margin)
        wide_lo, wide_hi = math.floor(lo - margin), math.ceil(hi + margin)
        columns = event_queries.mark_columns(self.lanes)
        rows = event_queries.events_in_range(self.db, wide_lo, wide_hi, self.where, 3 * limit, columns)
        covered_hi = wide_hi if len(rows) < 3 * limit else rows[-1]["start_s"]
        if covered_hi < hi:  # crowded just before the view: take the view alone
            rows = event_queries.events_in_range(self.db, lo, hi, self.where, limit + 1, columns)
            wide_lo, covered_hi = lo, hi
        # eras are few: the frame holds those overlapping it, asked with the events
        return EventsFrame(wide_lo, covered_hi, tuple(rows), tuple(eras_overlapping(self.db, wide_lo, covered_hi)))

    def _density(self, viewport: Viewport, lo: float, hi: float) -> DensityFrame:
        # Buckets sit on a fixed grid (multiples of their width from 1970), so a pan at the same
        # zoom shows the same bars instead of bars that shimmer as their edges move.
        bucket_s = bucket_seconds(viewport.seconds_per_px)
        first = math.floor(lo / bucket_s)
        count = max(1, math.ceil(hi / bucket_s) - first)
        start = first * bucket_s
        end = start + count * bucket_s
        counts = event_queries.density(self.db, round(start), round(end), count, self.where)
        return DensityFrame(start, bucket_s, tuple(counts), tuple(eras_overlapping(self.db, start, end)))
