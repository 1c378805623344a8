"""Web Mercator and the map's view of it: pure functions, no Qt.

Web Mercator because it is conformal: at the zooms analysts work at (a country, a region, a
city) places keep their shapes and a circle of uncertainty stays a circle, which an equal-area
projection would squash by 1/cos(latitude) — half again as tall at Kyiv's latitude. The price, areas
swollen towards the poles at world zoom, costs little on a map of where events happened.

World coordinates are the unit square: x from 0 (180° W) to 1 (180° E), y from 0 (85.05° N)
to 1 (85.05° S), growing downwards as on a screen.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from db.geo_index import Box

MAX_LAT = 85.0511287798  # where Web Mercator's square ends
MIN_SCALE = 128.0  # pixels for the world's width: the whole world, small
MAX_SCALE = float(1 << 24)  # ~2.4 m a pixel at the equator: a street


def project(lon: float, lat: float) -> tuple[float, float]:
    """Longitude and latitude (degrees) to world coordinates."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    x = (lon + 180.0) / 360.0
    y = (1.0 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2.0
    return x, y


def unproject(x: float, y: float) -> tuple[float, float]:
    """World coordinates to longitude and latitude (degrees)."""
    lon = x * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y))))
    return lon, lat


@dataclass(frozen=True)
class MapView:
    """What the map shows: the world point at the centre of the widget, the world's width in
    pixels (the zoom) and the widget's size."""

    center_x: float = 0.5
    center_y: float = 0.5
    scale: float = 1024.0
    width_px: int = 1024
    height_px: int = 700

    # -- coordinates -----------------------------------------------------------------------

    def world_to_screen(self, x: float, y: float) -> tuple[float, float]:
        return ((x - self.center_x) * self.scale + self.width_px / 2,
                (y - self.center_y) * self.scale + self.height_px / 2)

    def screen_to_world(self, px: float, py: float) -> tuple[float, float]:
        return ((px - self.width_px / 2) / self.scale + self.center_x,
                (py - self.height_px / 2) / self.scale + self.center_y)

    def to_screen(self, lon: float, lat: float) -> tuple[float, float]:
        return self.world_to_screen(*project(lon, lat))

    def from_screen(self, px: float, py: float) -> tuple[float, float]:
        x, y = self.screen_to_world(px, py)
        return unproject(x, max(0.0, min(1.0, y)))

    def box(self) -> Box:
        """The longitudes and latitudes in view (clamped to the world)."""
        west, north = self.from_screen(0, 0)
        east, south = self.from_screen(self.width_px, self.height_px)
        return Box(max(-180.0, west), max(-90.0, south), min(180.0, east), min(90.0, north))

    def metres_per_px(self) -> float:
        """Ground distance of a pixel at the centre of the view."""
        _, lat = unproject(self.center_x, self.center_y)
        return 40_075_016.7 * math.cos(math.radians(lat)) / self.scale

    # -- moving ----------------------------------------------------------------------------

    def zoomed(self, factor: float, px: float | None = None, py: float | None = None) -> "MapView":
        """Zoom by ``factor`` keeping the world point under (px, py) where it is on screen
        (the centre when not given)."""
        px = self.width_px / 2 if px is None else px
        py = self.height_px / 2 if py is None else py
        scale = max(MIN_SCALE, min(MAX_SCALE, self.scale * factor))
        wx, wy = self.screen_to_world(px, py)
        cx = wx - (px - self.width_px / 2) / scale
        cy = wy - (py - self.height_px / 2) / scale
        return _kept_on_world(replace(self, center_x=cx, center_y=cy, scale=scale))

    def panned(self, dx_px: float, dy_px: float) -> "MapView":
        """Move the map by a drag of (dx, dy) pixels: the ground follows the pointer."""
        return _kept_on_world(replace(self, center_x=self.center_x - dx_px / self.scale,
                                      center_y=self.center_y - dy_px / self.scale))

    def resized(self, width_px: int, height_px: int) -> "MapView":
        return replace(self, width_px=max(1, width_px), height_px=max(1, height_px))


def _kept_on_world(view: MapView) -> MapView:
    """The centre never leaves the world square, so the map cannot be lost off screen."""
    return replace(view, center_x=max(0.0, min(1.0, view.center_x)), center_y=max(0.0, min(1.0, view.center_y)))


def fit(box: Box, width_px: int, height_px: int, margin_px: float = 32, max_scale: float = 1 << 17) -> MapView:
    """The view that shows the box whole, ``margin_px`` inside the edges, zoomed in no further
    than ``max_scale`` (one event alone is shown with its region, not a street)."""
    x0, y1 = project(box.west, box.south)
    x1, y0 = project(box.east, box.north)
    usable_w, usable_h = max(1.0, width_px - 2 * margin_px), max(1.0, height_px - 2 * margin_px)
    span_x, span_y = max(x1 - x0, 1e-12), max(y1 - y0, 1e-12)
    scale = max(MIN_SCALE, min(max_scale, usable_w / span_x, usable_h / span_y))
    return MapView((x0 + x1) / 2, (y0 + y1) / 2, scale, max(1, width_px), max(1, height_px))


def world_view(width_px: int, height_px: int) -> MapView:
    """The whole inhabited world (60° S to 75° N) in the widget."""
    return fit(Box(-180.0, -58.0, 180.0, 75.0), width_px, height_px, margin_px=4)
