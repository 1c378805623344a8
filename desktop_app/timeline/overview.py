"""The overview strip: the density of every event the filter lets through, across their whole
extent, with a rectangle where the timeline is looking. Clicking or dragging in it moves the view.

It asks the store only when the data, the filter or its width change (per-bucket counts from the
day-counts table when unfiltered); a viewport change only moves the rectangle.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from db import events as event_queries
from db.dates import DAY, civil_from_days
from db.eras import eras_overlapping
from db.events import EventFilter
from desktop_app.dates.render import MONTHS
from desktop_app.timeline.axis import year_words
from desktop_app.timeline.era_bands import NO_ERAS, place_eras
from desktop_app.timeline.colours import Colours
from desktop_app.timeline.viewport import Viewport

STRIP_H = 34
BUCKET_PX = 2
MIN_SPAN_S = 7 * DAY
ERA_STRENGTH = 2.5  # the eras' shading, stronger than behind the timeline's events: the strip is small


def ends_in_words(lo: float, hi: float) -> tuple[str, str]:
    """The first and last moment of the strip as two labels that say something: "2022" … "2024",
    "Aug 2024" … "Dec 2024" within one year, "18 Nov 2024" … "21 Nov 2024" within one month."""
    first, last = civil_from_days(int(lo // DAY)), civil_from_days(int((hi - 1) // DAY))
    if first[0] != last[0]:
        return year_words(first[0]), year_words(last[0])

    def month(day):
        return f"{MONTHS[day[1] - 1][:3]} {year_words(day[0])}"
    if first[1] != last[1]:
        return month(first), month(last)
    return f"{first[2]} {month(first)}", f"{last[2]} {month(last)}"


class OverviewStrip(QWidget):
    center_requested = Signal(float)  # seconds: the user clicked or dragged here

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.where = EventFilter()
        self.setAccessibleName("Timeline overview")
        self.setToolTip("Where the timeline is looking; click or drag to move there")
        self.setFixedHeight(STRIP_H)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._range: tuple[float, float] | None = None  # the times across the strip's width
        self._counts: list[int] = []
        self._eras = NO_ERAS  # the eras across the strip, placed as on the timeline
        self._viewport: Viewport | None = None

    def set_filter(self, where: EventFilter) -> None:
        self.where = where
        self.refresh()

    def set_viewport(self, viewport: Viewport) -> None:
        self._viewport = viewport
        self.update()

    def time_range(self) -> tuple[float, float] | None:
        return self._range

    def refresh(self) -> None:
        """Count again (the events or the filter changed)."""
        span = event_queries.extent(self.session.db, self.where)
        if span is None:
            self._range, self._counts, self._eras = None, [], NO_ERAS
        else:
            lo, hi = span
            if hi - lo < MIN_SPAN_S:
                middle = (lo + hi) / 2
                lo, hi = middle - MIN_SPAN_S / 2, middle + MIN_SPAN_S / 2
            margin = (hi - lo) * 0.02
            lo, hi = math.floor(lo - margin), math.ceil(hi + margin)
            self._range = (lo, hi)
            buckets = max(1, self.width() // BUCKET_PX)
            self._counts = event_queries.density(self.session.db, lo, hi, buckets, self.where)
            whole = Viewport(lo, (hi - lo) / max(1, self.width()), max(1, self.width()))
            self._eras = place_eras(eras_overlapping(self.session.db, lo, hi), whole, QFontMetricsF(self.font()))
        self.update()

    def _x_of(self, t: float) -> float:
        lo, hi = self._range
        return (t - lo) / (hi - lo) * self.width()

    def _t_of(self, x: float) -> float:
        lo, hi = self._range
        return lo + x / max(1, self.width()) * (hi - lo)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self.refresh()

    def paintEvent(self, event):  # noqa: N802
        colours = Colours.from_palette(self.palette())
        p = QPainter(self)
        width, height = self.width(), self.height()
        p.fillRect(self.rect(), colours.axis)
        p.setPen(QPen(colours.major_grid, 1))
        p.drawLine(QPointF(0, 0.5), QPointF(width, 0.5))
        if self._range is None:
            p.end()
            return
        self._eras.paint_behind(p, width, height, colours, top=1, strength=ERA_STRENGTH)
        self._paint_counts(p, colours, width, height)
        if self._viewport is not None:
            self._paint_viewport(p, colours, width, height)
        # the years last: under the viewport's tint their contrast fell below what text needs
        self._paint_ends(p, colours, width, height)
        p.end()

    def _paint_counts(self, p: QPainter, colours: Colours, width: int, height: int) -> None:
        top = max(self._counts, default=0)
        if not top:
            return
        bucket_w = width / len(self._counts)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colours.mark)
        for index, n in enumerate(self._counts):
            if n:
                # square root: a quiet month next to a busy one stays visible
                h = max(1.0, math.sqrt(n / top) * (height - 6))
                p.drawRect(QRectF(index * bucket_w, height - h, max(1.0, bucket_w - 0.5), h))

    def end_labels(self) -> tuple[str, str] | None:
        """What the strip's two ends say: years, or months within one year, or days within one month."""
        if self._range is None:
            return None
        return ends_in_words(*self._range)

    def _paint_ends(self, p: QPainter, colours: Colours, width: int, height: int) -> None:
        for text, at_left in zip(self.end_labels(), (True, False)):
            box = QRectF(0, 2, p.fontMetrics().horizontalAdvance(text) + 8, 14)
            box.moveLeft(2) if at_left else box.moveRight(width - 2)
            p.fillRect(box, colours.axis)
            p.setPen(colours.faint)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_viewport(self, p: QPainter, colours: Colours, width: int, height: int) -> None:
        x0, x1 = self._x_of(self._viewport.start_s), self._x_of(self._viewport.end_s)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        highlight = QColor(colours.selection)
        if x1 < 0 or x0 > width:  # looking outside every event: an arrow points that way
            x = 2.0 if x1 < 0 else width - 2.0
            d = 8.0 if x1 < 0 else -8.0
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(highlight)
            p.drawPolygon(QPolygonF([QPointF(x, height / 2), QPointF(x + d, height / 2 - 6),
                                     QPointF(x + d, height / 2 + 6)]))
            return
        x0, x1 = max(x0, 0.0), min(x1, float(width))
        if x1 - x0 < 6:
            middle = (x0 + x1) / 2
            x0, x1 = middle - 3, middle + 3
        fill = QColor(highlight)
        fill.setAlpha(70)
        p.setBrush(fill)
        p.setPen(QPen(colours.text, 1.5))  # text on base contrasts with the bars in any palette
        p.drawRect(QRectF(x0, 1.5, x1 - x0, height - 3))

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._range is not None:
            self.center_requested.emit(self._t_of(event.position().x()))

    def mouseMoveEvent(self, event):  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton and self._range is not None:
            self.center_requested.emit(self._t_of(event.position().x()))
