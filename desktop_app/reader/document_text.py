"""A source's full text as the reader's QTextDocument holds it, and offsets between the two.

Annotations store offsets into ``full_text`` counted in Python characters (code points). Qt
counts UTF-16 units, so every character outside the Basic Multilingual Plane (emoji, some CJK)
takes two positions there; and ``setPlainText`` turns "\\r\\n" into one block break and drops a
leading byte-order mark. The displayed text therefore swaps those characters one for one for
harmless look-alikes, and the offsets account for the surrogate pairs. Qt-free.
"""
from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class DocumentText:
    def __init__(self, full_text: str):
        self.full_text = full_text
        # A space before the line break keeps the line's length; a zero-width space keeps the BOM's place.
        shown = full_text.replace("\r\n", " \n")
        self.shown = "\u200b" + shown[1:] if shown.startswith("\ufeff") else shown
        # offsets of two-unit characters (looked for only if there can be any: the search takes a
        # second on a 25 MB text)
        astral = not full_text.isascii() and max(full_text) >= "\U00010000"
        self._astral = [m.start() for m in _ASTRAL.finditer(full_text)] if astral else []
        self._astral_qt = [offset + i for i, offset in enumerate(self._astral)]  # their Qt positions

    @property
    def qt_length(self) -> int:
        return len(self.full_text) + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """The document position of a full_text offset."""
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The full_text offset of a document position (inside a surrogate pair: the character's start)."""
        before = bisect_left(self._astral_qt, position)  # two-unit characters starting before it
        if before and self._astral_qt[before - 1] == position - 1:
            return self._astral[before - 1]  # between the two halves of that character
        return position - before
