"""A PDF source's original with its highlights written in as standard ``/Highlight`` annotations
(pypdf), which Acrobat, Okular, Zotero and pdf.js show: QuadPoints over the highlighted words,
the note as ``/Contents``, the colour as ``/C``. The original in the project is never touched; the
copy is written whole or not at all.

And the other way: highlights another program left in an imported PDF, read back with their
page, rectangles and note, to be offered for import as highlights of the source.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

from db import annotations, originals, pdf_pages
from db.connection import Database
from db.errors import SourcelineError
from desktop_app.formats.atomic_write import atomic_path

# The colours Zotero uses for the same names, as PDF viewers expect them (RRGGBB).
COLORS = {"yellow": "ffd400", "green": "5fb236", "blue": "2ea8e5", "pink": "e56eee", "orange": "f19837"}
AUTHOR = "Sourceline"


def quad_points(rects) -> list[float]:
    """QuadPoints for rectangles (left, bottom, right, top): each as its top-left, top-right,
    bottom-left and bottom-right corners, the order viewers read."""
    points = []
    for left, bottom, right, top in rects:
        points += [left, top, right, top, left, bottom, right, bottom]
    return points


def _highlight(rects, color: str, note: str, name: str) -> Highlight:
    left = min(r[0] for r in rects)
    bottom = min(r[1] for r in rects)
    right = max(r[2] for r in rects)
    top = max(r[3] for r in rects)
    annotation = Highlight(rect=(left, bottom, right, top),
                           quad_points=ArrayObject([FloatObject(v) for v in quad_points(rects)]),
                           highlight_color=COLORS.get(color, COLORS["yellow"]))
    annotation[NameObject("/Contents")] = TextStringObject(note)
    annotation[NameObject("/T")] = TextStringObject(AUTHOR)
    annotation[NameObject("/NM")] = TextStringObject(name)
    return annotation


def write_annotated_pdf(db: Database, source_id: int, path) -> int:
    """Write the source's original PDF with its highlights to ``path``; returns how many were written.
    Orphaned highlights (their passage is no longer in the text) have no place and are left out."""
    original = originals.of_source(db, source_id)
    if original is None or original.media_type != "application/pdf":
        raise SourcelineError(f"source {source_id} is not a PDF kept in the project; only a PDF is annotated")
    try:
        reader = PdfReader(io.BytesIO(originals.read_bytes(db, original.id)))
        if reader.is_encrypted:
            raise SourcelineError(f"source {source_id}'s PDF is password-protected; pypdf cannot annotate a copy")
        writer = PdfWriter(clone_from=reader)
    except PdfReadError as error:
        raise SourcelineError(f"source {source_id}'s PDF cannot be annotated: {error}") from error
    written = 0
    for a in annotations.source_annotations(db, source_id):
        if a["orphaned"]:
            continue
        by_page: dict[int, list] = {}
        for index, rect in pdf_pages.annotation_rects(a["rects"]):
            by_page.setdefault(index, []).append(rect)
        for index, rects in by_page.items():
            writer.add_annotation(page_number=index, annotation=_highlight(rects, a["color"], a["note"], a["uuid"]))
        written += bool(by_page)
    with atomic_path(path) as temporary, open(temporary, "wb") as file:
        writer.write(file)
    return written


@dataclass(frozen=True)
class FoundHighlight:
    """A highlight another program left in a PDF: its page, rectangles (PDF points) and note."""

    page_index: int
    rects: tuple[tuple[float, float, float, float], ...]
    note: str
    author: str


def highlights_in(data: bytes) -> list[FoundHighlight]:
    """The /Highlight annotations of a PDF, page by page (none when it cannot be read)."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return []
        found = []
        for index, page in enumerate(reader.pages):
            for ref in page.get("/Annots") or []:
                annotation = ref.get_object()
                if annotation.get("/Subtype") != "/Highlight":
                    continue
                quads = [float(v) for v in annotation.get("/QuadPoints") or []]
                rects = tuple((min(q[0::2]), min(q[1::2]), max(q[0::2]), max(q[1::2]))
                              for q in (quads[i:i + 8] for i in range(0, len(quads) - 7, 8)))
                if not rects and annotation.get("/Rect"):
                    left, bottom, right, top = (float(v) for v in annotation["/Rect"])
                    rects = ((min(left, right), min(bottom, top), max(left, right), max(bottom, top)),)
                found.append(FoundHighlight(index, rects, str(annotation.get("/Contents") or ""),
                                            str(annotation.get("/T") or "")))
        return found
    except (PdfReadError, ValueError, KeyError, TypeError):
        return []
