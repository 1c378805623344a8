"""The offline basemap: Natural Earth countries, coastlines and borders at three levels of detail
(resources/basemap/world-*.json.gz, see build.py there), turned once into QPainterPaths in world
coordinates, and the GeoNames towns for labels. Drawn under a transform, culled by bounding box.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from desktop_app.map.projection import project
from desktop_app.resources import resource_path

# (level, the world's width in pixels from which it is drawn): the coarsest detail that still
# looks right, so a zoomed-out frame draws a few thousand points, not a million.
LEVELS = (("110m", 0.0), ("50m", 3_000.0), ("10m", 14_000.0))
SCALE = 10_000  # stored coordinates are degrees times this
TILES = 24


@dataclass(frozen=True)
class Shape:
    bounds: QRectF  # in world coordinates
    path: QPainterPath


@dataclass(frozen=True)
class Detail:
    land: tuple[Shape, ...]  # one per country
    coast: tuple[Shape, ...]
    borders: tuple[Shape, ...]


def _points(flat: list[int]):
    x = y = 0
    for i in range(0, len(flat), 2):
        x += flat[i]
        y += flat[i + 1]
        yield project(x / SCALE, y / SCALE)


def _shape(rings: list[list[int]], closed: bool) -> Shape:
    path = QPainterPath()
    for flat in rings:
        points = list(_points(flat))
        path.moveTo(*points[0])
        last_x = points[0][0]
        for x, y in points[1:]:
            # a step along the antimeridian (Fiji, Chukotka) would cross the whole world: lift the pen
            if abs(x - last_x) > 0.5:
                path.moveTo(x, y)
            else:
                path.lineTo(x, y)
            last_x = x
        if closed:
            path.closeSubpath()
    return Shape(path.boundingRect(), path)


def _tiled(lines: list[dict]) -> tuple[Shape, ...]:
    """Lines grouped into one path per tile of a TILES×TILES grid (by where each line's box
    centre falls): a frame tests a few hundred tiles instead of thousands of coastline arcs."""
    groups: dict[tuple[int, int], list[list[int]]] = {}
    for line in lines:
        west, south, east, north = line["bbox"]
        x, y = project((west + east) / 2, (south + north) / 2)
        groups.setdefault((min(TILES - 1, int(x * TILES)), min(TILES - 1, int(y * TILES))), []).append(line["points"])
    return tuple(_shape(rings, False) for rings in groups.values())


@lru_cache(maxsize=None)
def detail(level: str) -> Detail:
    """One level of detail, read on first use (the 1:10m one takes about a second)."""
    with gzip.open(resource_path("basemap", f"world-{level}.json.gz"), "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    land = tuple(_shape(country["rings"], True) for country in data["countries"])
    return Detail(land, _tiled(data["coast"]), _tiled(data["borders"]))


def level_for(scale: float) -> str:
    """The level of detail for a view whose world is ``scale`` pixels wide."""
    chosen = LEVELS[0][0]
    for level, from_scale in LEVELS:
        if scale >= from_scale:
            chosen = level
    return chosen
