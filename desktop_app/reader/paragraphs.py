"""Paragraph numbers of a text: paragraphs are blocks separated by blank lines. Qt-free.

The reader prints them in the margin and a citation's locator defaults to the number of the
paragraph the passage starts in, so both count the same way from the same text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_FIRST_WORD = re.compile(r"\S")
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")  # a line break, a blank line, and any space after


class Paragraphs:
    def __init__(self, text: str):
        starts = []
        first = _FIRST_WORD.search(text)
        if first:
            starts.append(first.start())
            starts += [m.end() for m in _BLANK_LINES.finditer(text, first.start()) if m.end() < len(text)]
        self.starts = starts  # offset of each paragraph's first character, in order

    def __len__(self) -> int:
        return len(self.starts)

    def number_at(self, offset: int) -> int | None:
        """The 1-based number of the paragraph holding ``offset`` (or the last one before it)."""
        index = bisect_right(self.starts, offset)
        return index or None

    def starting_in(self, start: int, end: int) -> int | None:
        """The number of the paragraph that starts within [start, end), if any."""
        index = bisect_left(self.starts, start)
        return index + 1 if index < len(self.starts) and self.starts[index] < end else None
