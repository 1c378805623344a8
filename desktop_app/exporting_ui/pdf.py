"""The cited chronology as a PDF: Qt lays out the escaped HTML of ``chronology_html`` on A4
pages and QPdfWriter writes them, atomically. The page margins are QTextDocument's own (2 cm,
with the page number in the bottom one).

The document is read a hundred entries at a time, not as one page of HTML: Qt reads HTML
holding Python's lock, and one call for 3,000 events held the window for half a second while
the export ran in its worker thread. Inserted HTML joins the block the cursor is in, so each
piece starts in a new block with the format an entry's first block has in the whole page: the
layout is the one ``QTextDocument.setHtml`` makes of the whole page.

Qt's layout knows no "keep with next": the document is laid out on the pages here, and a heading
that would end a page (its text on the next) starts the next page instead."""
from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QFont, QGuiApplication, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter,
                           QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat)

from desktop_app.exporting import chronology_html
from desktop_app.exporting.chronology import Chronology
from desktop_app.exporting.exports import ExportOptions
from desktop_app.exporting.selection import Progress, Selection, report_or_stop
from desktop_app.formats.atomic_write import atomic_path, require_ending

ENTRIES_PER_READ = 100  # ~17 ms of HTML reading with Python's lock held
PRINT_MARGIN_CM = 2


def write_chronology_pdf(path, db, selection: Selection, options: ExportOptions = ExportOptions(),
                         progress: Progress | None = None) -> None:
    chronology = Chronology(db, selection, options.title, options.style, progress)
    write_document_pdf(path, chronology_document(chronology), options.title, progress)


def chronology_document(chronology: Chronology) -> QTextDocument:
    def page(body: str) -> str:
        return chronology_html.page_start(chronology.heading.title) + body + chronology_html.PAGE_END

    document = QTextDocument()
    cursor = QTextCursor(document)
    cursor.insertHtml(page(chronology_html.heading_html(chronology)))
    entry_start: QTextBlockFormat | None = None
    piece: list[str] = []
    for entry in chronology.entries():
        piece.append(chronology_html.entry_html(entry))
        if len(piece) == ENTRIES_PER_READ:
            entry_start = _insert(cursor, page, piece, entry_start)
    if piece:
        entry_start = _insert(cursor, page, piece, entry_start)
    references = chronology_html.references_html(chronology)
    if references:
        _insert(cursor, page, [references], entry_start)
    return document


def _insert(cursor: QTextCursor, page, piece: list[str], entry_start: QTextBlockFormat | None) -> QTextBlockFormat:
    if entry_start is None:
        # An entry's first block after another entry, as setHtml lays out the whole page
        probe = QTextDocument()
        probe.setHtml(page(piece[0] * 2))
        entry_start = probe.findBlockByNumber(probe.blockCount() // 2).blockFormat()
    cursor.insertBlock(entry_start)
    cursor.insertHtml(page("".join(piece)))
    piece.clear()
    return entry_start


def write_document_pdf(path, document: QTextDocument, title: str, progress: Progress | None = None) -> None:
    """Lay ``document`` out on A4 pages with 2 cm margins and the page number in the bottom one,
    as a PDF file; not written when ``progress``, asked once it is laid out, says stop."""
    with atomic_path(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setTitle(title)
        writer.setCreator("Sourceline")
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
        margin = paginate(document, writer)
        keep_headings_with_their_text(document)
        _print(document, writer, margin)
        del writer  # the file is complete once the writer is gone
        require_ending(temporary, b"%%EOF", "PDF")
        report_or_stop(progress)


def paginate(document: QTextDocument, device: QPagedPaintDevice) -> float:
    """Lay the document out on the device's pages, with margins; returns the margin in device pixels.

    Laid out here rather than by ``QTextDocument.print_``, which lays out a copy of its own: the
    pages must be known to keep headings with their text."""
    document.documentLayout().setPaintDevice(device)
    frame = document.rootFrame().frameFormat()
    # Frame margins are in the document's units, which the layout scales from the screen's
    # resolution to the device's.
    screen = QGuiApplication.primaryScreen()
    frame.setMargin(PRINT_MARGIN_CM / 2.54 * (screen.logicalDotsPerInchY() if screen else 96))
    document.rootFrame().setFrameFormat(frame)
    document.setPageSize(QSizeF(device.width(), device.height()))
    return PRINT_MARGIN_CM / 2.54 * device.logicalDpiY()


KEPT_BLOCKS = 2  # a heading keeps the line of facts and the first line of what follows on its page


def keep_headings_with_their_text(document: QTextDocument) -> int:
    """Start the next page at every heading that would end a page with the start of its text on
    the next (Qt's layout has no "keep with next"). Returns how many headings were moved."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    document.pageCount()  # laid out to the end: Qt lays a large document out lazily
    moved = 0
    block = document.begin()
    while block.isValid():
        after = block.next()
        kept = after
        for _ in range(KEPT_BLOCKS - 1):
            if kept.next().isValid() and not kept.next().blockFormat().headingLevel():
                kept = kept.next()
        if block.blockFormat().headingLevel() and kept.isValid():
            first_line = kept.layout().lineAt(0)
            kept_bottom = kept.layout().position().y() + (first_line.rect().bottom() if first_line.isValid() else 0)
            if int(layout.blockBoundingRect(block).top() // height) != int(kept_bottom // height):
                breaking = block.blockFormat()
                breaking.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(breaking)
                document.pageCount()  # what follows is laid out again now, not when next painted
                moved += 1
        block = after
    return moved


def _print(document: QTextDocument, writer: QPdfWriter, margin: float) -> None:
    """Each page of the laid-out document, its number at the right of the bottom margin."""
    page = QRectF(0, 0, writer.width(), writer.height())
    painter = QPainter(writer)
    number_font = QFont(document.defaultFont())
    painter.setFont(number_font)
    for index in range(document.pageCount()):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * page.height())
        document.drawContents(painter, page.translated(0, index * page.height()))
        painter.restore()
        number = QRectF(margin, page.height() - margin, page.width() - 2 * margin, margin / 2)
        painter.drawText(number, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(index + 1))
    painter.end()
