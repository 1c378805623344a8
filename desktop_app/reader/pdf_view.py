"""A PDF source's pages in the reader: rendered as they scroll into view, with highlights, find
matches and the reading assistant's marks drawn over the words, and words selected by dragging.

It speaks the reader's language, as the text view does: positions in and out are offsets into
the source's full text (``selected_span``, ``select_span``, ``set_highlights``, ``clicked``), so the
Reader page highlights, cites and finds in a PDF with the same code as in a text. Each page's
characters have boxes (``db.pdf_pages``), which turn a passage into rectangles on its page and a
point on a page into a character.
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

from db.pdf_pages import Page, line_rects, page_at
from desktop_app.reader import colors
from desktop_app.reader.pdf_layout import PdfLayout, Zoom, char_at, word_span

_SELECTION_ALPHA = 90
BOXES_KEPT = 32  # pages whose character boxes are kept: those near the view, however long the document


class PdfView(QAbstractScrollArea):
    clicked = Signal(int)  # full_text offset of a click that selected nothing
    selection_finished = Signal()
    selectionChanged = Signal()  # noqa: N815 (the text view's Qt name, which the page listens to)
    page_changed = Signal(int)  # the page index at the middle of the view
    zoom_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("PDF pages")
        self.setAccessibleDescription("Drag over words to select them, then highlight (Ctrl+Shift+H) or cite "
                                      "(Ctrl+Shift+C)")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.verticalScrollBar().setSingleStep(40)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._renderer = None
        self._pages: list[Page] = []
        self._boxes_of = None
        self._boxes: OrderedDict[int, object] = OrderedDict()
        self._text = ""
        self.zoom = Zoom()
        self.layout_ = PdfLayout([], (1, 1), self.zoom)
        self._highlights, self._matches, self._underlines, self._underline_styles = [], [], [], None
        self._anchor: int | None = None
        self._selection: tuple[int, int] | None = None
        self._current_page = -1
        copy = QAction("Copy", self, shortcut=QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy)
        self.addAction(copy)
        self.copy_action = copy

    # -- content ----------------------------------------------------------------------------

    def set_pdf(self, renderer, pages: list[Page], boxes_of, full_text: str) -> None:
        """Show a document: its ``renderer`` (pdf_render.PageRenderer), its pages, a function
        giving a page's character boxes by index, and the source's full text."""
        if self._renderer is not None:
            self._renderer.close()
        self._renderer, self._pages, self._boxes_of, self._text = renderer, pages, boxes_of, full_text
        self._boxes.clear()
        self._highlights, self._matches, self._underlines = [], [], []
        self._selection = self._anchor = None
        self._current_page = -1
        self._relayout()
        self.verticalScrollBar().setValue(0)
        self._scrolled()

    def clear(self) -> None:
        self.set_pdf(None, [], None, "")

    @property
    def full_text(self) -> str:
        return self._text

    @property
    def pages(self) -> list[Page]:
        return self._pages

    @property
    def renderer(self):
        return self._renderer

    def boxes(self, index: int):
        """A page's character boxes, read from the store when first wanted (the latest few kept)."""
        boxes = self._boxes.get(index)
        if boxes is None:
            boxes = self._boxes[index] = self._boxes_of(index)
            if len(self._boxes) > BOXES_KEPT:
                self._boxes.popitem(last=False)
        else:
            self._boxes.move_to_end(index)
        return boxes

    # -- zoom and pages -----------------------------------------------------------------------

    def set_zoom(self, zoom: Zoom) -> None:
        page = self.current_page()
        self.zoom = zoom
        self._relayout()
        if self._pages:
            self.go_to_page(page)
        self.zoom_changed.emit()

    def _relayout(self) -> None:
        sizes = [(p.width, p.height) for p in self._pages]
        size = self.viewport().size()
        self.layout_ = PdfLayout(sizes, (size.width(), size.height()), self.zoom)
        self.verticalScrollBar().setRange(0, max(0, self.layout_.height - size.height()))
        self.verticalScrollBar().setPageStep(size.height())
        self.horizontalScrollBar().setRange(0, max(0, self.layout_.width - size.width()))
        self.horizontalScrollBar().setPageStep(size.width())
        self.viewport().update()

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        top = self.verticalScrollBar().value() / max(1, self.layout_.height)
        super().resizeEvent(event)
        self._relayout()
        self.verticalScrollBar().setValue(int(top * self.layout_.height))

    def current_page(self) -> int:
        middle = self.verticalScrollBar().value() + self.viewport().height() // 2
        return self.layout_.page_at(middle)

    def go_to_page(self, index: int, rect=None) -> None:
        """Scroll page ``index`` to the top of the view, or a PDF rect on it to a third of the way down."""
        if not self._pages:
            return
        index = max(0, min(index, len(self._pages) - 1))
        if rect is None:
            self.verticalScrollBar().setValue(self.layout_.tops[index] - 8)
            return
        x, y, w, _ = self.layout_.from_pdf(index, rect)
        self.verticalScrollBar().setValue(int(y - self.viewport().height() / 3))
        if x + w > self.horizontalScrollBar().value() + self.viewport().width() or x < self.horizontalScrollBar().value():
            self.horizontalScrollBar().setValue(int(x - 24))

    def _scrolled(self, *_):
        page = self.current_page() if self._pages else -1
        if page != self._current_page:
            self._current_page = page
            self.page_changed.emit(page)
        self.viewport().update()

    def scrollContentsBy(self, dx, dy):  # noqa: N802
        self.viewport().update()

    # -- passages as rectangles -----------------------------------------------------------------

    def passage_rects(self, start: int, end: int) -> list[tuple[int, tuple]]:
        """(page index, PDF rect) covering full_text[start:end], from the pages' boxes."""
        found = []
        first = page_at(self._pages, start)
        for page in self._pages[first.index if first else 0:]:  # from the passage's first page on
            if page.start >= end:
                break
            if page.end <= start or not page.has_text:
                continue
            boxes = self.boxes(page.index)
            first, last = max(start, page.start) - page.start, min(end, page.end) - page.start
            chars = [tuple(boxes[4 * i:4 * i + 4]) for i in range(first, min(last, len(boxes) // 4))]
            found += [(page.index, rect) for rect in line_rects(chars)]
        return found

    def _viewport_rect(self, index: int, rect) -> QRectF:
        x, y, w, h = self.layout_.from_pdf(index, rect)
        return QRectF(x - self.horizontalScrollBar().value(), y - self.verticalScrollBar().value(), w, h)

    def span_rect(self, start: int, end: int) -> QRect:
        """Where a passage is drawn, in viewport coordinates."""
        rects = [self._viewport_rect(i, r) for i, r in self.passage_rects(start, end)]
        if not rects:
            return QRect()
        united = rects[0]
        for rect in rects[1:]:
            united = united.united(rect)
        return united.toAlignedRect()

    # -- marks --------------------------------------------------------------------------------

    def set_highlights(self, highlights) -> None:
        self._highlights = list(highlights)
        self.viewport().update()

    def set_matches(self, spans) -> None:
        self._matches = list(spans)
        self.viewport().update()

    def set_underlines(self, spans, styles) -> None:
        self._underlines, self._underline_styles = list(spans), styles
        self.viewport().update()

    # -- selection ----------------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        return self._selection

    def has_selection(self) -> bool:
        return self._selection is not None

    def select_span(self, start: int, end: int) -> None:
        """Select full_text[start:end] and scroll its first rectangle into view."""
        self._set_selection((start, end) if start < end else None)
        rects = self.passage_rects(start, end)
        if rects:
            self.go_to_page(*rects[0])
        else:
            located = page_at(self._pages, start)
            if located is not None:
                self.go_to_page(located.index)

    def _set_selection(self, span) -> None:
        if span != self._selection:
            self._selection = span
            self.selectionChanged.emit()
            self.viewport().update()

    def copy(self) -> None:
        if self._selection:
            QGuiApplication.clipboard().setText(self._text[self._selection[0]:self._selection[1]])

    def offset_at(self, point: QPoint) -> int:
        """The full_text offset of the caret nearest to a viewport point."""
        x = point.x() + self.horizontalScrollBar().value()
        y = point.y() + self.verticalScrollBar().value()
        index = self.layout_.page_at(y)
        if not self._pages:
            return 0
        page = self._pages[index]
        caret = char_at(self.boxes(index), *self.layout_.to_pdf(index, x, y)) if page.has_text else None
        return page.start + (caret or 0)

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._pages:
            self._anchor = self.offset_at(event.position().toPoint())
            self._set_selection(None)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):  # noqa: N802
        if self._anchor is not None and event.buttons() & Qt.MouseButton.LeftButton:
            focus = self.offset_at(event.position().toPoint())
            start, end = sorted((self._anchor, focus))
            start, end = word_span(self._text, start, end)
            self._set_selection((start, end) if start < end else None)

    def mouseReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._anchor is not None:
            anchor, self._anchor = self._anchor, None
            if self._selection:
                self.selection_finished.emit()
            else:
                self.clicked.emit(anchor)
        super().mouseReleaseEvent(event)

    def createStandardContextMenu(self, _position=None) -> QMenu:  # noqa: N802 (the text view's Qt name)
        menu = QMenu(self)
        self.copy_action.setEnabled(self._selection is not None)
        menu.addAction(self.copy_action)
        return menu

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self.viewport())
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Mid if colors.is_dark(palette)
                                                     else QPalette.ColorRole.Midlight))
        if not self._pages or self._renderer is None:
            painter.end()
            return
        top, left = self.verticalScrollBar().value(), self.horizontalScrollBar().value()
        ratio = self.devicePixelRatioF()
        scale = self.layout_.scale
        for index in self.layout_.pages_between(top, top + self.viewport().height()):
            x, y, w, h = self.layout_.page_rect(index)
            target = QRect(x - left, y - top, w, h)
            painter.fillRect(target.adjusted(1, 1, 2, 2), QColor(0, 0, 0, 60))  # a shadow, lower right
            image = self._renderer.image(index, scale * ratio)
            image.setDevicePixelRatio(ratio)
            painter.drawImage(target.topLeft(), image)
            if not self._pages[index].has_text:
                self._paint_no_text(painter, target)
        self._paint_marks(painter, top, top + self.viewport().height())
        painter.end()

    def _paint_no_text(self, painter: QPainter, page: QRect) -> None:
        note = "No text on this page (a picture)"
        metrics = painter.fontMetrics()
        box = QRect(page.left() + 8, page.top() + 8, metrics.horizontalAdvance(note) + 16, metrics.height() + 8)
        painter.fillRect(box, QColor(255, 255, 255, 220))
        painter.setPen(QColor("#5f5f5f"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, note)

    def _visible(self, start: int, end: int, shown: range) -> list[tuple[int, tuple]]:
        return [(i, r) for i, r in self.passage_rects(start, end) if i in shown]

    def _paint_marks(self, painter: QPainter, top: int, bottom: int) -> None:
        shown = self.layout_.pages_between(top, bottom)
        if not shown:
            return
        first, last = self._pages[shown.start], self._pages[shown.stop - 1]
        near = (first.start, last.end)

        def touching(start, end):
            return start < near[1] and end > near[0]

        # Multiply keeps the print legible through the colour: on white paper it is the colour,
        # on black type it stays black.
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        light = QPalette()  # pages are paper-coloured in either theme: the light shades
        light.setColor(QPalette.ColorRole.Base, QColor("white"))
        for h in self._highlights:
            if not touching(h.start, h.end):
                continue
            fill = colors.highlight(h.color, light)
            if h.selected:
                fill = fill.darker(115)
            for index, rect in self._visible(h.start, h.end, shown):
                painter.fillRect(self._viewport_rect(index, rect), fill)
        for start, end in self._matches:
            if touching(start, end):
                for index, rect in self._visible(start, end, shown):
                    painter.fillRect(self._viewport_rect(index, rect), colors.find_match(light))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        for h in self._highlights:
            if h.selected and touching(h.start, h.end):
                painter.setPen(QPen(colors.strong(h.color), 2))
                for index, rect in self._visible(h.start, h.end, shown):
                    box = self._viewport_rect(index, rect)
                    painter.drawLine(box.bottomLeft(), box.bottomRight())
        if self._underlines and self._underline_styles is not None:
            styles = self._underline_styles(light)
            for start, end, kind in self._underlines:
                if touching(start, end):
                    pen = QPen(styles[kind].underlineColor(), 1.5, Qt.PenStyle.DashLine)
                    painter.setPen(pen)
                    for index, rect in self._visible(start, end, shown):
                        box = self._viewport_rect(index, rect)
                        painter.drawLine(box.bottomLeft(), box.bottomRight())
        if self._selection and touching(*self._selection):
            selection = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            selection.setAlpha(_SELECTION_ALPHA)
            for index, rect in self._visible(*self._selection, shown):
                painter.fillRect(self._viewport_rect(index, rect), selection)

