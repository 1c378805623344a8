"""Which towns to label: the gazetteer's places bucketed on a grid of the world square, so that a
view asks only the buckets it overlaps and meets the most populous first. No Qt."""
from __future__ import annotations

import heapq
import threading

from desktop_app.map.projection import MapView, project
from desktop_app.places.gazetteer import Place, shipped

GRID = 64  # buckets per side of the world square
# a view over more buckets than this walks the list of every place, the most populous first, instead
# (at world zoom the first places of that list are in view; merging a thousand buckets costs more)
WIDE = 256


class PlaceIndex:
    def __init__(self, places: list[Place]):
        self._buckets: dict[tuple[int, int], list[tuple[int, float, float, Place]]] = {}
        everywhere = []
        for place in places:
            x, y = project(place.longitude, place.latitude)
            key = (min(GRID - 1, int(x * GRID)), min(GRID - 1, int(y * GRID)))
            item = (-place.population, x, y, place)
            self._buckets.setdefault(key, []).append(item)
            everywhere.append(item)
        for bucket in self._buckets.values():
            bucket.sort(key=lambda item: item[0])
        everywhere.sort(key=lambda item: item[0])
        self._everywhere = everywhere

    def in_view(self, view: MapView):
        """(place, x, y on screen) for the places in view, the most populous first."""
        x0, y0 = view.screen_to_world(0, 0)
        x1, y1 = view.screen_to_world(view.width_px, view.height_px)
        cols = range(max(0, int(x0 * GRID)), min(GRID - 1, int(x1 * GRID)) + 1)
        rows = range(max(0, int(y0 * GRID)), min(GRID - 1, int(y1 * GRID)) + 1)
        if len(cols) * len(rows) > WIDE:
            ordered = iter(self._everywhere)
        else:
            buckets = [self._buckets[(c, r)] for c in cols for r in rows if (c, r) in self._buckets]
            ordered = heapq.merge(*buckets, key=lambda item: item[0])
        for _, x, y, place in ordered:
            if x0 <= x <= x1 and y0 <= y <= y1:
                yield place, *view.world_to_screen(x, y)


_lock = threading.Lock()
_index: PlaceIndex | None = None
_builder: threading.Thread | None = None


def shipped_index() -> PlaceIndex:
    """The shipped towns' index, built once, waiting for it if it is being built."""
    global _index
    with _lock:
        if _index is None:
            _index = PlaceIndex(shipped().places)
        return _index


def index_if_ready() -> PlaceIndex | None:
    """The index if it is built; if not, None, and it is built in a thread of its own: reading and
    placing some 50,000 towns takes a second or more, which the window's first paint (the map is
    beside the timeline) does not wait for — the map is drawn without town names until then."""
    global _builder
    if _index is None and _builder is None:
        _builder = threading.Thread(target=shipped_index, name="map-town-names", daemon=True)
        _builder.start()
    return _index
