"""The PDF side of the Reader page: a bar for pages and zoom above the rendered pages.

The page field takes a printed page label ("iv", "A-3") or a page number; the zoom fits the
width, a whole page, or a percentage (Ctrl++ and Ctrl+- step through them).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from db import originals, pdf_pages
from desktop_app.reader.pdf_layout import FIT_PAGE, FIT_WIDTH, PERCENTS, Zoom
from desktop_app.reader.pdf_render import PageRenderer
from desktop_app.reader.pdf_view import PdfView

ZOOMS = [Zoom(FIT_WIDTH), Zoom(FIT_PAGE)] + [Zoom("percent", p) for p in PERCENTS]


class PdfPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("PDF reader")
        self.view = PdfView()
        self.previous = QToolButton(text="◀", toolTip="Previous page (Page Up)", autoRaise=True)
        self.previous.setAccessibleName("Previous page")
        self.next = QToolButton(text="▶", toolTip="Next page (Page Down)", autoRaise=True)
        self.next.setAccessibleName("Next page")
        self.page_field = QLineEdit(maximumWidth=70, alignment=Qt.AlignmentFlag.AlignCenter)
        self.page_field.setAccessibleName("Page")
        self.page_field.setToolTip("Go to a page: its printed label (iv, A-3) or its number")
        self.page_count = QLabel()
        self.zoom = QComboBox()
        self.zoom.setAccessibleName("Zoom")
        self.zoom.addItems([z.label() for z in ZOOMS])
        bar = QHBoxLayout()
        bar.setContentsMargins(16, 2, 16, 4)
        bar.addWidget(QLabel("Page"))
        bar.addWidget(self.previous)
        bar.addWidget(self.page_field)
        bar.addWidget(self.next)
        bar.addWidget(self.page_count)
        bar.addStretch(1)
        bar.addWidget(QLabel("Zoom"))
        bar.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.previous.clicked.connect(lambda: self.view.go_to_page(self.view.current_page() - 1))
        self.next.clicked.connect(lambda: self.view.go_to_page(self.view.current_page() + 1))
        self.page_field.returnPressed.connect(self._go_to_typed_page)
        self.zoom.activated.connect(lambda row: self.view.set_zoom(ZOOMS[row]))
        self.view.page_changed.connect(self._show_page)
        for keys, step in (((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), 1), ((QKeySequence.StandardKey.ZoomOut,), -1)):
            action = QAction("Zoom in" if step > 0 else "Zoom out", self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=step: self.step_zoom(s))
            self.addAction(action)

    def load(self, db, source_id: int, full_text: str) -> None:
        """Show a PDF source: its original rendered, its pages and their boxes from the store."""
        original = originals.of_source(db, source_id)
        paged = pdf_pages.pages(db, source_id)
        renderer = PageRenderer(originals.read_bytes(db, original.id), original.file_name)
        self.view.set_pdf(renderer, paged, lambda index: pdf_pages.page_boxes(db, source_id, index), full_text)
        self.page_count.setText(f"of {len(paged)}")
        self._show_page(self.view.current_page())

    def unload(self) -> None:
        self.view.clear()

    def step_zoom(self, step: int) -> None:
        """The next percentage up or down from the present scale."""
        percent = self.view.layout_.scale * 72 / 96 * 100
        ladder = list(PERCENTS)
        if step > 0:
            chosen = next((p for p in ladder if p > percent + 1), ladder[-1])
        else:
            chosen = next((p for p in reversed(ladder) if p < percent - 1), ladder[0])
        self.view.set_zoom(Zoom("percent", chosen))
        self.zoom.setCurrentIndex(ZOOMS.index(Zoom("percent", chosen)))

    def _show_page(self, index: int) -> None:
        pages = self.view.pages
        if not pages or index < 0:
            self.page_field.clear()
            return
        page = pages[index]
        self.page_field.setText(page.label)
        shown = f"of {len(pages)}" if page.label == str(index + 1) else f"({index + 1} of {len(pages)})"
        self.page_count.setText(shown)
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index + 1 < len(pages))

    def _go_to_typed_page(self) -> None:
        typed = self.page_field.text().strip()
        pages = self.view.pages
        index = next((p.index for p in pages if p.label == typed), None)
        if index is None and typed.isdigit():
            index = int(typed) - 1
        if index is not None and 0 <= index < len(pages):
            self.view.go_to_page(index)
            self.view.setFocus()
        else:
            self._show_page(self.view.current_page())

    def page_label_at(self, offset: int) -> str:
        """The printed label of the page a full-text offset is on."""
        page = pdf_pages.page_at(self.view.pages, offset)
        return page.label if page else ""
