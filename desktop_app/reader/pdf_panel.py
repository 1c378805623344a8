"""The PDF side of the Reader page: a bar for pages and zoom above the rendered pages.

The page field takes a printed page label ("iv", "A-3") or a page number; the zoom fits the
width, a whole page, or a percentage (Ctrl++ and Ctrl+- step through them).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from db import annotations, originals, pdf_pages
from db.errors import SourcelineError
from desktop_app.reader.pdf_layout import FIT_PAGE, FIT_WIDTH, PERCENTS, Zoom
from desktop_app.reader.pdf_view import PdfView
from desktop_app.reliability.literal_text import literal

ZOOMS = [Zoom(FIT_WIDTH), Zoom(FIT_PAGE)] + [Zoom("percent", p) for p in PERCENTS]


class PdfPanel(QWidget):
    # (start, end, note) passages: the highlights another program left in the PDF, to import
    import_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = self._source_id = None
        self._offered: list[tuple[int, int, str]] = []
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
        self.export_button = QPushButton("Export with highlights…", objectName="exportAnnotatedPdf")
        self.export_button.setToolTip("Save a copy of the PDF with its highlights and notes as PDF annotations, "
                                      "which Acrobat, Okular, Zotero and browsers show")
        self.export_button.clicked.connect(self.choose_and_export)
        bar.addWidget(self.export_button)
        self.offer = QWidget()
        offer = QHBoxLayout(self.offer)
        offer.setContentsMargins(16, 2, 16, 2)
        self.offer_text = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.offer_button = QPushButton("Import them")
        self.offer_button.clicked.connect(self._import_offered)
        offer.addWidget(self.offer_text, 1)
        offer.addWidget(self.offer_button)
        self.offer.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.offer)
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
        from desktop_app.reader.pdf_render import PageRenderer  # PDFium, loaded when a PDF is first shown

        self._db, self._source_id = db, source_id
        original = originals.of_source(db, source_id)
        paged = pdf_pages.pages(db, source_id)
        data = originals.read_bytes(db, original.id)
        renderer = PageRenderer(data, original.file_name)
        # the boxes as the pages are shown: a page with a /Rotate turned with it
        self.view.set_pdf(renderer, paged,
                          lambda index: renderer.frame(index).boxes(pdf_pages.page_boxes(db, source_id, index)),
                          full_text)
        self.page_count.setText(f"of {len(paged)}")
        self._show_page(self.view.current_page())
        self.offer.hide()
        # Looked for once the pages show: reading every page's annotations takes a moment.
        QTimer.singleShot(0, lambda: self._source_id == source_id and self._offer_highlights(data))

    def _offer_highlights(self, data: bytes) -> None:
        """Offer the highlights another program left in the PDF that are not highlights here yet."""
        from desktop_app.exporting.annotated_pdf import highlights_in

        have = {(a["start_char"], a["end_char"]) for a in annotations.source_annotations(self._db, self._source_id)}
        self._offered = []
        for found in highlights_in(data):
            page = self.view.pages[found.page_index] if found.page_index < len(self.view.pages) else None
            # the other program's rectangles are in the PDF's own coordinates, as the stored boxes are
            boxes = pdf_pages.page_boxes(self._db, self._source_id, page.index) if page else None
            span = pdf_pages.passage_under(boxes, list(found.rects)) if page else None
            if span is not None and (page.start + span[0], page.start + span[1]) not in have:
                self._offered.append((page.start + span[0], page.start + span[1], found.note))
        count = len(self._offered)
        self.offer_text.setText(f"This PDF holds {count} highlight{'s' if count != 1 else ''} made in another "
                                "program. Import them as highlights here?")
        self.offer.setVisible(bool(count))

    def _import_offered(self) -> None:
        self.offer.hide()
        self.import_requested.emit(list(self._offered))

    def choose_and_export(self) -> None:
        original = originals.of_source(self._db, self._source_id) if self._source_id is not None else None
        if original is None:
            return
        suggested = original.file_name.rsplit(".", 1)[0] + " (highlighted).pdf"
        path, _ = QFileDialog.getSaveFileName(self, "Export PDF with Highlights", suggested, "PDF (*.pdf)")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> int | None:
        from desktop_app.exporting.annotated_pdf import write_annotated_pdf

        try:
            return write_annotated_pdf(self._db, self._source_id, path)
        except SourcelineError as error:
            QMessageBox.warning(self, "Export PDF with Highlights", literal(str(error)))
            return None

    def unload(self) -> None:
        self._source_id = None
        self.offer.hide()
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
