"""A PDF as an import record: planned from what opens at once (that it is a PDF, its password,
its metadata, its page count), its text read page by page only when the import is applied — off
the GUI thread, with progress and Cancel — and written with its pages and their boxes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from db.connection import Database

from db import originals, pdf_pages
from db.annotations import write_source_text
from db.errors import FileProblem
from db.sources import get_source
from desktop_app.formats import pdf_ocr, pdf_text
from desktop_app.formats.file_read import read_bytes
from desktop_app.formats.fulltext_metadata import csl_names, text_value
from desktop_app.formats.pdf_text import PageText, join_pages, opened, read_pdf
from desktop_app.importing.originals import describe_bytes

# A PDF of reports and scans may be large; its bytes are held while its text is read.
MAX_PDF_BYTES = 500 * 1024 * 1024
# D:YYYYMMDDHHmmSS with any tail left off (PDF 32000-1, 7.9.4)
_PDF_DATE = re.compile(r"D?:?\s*(\d{4})(\d{2})?(\d{2})?")


class ReadCancelled(Exception):
    """Cancel was pressed while a PDF's pages were read."""


@dataclass
class PdfPending:
    """What reading a PDF's pages needs, and (once read) what it found."""

    path: Path
    password: str | None
    page_count: int
    sha256: str
    pages: list[PageText] = field(default_factory=list)
    extraction: list[str] = field(default_factory=list)  # per page
    notes: list[str] = field(default_factory=list)

    @property
    def read(self) -> bool:
        return len(self.pages) == self.page_count


def pdf_date(value: str | None) -> str | None:
    """A PDF date ("D:20240115093000+01'00'") as EDTF, to the day (or as far as it goes)."""
    match = _PDF_DATE.match((value or "").strip())
    if not match:
        return None
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12:
        return year
    parts = [year, month, day if month and day and 1 <= int(day) <= 31 else None]
    return "-".join(p for p in parts if p)


def plan_pdf(path: Path, password: str | None) -> tuple[dict, str | None, list[str], PdfPending, bytes]:
    """The CSL item, issued date (EDTF) and missing fields a PDF's metadata gives, its pending
    text, and its bytes. A PDF that cannot be opened is a FileProblem (PdfPasswordNeeded when it
    wants a password)."""
    data = read_bytes(path, MAX_PDF_BYTES)
    with opened(data, path, password) as document:
        metadata = document.get_metadata_dict(skip_empty=True)
        count = len(document)
    item = {"type": "document"}
    title = text_value(metadata.get("Title"))
    if title:
        item["title"] = title
    authors = csl_names(metadata.get("Author"))
    if authors:
        item["author"] = authors
    issued = pdf_date(metadata.get("CreationDate")) or pdf_date(metadata.get("ModDate"))
    missing = [name for name, value in (("title", title), ("issued", issued)) if not value]
    original = describe_bytes(path, data, "pdf")
    return item, issued, missing, PdfPending(path, password, count, original.sha256), data


def read_pages(pending: PdfPending, progress: Callable[[int], object], cancelled: Callable[[], bool]) -> None:
    """Read every page's text and boxes (OCR for pages without text, when ``ocrmypdf`` is there).
    ``progress(pages done)`` after each page."""
    data = read_bytes(pending.path, MAX_PDF_BYTES)
    if describe_bytes(pending.path, data).sha256 != pending.sha256:
        raise FileProblem(pending.path, None, "changed since it was read; import it again")

    def page_done(done: int, _total: int) -> None:
        if cancelled():
            raise ReadCancelled()
        progress(done)

    result = read_pdf(data, pending.path, pending.password, progress=page_done)
    pages, extraction = result.pages, [pdf_text.EXTRACTION] * len(result.pages)
    blank = [page.index for page in pages if not page.has_text]
    if blank:
        recognised, why_not = pdf_ocr.recognise(data, pending.path, pending.password, blank)
        for index, page in recognised.items():
            pages[index], extraction[index] = page, pdf_ocr.EXTRACTION
        still = [i for i in blank if i not in recognised]
        if still:
            pending.notes.append(f"{pending.path.name}: {_page_list(pages, still)} "
                                 f"{'has' if len(still) == 1 else 'have'} no text layer "
                                 f"({why_not or 'OCR found no text'}); imported as pictures")
        if recognised:
            pending.notes.append(f"{pending.path.name}: text of {_page_list(pages, sorted(recognised))} "
                                 "recognised by OCR (ocrmypdf)")
    pending.pages, pending.extraction = pages, extraction


def _page_list(pages: list[PageText], indexes: list[int]) -> str:
    labels = [pages[i].label for i in indexes]
    shown = ", ".join(labels[:12]) + (f" and {len(labels) - 12} more" if len(labels) > 12 else "")
    return f"page{'s' if len(labels) != 1 else ''} {shown}"


def full_text(pending: PdfPending) -> str:
    return join_pages(pending.pages)[0]


def write_pages(db: Database, source_id: int, original_id: int, pending: PdfPending) -> None:
    """Inside an edit: the source's pages and their boxes, grouped by how each page was read."""
    _, spans = join_pages(pending.pages)
    by_extraction: dict[str, list[pdf_pages.PageRecord]] = {}
    for page, (start, end), extraction in zip(pending.pages, spans, pending.extraction):
        by_extraction.setdefault(extraction, []).append(pdf_pages.PageRecord(
            page.index, page.label, start, end, page.width, page.height, page.has_text, page.boxes))
    pdf_pages.clear_pages(db, source_id)
    for extraction, records in by_extraction.items():
        pdf_pages.add_pages(db, source_id, original_id, extraction, records)


def merge_pdf(db: Database, source_id: int, original_id: int, pending: PdfPending) -> list[str]:
    """Inside an edit: a PDF merged into a source it duplicates. A source without text (a
    bibliography's record of the document) takes the PDF's text, pages and the PDF as its
    original; the same PDF imported again, read another way (OCR now installed, another PDFium),
    has its text and pages read anew, its highlights following their passages. Returns what was
    filled."""
    text = full_text(pending)
    paged = pdf_pages.pages(db, source_id)
    if not paged:
        if get_source(db, source_id)["full_text"].strip():  # a text of its own: pages would not fit it
            return ["original"] if originals.link_if_unlinked(db, source_id, original_id) else []
        write_pages(db, source_id, original_id, pending)
        write_source_text(db, source_id, text)
        originals.set_source_original(db, source_id, original_id)
        return ["full_text", "pages", "original"]
    current = originals.of_source(db, source_id)
    if current is None or current.id != original_id or [page.extraction for page in paged] == pending.extraction:
        return []  # another PDF's pages stay as they are; the same one read the same way has nothing new
    write_pages(db, source_id, original_id, pending)
    orphaned = write_source_text(db, source_id, text)
    return ["text read again" + (f" ({orphaned} highlight{'s' if orphaned != 1 else ''} orphaned)" if orphaned else "")]
