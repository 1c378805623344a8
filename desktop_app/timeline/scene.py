"""The events of a frame placed on the canvas: their marks, labels, rows and lanes.

Built again when the viewport, the frame, the lane mode or the size changes (never by a paint);
painting and hit-testing read it. Label widths come from the widget's font (QFontMetrics).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from desktop_app.timeline.layout import lanes_of, stack_rows
from desktop_app.timeline.viewport import Viewport

AXIS_H = 44  # the axis band at the top: context labels, then tick labels
LANE_HEADER_H = 20
ROW_H = 24
MARK_H = 14  # height of a bar
POINT_R = 6  # half the width of a point's diamond
BADGE_W = 16  # room for the "!" of a contested event before its label
LABEL_MIN_W = 160  # a label's room in its row, at least: what the rows are stacked by
LABEL_MAX_W = 720  # no label is longer, however much room it has (the tooltip has the whole title)
GAP = 10  # between two things in a row
MIN_BAR_W = 3
MAX_LABEL_OFFSET = 40  # how far past a point its label may start (to clear a fuzzy band)
OPEN_FADE_PX = 60  # an open end fades over at least this much, out to the edge of the view
POINT_PRECISIONS = ("day", "time")


@dataclass
class Item:
    event: dict
    kind: str  # "point" (a day or a moment) or "bar" (a month, season, year, interval...)
    x0: float  # strict span in pixels; a point's x0 == x1 is its centre
    x1: float
    fx0: float | None  # how far an approximate start may reach; None: open start
    fx1: float | None  # likewise for the end
    label: str  # the title, elided to fit
    label_x: float
    label_w: float
    reported_x: float | None  # when the first source reported it, if that differs from its date
    left: float  # the whole extent in the row, for stacking
    right: float
    span_w: float = 0.0  # a point's day (or minute) in pixels: drawn behind it when zoomed in
    y: float = 0.0  # centre of its row, in content coordinates (before vertical scrolling)

    @property
    def id(self) -> int:
        return self.event["id"]

    @property
    def fuzzy_start(self) -> bool:
        """Whether the start is approximate, uncertain or open (never to be drawn as exact)."""
        fuzzy = self.event["fuzzy_start_s"]
        return fuzzy is None or fuzzy < self.event["start_s"]

    @property
    def fuzzy_end(self) -> bool:
        fuzzy = self.event["fuzzy_end_s"]
        return fuzzy is None or fuzzy > self.event["end_s"]

    def outer_left(self) -> float:
        """Where the drawing of its start ends: the fuzzy start, or the fade of an open start."""
        if self.fx0 is None:
            return min(0.0, self.x0 - OPEN_FADE_PX)
        return min(self.fx0, self.x0)

    def outer_right(self, width: float) -> float:
        if self.fx1 is None:
            return max(float(width), self.x1 + OPEN_FADE_PX)
        return max(self.fx1, self.x1)

    def hit(self, x: float, y: float) -> bool:
        if abs(y - self.y) > ROW_H / 2:
            return False
        if self.kind == "point" and abs(x - self.x0) <= POINT_R + 2:
            return True
        if self.kind == "bar" and self.x0 - 2 <= x <= self.x1 + 2:
            return True
        return self.label_x - (BADGE_W if self.event["contested"] else 0) <= x <= self.label_x + self.label_w


@dataclass(frozen=True)
class LaneBand:
    label: str
    top: float  # content coordinates
    height: float


@dataclass
class Scene:
    items: list[Item]
    lanes: list[LaneBand]
    height: float  # of the content below the axis

    def item_at(self, x: float, y: float) -> Item | None:
        """The item under a point in content coordinates (the last drawn wins)."""
        for item in reversed(self.items):
            if item.hit(x, y):
                return item
        return None


def mark_x(event: dict, viewport: Viewport) -> float:
    """Where a point event's diamond is centred: the middle of its day (or minute)."""
    return viewport.x_of((event["start_s"] + event["end_s"]) / 2)


