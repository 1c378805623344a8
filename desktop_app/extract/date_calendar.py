"""Calendar arithmetic for the date finder: spans of days, seasons, holidays, and choosing the year
of an expression that does not say it ("30 December", "in March", "the winter").

Dates are ``datetime.date``; arithmetic is python-dateutil's (``relativedelta``, ``easter``), so
month lengths, leap years and weekdays are never hand-counted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from dateutil.parser import parserinfo
from dateutil.relativedelta import MO, relativedelta, weekdays as WEEKDAYS

from db.dates import DAY, bounds, civil_from_days
from desktop_app.extract.date_patterns import HOLIDAYS, NTH_WEEKDAY_HOLIDAYS

ONE_DAY = timedelta(days=1)
_NAMES = parserinfo()  # dateutil's table of month and weekday names and their abbreviations
# The season codes of EDTF level 1, and the month each (northern-hemisphere) season starts in.
SEASONS = {"spring": (21, 3), "summer": (22, 6), "autumn": (23, 9), "fall": (23, 9), "winter": (24, 12)}
# How many days further away a reading may be and still win over one that contradicts the tense:
# "in March" in a December article is last March when the verb is past, next March when future,
# but "Jan. 20" in a November article is next January even next to a past-tense verb.
TENSE_WEIGHT_DAYS = 210


def month_number(name: str) -> int:
    """1-12 for "November", "Nov.", "Sept", "Novem-\nber" (hyphenated at a PDF's line end)."""
    return _NAMES.month(re.sub(r"-\s+", "", name).rstrip("."))


def weekday_number(name: str) -> int:
    """0 (Monday) to 6 for a weekday name ("Wednes-\nday" too)."""
    return _NAMES.weekday(re.sub(r"-\s+", "", name))


@dataclass(frozen=True)
class Span:
    """Consecutive days ``first``..``last`` and the EDTF that names them."""

    first: date
    last: date
    edtf: str


def day_span(day: date, approximate: bool = False) -> Span:
    return Span(day, day, day.isoformat() + ("~" if approximate else ""))


def days_span(first: date, last: date) -> Span:
    if first == last:
        return day_span(first)
    return Span(first, last, f"{first.isoformat()}/{last.isoformat()}")


def month_span(year: int, month: int, approximate: bool = False) -> Span:
    first = date(year, month, 1)
    return Span(first, last_of_month(first), f"{year:04d}-{month:02d}" + ("~" if approximate else ""))


def months_span(year: int, first_month: int, last_month: int) -> Span:
    first, last = date(year, first_month, 1), last_of_month(date(year, last_month, 1))
    return Span(first, last, f"{year:04d}-{first_month:02d}/{year:04d}-{last_month:02d}")


def month_range_span(first: date, last: date) -> Span:
    """The whole months from ``first``'s to ``last``'s, which may lie in different years."""
    if (first.year, first.month) == (last.year, last.month):
        return month_span(first.year, first.month)
    return Span(first.replace(day=1), last_of_month(last), f"{first.year:04d}-{first.month:02d}/{last.year:04d}-{last.month:02d}")


def year_span(year: int, approximate: bool = False) -> Span:
    return Span(date(year, 1, 1), date(year, 12, 31), f"{year:04d}" + ("~" if approximate else ""))


def season_span(year: int, season: str) -> Span:
    code, first_month = SEASONS[season.lower()]
    first = date(year, first_month, 1)
    last = first + relativedelta(months=3) - ONE_DAY
    return Span(first, last, f"{year:04d}-{code}")


def edtf_days(edtf: str) -> tuple[date, date]:
    """The first and last day of an EDTF date or interval; raises ``db.dates.InvalidDate``."""
    span = bounds(edtf)
    return date(*civil_from_days(span.start // DAY)), date(*civil_from_days((span.end - 1) // DAY))


def last_of_month(day: date) -> date:
    return day + relativedelta(day=31)


def month_part(year: int, month: int, part: str) -> Span:
    """early/start = days 1-10, mid/middle = 11-20, late/end = 21 to the month's last day."""
    first = date(year, month, 1)
    if part in ("early", "start", "beginning"):
        return days_span(first, first.replace(day=10))
    if part in ("mid", "middle"):
        return days_span(first.replace(day=11), first.replace(day=20))
    return days_span(first.replace(day=21), last_of_month(first))


def year_part(year: int, part: str) -> Span:
    """early = January-April, mid = May-August, late = September-December; the start of a year is
    its January, the end its December (narrower than "late": "by the end of the year")."""
    if part in ("start", "beginning"):
        return month_span(year, 1)
    if part == "end":
        return month_span(year, 12)
    first_month = {"early": 1, "mid": 5, "middle": 5, "late": 9}[part]
    return months_span(year, first_month, first_month + 3)


def week_of(day: date, weeks: int = 0) -> tuple[date, date]:
    """Monday and Sunday of the week holding ``day``, shifted by ``weeks``."""
    monday = day + relativedelta(weekday=MO(-1), weeks=weeks)
    return monday, monday + timedelta(days=6)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-5; -1 the last) ``weekday`` (0 = Monday) of a month."""
    if nth < 0:
        return last_of_month(date(year, month, 1)) + relativedelta(weekday=WEEKDAYS[weekday](nth))
    return date(year, month, 1) + relativedelta(weekday=WEEKDAYS[weekday](nth))


def holiday(name: str, year: int) -> date:
    key = name.replace("’", "'")
    if key in HOLIDAYS:
        return date(year, *HOLIDAYS[key])
    if key in NTH_WEEKDAY_HOLIDAYS:
        return nth_weekday(year, *NTH_WEEKDAY_HOLIDAYS[key])
    if key == "Orthodox Easter":
        return easter(year, EASTER_ORTHODOX)
    if key.startswith("Easter") or key == "Good Friday":
        offset = {"Easter Monday": 1, "Good Friday": -2}.get(key, 0)
        return easter(year, EASTER_WESTERN) + timedelta(days=offset)
    # US Election Day: the Tuesday after the first Monday of November.
    return date(year, 11, 1) + relativedelta(weekday=MO(+1)) + ONE_DAY


def distance(span: Span, published: date, latest: date | None = None) -> int:
    """Days between a span and the publication (a day, or the days from ``published`` to ``latest``)."""
    latest = latest or published
    if span.first <= latest and published <= span.last:
        return 0
    return (span.first - latest).days if span.first > latest else (published - span.last).days


def choose(candidates, published: date, tense: str | None, tense_weight: float = 1.0,
           not_after: bool = False, latest: date | None = None) -> Span | None:
    """The candidate (one per year) a reader would take: the nearest to the publication date,
    unless the verb's tense points the other way and the tense-consistent one is not much further.
    ``tense_weight`` below 1 says the tense was read from further away, so it counts for less;
    ``not_after`` rules out readings that start after publication ("since March"). A publication
    known only to the month is the period ``published`` to ``latest``."""
    latest = latest or published

    def score(span: Span) -> tuple[float, date]:
        ahead = tense in ("future", "scheduled")
        against = (ahead and span.last < published) or (tense == "past" and span.first > latest)
        return distance(span, published, latest) + (TENSE_WEIGHT_DAYS * tense_weight if against else 0), span.first

    spans = [span for span in candidates if span is not None and not (not_after and span.first > latest)]
    return min(spans, key=score) if spans else None


def years_around(published: date, reach: int = 1) -> range:
    return range(published.year - reach, published.year + reach + 1)
