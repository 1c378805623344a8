"""Painting one frame of the timeline onto any QPainter (the widget, or a QImage offscreen).

Everything here reads the scene or the cached frame and the colours (``colours.py``, from the
palette); nothing queries the store.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPen, QPolygonF

from desktop_app.timeline.axis import TickScale
from desktop_app.timeline.colours import Colours, blend, with_alpha
from desktop_app.timeline.frames import DensityFrame
from desktop_app.timeline.scene import (AXIS_H, BADGE_W, LANE_HEADER_H, MARK_H, POINT_R, ROW_H, Item,
                                        Scene)
from desktop_app.timeline.viewport import Viewport


@dataclass(frozen=True)
class DragPreview:
    event_id: int
    dx_px: float  # whole days, in pixels
    label: str  # the new date in words


def paint_background(p: QPainter, width: int, height: int, scene: Scene | None, scale: TickScale,
                     colours: Colours, scroll_y: float) -> None:
    p.fillRect(QRectF(0, 0, width, height), colours.base)
    if scene is not None and len(scene.lanes) > 1:
        for index, lane in enumerate(scene.lanes):
            if index % 2:
                p.fillRect(QRectF(0, AXIS_H + lane.top - scroll_y, width, lane.height), colours.band)
    for ticks, colour in ((scale.minor, colours.grid), (scale.major, colours.major_grid)):
        p.setPen(QPen(colour, 1))
        for tick in ticks:
            if 0 <= tick.x <= width:
                p.drawLine(QPointF(round(tick.x) + 0.5, AXIS_H), QPointF(round(tick.x) + 0.5, height))


def paint_today(p: QPainter, viewport: Viewport, now_s: float, height: int, colours: Colours) -> None:
    """A dashed line at the present moment (under the events)."""
    x = viewport.x_of(now_s)
    if 0 <= x <= viewport.width_px:
        p.setPen(QPen(colours.today, 1.5, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, AXIS_H), QPointF(x, height))


def paint_today_label(p: QPainter, viewport: Viewport, now_s: float, colours: Colours) -> None:
    """"Today" at the top of the axis, over the context labels, beside the line."""
    x = viewport.x_of(now_s)
    if not 0 <= x <= viewport.width_px:
        return
    text = "Today"
    box = QRectF(x + 3, 2, p.fontMetrics().horizontalAdvance(text) + 10, 18)
    if box.right() > viewport.width_px:
        box.moveRight(x - 3)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colours.today)
    p.drawRoundedRect(box, 4, 4)
    p.setPen(colours.base)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    p.setPen(QPen(colours.today, 1.5, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(x, box.bottom()), QPointF(x, AXIS_H))


def paint_lane_labels(p: QPainter, scene: Scene, colours: Colours, scroll_y: float) -> None:
    font = p.font()
    font.setBold(True)
    p.save()
    p.setFont(font)
    p.setPen(colours.faint)
    for lane in scene.lanes:
        if lane.label:
            p.drawText(QRectF(6, AXIS_H + lane.top - scroll_y, 400, LANE_HEADER_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, lane.label)
    p.restore()


def paint_items(p: QPainter, scene: Scene, width: int, height: int, colours: Colours, selection: set[int],
                scroll_y: float, drag: DragPreview | None = None) -> None:
    p.save()
    p.translate(0, AXIS_H - scroll_y)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    # rows scrolled out of sight cost nothing (a crowded month stacks hundreds of rows)
    top, bottom = scroll_y - ROW_H, scroll_y + height - AXIS_H + ROW_H
    for item in scene.items:
        if not top <= item.y <= bottom:
            continue
        selected = item.id in selection
        if drag is not None and item.id == drag.event_id:
            p.setOpacity(0.35)
            paint_item(p, item, width, colours, selected)
            p.setOpacity(1.0)
            p.translate(drag.dx_px, 0)
            paint_item(p, item, width, colours, True, label=drag.label)
            p.translate(-drag.dx_px, 0)
        else:
            paint_item(p, item, width, colours, selected)
    p.restore()


def paint_item(p: QPainter, item: Item, width: int, colours: Colours, selected: bool, label: str | None = None) -> None:
    cy = item.y
    outline = colours.contested if item.event["contested"] else (colours.text if selected else colours.mark)
    outline_w = 2.0 if selected or item.event["contested"] else 1.0
    if item.reported_x is not None:
        _paint_first_reported(p, item, colours)
    if item.kind == "bar":
        _paint_bar(p, item, width, colours, QPen(outline, outline_w))
    else:
        _paint_point(p, item, width, colours, QPen(outline, outline_w))
    if item.event["contested"]:
        _paint_badge(p, item.label_x - BADGE_W / 2 - 1, cy, colours)
    text = label if label is not None else item.label
    text_w = p.fontMetrics().horizontalAdvance(text) if label is not None else item.label_w
    box = QRectF(item.label_x, cy - ROW_H / 2 + 3, text_w + 2, ROW_H - 6)
    if selected:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colours.selection)
        p.drawRoundedRect(box.adjusted(-3, 0, 3, 0), 3, 3)
    p.setPen(colours.selection_text if selected else colours.text)
    p.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


def clip(x: float, width: int) -> float:
    """Keep far-away coordinates in a range QPainter draws exactly."""
    return min(max(x, -1_000.0), width + 1_000.0)


def fade(p: QPainter, solid_x: float, clear_x: float, top: float, height: float, colour: QColor,
          width: float | None = None) -> None:
    """A band that fades from ``colour`` at ``solid_x`` to nothing at ``clear_x``; given the view's
    ``width``, a fade reaching past an edge is drawn to end there, faded out in sight, not cut off."""
    if width is not None and 0 <= solid_x <= width:
        clear_x = min(max(clear_x, 0.0), float(width))
    gradient = QLinearGradient(solid_x, 0, clear_x, 0)
    gradient.setColorAt(0, colour)
    gradient.setColorAt(1, with_alpha(colour, 0))
    p.fillRect(QRectF(min(solid_x, clear_x), top, abs(clear_x - solid_x), height), QBrush(gradient))


def _paint_bar(p: QPainter, item: Item, width: int, colours: Colours, pen: QPen) -> None:
    top = item.y - MARK_H / 2
    x0, x1 = clip(item.x0, width), clip(item.x1, width)
    # the uncertain reach first, fading away from the strict span: never drawn as if exact
    if item.fuzzy_start:
        fade(p, x0, clip(item.outer_left(), width), top, MARK_H, colours.mark_fill, width)
    if item.fuzzy_end:
        fade(p, x1, clip(item.outer_right(width), width), top, MARK_H, colours.mark_fill, width)
    p.fillRect(QRectF(x0, top, x1 - x0, MARK_H), colours.mark_fill)
    p.setPen(pen)
    p.drawLine(QPointF(x0, top), QPointF(x1, top))
    p.drawLine(QPointF(x0, top + MARK_H), QPointF(x1, top + MARK_H))
    # exact ends get a crisp edge; fuzzy ends have none
    if not item.fuzzy_start:
        p.drawLine(QPointF(x0, top), QPointF(x0, top + MARK_H))
    if not item.fuzzy_end:
        p.drawLine(QPointF(x1, top), QPointF(x1, top + MARK_H))


def _paint_point(p: QPainter, item: Item, width: int, colours: Colours, pen: QPen) -> None:
    x, cy = item.x0, item.y
    fuzzy = item.fuzzy_start or item.fuzzy_end
    if fuzzy:  # about a day: a band fading both ways around a hollow diamond
        band = 6
        for reach in (item.fx0, item.fx1):
            if reach is not None:
                fade(p, x, reach, cy - band / 2, band, with_alpha(colours.mark, 170), width)
    if item.span_w > 2 * POINT_R + 4:
        # zoomed in far enough to see the day itself: show its extent behind the diamond
        p.fillRect(QRectF(x - item.span_w / 2, cy - 2, item.span_w, 4), colours.mark_fill)
    if fuzzy:  # hollow: a 2 px outline and a faint fill, so it shows on a dark base as on a light one
        p.setPen(QPen(pen.color(), max(pen.widthF(), 2.0)))
        p.setBrush(blend(colours.base, colours.mark, 0.2))
    else:
        p.setPen(pen)
        p.setBrush(colours.mark)
    r = POINT_R
    p.drawPolygon(QPolygonF([QPointF(x, cy - r), QPointF(x + r, cy), QPointF(x, cy + r), QPointF(x - r, cy)]))
    p.setBrush(Qt.BrushStyle.NoBrush)


def _paint_badge(p: QPainter, x: float, cy: float, colours: Colours) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colours.contested)
    p.drawEllipse(QPointF(x, cy), 6.5, 6.5)
    font = p.font()
    font.setBold(True)
    p.save()
    p.setFont(font)
    p.setPen(colours.base)
    p.drawText(QRectF(x - 6.5, cy - 6.5, 13, 13), Qt.AlignmentFlag.AlignCenter, "!")
    p.restore()


def _paint_first_reported(p: QPainter, item: Item, colours: Colours) -> None:
    """A small tick where the first source reported the event, joined to it by a dotted line."""
    # along the bottom of the row, under the label's text, so neither hides the other
    x = item.reported_x
    start = item.x1 if x >= item.x1 else item.x0
    y = item.y + ROW_H / 2 - 2
    p.setPen(QPen(colours.faint, 1, Qt.PenStyle.DotLine))
    p.drawLine(QPointF(start, item.y + MARK_H / 2 if item.kind == "bar" else item.y + POINT_R), QPointF(start, y))
    p.drawLine(QPointF(start, y), QPointF(x, y))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colours.faint)
    p.drawPolygon(QPolygonF([QPointF(x, y - 5), QPointF(x + 3.5, y + 1), QPointF(x - 3.5, y + 1)]))


def paint_density(p: QPainter, frame: DensityFrame, viewport: Viewport, height: int, colours: Colours,
                  top: float = 0.0) -> None:
    """Bars of events per bucket with a count scale at the left and how many are in view, from
    ``top`` below the axis down."""
    width = viewport.width_px
    first = max(0, int((viewport.start_s - frame.start_s) // frame.bucket_s))
    last = min(len(frame.counts), int((viewport.end_s - frame.start_s) // frame.bucket_s) + 1)
    visible = frame.counts[first:last]
    area_top, area_bottom = AXIS_H + top + 34, height - 8
    top_count = _nice_ceiling(max(visible, default=0))
    if top_count == 0:
        return
    per_count = (area_bottom - area_top) / top_count
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colours.mark)
    bucket_px = frame.bucket_s / viewport.seconds_per_px
    for index in range(first, last):
        n = frame.counts[index]
        if n:
            x = viewport.x_of(frame.start_s + index * frame.bucket_s)
            h = max(1.0, n * per_count)
            p.drawRect(QRectF(x, area_bottom - h, max(1.0, bucket_px - 1), h))
    for count in (top_count, top_count // 2):
        y = area_bottom - count * per_count
        p.setPen(QPen(colours.major_grid, 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(0, y), QPointF(width, y))
        text = f"{count:,} per {_bucket_words(frame.bucket_s)}"
        box = QRectF(4, y - 17, p.fontMetrics().horizontalAdvance(text) + 8, 15)
        p.fillRect(box, colours.base)
        p.setPen(colours.faint)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    total = frame.in_view(viewport)
    paint_message(p, f"{total:,} events in view — zoom in to see them one by one", width, AXIS_H + top + 6, colours)


def _nice_ceiling(n: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``n`` (a readable scale top)."""
    if n <= 0:
        return 0
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= n:
                return step * magnitude
        magnitude *= 10


