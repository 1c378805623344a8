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
import re
from dataclasses import dataclass
from datetime import date

from desktop_app.extract import date_context
from desktop_app.extract.date_anchored import ANCHORED_KINDS, resolve_anchored
from desktop_app.extract.date_calendar import edtf_days
from desktop_app.extract.date_patterns import RULES
from desktop_app.extract.date_context import Reading
from desktop_app.extract.date_resolve import resolve
from desktop_app.extract.date_scene import STATES_A_DAY, STATES_A_YEAR, Scene, nowadays
from desktop_app.extract.date_words import year_value
from desktop_app.extract.sentences import sentence_spans

# The shapes whose reading depends on the verb's tense (which year, which Friday); reading the
# tense is the costliest step, so the others skip it.
_TENSED = frozenset({"day_month", "day_range", "week_of_month", "month_part", "month", "season", "weekday",
                     "weekend", "holiday", "quarter", "month_range", "year_end", "week_of"})
# Shapes that, without a year of their own, may recur ("the fiscal year ends in December").
_MAY_RECUR = frozenset({"month", "day_month", "month_part", "weekday_of_month"})
_RECURRING = "recurring"  # the kind of a candidate that recurs: not reported
# "rose to 4.2% from 4.1% in June": June is the base of a comparison, not the period reported.
_COMPARISON_BASE = re.compile(r"\bfrom\s+[$€£]?[\d.,]+\s*(?:%|percent|per\s+cent)?\s+(?:in|on)\s+$")
_MONTH_EDTF = re.compile(r"(\d{4})-(0[1-9]|1[0-2])(?:-\d\d)?")
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
    return edtf_days(published)


def find_dates(text: str, published: date | str | None) -> list[DateHit]:
    """Every time expression in ``text``, in order, resolved against the publication date (a
    day, or an EDTF date of any precision; see :func:`publication_days`)."""
    earliest, latest = publication_days(published) or (None, None)
    sentences = sentence_spans(text)
    starts = [start for start, _ in sentences]
    fiscal_end, fiscal_stated = date_context.fiscal_year_end(text)
    hits = []
    kinds_before: list[tuple[str, str | None]] = []
    candidates = _without_overlaps(_candidates(text, earliest))
    scene = Scene(candidates, earliest, _stated_days(candidates, earliest))
    for candidate in candidates:
        if candidate.kind == _RECURRING or (scene.narrative and nowadays(candidate)):
            continue
        first, last = _around(text, *_sentence_of(sentences, starts, candidate.start), candidate)
        sentence = text[first:last]
        if not _fits_its_sentence(candidate, sentence, text[max(0, first - 300):first]):
            continue
        tense, in_clause = (date_context.tense_near(sentence, candidate.start - first, candidate.end - first)
                            if candidate.kind in _TENSED else (None, True))
        if candidate.kind in _TENSED and date_context.put_ahead(text, candidate.start):
            tense, in_clause = "future", True  # "postponed until Tuesday", "is on Wednesday": a day to come
        groups = _with_context(candidate, scene.groups_for(candidate, first, tense), hits, first)
        reading = Reading(
            earliest,
            latest=latest,
            tense=tense,
            tense_in_clause=in_clause,
            after_since=date_context.after_since(text, candidate.start),
            says_today=date_context.says_today(sentence),
            fiscal_end=fiscal_end,
            fiscal_stated=fiscal_stated,
            possessive=text.startswith(("'s", "’s"), candidate.end),
        )
        if candidate.kind in ANCHORED_KINDS:
            edtf = resolve_anchored(candidate.kind, groups, reading, kinds_before)
        else:
            edtf = resolve(candidate.kind, groups, reading)
        if candidate.kind == "counted" and edtf is None:
            continue  # "a tip received eight days earlier" than a day the text does not give
        scene.note(candidate, first, edtf)
        hits.append(DateHit(text[candidate.start:candidate.end], candidate.start, candidate.end, edtf, sentence))
        base = _COMPARISON_BASE.search(text, max(0, candidate.start - 30), candidate.start) is not None
        kinds_before.append(("base" if base else candidate.kind, edtf))
    return hits


