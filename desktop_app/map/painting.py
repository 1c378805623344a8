"""Drawing a map frame with QPainter: the basemap, place labels, then the events (marks) or their
counts (density cells). The map view and the map pictures both call :func:`paint_map`.

Marks are coloured by their first tag or entity when the timeline groups its lanes so (one colour
per name, the same on every run), else in the accent colour; a contested event is outlined in red
with "!"; a location known only roughly (a dataset's geo-precision 2 or 3) is a larger, faded
disc as wide as the uncertainty (about 10 or 50 km), never a pin on a point nobody knows.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QTransform

from desktop_app.map import basemap
from desktop_app.map.cells import paint_cells
from desktop_app.map.frames import CellsFrame, MapFrame, MarksFrame
from desktop_app.map.hits import Spot
from desktop_app.map.labels import PlaceIndex
from desktop_app.map.marks import MARK_R, SPRITE_R, mark_sprite, paint_discs
from desktop_app.map.projection import MapView
from desktop_app.map.town_names import paint_labels, place_labels

# the radius of a location's uncertainty by geo-precision (ACLED: 2 near the place, 3 the region)
UNCERTAINTY_M = {2: 10_000.0, 3: 50_000.0}
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


def mark_radius(event: dict, metres_per_px: float) -> float:
    """A mark's radius in pixels: MARK_R, or its uncertainty's (``view.metres_per_px()``, asked
    once per frame) when its place is known only roughly."""
    metres = UNCERTAINTY_M.get(event.get("geo_precision") or 1)
    if metres is None:
        return MARK_R
    return max(MARK_R + 3, min(300.0, metres / metres_per_px))


def paint_basemap(p: QPainter, view: MapView, colours: MapColours) -> None:
    p.fillRect(QRectF(0, 0, view.width_px, view.height_px), colours.water)
    detail = basemap.detail(basemap.level_for(view.scale))
    units = basemap.WORLD_UNITS
    x0, y0 = view.screen_to_world(0, 0)
    x1, y1 = view.screen_to_world(view.width_px, view.height_px)
    shown = QRectF(x0 * units, y0 * units, (x1 - x0) * units, (y1 - y0) * units)
    p.save()
    scale = view.scale / units
    p.setTransform(QTransform(scale, 0, 0, scale, view.width_px / 2 - view.center_x * view.scale,
                              view.height_px / 2 - view.center_y * view.scale), True)
    # The land is cut into tiles: antialiased, their shared edges would show as faint seams. Filled
    # without, its edges are under the antialiased coastline anyway.
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colours.land)
    for shape in detail.land:
        if shape.bounds.intersects(shown):
            p.drawPath(shape.path)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(Qt.BrushStyle.NoBrush)
    for shapes, colour, width in ((detail.borders, colours.border, 0.8), (detail.coast, colours.coast, 1.0)):
        pen = QPen(colour, width)
        pen.setCosmetic(True)  # a pixel wide whatever the zoom
        p.setPen(pen)
        for shape in shapes:
            if shape.bounds.intersects(shown):
                p.drawPath(shape.path)
    p.restore()


def paint_marks(p: QPainter, view: MapView, frame: MarksFrame, colours: MapColours, selection: set[int],
                lanes: str) -> list[Spot]:
    """The events, the discs of uncertainty first and the precise marks on top; returns where each
    was drawn, for hit-testing. A frame draws at most MAX_MARKS of them, and each costs little:
    a precise mark is a kept picture (marks.py), and the discs are filled once as one shape per
    colour at a quarter of the resolution (two thousand discs wider than the view would otherwise
    cost a second of filling), outlined only when few."""
    spots, discs, precise = [], [], []
    metres_per_px = view.metres_per_px()
    for event in frame.events:
        x, y = view.to_screen(event["longitude"], event["latitude"])
        radius = mark_radius(event, metres_per_px)
        if x + radius < 0 or x - radius > view.width_px or y + radius < 0 or y - radius > view.height_px:
            continue
        (discs if radius > MARK_R else precise).append((event, x, y, radius))
    discs.sort(key=lambda item: -item[3])
    paint_discs(p, view, [(x, y, r, mark_colour(e, lanes, colours), bool(e["contested"])) for e, x, y, r in discs],
                colours)
    ratio = p.device().devicePixelRatioF()
    rings = QPainterPath()  # around the selected marks
    for event, x, y, radius in discs + precise:
        if event["id"] in selection:
            rings.addEllipse(QPointF(x, y), radius + 3, radius + 3)
        spots.append(Spot(event["id"], x, y, radius))
    if not rings.isEmpty():
        p.setPen(QPen(colours.selection, 3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(rings)
    for event, x, y, _ in precise:
        sprite = mark_sprite(mark_colour(event, lanes, colours), colours.contested if event["contested"] else None,
                             ratio)
        p.drawImage(QPointF(round(x) - SPRITE_R, round(y) - SPRITE_R), sprite)
    return spots


def paint_map(p: QPainter, view: MapView, frame: MapFrame | None, colours: MapColours, places: PlaceIndex | None,
              font: QFont, selection: set[int] = frozenset(), lanes: str = "none", layer=None) -> list[Spot]:
    """Draw everything; return the marks' spots (empty when density cells are drawn). No town
    names when ``places`` is None (its index still being built). The basemap comes from ``layer``
    (a basemap_layer.BasemapLayer, which keeps it between frames) when given."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    ratio = p.device().devicePixelRatioF()
    if layer is None:
        paint_basemap(p, view, colours)
        labels = [] if places is None else place_labels(view, colours, places, font, ratio)
    else:
        layer.paint(p, view, colours, ratio)
        labels = layer.labels(colours, places, font, ratio)
    spots: list[Spot] = []
    if isinstance(frame, CellsFrame):
        counts = paint_cells(p, view, frame, colours, font)
        paint_labels(p, view, labels, colours, avoid=counts)
    else:
        paint_labels(p, view, labels, colours)
        if isinstance(frame, MarksFrame):
            spots = paint_marks(p, view, frame, colours, set(selection), lanes)
    return spots
