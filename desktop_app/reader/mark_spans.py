"""Passages marked in the reader's text, found by where they are. Qt-free.

A long text's dates and names are counted in tens of thousands, and Qt repaints and moves every
mark it is given, on screen or not: the view gives it only those near the screen."""
from __future__ import annotations

from bisect import bisect_left


class MarkSpans:
    """``(start, end, what)`` triples sorted by start."""

    def __init__(self, spans=()):
        self.spans = sorted(spans, key=lambda span: span[0])
        self._starts = [span[0] for span in self.spans]
        self._longest = max((end - start for start, end, _ in self.spans), default=0)

    def __len__(self) -> int:
        return len(self.spans)

    def within(self, start: int, end: int) -> list[tuple]:
        """The marks that overlap [start, end) (one that is empty: that it is in it)."""
        first, last = bisect_left(self._starts, start - self._longest), bisect_left(self._starts, end)
        return [span for span in self.spans[first:last] if span[1] >= start]
