"""The source's text as a reader sees it: a read-only page of plain text with paragraph numbers.

The document holds the text exactly (``DocumentText``), never as markup: plain text only.
Positions in and out of this widget are ``full_text`` offsets; the Qt positions stay inside.

A QPlainTextEdit, whose layout works out only the lines on screen: QTextEdit laid a whole text
out, which for a 23 MB text froze the window for 15-40 s and took 1.5 GB. A long text goes into
the document in parts, the first at once and the rest between events, so its first screen shows
at once; marks and a passage asked for beyond what has arrived are drawn when it arrives.
(QPlainTextEdit lays lines out at the font's own spacing: it has no line-height.)
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QTextEdit, QWidget

from desktop_app.reader import colors
from desktop_app.reader.document_text import DocumentText
from desktop_app.reader.paragraphs import Paragraphs

LINE_CHARS = 70  # the longest comfortable line, in average characters
PART_CHARS = 250_000  # a long text goes into the document this much at a time
ALL_MARKS = 2_000  # up to this many marks are all drawn; more, only those near the screen
NEAR_CHARS = 20_000  # "near the screen": this far either side of it (a short scroll redraws none)
_PADDING = 12  # around the text, inside the page
_GUTTER_GAP = 18  # between a paragraph number and its text
_SERIF_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif", "Liberation Serif"]


@dataclass(frozen=True)
class Highlight:
    start: int  # full_text offsets
    end: int
    color: str
    selected: bool = False


class _Marks:
    """Passages to mark, ``(start, end, what)`` sorted by start, so that those near the screen are
    found without going through all of them (a long text's dates and names are counted in tens of
    thousands, and Qt repaints and moves every mark it is given, on screen or not)."""

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


def reading_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setFamilies(_SERIF_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(max(12.0, base.pointSizeF() * 1.3))
    return font


class _Gutter(QWidget):
    """The margin left of the text, where the paragraph numbers are."""

    def __init__(self, view: "SourceTextView"):
        super().__init__(view)
        self._view = view
        self.setAccessibleName("Paragraph numbers")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        self._view.paint_numbers(self, event.rect())


class SourceTextView(QPlainTextEdit):
    clicked = Signal(int)  # full_text offset of a click that selected nothing
    selection_finished = Signal()  # the mouse let go of a selection
    loaded = Signal()  # the whole text is in the document

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = DocumentText("")
        self._paragraphs = Paragraphs("")
        self._arrived = 0  # how much of the text (in full_text offsets) is in the document
        self._wanted: tuple[int, int] | None = None  # a passage to select once it has arrived
        self._highlights = self._matches = self._underlines = _Marks()
        self._marked = (0, 0)  # the full_text offsets between which the marks are drawn
        self._underline_styles = None
        self._side_margin = self._right_margin = -1
        self._gutter = _Gutter(self)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Source text")
        self.setAccessibleDescription("Select a passage (Shift+arrows) to highlight it (Ctrl+Shift+H) "
                                      "or cite it for an event (Ctrl+Shift+C)")
        self.setFont(reading_font(self.font()))
        # the margins beside the column are the page too, not the window behind it
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.document().setDocumentMargin(_PADDING)
        self.updateRequest.connect(lambda rect, dy: self._gutter.update())
        self.verticalScrollBar().valueChanged.connect(self._mark_near_screen)
        self._next_part = QTimer(self, singleShot=True, interval=0)
        self._next_part.timeout.connect(self._add_part)

    # -- content ----------------------------------------------------------------------------

    @property
    def paragraphs(self) -> Paragraphs:
        return self._paragraphs

    @property
    def full_text(self) -> str:
        return self._text.full_text

    @property
    def loading(self) -> bool:
        """Whether part of the text is still to go into the document."""
        return self._arrived < len(self.full_text)

    def set_text(self, full_text: str) -> None:
        self._text = DocumentText(full_text)
        self._paragraphs = Paragraphs(full_text)
        self._highlights = self._matches = self._underlines = _Marks()
        self._wanted = None
        self._next_part.stop()
        self.setPlainText("")
        self._arrived = 0
        self._side_margin = -1
        self._fit_column()
        self._add_part()

    def _add_part(self) -> None:
        """Put the next part of the text in the document; after the last, draw the marks and
        select the passage asked for meanwhile."""
        shown = self._text.shown
        end = min(len(shown), self._arrived + PART_CHARS)
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(shown[self._arrived:end])
        self._arrived = end
        if self.loading:
            self._next_part.start()
            return
        self._redraw_marks()
        if self._wanted is not None:
            self.select_span(*self._wanted)
        self.loaded.emit()

    # -- selection in full_text offsets -----------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self._text.from_qt(cursor.selectionStart()), self._text.from_qt(cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_span(self, start: int, end: int) -> None:
        """Select full_text[start:end] and scroll it to the middle of the view (once it is in
        the document, when the text is still going in)."""
        if self.loading and end > self._arrived:
            self._wanted = (start, end)
            return
        self._wanted = None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._text.to_qt(min(start, self._arrived)))
        cursor.setPosition(self._text.to_qt(min(end, self._arrived)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def _cursor_at(self, offset: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._text.to_qt(min(offset, self._arrived)))
        return cursor

    def offset_at(self, point: QPoint) -> int:
        """The full_text offset of the character at a viewport point."""
        return self._text.from_qt(self.cursorForPosition(point).position())

    def span_rect(self, start: int, end: int) -> QRect:
        """Where a passage is drawn, in viewport coordinates (its first and last line)."""
        return self.cursorRect(self._cursor_at(start)).united(self.cursorRect(self._cursor_at(end)))

    # -- marks: highlights and find matches ---------------------------------------------------

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self._highlights = _Marks((h.start, h.end, h) for h in highlights)
        self._redraw_marks()

    def set_matches(self, spans: list[tuple[int, int]]) -> None:
        self._matches = _Marks((start, end, None) for start, end in spans)
        self._redraw_marks()

    def set_underlines(self, spans: list[tuple[int, int, str]], styles) -> None:
        """Underline passages of kinds (the reading assistant's dates and names) on top of the
        highlights: ``styles(palette)`` gives each kind's format, asked again when the palette changes."""
        self._underlines, self._underline_styles = _Marks(spans), styles
        self._redraw_marks()

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        mark = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._text.to_qt(start))
        cursor.setPosition(self._text.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        mark.cursor = cursor
        mark.format = fmt
        return mark

    def _near_screen(self) -> tuple[int, int]:
        """The full_text offsets from a little before the screen to a little after it."""
        if len(self._highlights) + len(self._underlines) + len(self._matches) <= ALL_MARKS:
            return 0, len(self.full_text)
        viewport = self.viewport().rect()
        top = self._text.from_qt(self.firstVisibleBlock().position())
        bottom = self._text.from_qt(self.cursorForPosition(viewport.bottomRight()).position())
        return max(0, top - NEAR_CHARS), bottom + NEAR_CHARS

    def _mark_near_screen(self) -> None:
        """After a scroll: draw the marks near the screen, unless they are drawn already."""
        start, end = self._near_screen()
        if not (self._marked[0] <= start and end <= self._marked[1]):
            self._redraw_marks()

    def _redraw_marks(self) -> None:
        palette = self.palette()
        start, end = self._marked = self._near_screen()
        end = min(end, self._arrived)  # the rest is drawn when it has arrived
        marks = []
        for _, _, h in self._highlights.within(start, end):
            fmt = QTextCharFormat()
            background = colors.highlight(h.color, palette)
            if h.selected:  # a deeper shade and an underline tell the chosen highlight apart
                background = background.lighter(135) if colors.is_dark(palette) else background.darker(112)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(colors.strong(h.color))
            fmt.setBackground(background)
            marks.append(self._selection(h.start, min(h.end, self._arrived), fmt))
        if self._underlines:
            styles = self._underline_styles(palette)
            marks += [self._selection(first, min(last, self._arrived), styles[kind])
                      for first, last, kind in self._underlines.within(start, end)]
        match_format = QTextCharFormat()
        match_format.setBackground(colors.find_match(palette))
        marks += [self._selection(first, min(last, self._arrived), match_format)
                  for first, last, _ in self._matches.within(start, end)]
        self.setExtraSelections(marks)

    # -- layout: a centred column of readable width ---------------------------------------------

    def _gutter_width(self) -> int:
        metrics = QFontMetricsF(self._number_font())
        return int(metrics.horizontalAdvance(str(max(9, len(self._paragraphs))))) + _GUTTER_GAP

    def _fit_column(self) -> None:
        """A column of readable width in the middle, the paragraph numbers in the margin left of it."""
        width = self.contentsRect().width() - self.verticalScrollBar().sizeHint().width()
        column = QFontMetricsF(self.font()).averageCharWidth() * LINE_CHARS + 2 * _PADDING
        left = int(max(self._gutter_width() + 8 - _PADDING, (width - column) / 2))
        right = int(max(4, width - left - column))
        if (left, right) != (self._side_margin, self._right_margin):
            self._side_margin, self._right_margin = left, right
            self.setViewportMargins(left, 0, right, 0)
        area = self.contentsRect()
        self._gutter.setGeometry(QRect(area.left(), area.top(), left, area.height()))

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        self._fit_column()  # first: the base class lays the lines out to the viewport's new width
        super().resizeEvent(event)
        self._mark_near_screen()

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._redraw_marks()
            self._gutter.update()

    # -- paragraph numbers ------------------------------------------------------------------

    def _number_font(self) -> QFont:
        font = QFont(self.font())
        font.setFamilies([QFont().defaultFamily()])
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSizeF(self.font().pointSizeF() * 0.7)
        return font

    def paint_numbers(self, gutter: QWidget, area: QRect) -> None:
        """Draw, on the gutter, the number of each paragraph that starts on a line in view."""
        if not len(self._paragraphs):
            return
        painter = QPainter(gutter)
        painter.setFont(self._number_font())
        painter.setPen(QColor(self.palette().color(QPalette.ColorRole.PlaceholderText)))
        metrics = painter.fontMetrics()
        right = gutter.width() + _PADDING - _GUTTER_GAP  # the text starts _PADDING into the page
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > area.bottom():
                break
            start = self._text.from_qt(block.position())
            end = self._text.from_qt(block.position() + block.length())
            number = self._paragraphs.starting_in(start, max(end, start + 1))
            if number is not None and block.layout().lineCount():
                line = block.layout().lineAt(0)
                label = str(number)
                baseline = int(top + line.y() + line.ascent())
                painter.drawText(QPoint(right - metrics.horizontalAdvance(label), baseline), label)
            block = block.next()
        painter.end()

    # -- mouse ------------------------------------------------------------------------------

    def mouseReleaseEvent(self, event):  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection():
            self.selection_finished.emit()
        else:
            self.clicked.emit(self._text.from_qt(self.textCursor().position()))
