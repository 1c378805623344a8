"""Which towns to label: the gazetteer's places bucketed on a grid of the world square, so that a
view asks only the buckets it overlaps and meets the most populous first. No Qt."""
from __future__ import annotations

import heapq
from functools import lru_cache

from desktop_app.map.projection import MapView, project
from desktop_app.places.gazetteer import Place, shipped

GRID = 64  # buckets per side of the world square


class PlaceIndex:
    def __init__(self, places: list[Place]):
        self._buckets: dict[tuple[int, int], list[tuple[int, float, float, Place]]] = {}
        for place in places:
            x, y = project(place.longitude, place.latitude)
            key = (min(GRID - 1, int(x * GRID)), min(GRID - 1, int(y * GRID)))
            self._buckets.setdefault(key, []).append((-place.population, x, y, place))
        for bucket in self._buckets.values():
            bucket.sort(key=lambda item: item[0])

    def in_view(self, view: MapView):
        """(place, x, y on screen) for the places in view, the most populous first."""
        x0, y0 = view.screen_to_world(0, 0)
        x1, y1 = view.screen_to_world(view.width_px, view.height_px)
        cols = range(max(0, int(x0 * GRID)), min(GRID - 1, int(x1 * GRID)) + 1)
        rows = range(max(0, int(y0 * GRID)), min(GRID - 1, int(y1 * GRID)) + 1)
        buckets = [self._buckets[(c, r)] for c in cols for r in rows if (c, r) in self._buckets]
        for _, x, y, place in heapq.merge(*buckets, key=lambda item: item[0]):
            if x0 <= x <= x1 and y0 <= y <= y1:
                yield place, *view.world_to_screen(x, y)


@lru_cache(maxsize=1)
def shipped_index() -> PlaceIndex:
    return PlaceIndex(shipped().places)
