"""Spreadsheet exports: the evidence table (one row per citation) and the timeline data (one row
per event). Every cell goes through ``spreadsheet_safe`` so that no text can run as a formula.
"""
from __future__ import annotations

from typing import Iterator, TextIO

from db.connection import Database

from desktop_app.exporting.citation_lists import short_citations
from desktop_app.exporting.event_record import FIELDS, event_record
from desktop_app.exporting.records import captured, events_with_citations, grading, locator_text
from desktop_app.exporting.selection import Progress, Selection, event_pages, source_ids
from desktop_app.formats.spreadsheet_safe import write_csv

EVIDENCE_COLUMNS = ("event_id", "event", "date_edtf", "date", "claim_quote", "source", "source_title", "locator",
                    "stance", "date_in_source", "disagrees", "reliability", "credibility", "grading",
                    "original_sha256", "captured")
TIMELINE_COLUMNS = FIELDS


def write_evidence(out: TextIO, db: Database, selection: Selection, style=None, progress: Progress | None = None) -> None:
    """One row per citation of the selected events, in date order; an event without citations
    gets one row with empty citation cells, so that it is not silently missing. A cited web
    capture or photograph gives its original's SHA-256 (short form) and capture time."""
    citations = short_citations(db, source_ids(db, Selection(selection.where)), style)
    write_csv(out, EVIDENCE_COLUMNS, _evidence_rows(db, selection, citations, progress))


def _evidence_rows(db, selection, citations, progress) -> Iterator[list]:
    for event in events_with_citations(db, selection, progress):
        head = [event["id"], event["title"], event["date_edtf"], event["date_words"]]
        if not event["citations"]:
            yield head + [""] * (len(EVIDENCE_COLUMNS) - len(head))
        for c in event["citations"]:
            yield head + [c["quote"], citations.get(c["source_id"], ""), c["source_title"],
                          locator_text(c["locator_type"], c["locator"]), c["stance"], c["claimed_edtf"] or "",
                          "yes" if c["disagrees"] else "", c["reliability"] or "", c["credibility"] or "", grading(c),
                          *captured(c)]


def write_timeline(out: TextIO, db: Database, selection: Selection, progress: Progress | None = None) -> None:
    """One row per selected event: EDTF, its bounds as ISO dates (``end`` and ``latest`` are the
    last day included; ``earliest``/``latest`` are empty for an open end), tags, entities."""
    write_csv(out, TIMELINE_COLUMNS, _timeline_rows(db, selection, progress))


def _timeline_rows(db, selection, progress) -> Iterator[list]:
    for page in event_pages(db, selection, progress):
        for e in page:
            yield list(event_record(e).values())
