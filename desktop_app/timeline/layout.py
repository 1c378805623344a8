"""Where each event goes on the canvas, before any pixel is painted. Pure, no Qt.

Events are grouped into lanes (by tag, by entity, or one lane), and inside a lane stacked into
rows greedily by the pixel extent of their mark and label, so no two labels ever overlap.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Sequence

LANE_MODES = ("none", "tag", "entity")
_LANE_COLUMN = {"tag": "tags", "entity": "entities"}
_WITHOUT = {"tag": "(no tag)", "entity": "(no entity)"}


@dataclass
class Lane:
    key: str  # "" for the single lane of mode "none"
    label: str
    events: list[dict] = field(default_factory=list)


def stack_rows(extents: Sequence[tuple[float, float]], gap: float = 0.0) -> list[int]:
    """The row of each ``(left, right)`` extent: the first row where it fits after what is
    already there (``gap`` pixels apart), taking extents from left to right."""
    order = sorted(range(len(extents)), key=lambda i: (extents[i][0], extents[i][1]))
    busy: list[tuple[float, int]] = []  # (where the row's last extent ends, row)
    free: list[int] = []  # rows whose last extent ends before the current left: lowest first
    rows = [0] * len(extents)
    row_count = 0
    for i in order:
        left, right = extents[i]
        # lefts only grow, so a row free for this extent stays free for every later one
        while busy and busy[0][0] + gap <= left:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            row = heapq.heappop(free)
        else:
            row, row_count = row_count, row_count + 1
        heapq.heappush(busy, (right, row))
        rows[i] = row
    return rows


def split_names(joined: str | None) -> list[str]:
    """The names in a summary's ``tags``/``entities`` column (joined with ", " by the store)."""
    return [name for name in (joined or "").split(", ") if name]


def lanes_of(events: Sequence[dict], mode: str) -> list[Lane]:
    """Group events into lanes. By tag or entity, an event with several appears in each of their
    lanes; events with none come last, in a lane of their own. Lanes are sorted by name."""
    if mode not in LANE_MODES:
        raise ValueError(f"lane mode must be one of {', '.join(LANE_MODES)}, not {mode!r}")
    if mode == "none":
        return [Lane("", "", list(events))]
    lanes: dict[str, Lane] = {}
    without = Lane("", _WITHOUT[mode])
    for event in events:
        names = split_names(event.get(_LANE_COLUMN[mode]))
        for name in names:
            lanes.setdefault(name.casefold(), Lane(name.casefold(), name)).events.append(event)
        if not names:
            without.events.append(event)
    ordered = [lanes[key] for key in sorted(lanes)]
    return ordered + ([without] if without.events else [])
