"""Publish a project read-only: a folder of plain pages a reader opens from ``file://``.

``index.html`` (the timeline picture, the counts), ``chronology.html`` (every event with its
citations, quotes, stances, contested flags and locators; long chronologies run over numbered
pages), ``sources.html`` and one page per source (metadata, grading, the original's SHA-256, the
events citing it, its highlights), ``bibliography.html``. The folder is built beside the target
and put in place whole; a folder that is not an earlier publication is never written into.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import Callable

from db import originals, publishing
from db.connection import Database
from db.errors import FileProblem
from db.events import EventFilter, count_events
from db.sources import get_source
from desktop_app.authors.byline import byline
from desktop_app.dates.render import in_words_or_raw
from desktop_app.exporting.citation_lists import citation_list, short_citations
from desktop_app.exporting.records import events_with_citations, grading, locator_text
from desktop_app.exporting.selection import Selection
from desktop_app.publishing import pages

MARK = ".sourceline-site"  # says a folder is a publication, which a new one may replace
PAGE_EVENTS = 500
NONE = '<p class="muted">None.</p>\n'


@dataclass
class Published:
    folder: Path
    pages: int
    events: int
    sources: int


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise FileProblem(out, None, "is a file, not a folder; choose a folder to publish into")
    if out.is_dir() and any(out.iterdir()) and not (out / MARK).exists():
        raise FileProblem(out, None, "the folder is not empty and holds no earlier publication; choose an empty "
                                     "or a new folder (nothing was written)")


def publish(db: Database, out: str | Path, title: str, draw_timeline: Callable[[Path], None] | None = None) -> Published:
    """Write the site to ``out``. ``draw_timeline(path)`` writes the timeline picture (SVG)."""
    out = Path(out)
    _check_target(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))
    except OSError as error:
        raise FileProblem(out, None, f"cannot write here ({error.strerror or error})") from error
    try:
        written = _write_site(db, building, title, draw_timeline)
        _put_in_place(building, out)
    except OSError as error:
        raise FileProblem(out, None, f"could not be written ({error.strerror or error}); nothing was changed") from error
    finally:
        shutil.rmtree(building, ignore_errors=True)
    written.folder = out
    return written


def _put_in_place(building: Path, out: Path) -> None:
    """Replace an earlier publication (or nothing) by the new one in two renames."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
    building.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _write_site(db, folder: Path, title: str, draw_timeline) -> Published:
    (folder / "sources").mkdir()
    _write(folder / "style.css", pages.STYLESHEET)
    (folder / MARK).write_text("A read-only copy of a Sourceline project; publishing again replaces this folder.\n")
    source_uuids = publishing.uuids(db, "sources")
    event_pages = _chronology(db, folder, title, source_uuids)
    source_ids = publishing.source_ids_by_title(db)
    for source_id in source_ids:
        _source_page(db, folder, title, source_id, source_uuids, event_pages)
    _write(folder / "sources.html", pages.page(f"Sources — {title}", _sources_list(db, source_ids, source_uuids),
                                               project=title))
    bibliography = citation_list(db, source_ids, "bibliography", bib_format="html") if source_ids else NONE
    _write(folder / "bibliography.html", pages.page(f"Bibliography — {title}", "<h1>Bibliography</h1>\n" + bibliography,
                                                    project=title))
    has_picture = False
    if draw_timeline is not None and publishing.project_counts(db)["events"]:
        draw_timeline(folder / "timeline.svg")
        has_picture = True
    _write(folder / "index.html", pages.page(title, _index(db, title, has_picture, len(event_pages) and
                                                          max(event_pages.values())), project=title))
    return Published(folder, 4 + len(source_ids) + max(0, max(event_pages.values(), default=1) - 1),
                     len(event_pages), len(source_ids))


