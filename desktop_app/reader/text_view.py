"""The source's text as a reader sees it: a read-only page of plain text with paragraph numbers.

The document holds the text exactly (``DocumentText``), never as markup: plain text only.
Positions in and out of this widget are ``full_text`` offsets; the Qt positions stay inside.

A QPlainTextEdit, whose layout works out only the lines on screen: QTextEdit laid a whole text
out, which for a 23 MB text froze the window for 15-40 s and took 1.5 GB. A text longer than
``text_window.WINDOW_CHARS`` is shown through a window of it that moves as the reader scrolls
(see ``text_window``), with a scroll bar of the view's own that spans the whole text; marks are
given to Qt only near the screen. (QPlainTextEdit lays lines out at the font's own spacing: it
has no line-height.)
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QKeySequence, QPainter, QPalette, QTextCharFormat,
                           QTextCursor)
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QScrollBar, QTextEdit, QWidget

from desktop_app.reader import colors
from desktop_app.reader.document_text import DocumentText
from desktop_app.reader.mark_spans import MarkSpans
from desktop_app.reader.paragraphs import Paragraphs
from desktop_app.reader.text_window import TextWindow

LINE_CHARS = 70  # the longest comfortable line, in average characters
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

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = DocumentText("")
        self._window = TextWindow(self._text)
        self._paragraphs = Paragraphs("")
        self._highlights = self._matches = self._underlines = MarkSpans()
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
        # A long text's own scroll bar: from 0 to its length, the offset at the top of the screen.
        self._whole = QScrollBar(Qt.Orientation.Vertical, self)
        self._whole.setAccessibleName("Position in the text")
        self._whole.hide()
        self._whole.valueChanged.connect(self.scroll_to)
        super().verticalScrollBar().valueChanged.connect(self._scrolled)
        self._move_window = QTimer(self, singleShot=True, interval=0)  # not inside Qt's own scroll
        self._move_window.timeout.connect(self._follow_screen)

    # -- content ----------------------------------------------------------------------------

    @property
    def paragraphs(self) -> Paragraphs:
        return self._paragraphs

    @property
    def full_text(self) -> str:
        return self._text.full_text

    def set_text(self, full_text: str) -> None:
        self._text = DocumentText(full_text)
        self._paragraphs = Paragraphs(full_text)
        self._highlights = self._matches = self._underlines = MarkSpans()
        windowed = len(full_text) > TextWindow.around(self._text, 0).end
        self._whole.setRange(0, len(full_text) if windowed else 0)
        self._whole.setSingleStep(LINE_CHARS)
        self._whole.setPageStep(30 * LINE_CHARS)
        self._whole.setVisible(windowed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if windowed
                                        else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._side_margin = -1
        self._show_window(TextWindow.around(self._text, 0))
        self._fit_column()

    # -- the window of a long text -----------------------------------------------------------

    def verticalScrollBar(self) -> QScrollBar:  # noqa: N802 (Qt's name)
        """The scroll bar of the whole text: Qt's own, or for a long text the view's (its value
        is the full_text offset at the top of the screen)."""
        return self._whole if self._whole.isVisibleTo(self) else super().verticalScrollBar()

    def _show_window(self, window: TextWindow) -> None:
        """Put ``window`` in the document, keeping a selection that is in it."""
        span = self.selected_span()
        self._window = window
        self.setPlainText(window.shown)
        if span is not None and window.start <= span[0] and span[1] <= window.end:
            self._select(*span)
        self._redraw_marks()

    def _top(self) -> int:
        """The full_text offset of the first line on screen."""
        return self._window.from_doc(self.firstVisibleBlock().position())

    def scroll_to(self, offset: int) -> None:
        """Show the line holding ``offset`` at the top of the screen (the window moved there first
        when it is outside it or near its edge)."""
        if not self._window.holds(offset):
            self._show_window(TextWindow.around(self._text, offset))
        block = self.document().findBlock(self._window.to_doc(offset))
        super().verticalScrollBar().setValue(block.firstLineNumber())

    def _scrolled(self) -> None:
        """Qt scrolled the document (a wheel, a key, a selection): the scroll bar follows, and the
        window once the screen nears its edge."""
        if self._whole.isVisibleTo(self):
            top = self._top()
            self._whole.blockSignals(True)
            self._whole.setValue(top)
            self._whole.blockSignals(False)
            if not self._window.holds(top):
                self._move_window.start()
        self._mark_near_screen()

    def _follow_screen(self) -> None:
        top = self._top()
        if not self._window.holds(top):
            self.scroll_to(top)

    def keyPressEvent(self, event):  # noqa: N802 (Qt's name)
        """Ctrl+Home and Ctrl+End go to the text's start and end, not the window's."""
        for key, offset in ((QKeySequence.StandardKey.MoveToStartOfDocument, 0),
                            (QKeySequence.StandardKey.MoveToEndOfDocument, len(self.full_text))):
            if event.matches(key) and not self._window.is_whole:
                self.scroll_to(offset)
        super().keyPressEvent(event)

    # -- selection in full_text offsets -----------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self._window.from_doc(cursor.selectionStart()), self._window.from_doc(cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_span(self, start: int, end: int) -> None:
        """Select full_text[start:end] and scroll it to the middle of the view."""
        if not (self._window.holds(start) and self._window.start <= end <= self._window.end):
            self._show_window(TextWindow.around(self._text, start))
        self._select(start, end)
        self.centerCursor()

    def _select(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._window.to_doc(start))
        cursor.setPosition(self._window.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _cursor_at(self, offset: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._window.to_doc(offset))
        return cursor

    def offset_at(self, point: QPoint) -> int:
        """The full_text offset of the character at a viewport point."""
        return self._window.from_doc(self.cursorForPosition(point).position())

    def span_rect(self, start: int, end: int) -> QRect:
        """Where a passage is drawn, in viewport coordinates (its first and last line)."""
        return self.cursorRect(self._cursor_at(start)).united(self.cursorRect(self._cursor_at(end)))

    # -- marks: highlights and find matches ---------------------------------------------------

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self._highlights = MarkSpans((h.start, h.end, h) for h in highlights)
        self._redraw_marks()

    def set_matches(self, spans: list[tuple[int, int]]) -> None:
        self._matches = MarkSpans((start, end, None) for start, end in spans)
        self._redraw_marks()

    def set_underlines(self, spans: list[tuple[int, int, str]], styles) -> None:
        """Underline passages of kinds (the reading assistant's dates and names) on top of the
        highlights: ``styles(palette)`` gives each kind's format, asked again when the palette changes."""
        self._underlines, self._underline_styles = MarkSpans(spans), styles
        self._redraw_marks()

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        mark = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._window.to_doc(start))
        cursor.setPosition(self._window.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        mark.cursor = cursor
        mark.format = fmt
        return mark

    def _near_screen(self) -> tuple[int, int]:
        """The full_text offsets from a little before the screen to a little after it (in the window)."""
        window = self._window
        if len(self._highlights) + len(self._underlines) + len(self._matches) <= ALL_MARKS:
            return window.start, window.end
        bottom = self._window.from_doc(self.cursorForPosition(self.viewport().rect().bottomRight()).position())
        return max(window.start, self._top() - NEAR_CHARS), min(window.end, bottom + NEAR_CHARS)

    def _mark_near_screen(self) -> None:
        """After a scroll: draw the marks near the screen, unless they are drawn already."""
        start, end = self._near_screen()
        if not (self._marked[0] <= start and end <= self._marked[1]):
            self._redraw_marks()

    def _redraw_marks(self) -> None:
        palette = self.palette()
        start, end = self._marked = self._near_screen()
        marks = []
        for _, _, h in self._highlights.within(start, end):
            fmt = QTextCharFormat()
            background = colors.highlight(h.color, palette)
            if h.selected:  # a deeper shade and an underline tell the chosen highlight apart
                background = background.lighter(135) if colors.is_dark(palette) else background.darker(112)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(colors.strong(h.color))
            fmt.setBackground(background)
            marks.append(self._selection(h.start, h.end, fmt))
        if self._underlines:
            styles = self._underline_styles(palette)
            marks += [self._selection(first, last, styles[kind])
                      for first, last, kind in self._underlines.within(start, end)]
        match_format = QTextCharFormat()
        match_format.setBackground(colors.find_match(palette))
        marks += [self._selection(first, last, match_format)
                  for first, last, _ in self._matches.within(start, end)]
        self.setExtraSelections(marks)

    # -- layout: a centred column of readable width ---------------------------------------------

    def _gutter_width(self) -> int:
        metrics = QFontMetricsF(self._number_font())
        return int(metrics.horizontalAdvance(str(max(9, len(self._paragraphs))))) + _GUTTER_GAP

    def _fit_column(self) -> None:
        """A column of readable width in the middle, the paragraph numbers in the margin left of it."""
        bar = self._whole.sizeHint().width()
        width = self.contentsRect().width() - bar
        column = QFontMetricsF(self.font()).averageCharWidth() * LINE_CHARS + 2 * _PADDING
        left = int(max(self._gutter_width() + 8 - _PADDING, (width - column) / 2))
        # the whole text's scroll bar stands in the right margin (Qt's own, beside it)
        right = int(max(4, width - left - column)) + (bar if self._whole.isVisibleTo(self) else 0)
        if (left, right) != (self._side_margin, self._right_margin):
            self._side_margin, self._right_margin = left, right
            self.setViewportMargins(left, 0, right, 0)
        area = self.contentsRect()
        self._gutter.setGeometry(QRect(area.left(), area.top(), left, area.height()))
        self._whole.setGeometry(QRect(area.right() - bar + 1, area.top(), bar, area.height()))

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
            start = self._window.from_doc(block.position())
            end = self._window.from_doc(block.position() + block.length())
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
            self.clicked.emit(self._window.from_doc(self.textCursor().position()))
