"""Every text export by name, for the command line and the export dialog alike: written to a
stream, to a file (atomically: a failure or a cancel leaves no half file) or as a short preview.

The PDF chronology and the timeline pictures are drawn by Qt (``desktop_app.exporting_ui``).
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from db.connection import Database

from desktop_app.exporting import chronology_html, chronology_markdown, geojson, kml, tables, timelinejs
from desktop_app.exporting.chronology import Chronology
from desktop_app.exporting.citation_lists import LIST_FORMATS, citation_list, html_page
from desktop_app.exporting.selection import Progress, Selection, report_or_stop, source_ids
from desktop_app.formats.atomic_write import atomic_path

EVENT_FORMATS = ("chronology", "evidence", "csv", "timelinejs", "geojson", "kml")
TEXT_FORMATS = (*EVENT_FORMATS, *LIST_FORMATS)
PICTURE_FORMATS = ("png", "svg", "pdf-timeline")
MAP_PICTURE_FORMATS = ("map-png", "map-svg")  # drawn by desktop_app.exporting_ui.map_picture
CHRONOLOGY_DOCUMENTS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".pdf": "pdf"}
SUFFIXES = {"evidence": ".csv", "csv": ".csv", "timelinejs": ".json", "geojson": ".geojson", "kml": ".kml", "csl-json": ".json", "bibtex": ".bib",
            "biblatex": ".bib", "ris": ".ris", "png": ".png", "svg": ".svg", "pdf-timeline": ".pdf",
            "map-png": ".png", "map-svg": ".svg"}
PREVIEW_COUNT = 5


@dataclass(frozen=True)
class ExportOptions:
    title: str = "Chronology"
    style: str | None = None  # a citation style (see citation_lists.style_label); None: the default
    bib_format: str = "plain"  # the bibliography's html, markdown or plain
    document: str = "markdown"  # the chronology's markdown or html
    lanes: str = "none"  # TimelineJS groups: none, tag or entity


def chronology_document(path) -> str:
    """markdown, html or pdf by a chronology file's suffix (markdown when it has none of those)."""
    return CHRONOLOGY_DOCUMENTS.get(Path(path).suffix.lower(), "markdown")


def write_text(out: TextIO, db: Database, fmt: str, selection: Selection, options: ExportOptions = ExportOptions(),
               progress: Progress | None = None) -> None:
    """Write the export ``fmt`` (one of TEXT_FORMATS) of the selection to a text stream."""
    if fmt == "chronology":
        writer = chronology_html if options.document == "html" else chronology_markdown
        writer.write(out, Chronology(db, selection, options.title, options.style, progress))
    elif fmt == "evidence":
        tables.write_evidence(out, db, selection, options.style, progress)
    elif fmt == "csv":
        tables.write_timeline(out, db, selection, progress)
    elif fmt == "timelinejs":
        timelinejs.write(out, db, selection, options.title, selection.description, options.lanes, options.style,
                         progress)
    elif fmt == "geojson":
        geojson.write(out, db, selection, progress)
    elif fmt == "kml":
        kml.write(out, db, selection, options.title, progress)
    elif fmt in LIST_FORMATS:
        text = citation_list(db, source_ids(db, selection), fmt, options.style, options.bib_format)
        if fmt == "bibliography" and options.bib_format == "html":
            text = html_page(options.title, text)  # a file of its own, with its character set declared
        out.write(text)
    else:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(TEXT_FORMATS)}")


def export_file(path, db: Database, fmt: str, selection: Selection, options: ExportOptions = ExportOptions(),
                progress: Progress | None = None) -> None:
    """Write the export to ``path`` whole or not at all (nor when ``progress`` says stop). CSV
    files get a byte-order mark, which is what makes Excel read non-ASCII names right."""
    encoding = "utf-8-sig" if fmt in ("evidence", "csv") else "utf-8"
    with atomic_path(path) as temporary, open(temporary, "w", encoding=encoding, newline="") as out:
        write_text(out, db, fmt, selection, options, progress)
        report_or_stop(progress)


def preview(db: Database, fmt: str, selection: Selection, options: ExportOptions = ExportOptions(),
            count: int = PREVIEW_COUNT) -> str:
    """The export of the first ``count`` events (or sources), as the file would begin."""
    out = io.StringIO()
    write_text(out, db, fmt, selection.previewing(count), options)
    return out.getvalue()
