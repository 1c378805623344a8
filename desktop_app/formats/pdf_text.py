"""A PDF's text, page by page, with a box for every character (pypdfium2: PDFium, the engine
Chrome uses; never PyMuPDF, which is AGPL).

Every page's characters are read one by one from PDFium's text page, with their loose boxes
(the font's full height, so that a highlight drawn from them covers a whole line), and
normalised so that search and the date finder read words whole: PDFium's line-end hyphens (it
marks a word broken across lines) and soft hyphens go, ligatures (ﬁ, ﬂ, ﬀ …) become their
letters, CR LF becomes one line break. Each character of the normalised text keeps the box of
the character it came from, so a passage of the text is always a set of rectangles on its page.

PDFium is not thread-safe, for any document: every call into it holds ``PDFIUM``.
"""
from __future__ import annotations

import threading
from array import array
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from db.errors import FileProblem

PDFIUM = threading.RLock()
# Names how a page's text and boxes were read: another PDFium or another normalisation may read
# the same page differently, and boxes only fit the text they were read with.
EXTRACTION = f"pdfium {pdfium.version.PDFIUM_INFO.build}; normalised 1"
PAGE_BREAK = "\n\n"  # between two pages' texts in a source's full text

_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
# Dropped: PDFium's line-end hyphen marker (0x02), the soft hyphen, non-characters PDFium uses for
# what it could not map, and control characters other than line breaks and tabs.
_DROPPED = {0x02, 0xAD, 0xFFFE, 0xFFFF} | {c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_PASSWORD_ERROR = getattr(pdfium_c, "FPDF_ERR_PASSWORD", 4)


class PdfPasswordNeeded(FileProblem):
    """A PDF that opens only with its password (none was given, or not the right one)."""

    def __init__(self, path, wrong: bool):
        self.wrong = wrong
        super().__init__(path, None, "is protected by a password, and the one given is not it" if wrong else
                         "is protected by a password")


@dataclass
class PageText:
    index: int  # 0-based
    label: str  # the printed page number ("iv", "A-3"), else the 1-based number
    text: str
    boxes: array  # float32: left, bottom, right, top for each character of ``text``, PDF points
    width: float
    height: float

    @property
    def has_text(self) -> bool:
        return bool(self.text.strip())


@dataclass
class PdfText:
    pages: list[PageText]
    metadata: dict = field(default_factory=dict)  # the document information dictionary, as read


def normalise(codes: list[int]) -> tuple[str, list[int]]:
    """The text of a page's characters (code points) and, for each character of it, the index
    of the character it came from. PDFium gives a hyphen that breaks a word at a line's end as
    0x02 (its IsHyphen), which goes with the soft hyphens."""
    out: list[str] = []
    origin: list[int] = []
    count = len(codes)
    for index, code in enumerate(codes):
        if code in _DROPPED:
            continue
        if code == 0x0D:  # CR LF is one break; a lone CR is one too
            if index + 1 < count and codes[index + 1] == 0x0A:
                continue
            code = 0x0A
        if code == 0x09:
            code = 0x20
        letters = _LIGATURES.get(code) or chr(code)
        out.extend(letters)
        origin.extend([index] * len(letters))
    return "".join(out), origin


def open_pdf(data: bytes, path, password: str | None = None) -> pdfium.PdfDocument:
    """The document, or a FileProblem saying in one line why it cannot be read. Hold ``PDFIUM``."""
    if not data.strip():
        raise FileProblem(path, None, "is empty")
    if b"%PDF-" not in data[:1024]:  # PDF readers look for the header within the first kilobyte
        raise FileProblem(path, None, "is not a PDF (it does not start with %PDF-)")
    try:
        document = pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as error:
        if error.err_code == _PASSWORD_ERROR:
            raise PdfPasswordNeeded(path, wrong=bool(password)) from None
        raise FileProblem(path, None, f"is damaged or not a PDF that can be read ({_reason(error)})") from None
    if len(document) == 0:
        document.close()
        raise FileProblem(path, None, "has no pages")
    return document


def _reason(error: pdfium.PdfiumError) -> str:
    text = str(error)
    return text[text.find("PDFium: ") + 8:].rstrip(").") if "PDFium: " in text else text


@contextmanager
def opened(data: bytes, path, password: str | None = None):
    with PDFIUM:
        document = open_pdf(data, path, password)
        try:
            yield document
        finally:
            document.close()


def page_text(document: pdfium.PdfDocument, index: int) -> PageText:
    """One page's normalised text and boxes (hold ``PDFIUM``)."""
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            codes = [pdfium_c.FPDFText_GetUnicode(textpage, i) for i in range(count)]
            text, origin = normalise(codes)
            boxes = array("f")
            rect = pdfium_c.FS_RECTF()
            char_boxes: dict[int, tuple[float, float, float, float]] = {}
            for source in origin:
                box = char_boxes.get(source)
                if box is None:
                    if pdfium_c.FPDFText_GetLooseCharBox(textpage, source, rect):
                        box = (rect.left, min(rect.bottom, rect.top), rect.right, max(rect.bottom, rect.top))
                    else:
                        box = (0.0, 0.0, 0.0, 0.0)
                    char_boxes[source] = box
                boxes.extend(box)
        finally:
            textpage.close()
    finally:
        page.close()
    label = document.get_page_label(index) or str(index + 1)
    return PageText(index, label, text, boxes, width, height)


def read_pdf(data: bytes, path, password: str | None = None,
             progress: Callable[[int, int], object] | None = None, only: list[int] | None = None) -> PdfText:
    """Every page's text with its boxes (or the pages ``only`` lists), and the document's metadata.
    ``progress(done, total)`` after each page; it may raise to stop. The lock is taken page by
    page, so that a reader showing another PDF meanwhile waits at most one page."""
    with PDFIUM:
        document = open_pdf(data, path, password)
    try:
        with PDFIUM:
            metadata = document.get_metadata_dict(skip_empty=True)
            count = len(document)
        pages = []
        wanted = range(count) if only is None else [i for i in only if 0 <= i < count]
        for done, index in enumerate(wanted, 1):
            with PDFIUM:
                pages.append(page_text(document, index))
            if progress is not None:
                progress(done, len(wanted))
    finally:
        with PDFIUM:
            document.close()
    return PdfText(pages, metadata)


def join_pages(pages: list[PageText]) -> tuple[str, list[tuple[int, int]]]:
    """The source's full text (pages one after another, a blank line between two) and each
    page's [start, end) in it."""
    spans, parts, at = [], [], 0
    for number, page in enumerate(pages):
        if number:
            parts.append(PAGE_BREAK)
            at += len(PAGE_BREAK)
        spans.append((at, at + len(page.text)))
        parts.append(page.text)
        at += len(page.text)
    return "".join(parts), spans
