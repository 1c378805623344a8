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
from desktop_app.extract.date_words import year_value
from desktop_app.extract.sentences import sentence_spans

# The shapes whose reading depends on the verb's tense (which year, which Friday); reading the
# tense is the costliest step, so the others skip it.
_TENSED = frozenset({"day_month", "day_range", "week_of_month", "month_part", "month", "season", "weekday",
                     "weekend", "holiday", "quarter", "month_range", "year_end", "week_of"})
# A stated year sets the scene for the year-less dates after it in its sentence (see _in_the_scene).
# (A bare year does not: "since records began in 1884, ... in February" is this February.)
_STATES_A_YEAR = frozenset({"day_month", "day_range", "month_year", "season_year", "month_part", "week_of_month",
                            "numeric", "week_of"})
_STATES_A_DAY = frozenset({"day_month", "day_range", "numeric"})
_COUNTS_FROM_NOW = frozenset({"unit", "day_word", "ago", "weekend", "unit_part"})
# What a text states its years with, to tell narrative about another time (see _narrative).
_STATED_YEARS = _STATES_A_YEAR | {"year", "year_words", "year_range"}
_TAKES_THE_SCENE_YEAR = frozenset({"day_month", "day_range", "month_part", "week_of_month", "month"})
_NARRATIVE_YEARS = 2
# Shapes that, without a year of their own, may recur ("the fiscal year ends in December").
_MAY_RECUR = frozenset({"month", "day_month", "month_part"})
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
    scene: tuple[int, int, bool] | None = None  # the latest year stated, its sentence, and whether said as "last year"
    story: tuple[int, int, bool] | None = None  # the latest day stated with its year (see _narrative)
    candidates = _without_overlaps(_candidates(text, earliest))
    narrative = _narrative(candidates, earliest)
    for candidate in candidates:
        first, last = _around(text, *_sentence_of(sentences, starts, candidate.start), candidate)
        sentence = text[first:last]
        if not _fits_its_sentence(candidate, sentence, text[max(0, first - 300):first]):
            continue
        tense, in_clause = (date_context.tense_near(sentence, candidate.start - first, candidate.end - first)
                            if candidate.kind in _TENSED else (None, True))
        if candidate.kind in _TENSED and date_context.postponed_until(text, candidate.start):
            tense, in_clause = "future", True  # "postponed until Tuesday": put off to a day to come
        in_sentence = scene if scene and scene[1] == first else None
        groups = _in_the_scene(candidate, in_sentence or (story if narrative else None), earliest, tense)
        groups = _with_context(candidate, groups, hits, first)
        if story and candidate.kind == "day_month" and groups.get("weekday") and not groups.get("year"):
            groups = {**groups, "story_year": story[0]}  # "Wednesday, March 14" told after "March 11, 1888"
        if candidate.groups.get("year") and candidate.kind in _STATES_A_YEAR:
            scene = (int(candidate.groups["year"]), first, False)
            if candidate.kind in _STATES_A_DAY:
                story = scene
        elif candidate.kind == "unit" and _last_year(candidate.groups) and earliest is not None:
            scene = (earliest.year - 1, first, True)  # "Last year's race ... was cancelled on March 12"
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
        hits.append(DateHit(text[candidate.start:candidate.end], candidate.start, candidate.end, edtf, sentence))
        base = _COMPARISON_BASE.search(text, max(0, candidate.start - 30), candidate.start) is not None
        kinds_before.append(("base" if base else candidate.kind, edtf))
    return hits


def _last_year(groups: dict) -> bool:
    return (groups.get("mod") or "").lower() == "last" and groups["unit"].lower() == "year" and not groups.get("side")


def _narrative(candidates: list[_Candidate], published: date | None) -> bool:
    """Whether the text tells of another time: it states years, and all of them are at least two
    years before publication, and it counts nothing from its own day ("last week", "35 years ago":
    an anniversary feature speaks of now too; a history of the Johnstown flood, a court's statement
    of facts do not).
    In such a text a year-less date is in the year of the last day stated with its year ("On May
    31, 1889 ... arrived on June 5"), across sentences."""
    if published is None or any(c.kind in _COUNTS_FROM_NOW for c in candidates):
        return False
    years = [int(c.groups["year"]) if c.groups.get("year") else year_value(c.groups)
             for c in candidates if c.kind in _STATED_YEARS and (c.groups.get("year") or c.kind == "year_words")]
    return len(years) >= 2 and max(years) <= published.year - _NARRATIVE_YEARS


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


def _in_the_scene(candidate: _Candidate, scene, published: date | None, tense: str | None) -> dict:
    """The match's groups, with the year of the scene when a year-less date is told of another time
    ("the liberation of Paris in August 1944, when its bell rang out on the night of 24 August"):
    ``scene`` is a year stated earlier in the sentence (or, in a text that tells of another time
    throughout, the last day stated with its year), at least two years from publication unless
    said as "last year", and the verb does not look ahead. (Across sentences, news writing leaves
    the past behind too often to follow.)"""
    groups = candidate.groups
    if (candidate.kind not in _TAKES_THE_SCENE_YEAR or groups.get("year") or groups.get("mod") or groups.get("rel")
            or scene is None or published is None or tense in ("future", "scheduled")):
        return groups
    year, _, last_year = scene
    if abs(year - published.year) < _NARRATIVE_YEARS and not last_year:
        return groups
    return {**groups, "year": str(year)}


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
    if kind in _MAY_RECUR and not match.groupdict().get("year") and not match.groupdict().get("mod"):
        return not date_context.recurring(text, start)
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
