"""The cited chronology as a PDF: Qt lays out the escaped HTML of ``chronology_html`` on A4
pages and QPdfWriter writes them, atomically. The page margins are QTextDocument's own (2 cm,
with the page number in the bottom one).

The document is read a hundred entries at a time, not as one page of HTML: Qt reads HTML
holding Python's lock, and one call for 3,000 events held the window for half a second while
the export ran in its worker thread. Inserted HTML joins the block the cursor is in, so each
piece starts in a new block with the format an entry's first block has in the whole page: the
layout is the one ``QTextDocument.setHtml`` makes of the whole page."""
from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextBlockFormat, QTextCursor, QTextDocument

from desktop_app.exporting import chronology_html
from desktop_app.exporting.chronology import Chronology
from desktop_app.exporting.exports import ExportOptions
from desktop_app.exporting.selection import Progress, Selection, report_or_stop
from desktop_app.formats.atomic_write import atomic_path, require_ending

ENTRIES_PER_READ = 100  # ~17 ms of HTML reading with Python's lock held


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
        _insert(cursor, page, piece, entry_start)
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
    """Lay ``document`` out on A4 pages as a PDF file; not written when ``progress``, asked once
    it is laid out, says stop."""
    with atomic_path(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setTitle(title)
        writer.setCreator("Sourceline")
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0),
                                         QPageLayout.Unit.Millimeter))
        document.print_(writer)
        del writer  # the file is complete once the writer is gone
        require_ending(temporary, b"%%EOF", "PDF")
        report_or_stop(progress)
