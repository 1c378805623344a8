"""Eras drawn on the timeline: a shaded band behind the events across the whole height, and a
strip under the axis naming each era on a tab of its colour.

Eras come with the frame (``frames.FrameSource`` asks the store only for those overlapping it);
:func:`place_eras` places those in view — tabs that overlap go on rows of their own — and the
event rows start below the strip. Painting reads the placed bands only. As with an event's bar,
an approximate or uncertain end fades out over its reach and an open end fades towards the edge.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from desktop_app.timeline.frames import EventsFrame
from desktop_app.timeline.layout import stack_rows
from desktop_app.timeline.colours import Colours, blend, contrast, legible, with_alpha
from desktop_app.timeline.painting import clip, fade
from desktop_app.timeline.scene import AXIS_H, OPEN_FADE_PX, Scene, SceneBuilder
from desktop_app.timeline.viewport import Viewport

ROW_H = 18  # one row of tabs
PADDING = 4  # below the last row of tabs
LABEL_PAD = 6
GAP = 8  # between two tabs in a row
# An era without a colour of its own gets one of these, by its id: neighbours differ, and an era
# keeps its colour from one view to the next.
HUES = ("#4e79a7", "#e15759", "#59a14f", "#b07aa1", "#f28e2b", "#76b7b2")
HUE_NAMES = ("Blue", "Red", "Green", "Purple", "Orange", "Teal")  # as the era form offers them
SHADE_ALPHA = {False: 26, True: 40}  # the shading behind the events, light and dark themes
TAB_SHARE = {False: 0.32, True: 0.36}  # how much of its colour a tab has over the base


def hue_of(era: dict) -> QColor:
    return QColor(era.get("color") or HUES[era["id"] % len(HUES)])


@dataclass(frozen=True)
class EraBand:
    era: dict
    x0: float  # the strict span, in pixels
    x1: float
    fx0: float | None  # how far an uncertain start reaches; None: an open start
    fx1: float | None
    row: int
    label: str  # the name, elided to the room its row has
    label_x: float
    label_w: float

    @property
    def fuzzy_start(self) -> bool:
        return self.fx0 is None or self.fx0 < self.x0

    @property
    def fuzzy_end(self) -> bool:
        return self.fx1 is None or self.fx1 > self.x1

    def outer_left(self) -> float:
        return min(0.0, self.x0 - OPEN_FADE_PX) if self.fx0 is None else min(self.fx0, self.x0)

    def outer_right(self, width: float) -> float:
        return max(float(width), self.x1 + OPEN_FADE_PX) if self.fx1 is None else max(self.fx1, self.x1)


@dataclass(frozen=True)
class EraStrip:
    bands: tuple[EraBand, ...]
    rows: int

    @property
    def height(self) -> float:
        """The room the tabs take under the axis: nothing when no era is in view."""
        return self.rows * ROW_H + PADDING if self.rows else 0.0

    def band_at(self, x: float, y: float) -> EraBand | None:
        """The era whose tab is under (x, y), y measured from the top of the canvas."""
        row = int((y - AXIS_H) // ROW_H)
        for band in self.bands:
            if band.row == row and AXIS_H <= y < AXIS_H + self.rows * ROW_H \
                    and min(band.x0, band.label_x) <= x <= max(band.x1, band.label_x + band.label_w):
                return band
        return None

    # -- painting -----------------------------------------------------------------------------

    def paint_behind(self, p: QPainter, width: int, height: int, colours: Colours, top: float | None = None,
                     strength: float = 1.0) -> None:
        """The shading of every era in view from ``top`` (default: below the strip) down to
        ``height``, before the events; ``strength`` times the usual opacity."""
        dark = colours.base.lightness() < 128
        top = AXIS_H + self.height if top is None else top
        for band in self.bands:
            hue = hue_of(band.era)
            _paint_reach(p, band, width, top, height - top, with_alpha(hue, min(255, round(SHADE_ALPHA[dark] * strength))))
            edge = with_alpha(legible(hue, colours.base, 3.0, colours.text), 110)
            p.setPen(QPen(edge, 1))
            for x, fuzzy in ((band.x0, band.fuzzy_start), (band.x1, band.fuzzy_end)):
                if not fuzzy and 0 <= x <= width:
                    p.drawLine(QPointF(round(x) + 0.5, top), QPointF(round(x) + 0.5, height))

    def paint_tabs(self, p: QPainter, width: int, colours: Colours) -> None:
        """The strip under the axis: each era's reach on its row, named (after the events: the
        strip stays in place when the rows scroll)."""
        if not self.bands:
            return
        p.fillRect(QRectF(0, AXIS_H, width, self.height), colours.base)
        dark = colours.base.lightness() < 128
        for band in self.bands:
            hue = hue_of(band.era)
            fill = blend(colours.base, hue, TAB_SHARE[dark])
            top = AXIS_H + band.row * ROW_H + 1
            _paint_reach(p, band, width, top, ROW_H - 2, fill)
            text = colours.text if contrast(colours.text, fill) >= 4.5 else legible(colours.text, fill, 4.5, colours.base)
            p.setPen(text)
            p.drawText(QRectF(band.label_x, top, band.label_w + 2, ROW_H - 2),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, band.label)
        p.setPen(QPen(colours.major_grid, 1))
        p.drawLine(QPointF(0, AXIS_H + self.height - 0.5), QPointF(width, AXIS_H + self.height - 0.5))


def _paint_reach(p: QPainter, band: EraBand, width: int, top: float, height: float, colour: QColor) -> None:
    x0, x1 = clip(band.x0, width), clip(band.x1, width)
    if band.fuzzy_start:
        fade(p, x0, clip(band.outer_left(), width), top, height, colour, width)
    if band.fuzzy_end:
        fade(p, x1, clip(band.outer_right(width), width), top, height, colour, width)
    p.fillRect(QRectF(x0, top, max(x1 - x0, 1.0), height), colour)


NO_ERAS = EraStrip((), 0)


def place_eras(eras, viewport: Viewport, metrics: QFontMetricsF) -> EraStrip:
    """Place the eras whose reach is in view; tabs that would overlap go on separate rows."""
    width = viewport.width_px
    placed = []
    for era in eras:
        fx0 = None if era["fuzzy_start_s"] is None else viewport.x_of(era["fuzzy_start_s"])
        fx1 = None if era["fuzzy_end_s"] is None else viewport.x_of(era["fuzzy_end_s"])
        x0, x1 = viewport.x_of(era["start_s"]), viewport.x_of(era["end_s"])
        if (fx0 is not None and min(fx0, x0) >= width) or (fx1 is not None and max(fx1, x1) <= 0):
            continue
        placed.append((era, x0, x1, fx0, fx1))
    if not placed:
        return NO_ERAS
    labels = []
    for era, x0, x1, _, _ in placed:
        name = " ".join(era["name"].split())
        # the name stays in view while any of the era is (it starts at the left edge), inside the
        # era's own span when there is room; an era the right edge cuts short is named before its
        # start when it fits there, else the name is elided (to no less than a few letters)
        label_x = max(x0, 0.0) + LABEL_PAD
        room = min(x1, float(width)) - LABEL_PAD - label_x
        full_w = metrics.horizontalAdvance(name)
        if full_w > room and x1 > width and x0 - LABEL_PAD - full_w >= 0:
            labels.append((name, x0 - LABEL_PAD - full_w, full_w))
            continue
        label = name if full_w <= room else metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 60.0))
        labels.append((label, label_x, metrics.horizontalAdvance(label)))
    bands = [EraBand(era, x0, x1, fx0, fx1, 0, *label) for (era, x0, x1, fx0, fx1), label in zip(placed, labels)]
    rows = stack_rows([(min(b.outer_left(), b.label_x), max(b.outer_right(width), b.label_x + b.label_w + LABEL_PAD))
                       for b in bands], GAP)
    return EraStrip(tuple(replace(b, row=row) for b, row in zip(bands, rows)), max(rows) + 1)


def lay_out(builder: SceneBuilder, frame, viewport: Viewport, lanes: str) -> tuple[Scene | None, EraStrip]:
    """The eras' strip for a frame and, for a frame of events, its scene placed below the strip."""
    strip = place_eras(frame.eras, viewport, builder.metrics)
    scene = builder.build(frame.events, viewport, lanes, top=strip.height) if isinstance(frame, EventsFrame) else None
    return scene, strip
