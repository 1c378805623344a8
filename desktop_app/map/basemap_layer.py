"""The basemap as a picture kept between frames: drawn once for a zoom and a size into an image a
margin larger than the view, then only shifted while the map is panned within that margin. A
frame then costs a copy of the image instead of filling and stroking thousands of points; a zoom,
a resize, a change of colours or a pan past the margin draws it again. The towns' names are placed
once per drawing too (over the whole image), and written above the events by each frame.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter

from desktop_app.map.labels import PlaceIndex
from desktop_app.map.painting import MapColours, paint_basemap
from desktop_app.map.projection import MapView
from desktop_app.map.town_names import Label, place_labels

MARGIN = 0.25  # the image reaches this fraction of the view's size beyond each side


@dataclass(frozen=True)
class _Key:
    scale: float
    width_px: int
    height_px: int
    ratio: float
    colours: tuple[int, ...]


class BasemapLayer:
    def __init__(self):
        self._image: QImage | None = None
        self._key: _Key | None = None
        self._origin = (0.0, 0.0)  # the world point at the image's top-left corner
        self._grown: MapView | None = None  # the view the image shows
        self._labels: tuple[tuple, list[Label]] | None = None  # (what they were placed for, them)
        self.renders = 0  # how many times the basemap was drawn (tests check a pan draws none)

    def paint(self, p: QPainter, view: MapView, colours: MapColours, ratio: float = 1.0) -> None:
        """Draw the basemap of ``view`` at the painter's origin, from the kept image when it can."""
        key = _Key(view.scale, view.width_px, view.height_px, ratio,
                   tuple(c.rgba() for c in (colours.water, colours.land, colours.coast, colours.border)))
        if key != self._key or not self._covers(view):
            self._render(view, colours, ratio)
            self._key = key
        x0, y0 = view.screen_to_world(0, 0)
        # whole pixels: the image is copied, never resampled
        p.drawImage(QPointF(round((self._origin[0] - x0) * view.scale), round((self._origin[1] - y0) * view.scale)),
                    self._image)

    def _covers(self, view: MapView) -> bool:
        x0, y0 = view.screen_to_world(0, 0)
        left = (self._origin[0] - x0) * view.scale
        top = (self._origin[1] - y0) * view.scale
        width, height = _size(view)
        return left <= 0 and top <= 0 and left + width >= view.width_px and top + height >= view.height_px

    def _render(self, view: MapView, colours: MapColours, ratio: float) -> None:
        self.renders += 1
        width, height = _size(view)
        image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        # the same view, grown by the margin on each side around the same centre
        grown = view.resized(width, height)
        painter = QPainter(image)
        paint_basemap(painter, grown, colours)
        painter.end()
        self._image = image
        self._origin = grown.screen_to_world(0, 0)
        self._grown = grown
        self._labels = None

    def labels(self, colours: MapColours, places: PlaceIndex | None, font, ratio: float = 1.0) -> list[Label]:
        """The towns' names placed over the kept image (none while ``places`` is still being built)."""
        if places is None or self._grown is None:
            return []
        key = (font.toString(), colours.label.rgba(), colours.halo.rgba(), ratio)
        if self._labels is None or self._labels[0] != key:
            self._labels = (key, place_labels(self._grown, colours, places, font, ratio))
        return self._labels[1]


def _size(view: MapView) -> tuple[int, int]:
    return (round(view.width_px * (1 + 2 * MARGIN)), round(view.height_px * (1 + 2 * MARGIN)))