def _bucket_words(seconds: float) -> str:
    """A bucket's width in words: "day", "3.5 days", "1.2 months", "27 years" (never under a day)."""
    name, unit = next(((n, u) for n, u in _BUCKET_UNITS if seconds >= u), _BUCKET_UNITS[-1])
    amount = seconds / unit
    return name if round(amount, 2) == 1 else f"{amount:.3g} {name}s"


_BUCKET_UNITS = (("year", 365.2425 * 86_400), ("month", 30.44 * 86_400), ("day", 86_400))


def paint_message(p: QPainter, text: str, width: int, top: float, colours: Colours) -> None:
    box = QRectF(0, top, width, 22)
    metrics = p.fontMetrics()
    pill = QRectF(0, 0, metrics.horizontalAdvance(text) + 20, 22)
    pill.moveCenter(box.center())
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colours.axis)
    p.drawRoundedRect(pill, 6, 6)
    p.setPen(colours.text)
    p.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)


def paint_axis(p: QPainter, scale: TickScale, width: int, colours: Colours) -> None:
    """The band at the top: context labels (sticky at the left edge), then tick labels."""
    p.fillRect(QRectF(0, 0, width, AXIS_H), colours.axis)
    p.setPen(QPen(colours.major_grid, 1))
    p.drawLine(QPointF(0, AXIS_H - 0.5), QPointF(width, AXIS_H - 0.5))
    metrics = p.fontMetrics()
    labelled = [t for t in scale.major if t.label]
    bold = p.font()
    bold.setBold(True)
    p.save()
    p.setFont(bold)
    bold_metrics = p.fontMetrics()
    for index, tick in enumerate(labelled):
        label_w = bold_metrics.horizontalAdvance(tick.label)
        x = max(tick.x, 0.0) + 4
        following = labelled[index + 1].x if index + 1 < len(labelled) else float("inf")
        # the context of the left edge stays there until the next one pushes it out
        x = min(x, following - label_w - 8)
        # a label is drawn whole or not at all: a cut "202" or "ov 2024" at an edge reads as a fault
        if x < 0 or x + label_w > width:
            continue
        p.setPen(colours.text)
        p.drawText(QRectF(x, 2, 400, 18), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, tick.label)
    p.restore()
    for tick in scale.major:
        if 0 <= tick.x <= width:
            p.setPen(QPen(colours.major_grid, 1))
            p.drawLine(QPointF(round(tick.x) + 0.5, 2 if tick.label else 22), QPointF(round(tick.x) + 0.5, AXIS_H))
    drawn_to = float("-inf")
    for tick in scale.minor:
        if not 0 <= tick.x <= width:
            continue
        p.setPen(QPen(colours.faint, 1))
        p.drawLine(QPointF(round(tick.x) + 0.5, AXIS_H - 6), QPointF(round(tick.x) + 0.5, AXIS_H))
        label_w = metrics.horizontalAdvance(tick.label)
        # defensive: a label wider than the tick spacing is skipped; so is one the right edge would cut
        if tick.x + 4 >= drawn_to and tick.x + 4 + label_w <= width:
            p.setPen(colours.text)
            p.drawText(QRectF(tick.x + 4, 22, label_w + 4, 18),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, tick.label)
            drawn_to = tick.x + 4 + label_w + 6


