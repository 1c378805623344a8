"""Which part of a long text the reader's document holds, and positions between that document
and ``full_text``. Qt-free.

A text longer than ``WINDOW_CHARS`` is not put in the document whole: the document holds a
window of about that many characters around what is on screen, from the start of a line to the
end of one, and the window moves as the reader scrolls. The whole of a 25 MB text in a
QPlainTextEdit took 75 MB (its UTF-16 and the data of its ~100,000 blocks), and the first resize
then gave every block a QTextLayout of its own: 35 MB more, and the window frozen while it did.
"""
from __future__ import annotations

from desktop_app.reader.document_text import DocumentText

WINDOW_CHARS = 400_000  # about 150 pages of a book
EDGE_CHARS = 100_000  # the window moves once the screen is this near one of its edges (not the text's)
LINE_SEARCH = 10_000  # an edge goes to a line break at most this far from where it would be


class TextWindow:
    """full_text[start:end] is in the document (``text.shown``'s slice, as the view shows it)."""

    def __init__(self, text: DocumentText, start: int = 0, end: int | None = None):
        self.text = text
        self.start, self.end = start, len(text.full_text) if end is None else end
        self._qt_start = text.to_qt(start)

    @classmethod
    def around(cls, text: DocumentText, offset: int, size: int = WINDOW_CHARS) -> "TextWindow":
        """The window of about ``size`` characters with ``offset`` in its middle (the whole text
        when it is no longer), its edges at line breaks."""
        shown, length = text.shown, len(text.shown)
        if length <= size:
            return cls(text, 0, length)
        start = min(max(0, offset - size // 2), length - size)
        if start > 0:
            start = shown.rfind("\n", max(0, start - LINE_SEARCH), start) + 1 or start
        end = min(length, start + size)
        if end < length:
            found = shown.find("\n", end, end + LINE_SEARCH)
            end = found if found >= 0 else end
        return cls(text, start, end)

    @property
    def shown(self) -> str:
        """What the document holds."""
        return self.text.shown[self.start:self.end]

    @property
    def is_whole(self) -> bool:
        return self.start == 0 and self.end == len(self.text.full_text)

    def holds(self, offset: int) -> bool:
        """Whether ``offset`` is in the window and not near an edge that is not the text's."""
        return ((self.start == 0 or offset >= self.start + EDGE_CHARS)
                and (self.end == len(self.text.full_text) or offset <= self.end - EDGE_CHARS))

    def to_doc(self, offset: int) -> int:
        """The document position of a full_text offset (the window's nearest edge when outside it)."""
        return self.text.to_qt(min(max(offset, self.start), self.end)) - self._qt_start

    def from_doc(self, position: int) -> int:
        """The full_text offset of a document position."""
        return self.text.from_qt(position + self._qt_start)
