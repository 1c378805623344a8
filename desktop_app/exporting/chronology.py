"""The cited chronology: the named periods (eras) the selected events fall in, then the events in
date order, each with its date in words, title, description, the periods it belongs to and
citations (short citation, locator, quote, stance, grading), contested events flagged, and at the
end the reference list of the sources cited, in the chosen style. This module gathers what the
Markdown and HTML writers print; they only format it.

The short citations of every source the report cites are made in one pandoc run before the first
event is written; the events themselves are read a page at a time.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Iterator

from db.connection import Database

from db.eras import eras_overlapping, overlaps
from db.events import extent

from desktop_app.dates.render import in_words_or_raw
from desktop_app.exporting.citation_lists import citation_list, short_citations, style_label
from desktop_app.exporting.records import captured, events_with_citations, grading, locator_text, split_names
from desktop_app.exporting.selection import Progress, Selection, event_count, source_ids

CONTESTED_NOTE = "Contested: its sources disagree (one contradicts it, or gives another date)."
WARNING_SIGN = "⚠"


@dataclass(frozen=True)
class CitationLine:
    citation: str  # "(Weber 2024b)", or the source's title when the style gives nothing
    locator: str
    stance: str
    grading: str
    quote: str
    date_given: str = ""  # the date the source gives, in words, when the citation records one
    disagrees: bool = False  # the source contradicts the event or gives a date that cannot be its
    original: str = ""  # a web capture's or photograph's: "captured <when> · SHA-256 <short hash>"

    @property
    def contradicts(self) -> bool:
        return self.stance == "contradicts"

    def date_note(self) -> str:
        """"gives 21 November 2024" (marked when it cannot be the event's date), or ""."""
        if not self.date_given:
            return ""
        return f"{WARNING_SIGN} gives {self.date_given}" if self.disagrees and not self.contradicts \
            else f"gives {self.date_given}"

    def notes(self) -> list[str]:
        """What the line says after its stance, in this order in every format: the date the
        source gives, its grading, its original."""
        return [note for note in (self.date_note(), f"graded {self.grading}" if self.grading else "", self.original)
                if note]


@dataclass(frozen=True)
class Entry:
    date_words: str
    date_edtf: str
    title: str
    description: str
    tags: list[str]
    entities: list[str]
    contested: bool
    citations: list[CitationLine]
    eras: tuple[str, ...] = ()  # the named periods it falls in

    def name_facts(self) -> list[str]:
        """"Tags: …" and "Entities: …", each when the event has some."""
        return [f"{label}: {', '.join(names)}" for label, names in (("Tags", self.tags), ("Entities", self.entities))
                if names]


@dataclass(frozen=True)
class Period:
    name: str
    date_words: str  # "6 August 2024 – March 2025"


@dataclass(frozen=True)
class Heading:
    title: str
    summary: str  # "36 events (all events) · citations in Chicago (author-date) · exported 25 November 2024"


class Chronology:
    """A chronology to be written: its heading, then its entries (read lazily, page by page)."""

    def __init__(self, db: Database, selection: Selection, title: str, style=None, progress: Progress | None = None):
        self.db = db
        self.selection = selection
        self.progress = progress
        self.style = style_label(style)
        self._source_ids = source_ids(db, Selection(selection.where))
        self._citations = short_citations(db, self._source_ids, self.style)
        count = event_count(db, replace(selection, limit=None))  # a preview begins as the file will
        span = extent(db, selection.where)
        self._eras = eras_overlapping(db, *span) if span is not None else []
        # the eras the events fall in, listed after the heading and named with each event
        self.periods = [Period(era["name"], in_words_or_raw(era["date_edtf"])) for era in self._eras]
        style_name = self.style if isinstance(self.style, str) else self.style.stem
        self.heading = Heading(title, f"{count:,} event{'s' if count != 1 else ''} ({selection.description})"
                                      f" · citations in {style_name}"
                                      f" · exported {in_words_or_raw(date.today().isoformat())}")

    def entries(self) -> Iterator[Entry]:
        for event in events_with_citations(self.db, self.selection, self.progress):
            lines = [CitationLine(self._citations.get(c["source_id"]) or c["source_title"] or "untitled source",
                                  locator_text(c["locator_type"], c["locator"]), c["stance"], grading(c),
                                  " ".join((c["quote"] or "").split()),
                                  in_words_or_raw(c["claimed_edtf"]) if c["claimed_edtf"] else "",
                                  bool(c["disagrees"]), _original(c))
                     for c in event["citations"]]
            yield Entry(event["date_words"], event["date_edtf"], event["title"], event["description"] or "",
                        split_names(event["tags"]), split_names(event["entities"]), bool(event["contested"]), lines,
                        tuple(e["name"] for e in self._eras if overlaps(e, event["start_s"], event["end_s"])))


    def references(self, fmt: str) -> str:
        """The reference list of the sources the events cite, in the chronology's style, as
        ``html`` or ``markdown``; nothing in a preview (the file's beginning) or when none is cited."""
        if self.selection.limit is not None or not self._source_ids:
            return ""
        return citation_list(self.db, self._source_ids, "bibliography", self.style, fmt)


REFERENCES_HEADING = "References"
PERIODS_HEADING = "Periods"


def periods_fact(entry: Entry) -> str:
    """"Period: Kursk incursion" (or "Periods: …, …"), or "" for an event in none."""
    if not entry.eras:
        return ""
    return ("Periods: " if len(entry.eras) > 1 else "Period: ") + ", ".join(entry.eras)


def _original(citation: dict) -> str:
    short_hash, when = captured(citation)
    if not short_hash:
        return ""
    verb = "taken" if (citation.get("original_type") or "").startswith("image/") else "captured"
    return (f"{verb} {in_words_or_raw(when)} · " if when else "") + f"SHA-256 {short_hash}"


def paragraphs(text: str) -> list[list[str]]:
    """A description's paragraphs (split at blank lines), each as its lines."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [[line.strip() for line in block.splitlines()] for block in blocks if block]
