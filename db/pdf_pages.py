"""A PDF source's pages: where each page's text lies in the source's full text, its printed label,
its size, and the box of every character on it — so that a passage of the text is a page and a
set of rectangles, and a point on a page is a character of the text.

The pages of a source are rows of ``source_pages`` (edited, undone and redone with the source).
The boxes are kept per original and extraction in ``pdf_char_boxes``: they are derived from the
original, which never changes, so like the original they are written once and never logged.
Rectangles are in PDF points, origin at the page's bottom left: (left, bottom, right, top).
"""
from __future__ import annotations

import json
import sys
from array import array
from bisect import bisect_right
from dataclasses import dataclass

from db.connection import Database

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class Page:
    index: int
    label: str
    start: int  # [start, end) of the page's text in the source's full text
    end: int
    width: float
    height: float
    has_text: bool
    extraction: str


@dataclass(frozen=True)
class PageRecord:
    """A page as an import writes it: ``boxes`` holds four float32 per character of its text."""

    index: int
    label: str
    start: int
    end: int
    width: float
    height: float
    has_text: bool
    boxes: array


def _blob(boxes: array) -> bytes:
    if sys.byteorder == "big":  # stored little-endian, whatever the machine
        boxes = array("f", boxes)
        boxes.byteswap()
    return boxes.tobytes()


def _boxes(blob: bytes) -> array:
    boxes = array("f")
    boxes.frombytes(blob)
    if sys.byteorder == "big":
        boxes.byteswap()
    return boxes


def clear_pages(db: Database, source_id: int) -> None:
    """Inside an edit: forget the source's pages (before they are read again)."""
    db.conn.execute("DELETE FROM source_pages WHERE source_id = ?", (source_id,))


