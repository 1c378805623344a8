"""Finding the expressions of time in a text and resolving each to EDTF.

``find_dates(text, published)`` reports every expression that names a point or span of time —
absolute ("19 November 2024", "the 1990s"), relative to the publication date ("yesterday",
"last month", "on Friday"), seasons and parts ("spring 2022", "late October") — with its exact
offsets, its sentence and its EDTF reading (``None`` when it cannot be placed, e.g. a relative
expression and no publication date). The publication date may be a ``date`` or an EDTF string
known only to the month or year (a source issued ``2024-11``): then "6 November" and "last
month" still resolve, "on Friday" and "yesterday" do not. Durations and counts ("for two years", "1,000 days") are
not reported. Pure Python, no Qt; the rules are in ``date_patterns``, the calendar in
``date_calendar``, the readings in ``date_resolve``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date

from db.dates import DAY, bounds, civil_from_days
from desktop_app.extract import date_context
from desktop_app.extract.date_patterns import RULES
from desktop_app.extract.date_context import Reading
from desktop_app.extract.date_resolve import resolve
from desktop_app.extract.sentences import sentence_spans

# The shapes whose reading depends on the verb's tense (which year, which Friday); reading the
# tense is the costliest step, so the others skip it.
_TENSED = frozenset({"day_month", "day_range", "week_of_month", "month_part", "month", "season", "weekday",
                     "weekend", "holiday"})
MAX_SENTENCE = 600  # characters of context kept around a hit in an overlong "sentence"
_NOT_WEEKDAY_BEFORE = ("Black ", "Cyber ", "Super ", "Bloody ", "Good ", "Holy ", "Ash ", "Palm ", "Man ")


@dataclass(frozen=True)
class DateHit:
    """One time expression: ``text == source[start:end]``, its EDTF reading and its sentence."""

    text: str
    start: int
    end: int
    edtf: str | None
    sentence: str


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    order: int  # the rule's rank, to break ties between equally long matches
    kind: str
    groups: dict


def publication_days(published: date | str | None) -> tuple[date, date] | None:
    """The first and last day a text may have been published: the day given, or the days of an
    EDTF date ("2024-11-19", "2024-11", "2024"); raises ``db.dates.InvalidDate`` for a string that
    is not EDTF."""
    if published is None or isinstance(published, date):
        return None if published is None else (published, published)
    span = bounds(published)
    return date(*civil_from_days(span.start // DAY)), date(*civil_from_days((span.end - 1) // DAY))


def find_dates(text: str, published: date | str | None) -> list[DateHit]:
    """Every time expression in ``text``, in order, resolved against the publication date (a
    day, or an EDTF date of any precision; see :func:`publication_days`)."""
    earliest, latest = publication_days(published) or (None, None)
    sentences = sentence_spans(text)
    starts = [start for start, _ in sentences]
    hits = []
    for candidate in _without_overlaps(_candidates(text, earliest)):
        first, last = _around(text, *_sentence_of(sentences, starts, candidate.start), candidate)
        sentence = text[first:last]
        tense, in_clause = (date_context.tense_near(sentence, candidate.start - first, candidate.end - first)
                            if candidate.kind in _TENSED else (None, True))
        reading = Reading(
            earliest,
            latest=latest,
            tense=tense,
            tense_in_clause=in_clause,
            after_since=date_context.after_since(text, candidate.start),
            says_today=date_context.says_today(sentence),
        )
        edtf = resolve(candidate.kind, candidate.groups, reading)
        hits.append(DateHit(text[candidate.start:candidate.end], candidate.start, candidate.end, edtf, sentence))
    return hits


def _candidates(text: str, published: date | None):
    for order, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            start, end = match.span("hit")
            if _accepts(rule.kind, match, text, published):
                yield _Candidate(start, end, order, rule.kind, match.groupdict())


def _accepts(kind: str, match, text: str, published: date | None) -> bool:
    start, end = match.span("hit")
    if kind == "year":
        return date_context.plausible_year(text, start, end, published)
    if kind == "year_range":
        return date_context.plausible_year(text, start, end, published, int(match.group("year")))
    if kind == "holiday" and not match.group("year") and not match.group("holiday").endswith(("Day", "Eve")):
        # "the Christmas market", "the Good Friday agreement"; "... Day" and "... Eve" rarely modify
        return not date_context.attributive(text, end)
    if kind == "weekday":
        return not text[max(0, start - 8):start].endswith(_NOT_WEEKDAY_BEFORE)
    return True


def _without_overlaps(candidates) -> list[_Candidate]:
    """The longest matches win; of equal ones, the rule listed first."""
    kept: list[_Candidate] = []
    taken = bytearray()
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.order, c.start)):
        if len(taken) < candidate.end:
            taken.extend(bytes(candidate.end - len(taken)))
        if not any(taken[candidate.start:candidate.end]):
            taken[candidate.start:candidate.end] = b"\x01" * (candidate.end - candidate.start)
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _around(text: str, first: int, last: int, candidate: _Candidate) -> tuple[int, int]:
    """The sentence, or in text without full stops (a list, a table) the words near the hit: a
    sentence is for reading the tense and for showing, and a 100 KB one is good for neither."""
    if last - first <= MAX_SENTENCE:
        return first, last
    half = (MAX_SENTENCE - (candidate.end - candidate.start)) // 2
    start, end = max(first, candidate.start - half), min(last, candidate.end + half)
    while first < start < candidate.start and not text[start - 1].isspace():
        start += 1  # do not cut a word in two
    while candidate.end < end < last and not text[end].isspace():
        end -= 1
    return start, end


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], offset: int) -> tuple[int, int]:
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0:
        return sentences[0] if sentences else (0, 0)
    return sentences[index]
