"""The cited chronology as a PDF: Qt lays out the escaped HTML of ``chronology_html`` on A4
pages and QPdfWriter writes them, atomically. The page margins are QTextDocument's own (2 cm,
with the page number in the bottom one)."""
from __future__ import annotations

import io

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop_app.exporting import chronology_html
from desktop_app.exporting.chronology import Chronology
from desktop_app.exporting.exports import ExportOptions
from desktop_app.exporting.selection import Progress, Selection, report_or_stop
from desktop_app.formats.atomic_write import atomic_path, require_ending

def write_chronology_pdf(path, db, selection: Selection, options: ExportOptions = ExportOptions(),
                         progress: Progress | None = None) -> None:
    html = io.StringIO()
    chronology_html.write(html, Chronology(db, selection, options.title, options.style, progress))
    write_html_pdf(path, html.getvalue(), options.title, progress)


def write_html_pdf(path, html: str, title: str, progress: Progress | None = None) -> None:
    """Lay out ``html`` (already escaped, no external resources) on A4 pages as a PDF file; not
    written when ``progress``, asked once it is laid out, says stop."""
    document = QTextDocument()
    document.setHtml(html)
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