def paint_frame(p: QPainter, viewport: Viewport, height: int, scale: TickScale, frame, scene: Scene | None,
                colours: Colours, *, selection: set[int], scroll_y: float = 0.0, now_s: float | None = None,
                message: str | None = None, drag: DragPreview | None = None, eras=None) -> None:
    """One whole frame: background and grid, the eras' shading, today, the events (or their
    density), the eras' names (``eras``: an ``era_bands.EraStrip``), the axis."""
    width = viewport.width_px
    paint_background(p, width, height, scene, scale, colours, scroll_y)
    if eras is not None:
        eras.paint_behind(p, width, height, colours)
    if now_s is not None:
        paint_today(p, viewport, now_s, height, colours)
    p.save()
    p.setClipRect(QRectF(0, AXIS_H, width, height - AXIS_H))
    if isinstance(frame, DensityFrame):
        paint_density(p, frame, viewport, height, colours, top=eras.height if eras is not None else 0.0)
    elif scene is not None:
        paint_items(p, scene, width, height, colours, selection, scroll_y, drag)
        paint_lane_labels(p, scene, colours, scroll_y)
    if eras is not None:
        eras.paint_tabs(p, width, colours)
    p.restore()
    if message:
        paint_message(p, message, width, AXIS_H + (height - AXIS_H) / 2 - 11, colours)
    paint_axis(p, scale, width, colours)
    if now_s is not None:
        paint_today_label(p, viewport, now_s, colours)