class SceneBuilder:
    """Places events; remembers titles' widths so a zoom does not measure every title again.

    Rows are stacked by each mark with room for a short label (``LABEL_MIN_W``); then each label
    takes the room there is up to the next thing in its row (or the edge of the view) and is
    elided only when that room is shorter than it."""

    def __init__(self, font):
        self.metrics = QFontMetricsF(font)
        self._labels: dict[str, tuple[str, float]] = {}

    def label(self, title: str) -> tuple[str, float]:
        """The title on one line, at most ``LABEL_MAX_W`` wide, and its width."""
        known = self._labels.get(title)
        if known is None:
            flat = re.sub(r"\s+", " ", title).strip()
            text = self.metrics.elidedText(flat, Qt.TextElideMode.ElideRight, LABEL_MAX_W)
            known = self._labels[title] = (text, self.metrics.horizontalAdvance(text))
        return known

    def _fit_label(self, item: "Item", room: float) -> None:
        text, full_w = self.label(item.event["title"])
        if full_w <= room:
            item.label, item.label_w = text, full_w
        else:
            item.label = self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            item.label_w = self.metrics.horizontalAdvance(item.label)

    def _widen_labels(self, items: list["Item"], rows: list[int], width: int) -> None:
        """Give each label the room up to the next item of its row (or the view's edge)."""
        by_row: dict[int, list[Item]] = {}
        for item, row in zip(items, rows):
            by_row.setdefault(row, []).append(item)
        for row_items in by_row.values():
            row_items.sort(key=lambda i: i.left)
            for item, following in zip(row_items, [*row_items[1:], None]):
                if item.label_x < item.x0 - POINT_R:  # a label put left of its mark keeps its short room
                    continue
                limit = following.left - GAP if following is not None else width
                self._fit_label(item, max(item.label_w, limit - item.label_x))
                item.right = max(item.right, item.label_x + item.label_w + GAP)

    def build(self, events, viewport: Viewport, lane_mode: str, top: float = 0.0) -> Scene:
        """The events placed in rows from ``top`` down (below the eras' strip, when there is one)."""
        width = viewport.width_px
        visible = [e for e in events if _overlaps(_reach(e, viewport), width)]
        items: list[Item] = []
        bands: list[LaneBand] = []
        header = 0 if lane_mode == "none" else LANE_HEADER_H
        for lane in lanes_of(visible, lane_mode):
            lane_items = [self._item(e, viewport) for e in lane.events]
            rows = stack_rows([(i.left, i.right) for i in lane_items])
            self._widen_labels(lane_items, rows, width)
            for item, row in zip(lane_items, rows):
                item.y = top + header + row * ROW_H + ROW_H / 2
            height = header + (max(rows, default=-1) + 1) * ROW_H + 6
            bands.append(LaneBand(lane.label, top, height))
            items += lane_items
            top += height
        return Scene(items, bands, top)

    def _item(self, event: dict, viewport: Viewport) -> Item:
        width = viewport.width_px
        text, text_w = self.label(event["title"])
        if text_w > LABEL_MIN_W:  # the short room the rows are stacked by; widened after
            text = self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, LABEL_MIN_W)
            text_w = self.metrics.horizontalAdvance(text)
        badge = BADGE_W if event["contested"] else 0
        fx0, fx1 = _fuzzy_px(event, viewport)
        span_w = (event["end_s"] - event["start_s"]) / viewport.seconds_per_px
        if event["date_precision"] in POINT_PRECISIONS:
            x0 = x1 = mark_x(event, viewport)
            # an approximate day's label starts past its fuzzy band, unless the band is wide
            after = POINT_R if fx1 is None else max(POINT_R, min(fx1 - x0, MAX_LABEL_OFFSET))
            item = Item(event, "point", x0, x1, fx0, fx1, text, x0 + after + 4 + badge, text_w, None, 0, 0, span_w)
            # an approximate day left of the view whose reach is still in it keeps its label in view
            item.label_x = min(max(item.label_x, 4.0 + badge), max(item.outer_right(width) - 40, item.label_x))
            reach = max(POINT_R, span_w / 2)
            mark_left, mark_right = x0 - reach, x0 + reach
        else:
            x0, x1 = viewport.x_of(event["start_s"]), viewport.x_of(event["end_s"])
            if x1 - x0 < MIN_BAR_W:
                middle = (x0 + x1) / 2
                x0, x1 = middle - MIN_BAR_W / 2, middle + MIN_BAR_W / 2
            item = Item(event, "bar", x0, x1, fx0, fx1, text, 0, text_w, None, 0, 0)
            # the label stays in view while any of a long bar is (it starts at the left edge)
            item.label_x = min(max(x0, 0.0), max(item.outer_right(width) - 40, x0)) + 4 + badge
            mark_left, mark_right = x0, x1
        if item.label_x + text_w > width and mark_left - 4 - badge - text_w >= 0:
            item.label_x = mark_left - 4 - text_w  # no room on the right: the label goes on the left
        reported = event.get("first_reported_s")
        if reported is not None and not event["start_s"] <= reported < event["end_s"]:
            item.reported_x = viewport.x_of(reported)
        extra = [] if item.reported_x is None else [item.reported_x]
        item.left = min(mark_left, item.outer_left(), item.label_x - badge, *extra)
        item.right = max(mark_right, item.outer_right(width), item.label_x + text_w, *extra) + GAP
        return item


def _fuzzy_px(event: dict, viewport: Viewport) -> tuple[float | None, float | None]:
    fs, fe = event["fuzzy_start_s"], event["fuzzy_end_s"]
    return (None if fs is None else viewport.x_of(fs)), (None if fe is None else viewport.x_of(fe))


def _overlaps(reach: tuple[float, float], width: int) -> bool:
    return reach[0] < width and reach[1] > 0


def _reach(event: dict, viewport: Viewport) -> tuple[float, float]:
    """The pixels an event's drawing may touch, fuzzy and open ends included."""
    fs, fe = event["fuzzy_start_s"], event["fuzzy_end_s"]
    lo = float("-inf") if fs is None else viewport.x_of(min(fs, event["start_s"]))
    hi = float("inf") if fe is None else viewport.x_of(max(fe, event["end_s"]))
    return lo, max(hi, viewport.x_of(event["start_s"]) + LABEL_MAX_W)
