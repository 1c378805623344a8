"""What an export covers: which events (an ``EventFilter``) and which sources.

Events are always read a page at a time in date order (a project may hold a million); sources
are the ones those events cite, in first-cited order, or every source of the library.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterator

from db.connection import Database

from db import sources as source_queries
from db.errors import SourcelineError
from db.events import EventFilter, count_events, event_page
from desktop_app.exporting.iso_dates import iso_of

PAGE = 2_000


class ExportCancelled(SourcelineError):
    def __init__(self):
        super().__init__("export cancelled; no file was written")


# progress(done, total) -> False to cancel; called once per page of events.
Progress = Callable[[int, int], bool]


def report_or_stop(progress: Progress | None, done: int = 1, total: int = 1) -> None:
    """Report ``done`` of ``total``; ExportCancelled when the answer is to stop. Asked without
    counts as a written file is about to replace the previous one, so that a Cancel pressed while
    the end of it was formatted, laid out or drawn (nothing counted there) still keeps the previous file."""
    if progress is not None and not progress(done, total):
        raise ExportCancelled()


@dataclass(frozen=True)
class Selection:
    """The events to export (all when the filter is empty), and for citation lists whether to
    take every source of the library instead of the sources those events cite.

    ``limit`` keeps only the first events (or sources): the export dialog's preview."""

    where: EventFilter = EventFilter()
    all_sources: bool = False
    limit: int | None = None
    description: str = "all events"

    @classmethod
    def of_filter(cls, where: EventFilter, all_sources: bool = False, era: dict | None = None) -> "Selection":
        """``era``: the named period the filter's dates are (``db.eras``), to name it in the description."""
        return cls(where, all_sources, description=describe(where, era))

    @classmethod
    def of_events(cls, event_ids) -> "Selection":
        ids = tuple(dict.fromkeys(event_ids))
        return cls(EventFilter(ids=ids), description=f"{len(ids):,} selected event{'s' if len(ids) != 1 else ''}")

    @classmethod
    def of_tag(cls, tag: str) -> "Selection":
        return cls(EventFilter(tags=(tag,)), description=f"events tagged “{tag}”")

    def previewing(self, count: int) -> "Selection":
        return replace(self, limit=count)


def describe(where: EventFilter, era: dict | None = None) -> str:
    """The filter in words, for a report's heading: "events tagged “strikes” matching “ATACMS”";
    a period that is ``era``'s reach is named by it: "events in the era “Kursk incursion”"."""
    if where.is_empty:
        return "all events"
    parts = []
    if where.ids is not None:
        parts.append(f"{len(where.ids):,} chosen")
    if where.tags:
        parts.append("tagged " + " and ".join(f"“{tag}”" for tag in where.tags))
    if where.entities:
        parts.append("naming " + " and ".join(f"“{name}”" for name in where.entities))
    if where.text.strip():
        parts.append(f"matching “{where.text.strip()}”")
    if era is not None and (where.start_s, where.end_s) == (era["fuzzy_start_s"], era["fuzzy_end_s"]):
        parts.append(f"in the era “{era['name']}”")
    else:
        if where.start_s is not None:
            parts.append(f"ending after {iso_of(where.start_s)}")
        if where.end_s is not None:
            parts.append(f"starting before {iso_of(where.end_s)}")
    if where.has_sources is not None:
        parts.append("with sources" if where.has_sources else "without sources")
    if where.stance:
        parts.append(f"with a citation that {where.stance}")
    return "events " + ", ".join(parts)


def event_count(db: Database, selection: Selection) -> int:
    total = count_events(db, selection.where)
    return total if selection.limit is None else min(total, selection.limit)


def event_pages(db: Database, selection: Selection, progress: Progress | None = None) -> Iterator[list[dict]]:
    """The selected events' summaries (``db.events.event_page`` rows), in date order, by pages."""
    total = event_count(db, selection) if progress is not None else 0
    done = 0
    while selection.limit is None or done < selection.limit:
        size = PAGE if selection.limit is None else min(PAGE, selection.limit - done)
        page = event_page(db, selection.where, offset=done, limit=size)
        if not page:
            return
        yield page
        done += len(page)
        report_or_stop(progress, done, total)
        if len(page) < size:
            return


def source_ids(db: Database, selection: Selection) -> list[int]:
    """The sources a citation list holds: every source (by title) or those cited by the selected
    events, in the order they were first cited."""
    if selection.all_sources:
        ids = source_queries.ids_by_title(db)
    elif selection.where.is_empty:
        ids = source_queries.cited_source_ids(db)
    else:
        ids = source_queries.cited_by_filter(db, selection.where)
    return ids if selection.limit is None else ids[: selection.limit]
