"""Drawing density cells: each cell shaded by its count, its count written when it fits. The cells
of one shade are drawn in one call and the counts are kept pictures (sprites.py), so a frame of a
few hundred cells costs a few Python steps per cell and no text shaping."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from db.geo_index import cell_box
from desktop_app.map.frames import CellsFrame
from desktop_app.map.projection import MapView, project
from desktop_app.map.sprites import PAD, text_sprite

if TYPE_CHECKING:
    from desktop_app.map.painting import MapColours

SHADES = 16  # steps of a cell's shade
STRONG = 0.45  # a cell this strong or stronger has its count in the light text colour


def count_text(n: int) -> str:
    """A cell's count in at most four characters: 7, 850, 4.2k, 37k, 1.2M."""
    if n < 1_000:
        return str(n)
    if n < 10_000:
        return f"{n / 1000:.1f}k"
    if n < 1_000_000:
        return f"{n // 1000}k"
    return f"{n / 1_000_000:.1f}M"


def small_font(font: QFont) -> QFont:
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
    else:
        small.setPixelSize(max(9, round(font.pixelSize() * 0.85)))
    return small


def paint_cells(p: QPainter, view: MapView, frame: CellsFrame, colours: MapColours, font: QFont) -> list[QRectF]:
    """Each cell shaded by its count on a logarithmic scale (a cell of 10,000 does not hide one of
    10), its count written when it fits; returns where the counts are written."""
    largest = math.log1p(max(1, frame.largest))
    small = small_font(font).toString()
    ratio = p.device().devicePixelRatioF() if p.device() is not None else 1.0
    by_shade: list[list[QRectF]] = [[] for _ in range(SHADES + 1)]
    counts: list[tuple[QRectF, int, float]] = []
    # A cell's edges in world coordinates: x from its column alone, y from its row's latitude
    # (projected once per row, not per cell).
    n = 1 << frame.level
    rows: dict[int, tuple[float, float]] = {}
    half_w, half_h, scale = view.width_px / 2, view.height_px / 2, view.scale
    for cx, cy, count in frame.cells:
        left = (cx / n - view.center_x) * scale + half_w
        right = ((cx + 1) / n - view.center_x) * scale + half_w
        if right < 0 or left > view.width_px:
            continue
        if cy not in rows:
            box = cell_box(frame.level, cx, cy)
            rows[cy] = (project(0, box.north)[1], project(0, box.south)[1])
        y_top, y_bottom = rows[cy]
        top, bottom = (y_top - view.center_y) * scale + half_h, (y_bottom - view.center_y) * scale + half_h
        if bottom < 0 or top > view.height_px:
            continue
        strength = math.log1p(count) / largest
        rect = QRectF(left + 0.5, top + 0.5, right - left - 1, bottom - top - 1)
        by_shade[round(strength * SHADES)].append(rect)
        if rect.width() >= 22:
            counts.append((rect, count, strength))
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    for step, rects in enumerate(by_shade):
        if rects:
            shade = QColor(colours.cell)
            shade.setAlphaF(0.18 + 0.72 * step / SHADES)
            p.setBrush(shade)
            p.drawRects(rects)
    p.restore()
    written = []
    for rect, count, strength in counts:
        sprite = text_sprite(count_text(count), small, colours.cell_text if strength > STRONG else colours.label,
                             ratio=ratio)
        size = sprite.deviceIndependentSize()
        width, height = size.width() - 2 * PAD, size.height() - 2 * PAD
        if width + 4 <= rect.width() and height <= rect.height():
            left, top = rect.center().x() - width / 2, rect.center().y() - height / 2
            p.drawImage(QPointF(round(left) - PAD, round(top) - PAD), sprite)
            written.append(QRectF(left, top, width, height))
    return written
