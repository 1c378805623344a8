"""The offline basemap: Natural Earth land, coastlines and borders at three levels of detail,
shipped already projected and cut into tiles (resources/basemap/world-*.bin, built by build.py
there; the format is basemap_file.py's), turned once into QPainterPaths in world units. Reading a
level is a decompression and a running sum; the paths are filled by Qt from the bytes (QDataStream),
not point by point in Python. Drawn under a transform, culled by bounding box.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QByteArray, QDataStream, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF

from desktop_app.map.basemap_file import LAYERS, UNITS, decode
from desktop_app.resources import resource_path

# (level, the world's width in pixels from which it is drawn): the coarsest detail that still
# looks right, so a zoomed-out frame draws a few thousand points, not a million.
LEVELS = (("110m", 0.0), ("50m", 3_000.0), ("10m", 14_000.0))
WORLD_UNITS = UNITS  # a path's coordinates are world coordinates times this


@dataclass(frozen=True)
class Shape:
    bounds: QRectF  # in world units
    path: QPainterPath


@dataclass(frozen=True)
class Detail:
    land: tuple[Shape, ...]  # one per tile
    coast: tuple[Shape, ...]
    borders: tuple[Shape, ...]


def _polygons(level) -> QDataStream:
    """A stream of every part as QDataStream writes a QPolygonF (its count, then x and y as
    doubles), read back one polygon at a time."""
    counts = [n for name in LAYERS for shape in level.shapes[name] for n in shape]
    data = memoryview(level.points).cast("B")
    chunks, at = [], 0
    for n in counts:
        chunks += (struct.pack("<i", n), data[at:at + 16 * n])
        at += 16 * n
    stream = QDataStream(QByteArray(b"".join(chunks)))
    stream.setByteOrder(QDataStream.ByteOrder.LittleEndian)
    return stream


@lru_cache(maxsize=None)
def detail(level: str) -> Detail:
    """One level of detail, read on first use."""
    decoded = decode(resource_path("basemap", f"world-{level}.bin").read_bytes())
    stream = _polygons(decoded)
    layers = {}
    for name in LAYERS:
        shapes = []
        for parts in decoded.shapes[name]:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)  # see build.py: land claimed twice is land
            for _ in parts:
                polygon = QPolygonF()
                stream >> polygon
                path.addPolygon(polygon)
            shapes.append(Shape(path.boundingRect(), path))
        layers[name] = tuple(shapes)
    return Detail(**layers)


def level_for(scale: float) -> str:
    """The level of detail for a view whose world is ``scale`` pixels wide."""
    chosen = LEVELS[0][0]
    for level, from_scale in LEVELS:
        if scale >= from_scale:
            chosen = level
    return chosen