def _stated_days(candidates: list[_Candidate], published: date | None) -> list[tuple[int, date]]:
    """Where the text states a day with its year, and the day (see ``Scene``)."""
    days = []
    for candidate in candidates:
        if candidate.kind in STATES_A_DAY and candidate.groups.get("year"):
            edtf = resolve(candidate.kind, candidate.groups, Reading(published))
            if edtf:
                days.append((candidate.start, date.fromisoformat(edtf[:10])))
    return days


def _with_context(candidate: _Candidate, groups: dict, hits: list[DateHit], sentence: int) -> dict:
    """What a few shapes read from the hits before them: a decade in words takes the century of
    the year last stated ("founded in eighteen seventy-three ... through the eighties"); "the
    middle of the month" the month last named in its sentence."""
    if candidate.kind == "decade_words":
        year = next((int(found.group(1)) for hit in reversed(hits)
                     if hit.edtf and (found := re.match(r"(\d{4})", hit.edtf))), None)
        return {**groups, "context_year": year} if year else groups
    if candidate.kind == "unit_part" and groups["mod"].lower() == "the" and groups["unit"].lower() == "month":
        for hit in reversed(hits):
            if hit.start < sentence:
                break
            found = _MONTH_EDTF.fullmatch(hit.edtf or "")
            if found:
                return {**groups, "anchor_month": (int(found.group(1)), int(found.group(2)))}
    return groups


def _fits_its_sentence(candidate: _Candidate, sentence: str, before: str) -> bool:
    """Whether a quarter or half is a year's (not a game's) and, when bare ("the second half"),
    said of money or the economy (in its sentence or just before: "The company earned ... . Its
    finance chief said the first half would be choppy")."""
    if candidate.kind != "quarter" or candidate.groups.get("year") or candidate.groups.get("mod"):
        return True
    if date_context.about_sport(sentence):
        return False
    return (candidate.groups.get("unit") or "").lower() != "half" or date_context.about_money(sentence + before)


def _candidates(text: str, published: date | None):
    stated: set[int] = set()  # the years stated with a month or a day; RULES lists those shapes before bare years
    for order, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            start, end = match.span("hit")
            if _accepts(rule.kind, match, text, published, stated):
                if rule.kind in STATES_A_YEAR and match.groupdict().get("year"):
                    stated.add(int(match.group("year")))
                yield _Candidate(start, end, order, _RECURRING if _recurs(rule.kind, match, text) else rule.kind,
                                 match.groupdict())


def _recurs(kind: str, match, text: str) -> bool:
    """A day or month of a rule, not of the calendar ("the fiscal year ends in June", "each year on
    the first Monday of May"): its match still stands, so that no shorter one inside it is reported."""
    groups = match.groupdict()
    if kind != "weekday" and (kind not in _MAY_RECUR or groups.get("year") or groups.get("mod")):
        return False
    return date_context.recurring(text, match.start("hit"))


def _accepts(kind: str, match, text: str, published: date | None, stated: set[int]) -> bool:
    start, end = match.span("hit")
    if kind == "year":
        return date_context.plausible_year(text, start, end, published, near=stated)
    if kind == "year_range":
        return date_context.plausible_year(text, start, end, published, int(match.group("year")))
    if kind == "holiday" and not match.group("year") and not match.group("holiday").endswith(("Day", "Eve")):
        # "the Christmas market", "the Good Friday agreement"; "... Day" and "... Eve" rarely modify
        return not date_context.attributive(text, end)
    if kind == "weekday":  # not "Black Friday"
        return not text[max(0, start - 8):start].endswith(_NOT_WEEKDAY_BEFORE)
    if kind == "counted":
        return date_context.stands_alone(text, start, end)
    if kind == "that_year" and not match.group("hit").endswith(("year", "Year")):
        return not date_context.after_a_conjunction(text, start)
    if kind == "decade_words":
        return not date_context.decade_is_an_age_or_temperature(text, start)
    if kind == "year_words":
        return date_context.plausible_year(text, start, end, published, year_value(match.groupdict()))
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
