"""What the reading assistant finds in a source's text: the dates with their sentences, the names
of the project's entities, which dates are already cited, and a new event's suggested title.
Qt-free; the finders are ``desktop_app.extract``'s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from db.errors import InvalidDate
from desktop_app.extract.date_finder import find_dates, publication_days
from desktop_app.extract.name_finder import NameHit, find_names

TITLE_CHARS = 80  # a suggested title is at most this long
# "…, officials said." / "…, Putin told reporters." at the end of a sentence: who said it, not what happened.
_ATTRIBUTION = re.compile(r",\s+(?:[\w.’'-]+\s+){1,5}(?:said|says|told\s+\w+|reported|announced|added)"
                          r"(?:\s+on\s+\w+)?\s*[.!]?[\"”’']?\s*$")
# A preposition that makes the date an adverbial the title can do without ("at Dnipro on Thursday").
_BEFORE_DATE = re.compile(r"(?:^|\s*,?\s+)(?i:on|in|at|by|since|during|until|over|earlier|late)\s+$")


@dataclass(frozen=True)
class FoundDate:
    """A date expression (``text == full_text[start:end]``) and the sentence it is in."""

    text: str
    start: int
    end: int
    edtf: str | None
    sentence: str
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class Findings:
    dates: tuple[FoundDate, ...] = ()
    names: tuple[NameHit, ...] = ()

    def dates_at(self, offset: int) -> list[FoundDate]:
        return [d for d in self.dates if d.start <= offset < d.end]

    def names_at(self, offset: int) -> list[NameHit]:
        return [n for n in self.names if n.start <= offset < n.end]


def publication_of(issued_edtf: str | None) -> str | None:
    """A source's issued date as the date finder takes it; None when there is none or it is not EDTF."""
    if not issued_edtf or not issued_edtf.strip():
        return None
    try:
        publication_days(issued_edtf)
    except InvalidDate:
        return None
    return issued_edtf.strip()


def find_all(text: str, published: str | None, entities, people=frozenset()) -> Findings:
    """The dates (resolved against ``published``, an EDTF date of any precision) and the
    entities' names (``(entity_id, [name, alias, ...])`` pairs; ``people`` also by surname) found
    in ``text``."""
    dates = []
    for hit in find_dates(text, published):
        # The sentence is text[first:last] around the hit; the first copy of it from where it
        # could start at the earliest is that one (or an identical one that also holds the hit).
        first = text.find(hit.sentence, max(0, hit.end - len(hit.sentence)))
        dates.append(FoundDate(hit.text, hit.start, hit.end, hit.edtf, hit.sentence, first, first + len(hit.sentence)))
    return Findings(tuple(dates), tuple(find_names(text, entities, people=people)))


def entities_in(names: tuple[NameHit, ...], start: int, end: int) -> list:
    """The entities confirmed by name within text[start:end], each once, in text order."""
    found: dict = {}
    for hit in names:
        if hit.confirmed and start <= hit.start and hit.end <= end:
            found.setdefault(hit.entity_id, None)
    return list(found)


def cited_dates(dates: tuple[FoundDate, ...], text: str, passages, quotes) -> set[int]:
    """Indexes of the dates whose sentence overlaps a cited passage: a highlight some citation
    uses (``passages``, (start, end) pairs) or a citation's quote found in the text."""
    spans = list(passages)
    for quote in quotes:
        at = text.find(quote) if quote and quote.strip() else -1
        if at >= 0:
            spans.append((at, at + len(quote)))
    return {i for i, d in enumerate(dates) if any(s < d.sentence_end and d.sentence_start < e for s, e in spans)}


def suggested_title(date: FoundDate) -> str:
    """The sentence as a title: without its date ("… on Thursday"), without a trailing "…, X
    said", at most ``TITLE_CHARS`` characters, cut between words."""
    before = date.sentence[:date.start - date.sentence_start]
    after = date.sentence[date.end - date.sentence_start:]
    if _BEFORE_DATE.search(before) or (not before.strip() and re.match(r"\s*,", after)):
        before = _BEFORE_DATE.sub("", before)  # "Russia attacked on Friday." / "On Friday, Russia attacked."
    else:  # "the talks of 6 November", "Friday's attack": the date is part of what happened
        before, after = date.sentence, ""
    title = " ".join((before + after).split())
    title = _ATTRIBUTION.sub("", title).strip(" ,;:-–—")
    title = title.rstrip(".!?")
    if not re.search(r"\w", title):
        title = " ".join(date.sentence.split()).rstrip(".!?")
    title = title[:1].upper() + title[1:]
    if len(title) <= TITLE_CHARS:
        return title
    cut = title[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"
