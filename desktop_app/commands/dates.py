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
from datetime import date

from db.errors import InvalidDate, SourcelineError
from db.sources import get_source
from db.store import open_project
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
    parser.add_argument("file", metavar="FILE", help="the article (.txt, .md, .html), or a source id with --db")
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="the publication date relative expressions count from "
                        "(default: the date in the file's metadata, if any)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--db", metavar="PATH", help="read FILE as a source id in this project")
    parser.set_defaults(run=run)


def run(args) -> int:
    stated = _published_option(args.published)
    text, found_published, origin = _source_text(args.db, args.file) if args.db else _file_text(args.file)
    published = stated or found_published
    hits = find_dates(text, published)
    shown = published.isoformat() if isinstance(published, date) else published
    if args.format == "json":
        print(json.dumps([{"text": h.text, "start": h.start, "end": h.end, "edtf": h.edtf, "sentence": h.sentence}
                          for h in hits], ensure_ascii=False, indent=2))
        return 0
    if stated:
        print(f"published {shown} (as given)")
    elif published:
        print(f"published {shown} (from {origin})")
    else:
        print("publication date unknown: relative expressions are left unresolved (give --published)")
    _print_table(hits)
    return 0


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


def _file_text(path: str) -> tuple[str, str | None, str]:
    article = read_fulltext(path)
    if article.note:
        raise SourcelineError(f"{path}: {article.note}; there are no dates to list")
    return article.text, _publication(article.metadata.get("issued_edtf")), "the file's metadata"


def _source_text(project: str, source_id: str) -> tuple[str, str | None, str]:
    if not source_id.isdigit():
        raise SourcelineError(f"with --db, FILE is a source id (a number), not {source_id!r}")
    db = open_project(project)
    try:
        source = get_source(db, int(source_id))
    finally:
        db.close()
    if source is None:
        raise SourcelineError(f"{project}: there is no source {source_id}")
    if not source["full_text"].strip():
        raise SourcelineError(f"{project}: source {source_id} has no full text")
    return source["full_text"], _publication(source["issued_edtf"]), f"source {source_id}'s issued date"


def _print_table(hits: list[DateHit]) -> None:
    if not hits:
        print("no dates found")
        return
    rows = [(f"{h.start}-{h.end}", h.text, h.edtf or "?", in_words_or_raw(h.edtf) if h.edtf else "unresolved",
             _shorten(h.sentence)) for h in hits]
    headers = ("offsets", "text", "EDTF", "reads as", "sentence")
    widths = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(4)]
    print("  ".join(header.ljust(width) for header, width in zip(headers, widths)) + "  " + headers[4])
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4])


def _shorten(sentence: str) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= _SENTENCE_WIDTH else flat[:_SENTENCE_WIDTH - 1] + "…"
