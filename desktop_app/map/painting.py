"""Drawing a map frame with QPainter: the basemap, place labels, then the events (marks) or their
counts (density cells). The map view and the map pictures both call :func:`paint_map`.

Marks are coloured by their first tag or entity when the timeline groups its lanes so (one colour
per name, the same on every run), else in the accent colour; a contested event is outlined in red
with "!"; a location known only roughly (a dataset's geo-precision 2 or 3) is a larger, faded
disc as wide as the uncertainty (about 10 or 50 km), never a pin on a point nobody knows.
"""
from __future__ import annotations

import math
import zlib
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QTransform

from desktop_app.map import basemap
from desktop_app.map.frames import CellsFrame, MapFrame, MarksFrame
from desktop_app.map.hits import Spot
from desktop_app.map.labels import PlaceIndex
from db.geo_index import cell_box
from desktop_app.map.projection import MapView, project

MARK_R = 5.0
# the radius of a location's uncertainty by geo-precision (ACLED: 2 near the place, 3 the region)
UNCERTAINTY_M = {2: 10_000.0, 3: 50_000.0}
MAX_LABELS = 30
SHADES = 16  # steps of a cell's shade
MAX_TRIED = 300  # places looked at for labels, the most populous first
# Okabe–Ito: told apart by colour-blind readers too
LANE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
_LANE_COLUMN = {"tag": "tags", "entity": "entities"}


@dataclass(frozen=True)
class MapColours:
    water: QColor
    land: QColor
    coast: QColor
    border: QColor
    label: QColor
    halo: QColor
    mark: QColor
    contested: QColor
    selection: QColor
    cell: QColor
    cell_text: QColor
    dark: bool

    @classmethod
    def from_palette(cls, palette: QPalette) -> "MapColours":
        role = QPalette.ColorRole
        base = palette.color(role.Base)
        dark = base.lightness() < 128
        if dark:
            return cls(QColor("#1b2633"), QColor("#2f3a46"), QColor("#6f8193"), QColor("#56677a"),
                       QColor("#c9d1d9"), QColor(27, 38, 51, 200), QColor("#58a6ff"), QColor("#ff7b72"),
                       palette.color(role.Highlight).lighter(130), QColor("#f0883e"), QColor("#0d1117"), True)
        return cls(QColor("#d6e6f2"), QColor("#f7f5f0"), QColor("#7d95ab"), QColor("#b2a9a0"),
                   QColor("#3d4650"), QColor(255, 255, 255, 210), QColor("#1f6feb"), QColor("#cf222e"),
                   palette.color(role.Highlight), QColor("#d1480f"), QColor("#ffffff"), False)


def lane_colour(name: str) -> QColor:
    """The colour of a tag's or an entity's marks: the same name, the same colour, every run."""
    return QColor(LANE_COLOURS[zlib.crc32(name.casefold().encode("utf-8")) % len(LANE_COLOURS)])


def mark_colour(event: dict, lanes: str, colours: MapColours) -> QColor:
    column = _LANE_COLUMN.get(lanes)
    names = [n for n in (event.get(column) or "").split(", ") if n] if column else []
    return lane_colour(sorted(names, key=str.casefold)[0]) if names else colours.mark


def mark_radius(event: dict, view: MapView) -> float:
    metres = UNCERTAINTY_M.get(event.get("geo_precision") or 1)
    if metres is None:
        return MARK_R
    return max(MARK_R + 3, min(300.0, metres / view.metres_per_px()))


def paint_basemap(p: QPainter, view: MapView, colours: MapColours) -> None:
    p.fillRect(QRectF(0, 0, view.width_px, view.height_px), colours.water)
    detail = basemap.detail(basemap.level_for(view.scale))
    x0, y0 = view.screen_to_world(0, 0)
    x1, y1 = view.screen_to_world(view.width_px, view.height_px)
    shown = QRectF(x0, y0, x1 - x0, y1 - y0)
    p.save()
    p.setTransform(QTransform(view.scale, 0, 0, view.scale, view.width_px / 2 - view.center_x * view.scale,
                              view.height_px / 2 - view.center_y * view.scale), True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colours.land)
    for shape in detail.land:
        if shape.bounds.intersects(shown):
            p.drawPath(shape.path)
    p.setBrush(Qt.BrushStyle.NoBrush)
    for shapes, colour, width in ((detail.borders, colours.border, 0.8), (detail.coast, colours.coast, 1.0)):
        pen = QPen(colour, width)
        pen.setCosmetic(True)  # a pixel wide whatever the zoom
        p.setPen(pen)
        for shape in shapes:
            if shape.bounds.intersects(shown):
                p.drawPath(shape.path)
    p.restore()


