"""The selected events as a TimelineJS3 data file (https://timeline.knightlab.com/docs/json-format.html).

The format: ``{"title": slide, "events": [slide, ...], "eras": [era, ...], "scale": "human"}``; a slide has a
``start_date`` (required except for the title), an optional ``end_date``, ``text``
(``headline`` and ``text``, both HTML), ``group`` (a row label), ``display_date`` and
``unique_id``. A date object needs ``year`` (a number, negative BCE) and may have ``month``
(1–12), ``day``, ``hour``, ``minute``. An era (a named period the events fall in) has a
``start_date``, an ``end_date`` and ``text``. TimelineJS reads headline and text as HTML, so every
piece of text is escaped; sources are credited under the description.

Dates come from the store's bounds: a day, a month or a year is one date of that precision; a
season, a decade or an interval is a start and an end date; ``display_date`` says it in words.
The events are written one by one as they are read, a page at a time.
"""
from __future__ import annotations

import json
from html import escape
from typing import TextIO

from db.connection import Database

from db import dates
from db.eras import eras_overlapping
from db.events import extent
from desktop_app.exporting.chronology import CONTESTED_NOTE, WARNING_SIGN, paragraphs
from desktop_app.exporting.citation_lists import short_citations
from desktop_app.exporting.event_record import split_names
from desktop_app.exporting.records import events_with_citations, locator_text
from desktop_app.exporting.selection import Progress, Selection, source_ids

LANE_COLUMNS = {"tag": ("tags", "(no tag)"), "entity": ("entities", "(no entity)")}
# Beyond these years JavaScript dates fail and TimelineJS needs its year-only "cosmological" scale.
_HUMAN_YEARS = range(-271_820, 275_760)
_PARTS = {"time": 5, "day": 3, "month": 2, "year": 1}  # how many of year, month, day, hour, minute


def write(out: TextIO, db: Database, selection: Selection, title: str, summary: str = "", lanes: str = "none",
          style=None, progress: Progress | None = None) -> None:
    if lanes not in ("none", *LANE_COLUMNS):
        raise ValueError(f"lane mode must be none, tag or entity, not {lanes!r}")
    citations = short_citations(db, source_ids(db, Selection(selection.where)), style)
    title_slide = {"text": {"headline": escape(title), "text": f"<p>{escape(summary)}</p>" if summary else ""}}
    out.write('{\n"title": ' + json.dumps(title_slide, ensure_ascii=False) + ',\n"events": [')
    human = True
    for index, event in enumerate(events_with_citations(db, selection, progress)):
        slide = event_slide(event, citations, lanes)
        human = human and all(d["year"] in _HUMAN_YEARS for d in (slide["start_date"], slide.get("end_date", slide["start_date"])))
        out.write(("," if index else "") + "\n  " + json.dumps(slide, ensure_ascii=False))
    out.write('\n],\n"eras": ' + json.dumps(era_slides(db, selection), ensure_ascii=False)
              + ',\n"scale": ' + json.dumps("human" if human else "cosmological") + "\n}\n")


def era_slides(db: Database, selection: Selection) -> list[dict]:
    """The eras the selected events fall in; an open end is drawn to the first or last event."""
    span = extent(db, selection.where)
    if span is None:
        return []
    first, last = span
    slides = []
    for era in eras_overlapping(db, first, last):
        start = era["start_s"] if era["fuzzy_start_s"] is not None else min(era["start_s"], first)
        end = era["end_s"] if era["fuzzy_end_s"] is not None else max(era["end_s"], last)
        slides.append({"start_date": _date(start, 3), "end_date": _date(max(start, end - dates.DAY), 3),
                       "text": {"headline": escape(era["name"])}})
    return slides


def event_slide(event: dict, citations: dict[int, str], lanes: str = "none") -> dict:
    """The TimelineJS slide of one event (a row of ``records.events_with_citations``)."""
    start, end = date_objects(event)
    slide = {"start_date": start}
    if end is not None:
        slide["end_date"] = end
    slide["display_date"] = event["date_words"]
    slide["text"] = {"headline": escape(event["title"]), "text": _text(event, citations)}
    if lanes in LANE_COLUMNS:
        column, without = LANE_COLUMNS[lanes]
        slide["group"] = (split_names(event[column]) or [without])[0]
    slide["unique_id"] = f"event-{event['id']}"
    return slide


def date_objects(event: dict) -> tuple[dict, dict | None]:
    """TimelineJS start and end dates for an event's bounds and precision."""
    parts = _PARTS.get(event["date_precision"])
    if parts is not None:
        return _date(event["start_s"], parts), None
    last_day = max(event["start_s"], event["end_s"] - dates.DAY)
    return _date(event["start_s"], 3), _date(last_day, 3)


def _date(seconds: int, parts: int) -> dict:
    days, rest = divmod(seconds, dates.DAY)
    values = (*dates.civil_from_days(days), rest // 3600, rest % 3600 // 60)
    return dict(zip(("year", "month", "day", "hour", "minute"), values[:parts]))


def _text(event: dict, citations: dict[int, str]) -> str:
    html = "".join("<p>" + "<br>".join(escape(line) for line in lines) + "</p>"
                   for lines in paragraphs(event["description"] or ""))
    if event["contested"]:
        html += f"<p><strong>{WARNING_SIGN} {escape(CONTESTED_NOTE)}</strong></p>"
    credits = []
    for c in event["citations"]:
        credit = citations.get(c["source_id"]) or c["source_title"] or "untitled source"
        locator = locator_text(c["locator_type"], c["locator"])
        credit += f", {locator}" if locator else ""
        credit += " (contradicts)" if c["stance"] == "contradicts" else ""
        credits.append(escape(credit))
    if credits:
        html += "<p><small>Sources: " + "; ".join(credits) + "</small></p>"
    return html
