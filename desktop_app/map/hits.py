"""Which marks a click or a lasso takes: pure functions on screen positions, no Qt."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence


@dataclass(frozen=True)
class Spot:
    """A mark as drawn: the event, its centre on screen and its radius in pixels."""

    event_id: int
    x: float
    y: float
    radius: float


def spot_at(spots: Iterable[Spot], x: float, y: float, slop: float = 3.0) -> Spot | None:
    """The mark under the pointer: the one whose centre is nearest among those within their radius
    (plus ``slop`` pixels, so small marks can be hit); the topmost (last drawn) on a tie."""
    best, best_d2 = None, None
    for spot in spots:
        reach = spot.radius + slop
        d2 = (spot.x - x) ** 2 + (spot.y - y) ** 2
        if d2 <= reach * reach and (best_d2 is None or d2 <= best_d2):
            best, best_d2 = spot, d2
    return best


def stack_at(spots: list[Spot], x: float, y: float, slop: float = 3.0) -> list[int]:
    """The events under the pointer: the nearest mark's and every other drawn on the same spot
    (events at one place, e.g. a city's, sit on top of each other; a click takes them all)."""
    hit = spot_at(spots, x, y, slop)
    if hit is None:
        return []
    return [s.event_id for s in spots if abs(s.x - hit.x) <= 1 and abs(s.y - hit.y) <= 1]


def inside(polygon: Sequence[tuple[float, float]], x: float, y: float) -> bool:
    """Whether (x, y) is inside the polygon (even–odd rule; the polygon closes itself)."""
    result = False
    n = len(polygon)
    if n < 3:
        return False
    x0, y0 = polygon[-1]
    for x1, y1 in polygon:
        if (y1 > y) != (y0 > y) and x < (x0 - x1) * (y - y1) / (y0 - y1) + x1:
            result = not result
        x0, y0 = x1, y1
    return result


def lassoed(spots: Iterable[Spot], polygon: Sequence[tuple[float, float]]) -> list[int]:
    """The events whose mark centres the lasso encloses, in the order given."""
    if len(polygon) < 3:
        return []
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    return [s.event_id for s in spots
            if left <= s.x <= right and top <= s.y <= bottom and inside(polygon, s.x, s.y)]