class _Occupied:
    """Rectangles already written on, bucketed by 64-pixel squares so that a label is checked
    against its neighbours only (a dense map has hundreds of counts written)."""

    SIZE = 64

    def __init__(self, rects=()):
        self._buckets: dict[tuple[int, int], list[QRectF]] = {}
        for rect in rects:
            self.add(rect)

    def _keys(self, rect: QRectF):
        s = self.SIZE
        for i in range(int(rect.left() // s), int(rect.right() // s) + 1):
            for j in range(int(rect.top() // s), int(rect.bottom() // s) + 1):
                yield i, j

    def add(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self._buckets.setdefault(key, []).append(rect)

    def overlaps(self, rect: QRectF) -> bool:
        return any(rect.intersects(other) for key in self._keys(rect) for other in self._buckets.get(key, ()))


def paint_labels(p: QPainter, view: MapView, colours: MapColours, places: PlaceIndex, font: QFont, avoid=()) -> None:
    """The most populous towns in view, as many as fit without overlapping each other or the
    rectangles in ``avoid`` (the cells' counts): at most MAX_LABELS, from the first MAX_TRIED."""
    metrics = QFontMetricsF(font)
    p.setFont(font)
    taken = _Occupied(avoid)
    placed = 0
    # few labels at world zoom; more as the view narrows to a region
    smallest = 2_000_000 if view.scale < 2_000 else 300_000 if view.scale < 8_000 else 50_000 if view.scale < 40_000 else 0
    for tried, (place, x, y) in enumerate(places.in_view(view)):
        if place.population < smallest or placed >= MAX_LABELS or tried >= MAX_TRIED:
            break
        width = metrics.horizontalAdvance(place.name)
        rect = QRectF(x + 4, y - metrics.height() / 2, width, metrics.height())
        if taken.overlaps(rect.adjusted(-4, -2, 4, 2)):
            continue
        taken.add(rect)
        placed += 1
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colours.label)
        p.drawEllipse(QPointF(x, y), 1.8, 1.8)
        path_x, path_y = rect.left(), rect.top() + metrics.ascent()
        p.setPen(colours.halo)
        for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            p.drawText(QPointF(path_x + dx, path_y + dy), place.name)
        p.setPen(colours.label)
        p.drawText(QPointF(path_x, path_y), place.name)


def count_text(n: int) -> str:
    """A cell's count in at most four characters: 7, 850, 4.2k, 37k, 1.2M."""
    if n < 1_000:
        return str(n)
    if n < 10_000:
        return f"{n / 1000:.1f}k"
    if n < 1_000_000:
        return f"{n // 1000}k"
    return f"{n / 1_000_000:.1f}M"


def paint_cells(p: QPainter, view: MapView, frame: CellsFrame, colours: MapColours, font: QFont) -> list[QRectF]:
    """Each cell shaded by its count on a logarithmic scale (a cell of 10,000 does not hide one of
    10), its count written when it fits; returns where the counts are written."""
    written = []
    largest = math.log1p(max(1, frame.largest))
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
    else:
        small.setPixelSize(max(9, round(font.pixelSize() * 0.85)))
    p.setFont(small)
    metrics = QFontMetricsF(small)
    text_h = metrics.height()
    shades = []
    for step in range(SHADES + 1):
        shade = QColor(colours.cell)
        shade.setAlphaF(0.18 + 0.72 * step / SHADES)
        shades.append(shade)
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
        p.fillRect(rect, shades[round(strength * SHADES)])
        if rect.width() >= 22 and rect.height() >= text_h:
            text = count_text(count)
            width = metrics.horizontalAdvance(text)
            if width + 4 <= rect.width():
                p.setPen(colours.cell_text if strength > 0.45 else colours.label)
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
                written.append(QRectF(rect.center().x() - width / 2, rect.center().y() - text_h / 2, width, text_h))
    return written


def paint_marks(p: QPainter, view: MapView, frame: MarksFrame, colours: MapColours, selection: set[int],
                lanes: str) -> list[Spot]:
    """The events, the least precise (largest) first so small marks stay on top; returns where each
    was drawn, for hit-testing."""
    spots = []
    events = sorted(frame.events, key=lambda e: -(e.get("geo_precision") or 1))
    for event in events:
        x, y = view.to_screen(event["longitude"], event["latitude"])
        radius = mark_radius(event, view)
        if x + radius < 0 or x - radius > view.width_px or y + radius < 0 or y - radius > view.height_px:
            continue
        colour = mark_colour(event, lanes, colours)
        centre = QPointF(x, y)
        uncertain = radius > MARK_R
        fill = QColor(colour)
        fill.setAlphaF(0.22 if uncertain else 0.9)
        outline = colours.contested if event["contested"] else QColor(colour).darker(140)
        if event["id"] in selection:
            p.setPen(QPen(colours.selection, 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(centre, radius + 3, radius + 3)
        pen = QPen(outline, 2 if event["contested"] else 1)
        if uncertain:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(fill)
        p.drawEllipse(centre, radius, radius)
        if event["contested"]:
            p.setPen(colours.contested)
            p.drawText(QRectF(x + radius, y - radius - 12, 12, 12), Qt.AlignmentFlag.AlignCenter, "!")
        spots.append(Spot(event["id"], x, y, radius))
    return spots


def paint_map(p: QPainter, view: MapView, frame: MapFrame | None, colours: MapColours, places: PlaceIndex, font: QFont,
              selection: set[int] = frozenset(), lanes: str = "none") -> list[Spot]:
    """Draw everything; return the marks' spots (empty when density cells are drawn)."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_basemap(p, view, colours)
    spots: list[Spot] = []
    if isinstance(frame, CellsFrame):
        counts = paint_cells(p, view, frame, colours, font)
        paint_labels(p, view, colours, places, font, avoid=counts)
    else:
        paint_labels(p, view, colours, places, font)
        if isinstance(frame, MarksFrame):
            spots = paint_marks(p, view, frame, colours, set(selection), lanes)
    return spots
