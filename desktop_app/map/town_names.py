"""Writing the towns' names on the map: the most populous in view first, none over another or over
a cell's count. Each name is a kept picture with its halo (sprites.py): placing thirty of them costs
copies, not text shaping."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPainter

from desktop_app.map.labels import PlaceIndex
from desktop_app.map.projection import MapView
from desktop_app.map.sprites import PAD, text_sprite

if TYPE_CHECKING:
    from desktop_app.map.painting import MapColours

MAX_LABELS = 30  # in a view of VIEW_AREA pixels (the map of a 1024 × 700 window)
VIEW_AREA = 800 * 560
LABEL_DX = 4
CANDIDATES = 3  # names placed for each one written: those under a cell's count give way to the next
MAX_TRIED = 300  # places looked at for labels, the most populous first
DOT_R = 1.8


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


def labels_in(view: MapView) -> int:
    """How many names a frame of this size writes at most."""
    return max(1, round(MAX_LABELS * view.width_px * view.height_px / VIEW_AREA))


def smallest_population(view: MapView) -> int:
    """Few labels at world zoom; more as the view narrows to a region."""
    return 2_000_000 if view.scale < 2_000 else 300_000 if view.scale < 8_000 else 50_000 if view.scale < 40_000 else 0


@dataclass(frozen=True)
class Label:
    """A town's name placed on the map: where its dot is (world coordinates) and its picture,
    which starts LABEL_DX pixels right of the dot, centred on it vertically."""

    x: float
    y: float
    sprite: QImage
    width: float
    height: float

    def rect(self, view: MapView) -> QRectF:
        """Where the name is written in ``view`` (its dot is just left of it)."""
        px, py = view.world_to_screen(self.x, self.y)
        return QRectF(px + LABEL_DX, py - self.height / 2, self.width, self.height)


def place_labels(view: MapView, colours: MapColours, places: PlaceIndex, font: QFont, ratio: float = 1.0) -> list[Label]:
    """The most populous towns in view, as many as fit without overlapping each other: at most
    CANDIDATES × MAX_LABELS per view's worth of area (a frame writes MAX_LABELS of them, the first
    not under a cell's count), from the first MAX_TRIED. Placed once per zoom (the basemap layer
    keeps them), so names do not come and go while the map is panned."""
    font_key = font.toString()
    taken = _Occupied()
    labels: list[Label] = []
    most = round(CANDIDATES * labels_in(view))
    smallest = smallest_population(view)
    for tried, (place, x, y) in enumerate(places.in_view(view)):
        if place.population < smallest or len(labels) >= most or tried >= MAX_TRIED:
            break
        sprite = text_sprite(place.name, font_key, colours.label, colours.halo, ratio)
        size = sprite.deviceIndependentSize()
        width, height = size.width() - 2 * PAD, size.height() - 2 * PAD
        rect = QRectF(x + LABEL_DX, y - height / 2, width, height)
        if taken.overlaps(rect.adjusted(-4, -2, 4, 2)):
            continue
        taken.add(rect)
        labels.append(Label(*view.screen_to_world(x, y), sprite, width, height))
    return labels


def paint_labels(p: QPainter, view: MapView, labels: list[Label], colours: MapColours, avoid=()) -> None:
    """The placed names in view, the first :func:`labels_in` of them not over a rectangle of
    ``avoid`` (the cells' counts)."""
    taken = _Occupied(avoid)
    dots = []
    most = labels_in(view)
    for label in labels:
        if len(dots) >= most:
            break
        rect = label.rect(view)
        if rect.right() < 0 or rect.left() > view.width_px or rect.bottom() < 0 or rect.top() > view.height_px:
            continue
        if avoid and taken.overlaps(rect.adjusted(-4, -2, 4, 2)):
            continue
        dots.append(QPointF(rect.left() - LABEL_DX, rect.center().y()))
        p.drawImage(QPointF(round(rect.left()) - PAD, round(rect.top()) - PAD), label.sprite)
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colours.label)
    for dot in dots:
        p.drawEllipse(dot, DOT_R, DOT_R)
    p.restore()