def add_pages(db: Database, source_id: int, original_id: int, extraction: str, pages: list[PageRecord]) -> None:
    """Inside an edit: pages of the source, read the way ``extraction`` names, and their boxes."""
    db.conn.executemany(
        "INSERT INTO source_pages (source_id, page_index, label, start_char, end_char, width, height, has_text,"
        " extraction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(source_id, p.index, p.label, p.start, p.end, p.width, p.height, int(p.has_text), extraction) for p in pages])
    db.conn.executemany(
        "INSERT OR IGNORE INTO pdf_char_boxes (original_id, extraction, page_index, boxes) VALUES (?, ?, ?, ?)",
        [(original_id, extraction, p.index, _blob(p.boxes)) for p in pages])


def pages(db: Database, source_id: int) -> list[Page]:
    """The source's pages in order (none for a source that is not a PDF)."""
    return [Page(*row[:6], bool(row[6]), row[7]) for row in db.conn.execute(
        "SELECT page_index, label, start_char, end_char, width, height, has_text, extraction FROM source_pages"
        " WHERE source_id = ? ORDER BY page_index", (source_id,))]


def is_paged(db: Database, source_id: int) -> bool:
    return db.conn.execute("SELECT 1 FROM source_pages WHERE source_id = ? LIMIT 1", (source_id,)).fetchone() is not None


def page_boxes(db: Database, source_id: int, page_index: int) -> array:
    """The boxes of a page's characters, four floats each (empty when the page has no text)."""
    row = db.conn.execute(
        "SELECT b.boxes FROM source_pages p JOIN sources s ON s.id = p.source_id"
        " JOIN pdf_char_boxes b ON b.original_id = s.original_id AND b.extraction = p.extraction"
        " AND b.page_index = p.page_index WHERE p.source_id = ? AND p.page_index = ?", (source_id, page_index)).fetchone()
    return _boxes(row[0]) if row else array("f")


def page_at(paged: list[Page], offset: int) -> Page | None:
    """The page whose text holds the full-text ``offset`` (a page break belongs to the page before)."""
    if not paged:
        return None
    starts = [p.start for p in paged]
    return paged[max(0, bisect_right(starts, offset) - 1)]


def line_rects(boxes: list[Rect]) -> list[Rect]:
    """Character boxes in reading order merged into one rectangle per line: a box that does not
    share most of the current line's height, or starts left of where the line ended, begins a
    new line. Boxes with no area (spaces and breaks PDFium inserts) are passed over.

    A glyph's box is a whole font height across its line, so a box wider than it is tall is a
    glyph lying on its side: a page drawn turned and shown upright by its /Rotate, whose lines
    run up or down in the PDF's coordinates. Such a box continues a line it shares most of the
    width of."""
    merged: list[list[float]] = []
    for left, bottom, right, top in boxes:
        if right <= left or top <= bottom:
            continue
        if merged and _continues(merged[-1], left, bottom, right, top):
            line = merged[-1]
            line[0], line[1] = min(line[0], left), min(line[1], bottom)
            line[2], line[3] = max(line[2], right), max(line[3], top)
            continue
        merged.append([left, bottom, right, top])
    return [tuple(round(v, 2) for v in line) for line in merged]


def _continues(line: list[float], left: float, bottom: float, right: float, top: float) -> bool:
    if top - bottom >= right - left:  # upright: the line runs across
        overlap = min(top, line[3]) - max(bottom, line[1])
        return overlap > 0.5 * min(top - bottom, line[3] - line[1]) and left >= line[0] - 1
    overlap = min(right, line[2]) - max(left, line[0])
    return overlap > 0.5 * min(right - left, line[2] - line[0])


def passage_rects(db: Database, source_id: int, start: int, end: int,
                  paged: list[Page] | None = None) -> list[tuple[int, Rect]]:
    """The rectangles that cover full_text[start:end] of a PDF source, as (page index, rect),
    page by page."""
    paged = pages(db, source_id) if paged is None else paged
    found = []
    for page in paged:
        if page.end <= start or page.start >= end:
            continue
        boxes = page_boxes(db, source_id, page.index)
        first, last = max(start, page.start) - page.start, min(end, page.end) - page.start
        chars = [tuple(boxes[4 * i:4 * i + 4]) for i in range(first, min(last, len(boxes) // 4))]
        found += [(page.index, rect) for rect in line_rects(chars)]
    return found


def place_annotation(db: Database, annotation_id: int) -> None:
    """Inside an edit: give a PDF source's annotation its page and rectangles from where its
    passage is now (nothing for other sources, or an orphaned annotation: it keeps the last
    place it had)."""
    source_id, start, end, orphaned = db.conn.execute(
        "SELECT source_id, start_char, end_char, orphaned FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
    if orphaned:
        return
    paged = pages(db, source_id)
    if not paged:
        return
    rects = passage_rects(db, source_id, start, end, paged)
    first = rects[0][0] if rects else page_at(paged, start).index
    stored = json.dumps([[index, *rect] for index, rect in rects])
    db.conn.execute("UPDATE annotations SET page_index = ?, rects = ? WHERE id = ? AND"
                    " (page_index IS NOT ? OR rects IS NOT ?)", (first, stored, annotation_id, first, stored))


def annotation_rects(rects_json: str | None) -> list[tuple[int, Rect]]:
    """An annotation's stored rectangles as (page index, rect)."""
    return [(int(r[0]), tuple(r[1:5])) for r in json.loads(rects_json or "[]")]


def page_count(db: Database, source_id: int) -> int:
    return db.conn.execute("SELECT count(*) FROM source_pages WHERE source_id = ?", (source_id,)).fetchone()[0]


def page_of_snippet(db: Database, source_id: int, snippet: str, mark_start: str, mark_end: str) -> Page | None:
    """The page of a PDF source that a search snippet (its matched words between ``mark_start``
    and ``mark_end``) comes from; None for a source without pages or a snippet not found."""
    marked = snippet.find(mark_start)
    plain = snippet.replace(mark_start, "").replace(mark_end, "")
    lead = len(plain) - len(plain.lstrip("…"))
    plain = plain.strip("…")
    if not plain or marked < 0:
        return None
    row = db.conn.execute("SELECT instr(full_text, ?) FROM sources WHERE id = ?", (plain, source_id)).fetchone()
    if not row or not row[0]:
        return None
    return page_at(pages(db, source_id), row[0] - 1 + marked - lead)


def passage_under(boxes: array, rects: list[Rect], tolerance: float = 1.0) -> tuple[int, int] | None:
    """The characters of a page (as [start, end) in its text) whose boxes' centres lie inside
    ``rects`` — the words another program's highlight covers."""
    inside = []
    for i in range(len(boxes) // 4):
        left, bottom, right, top = boxes[4 * i:4 * i + 4]
        if right <= left or top <= bottom:
            continue
        x, y = (left + right) / 2, (bottom + top) / 2
        if any(r[0] - tolerance <= x <= r[2] + tolerance and r[1] - tolerance <= y <= r[3] + tolerance for r in rects):
            inside.append(i)
    return (inside[0], inside[-1] + 1) if inside else None
