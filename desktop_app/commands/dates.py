"""`sourceline dates`: the time expressions in an article, each with its EDTF reading.

The text is what Sourceline reads from the file (``formats.fulltext``: plain text, Markdown or
HTML without markup, the same text an import stores), so offsets point into that text. Relative
expressions ("yesterday", "on Friday") are resolved against ``--published``, else the date the
file's own metadata gives; without either they are listed with no EDTF. A metadata or issued date
known only to the month ("2024-11") still places "6 November" and "last month", not "on Friday". With ``--db``, FILE is
the id of a source in that project, read with its stored text and issued date.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from datetime import date

from db.errors import InvalidDate, SourcelineError
from db.pdf_pages import Page, page_at, pages
from db.sources import get_source
from db.store import open_project
from desktop_app.command_options import add_format
from desktop_app.dates.render import in_words_or_raw
from desktop_app.extract.date_finder import DateHit, find_dates, publication_days
from desktop_app.formats.fulltext import read_fulltext

_SENTENCE_WIDTH = 70
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "dates",
        description="Find the expressions of time in an article (absolute, relative to its publication, "
        "seasons, decades) and give each as EDTF.")
    parser.add_argument("file", metavar="FILE", nargs="?",
                        help="the article (.txt, .md, .html, .pdf), or a source id with --db")
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="the publication date relative expressions count from "
                        "(default: the date in the file's metadata, if any)")
    add_format(parser)
    parser.add_argument("--db", metavar="PATH", help="read FILE as a source id in this project")
    parser.add_argument("--source", metavar="ID", help="with --db: the source to read (instead of FILE)")
    parser.set_defaults(run=run)


def run(args) -> int:
    stated = _published_option(args.published)
    wanted = args.source if args.source is not None else args.file
    if wanted is None:
        raise SourcelineError("give the article FILE, or --db PATH with --source ID")
    if args.source is not None and not args.db:
        raise SourcelineError("--source needs --db PATH, the project the source is in")
    text, found_published, origin, paged = _source_text(args.db, wanted) if args.db else _file_text(wanted)
    published = stated or found_published
    hits = find_dates(text, published)
    shown = published.isoformat() if isinstance(published, date) else published
    if args.format == "json":
        print(json.dumps([{"text": h.text, "start": h.start, "end": h.end, "edtf": h.edtf, "sentence": h.sentence,
                           **_page_of(paged, h.start)} for h in hits], ensure_ascii=False, indent=2))
        return 0
    if stated:
        print(f"published {shown} (as given)")
    elif published:
        print(f"published {shown} (from {origin})")
    else:
        print("publication date unknown: relative expressions are left unresolved (give --published)")
    _print_table(hits, paged)
    return 0


def _page_of(paged: list, offset: int) -> dict:
    """In a PDF: the page a date is on, counted from 1, and its printed label."""
    page = page_at(paged, offset)
    return {"page": page.index + 1, "page_label": page.label} if page else {}


def _published_option(value: str | None) -> date | None:
    if value is None:
        return None
    day = _day_of(value)
    if day is None:
        raise SourcelineError(f"invalid --published {value!r}: expected a day as YYYY-MM-DD, e.g. 2024-11-19")
    return day


def _day_of(edtf: str | None) -> date | None:
    """The day ``--published`` names; None when it names less (a month, a year) or is no date."""
    match = _DAY.fullmatch((edtf or "").strip())
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _publication(edtf: str | None) -> str | None:
    """A stored or metadata date as the finder takes it (any precision); None when it is not EDTF."""
    try:
        return edtf.strip() if edtf and publication_days(edtf) else None
    except InvalidDate:
        return None


def _file_text(path: str) -> tuple[str, str | None, str, list]:
    if Path(path).suffix.lower() == ".pdf":
        return _pdf_text(path)
    article = read_fulltext(path)
    if article.note:
        raise SourcelineError(f"{path}: {article.note}; there are no dates to list")
    return article.text, _publication(article.metadata.get("issued_edtf")), "the file's metadata", []


def _pdf_text(path: str) -> tuple[str, str | None, str, list]:
    """A PDF's text as an import reads it (pages joined), its date, and its pages."""
    from desktop_app.formats.file_read import read_bytes
    from desktop_app.formats.pdf_text import join_pages, read_pdf
    from desktop_app.importing.pdf_records import MAX_PDF_BYTES, pdf_date

    read = read_pdf(read_bytes(path, MAX_PDF_BYTES), path)
    text, spans = join_pages(read.pages)
    paged = [Page(p.index, p.label, start, end, p.width, p.height, p.has_text, "")
             for p, (start, end) in zip(read.pages, spans)]
    published = _publication(pdf_date(read.metadata.get("CreationDate")))
    return text, published, "the PDF's metadata", paged


def _source_text(project: str, source_id: str) -> tuple[str, str | None, str, list]:
    if not source_id.isdigit():
        raise SourcelineError(f"with --db, FILE is a source id (a number), not {source_id!r}")
    db = open_project(project)
    try:
        source = get_source(db, int(source_id))
        paged = pages(db, int(source_id))
    finally:
        db.close()
    if source is None:
        raise SourcelineError(f"{project}: there is no source {source_id}")
    if not source["full_text"].strip():
        raise SourcelineError(f"{project}: source {source_id} has no full text")
    return (source["full_text"], _publication(source["issued_edtf"]), f"source {source_id}'s issued date",
            paged)


def _print_table(hits: list[DateHit], paged: list) -> None:
    if not hits:
        print("no dates found")
        return
    # in a PDF the first column is the page (its printed label), else the offsets in the text
    rows = [(f"p. {_page_of(paged, h.start)['page_label']}" if paged else f"{h.start}-{h.end}", h.text, h.edtf or "?",
             in_words_or_raw(h.edtf) if h.edtf else "unresolved", _shorten(h.sentence)) for h in hits]
    headers = ("page" if paged else "offsets", "text", "EDTF", "reads as", "sentence")
    widths = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(4)]
    print("  ".join(header.ljust(width) for header, width in zip(headers, widths)) + "  " + headers[4])
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4])


def _shorten(sentence: str) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= _SENTENCE_WIDTH else flat[:_SENTENCE_WIDTH - 1] + "…"
