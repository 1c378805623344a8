"""The source's text as a reader sees it: a read-only page of plain text with paragraph numbers.

The document holds the text exactly (``DocumentText``), never as markup: ``setPlainText`` only.
Positions in and out of this widget are ``full_text`` offsets; the Qt positions stay inside.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPainter, QPalette, QTextBlockFormat, QTextCharFormat,
                           QTextCursor)
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop_app.reader import colors
from desktop_app.reader.document_text import DocumentText
from desktop_app.reader.paragraphs import Paragraphs

LINE_CHARS = 70  # the longest comfortable line, in average characters
LINE_HEIGHT_PERCENT = 140
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


class SourceTextView(QTextEdit):
    clicked = Signal(int)  # full_text offset of a click that selected nothing
    selection_finished = Signal()  # the mouse let go of a selection

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setAccessibleName("Source text")
        self.setAccessibleDescription("Select a passage (Shift+arrows) to highlight it (Ctrl+Shift+H) "
                                      "or cite it for an event (Ctrl+Shift+C)")
        self.setFont(reading_font(self.font()))
        self.document().setDocumentMargin(0)
        self._text = DocumentText("")
        self._paragraphs = Paragraphs("")
        self._highlights: list[Highlight] = []
        self._matches: list[tuple[int, int]] = []
        self._underlines: list[tuple[int, int, str]] = []
        self._underline_styles = None
        self._side_margin = self._right_margin = -1

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
        self._highlights, self._matches, self._underlines = [], [], []
        self.setPlainText(self._text.shown)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        spacing = QTextBlockFormat()
        spacing.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(spacing)
        self._side_margin = -1
        self._fit_column()
        self._redraw_marks()

    # -- selection in full_text offsets -----------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self._text.from_qt(cursor.selectionStart()), self._text.from_qt(cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_span(self, start: int, end: int) -> None:
        """Select full_text[start:end] and scroll it to about a third of the way down."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._text.to_qt(min(start, len(self.full_text))))
        cursor.setPosition(self._text.to_qt(min(end, len(self.full_text))), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        top = self.cursorRect(self._cursor_at(start)).top() + self.verticalScrollBar().value()
        self.verticalScrollBar().setValue(int(top - self.viewport().height() / 3))

    def _cursor_at(self, offset: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._text.to_qt(min(offset, len(self.full_text))))
        return cursor

    def offset_at(self, point: QPoint) -> int:
        """The full_text offset of the character at a viewport point."""
        return self._text.from_qt(self.cursorForPosition(point).position())

    def span_rect(self, start: int, end: int) -> QRect:
        """Where a passage is drawn, in viewport coordinates (its first and last line)."""
        return self.cursorRect(self._cursor_at(start)).united(self.cursorRect(self._cursor_at(end)))

    # -- marks: highlights and find matches ---------------------------------------------------

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self._highlights = highlights
        self._redraw_marks()

    def set_matches(self, spans: list[tuple[int, int]]) -> None:
        self._matches = spans
        self._redraw_marks()

    def set_underlines(self, spans: list[tuple[int, int, str]], styles) -> None:
        """Underline passages of kinds (the reading assistant's dates and names) on top of the
        highlights: ``styles(palette)`` gives each kind's format, asked again when the palette changes."""
        self._underlines, self._underline_styles = spans, styles
        self._redraw_marks()

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        mark = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._text.to_qt(start))
        cursor.setPosition(self._text.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        mark.cursor = cursor
        mark.format = fmt
        return mark

    def _redraw_marks(self) -> None:
        palette = self.palette()
        limit = len(self.full_text)
        marks = []
        for h in self._highlights:
            fmt = QTextCharFormat()
            background = colors.highlight(h.color, palette)
            if h.selected:  # a deeper shade and an underline tell the chosen highlight apart
                background = background.lighter(135) if colors.is_dark(palette) else background.darker(112)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(colors.strong(h.color))
            fmt.setBackground(background)
            marks.append(self._selection(min(h.start, limit), min(h.end, limit), fmt))
        if self._underlines:
            styles = self._underline_styles(palette)
            marks += [self._selection(min(start, limit), min(end, limit), styles[kind])
                      for start, end, kind in self._underlines]
        match_format = QTextCharFormat()
        match_format.setBackground(colors.find_match(palette))
        marks += [self._selection(start, end, match_format) for start, end in self._matches]
        self.setExtraSelections(marks)

    # -- layout: a centred column of readable width ---------------------------------------------

    def _gutter_width(self) -> int:
        metrics = QFontMetricsF(self._number_font())
        return int(metrics.horizontalAdvance(str(max(9, len(self._paragraphs))))) + _GUTTER_GAP

    def _fit_column(self) -> None:
        width = self.viewport().width()
        column = QFontMetricsF(self.font()).averageCharWidth() * LINE_CHARS
        left = int(max(self._gutter_width() + 8, (width - column) / 2))
        right = int(max(16, width - left - column))
        if left == self._side_margin and right == self._right_margin:
            return
        self._side_margin, self._right_margin = left, right
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        fmt.setLeftMargin(left)
        fmt.setRightMargin(right)
        fmt.setTopMargin(12)
        fmt.setBottomMargin(48)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_column()

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._redraw_marks()

    # -- paragraph numbers ------------------------------------------------------------------

    def _number_font(self) -> QFont:
        font = QFont(self.font())
        font.setFamilies([QFont().defaultFamily()])
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSizeF(self.font().pointSizeF() * 0.7)
        return font

    def paintEvent(self, event):  # noqa: N802
        super().paintEvent(event)
        if not len(self._paragraphs):
            return
        painter = QPainter(self.viewport())
        painter.setFont(self._number_font())
        color = QColor(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.setPen(color)
        layout = self.document().documentLayout()
        scroll_y = self.verticalScrollBar().value()
        right = self._side_margin - _GUTTER_GAP - self.horizontalScrollBar().value()
        block = self.cursorForPosition(QPoint(0, 0)).block()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            top = rect.top() - scroll_y
            if top > event.rect().bottom():
                break
            start = self._text.from_qt(block.position())
            end = self._text.from_qt(block.position() + block.length())
            number = self._paragraphs.starting_in(start, max(end, start + 1))
            if number is not None and block.layout().lineCount():
                line = block.layout().lineAt(0)
                baseline = top + line.y() + line.ascent()
                font_metrics = painter.fontMetrics()
                label = str(number)
                x = right - font_metrics.horizontalAdvance(label)
                painter.drawText(QPoint(int(x), int(baseline)), label)
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
