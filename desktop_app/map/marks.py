"""The pieces of an event's mark that many marks share: a precise mark as a kept picture (one per
colour, contested or not), and the discs of uncertainty filled together at a quarter of the
resolution. A frame draws up to two thousand marks; drawn one ellipse at a time, with antialiased
dashed outlines, they cost up to seconds."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from desktop_app.map.projection import MapView

if TYPE_CHECKING:
    from desktop_app.map.painting import MapColours

MARK_R = 5.0
SPRITE_R = 10  # a mark's picture reaches this far from its centre: room for the "!" of a contested one
DISC_SHRINK = 4  # the discs are filled at 1/DISC_SHRINK of the resolution
MAX_OUTLINED = 60  # more discs than this are not outlined (hundreds of outlines are noise, and slow)


def mark_sprite(colour: QColor, contested: QColor | None, ratio: float = 1.0) -> QImage:
    """A precise mark: a disc of MARK_R in ``colour`` outlined darker, or in ``contested`` with a
    "!" at its upper right; centred SPRITE_R pixels from the picture's top-left corner."""
    return _sprite(colour.rgba(), None if contested is None else contested.rgba(), ratio)


@lru_cache(maxsize=256)
def _sprite(colour: int, contested: int | None, ratio: float) -> QImage:
    side = 2 * SPRITE_R
    image = QImage(round(side * ratio), round(side * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    base = QColor.fromRgba(colour)
    fill = QColor(base)
    fill.setAlphaF(0.9)
    centre = QPointF(SPRITE_R, SPRITE_R)
    p.setPen(QPen(QColor.fromRgba(contested) if contested is not None else base.darker(140),
                  2 if contested is not None else 1))
    p.setBrush(fill)
    p.drawEllipse(centre, MARK_R, MARK_R)
    if contested is not None:
        p.setPen(QColor.fromRgba(contested))
        font = p.font()
        font.setPixelSize(10)
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(SPRITE_R + MARK_R - 1, 0, SPRITE_R - MARK_R + 1, SPRITE_R - 2), Qt.AlignmentFlag.AlignCenter,
                   "!")
    p.end()
    return image


def paint_discs(p: QPainter, view: MapView, discs: list[tuple[float, float, float, QColor, bool]],
                colours: MapColours) -> None:
    """Discs of uncertainty ``(x, y, radius, colour, contested)``: faded, each colour's discs one
    shape (where they overlap, no darker), outlined dashed when few."""
    if not discs:
        return
    by_colour: dict[int, QPainterPath] = {}
    for x, y, radius, colour, _ in discs:
        path = by_colour.get(colour.rgba())
        if path is None:
            path = by_colour[colour.rgba()] = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)
        path.addEllipse(QPointF(x / DISC_SHRINK, y / DISC_SHRINK), radius / DISC_SHRINK, radius / DISC_SHRINK)
    small = QImage(view.width_px // DISC_SHRINK + 2, view.height_px // DISC_SHRINK + 2,
                   QImage.Format.Format_ARGB32_Premultiplied)
    small.fill(Qt.GlobalColor.transparent)
    painter = QPainter(small)
    painter.setPen(Qt.PenStyle.NoPen)
    for rgba, path in by_colour.items():
        fill = QColor.fromRgba(rgba)
        fill.setAlphaF(0.22)
        painter.setBrush(fill)
        painter.drawPath(path)
    painter.end()
    p.save()
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.drawImage(QRectF(0, 0, small.width() * DISC_SHRINK, small.height() * DISC_SHRINK), small)
    p.restore()
    if len(discs) <= MAX_OUTLINED:
        for x, y, radius, colour, contested in discs:
            pen = QPen(colours.contested if contested else colour.darker(140), 2 if contested else 1)
            pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(x, y), radius, radius)