def _chronology(db, folder: Path, title: str, source_uuids: dict[int, str]) -> dict[str, int]:
    """Write the chronology pages; returns each event's uuid -> the number of its page."""
    labels = short_citations(db, publishing.source_ids_by_title(db))
    authors = publishing.event_authors(db)
    located: dict[str, int] = {}
    chunks: list[list[str]] = [[]]
    for event in events_with_citations(db, Selection()):
        if len(chunks[-1]) == PAGE_EVENTS:
            chunks.append([])
        uuid = event["uuid"]
        located[uuid] = len(chunks)
        citations = [{
            "source_uuid": source_uuids[c["source_id"]], "label": labels.get(c["source_id"]) or c["source_title"]
            or "untitled source", "locator": locator_text(c["locator_type"], c["locator"]), "stance": c["stance"],
            "grading": grading(c), "quote": " ".join((c["quote"] or "").split()),
            "date_given": in_words_or_raw(c["claimed_edtf"]) if c["claimed_edtf"] else "",
            "disagrees": bool(c["disagrees"])} for c in event["citations"]]
        added, changed = authors.get(event["id"], (None, None))
        said = byline(added, None, changed) if (added or changed) else ""
        chunks[-1].append(pages.event_html(event, citations, said))
    for number, chunk in enumerate(chunks, start=1):
        links = pages.page_links(len(chunks), number)
        body = (f"<h1>Chronology</h1>\n<p class=\"muted\">{escape(title)} · {len(located):,} events</p>\n{links}"
                + ("".join(chunk) or "<p class=\"muted\">No events.</p>\n") + links)
        _write(folder / pages.chronology_page(number), pages.page(f"Chronology — {title}", body, project=title))
    return located


def _source_page(db, folder, title, source_id, source_uuids, event_pages) -> None:
    source = get_source(db, source_id)
    source["issued_words"] = in_words_or_raw(source["issued_edtf"]) if source["issued_edtf"] else ""
    names = [n.get("literal") or " ".join(x for x in (n.get("given"), n.get("family")) if x)
             for role in source["creators"].values() for n in role]
    citing = [{**c, "href": pages.event_href(c["uuid"], pages.chronology_page(event_pages.get(c["uuid"], 1)), 1),
               "locator": locator_text(c["locator_type"], c["locator"])}
              for c in publishing.events_citing(db, source_id)]
    original = originals.of_source(db, source_id)
    body = pages.source_html(source, "; ".join(names), grading(source), original and original.sha256, citing,
                             publishing.highlights(db, source_id))
    _write(folder / "sources" / f"{source_uuids[source_id]}.html",
           pages.page(f"{source['title'] or 'Untitled source'} — {title}", body, depth=1, project=title))


def _sources_list(db, source_ids: list[int], source_uuids: dict[int, str]) -> str:
    items = []
    for source_id in source_ids:
        source = get_source(db, source_id)
        issued = f" ({in_words_or_raw(source['issued_edtf'])})" if source["issued_edtf"] else ""
        items.append(f'<li><a href="{pages.source_href(source_uuids[source_id])}">'
                     f'{escape(source["title"] or "Untitled source")}</a>{escape(issued)}</li>\n')
    return f"<h1>Sources</h1>\n<ul>\n{''.join(items)}</ul>\n" if items else "<h1>Sources</h1>\n<p class=\"muted\">None.</p>\n"


def _index(db, title: str, has_picture: bool, chronology_pages: int) -> str:
    counts = publishing.project_counts(db)
    contested = count_events(db, EventFilter(stance="contradicts"))
    parts = [f"<h1>{escape(title)}</h1>\n",
             f"<p class=\"muted\">A read-only copy published from Sourceline on {escape(in_words_or_raw(date.today().isoformat()))}"
             f" · {counts['events']:,} events · {contested:,} contested · {counts['sources']:,} sources · "
             f"{counts['citations']:,} citations · {counts['annotations']:,} highlights</p>\n"]
    if has_picture:
        parts.append('<p><a href="chronology.html"><img class="timeline" src="timeline.svg" width="800" '
                     f'alt="{escape(title, quote=True)}: the timeline of its events"></a></p>\n')
    parts.append("<ul>\n<li><a href=\"chronology.html\">The chronology</a>: every event with the sources that "
                 "support or contest it" + (f" ({chronology_pages} pages)" if chronology_pages > 1 else "") + "</li>\n"
                 "<li><a href=\"sources.html\">The sources</a>: each with its grading, the events citing it and its "
                 "highlights</li>\n<li><a href=\"bibliography.html\">The bibliography</a></li>\n</ul>\n")
    return "".join(parts)
