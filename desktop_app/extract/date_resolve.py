"""Turning one matched time expression into EDTF, given the publication date and the verb's tense.

Each resolver takes the match's named groups and a :class:`Reading` and returns EDTF (or a
``Span`` holding it), or ``None`` when the expression cannot be placed (a year-less one without a
publication date, a day that does not exist such as 29 February 2023). This module holds the
calendar-anchored shapes; those counted from the publication date are in ``date_relative``.
Whether a match is a time expression at all is decided before, in ``date_finder``.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from desktop_app.extract import date_calendar as cal
from desktop_app.extract import date_periods as periods
from desktop_app.extract import date_relative as relative
from desktop_app.extract.date_context import Reading
from desktop_app.extract.date_relative import part_word
from desktop_app.extract.date_words import decade_value, year_value


def resolve(kind: str, groups: dict, reading: Reading) -> str | None:
    span = _RESOLVERS[kind](groups, reading)
    if isinstance(span, cal.Span):
        return span.edtf
    return span


def _year(groups: dict, reading: Reading | None = None) -> int | None:
    """The year the expression states: a number, or "next year" counted from publication."""
    if groups.get("year"):
        return int(groups["year"])
    published = reading.known_to("year") if reading is not None else None
    if groups.get("rel") and published is not None:
        return _relative_year(groups["rel"], published)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _yearless(build, reading: Reading, reach: int = 1) -> cal.Span | None:
    """The reading of a year-less expression nearest the publication date (see cal.choose)."""
    if reading.published is None:
        return None
    return cal.choose((build(year) for year in cal.years_around(reading.published, reach)), reading.published,
                      reading.tense, reading.tense_weight, reading.after_since, reading.latest)


def _day_month(groups: dict, reading: Reading):
    month, day = cal.month_number(groups["month"]), _day_number(groups["day"])
    year = _year(groups, reading)
    if year is not None:
        found = _safe_date(year, month, day)
        return cal.day_span(found) if found else None
    weekday = cal.weekday_number(groups["weekday"]) if groups.get("weekday") else None

    def build(candidate_year):
        found = _safe_date(candidate_year, month, day)
        return cal.day_span(found) if found else None

    if weekday is not None and reading.published is not None:
        # "Tuesday 29 October": the year in which that day is a Tuesday, when one is near.
        matching = [y for y in cal.years_around(reading.published) if (d := build(y)) and d.first.weekday() == weekday]
        if matching:
            return _yearless(lambda y: build(y) if y in matching else None, reading)
        story = groups.get("story_year")  # no year near publication fits: the one of the story, if it does
        if story and (found := build(story)) and found.first.weekday() == weekday:
            return found
    # Leap days recur every four years, so look further for "29 February".
    return _yearless(build, reading, reach=4 if (month, day) == (2, 29) else 1)


def _day_range(groups: dict, reading: Reading):
    month = cal.month_number(groups["month"])
    first, last = _day_number(groups["day"]), _day_number(groups["day2"])
    if last <= first:
        return None

    def build(year):
        start, end = _safe_date(year, month, first), _safe_date(year, month, last)
        return cal.days_span(start, end) if start and end else None

    year = _year(groups)
    return build(year) if year is not None else _yearless(build, reading)


def _iso(groups: dict, reading: Reading):
    found = _safe_date(int(groups["year"]), int(groups["month"]), int(groups["day"]))
    return cal.day_span(found) if found else None


def _numeric(groups: dict, reading: Reading):
    """10/15/24: month first, as US filings write it, unless the first number cannot be a month;
    a two-digit year is the 19xx or 20xx nearer publication (20xx without one)."""
    first, second, year = int(groups["first"]), int(groups["second"]), int(groups["year"])
    month, day = (second, first) if first > 12 else (first, second)
    if year < 100:
        around = reading.published.year if reading.published else 2000
        year = min((1900 + year, 2000 + year), key=lambda candidate: abs(candidate - around))
    found = _safe_date(year, month, day) if month <= 12 else None
    return cal.day_span(found) if found else None


def _week_of(groups: dict, reading: Reading):
    """"the week of Nov. 12": Monday to Sunday of the week holding that day; "the week beginning
    Dec. 15": the seven days from that day."""
    month = cal.month_number(groups["month"] or groups["month_second"])
    day = _day_number(groups["day"] or groups["day_first"])
    from_the_day = groups["from"].lower() != "of"

    def build(year):
        found = _safe_date(year, month, day)
        if found is None:
            return None
        return cal.days_span(found, found + timedelta(days=6)) if from_the_day else cal.days_span(*cal.week_of(found))

    year = _year(groups)
    return build(year) if year is not None else _yearless(build, reading)


def _month_year(groups: dict, reading: Reading):
    year = _year(groups, reading)
    return cal.month_span(year, cal.month_number(groups["month"])) if year is not None else None


def _week_of_month(groups: dict, reading: Reading):
    """The first week of March is days 1-7, the second 8-14...; the last is the final seven days."""
    month, nth = cal.month_number(groups["month"]), groups["nth"].lower()

    def build(year):
        if nth in ("last", "final"):
            last = cal.last_of_month(date(year, month, 1))
            return cal.days_span(last - timedelta(days=6), last)
        first = date(year, month, 1) + timedelta(weeks=("first", "second", "third", "fourth").index(nth))
        return cal.days_span(first, first + timedelta(days=6))

    year = _year(groups)
    return build(year) if year is not None else _yearless(build, reading)


def _weekday_of_month(groups: dict, reading: Reading):
    """"the first Saturday of May", "the last Monday in May"."""
    month, weekday = cal.month_number(groups["month"]), cal.weekday_number(groups["weekday"])
    nth = groups["nth"].lower()

    ordinal = -1 if nth in ("last", "final") else ("first", "second", "third", "fourth").index(nth) + 1

    def build(year):
        return cal.day_span(cal.nth_weekday(year, month, weekday, ordinal))

    year = _year(groups)
    return build(year) if year is not None else _yearless(build, reading)


def _month_part(groups: dict, reading: Reading):
    month, part = cal.month_number(groups["month"]), part_word(groups)
    year = _year(groups)
    if year is not None:
        return cal.month_part(year, month, part)
    return _yearless(lambda y: cal.month_part(y, month, part), reading)


def _month_alone(groups: dict, reading: Reading):
    month, mod = cal.month_number(groups["month"]), (groups.get("mod") or "").strip().lower()
    if groups.get("year"):  # the year of the scene (see date_scene) or of the month after
        return cal.month_span(int(groups["year"]), month)
    if groups.get("rel"):  # "between March and November of last year"
        year = _year(groups, reading)
        return cal.month_span(year, month) if year is not None else None
    if not mod:
        return _yearless(lambda y: cal.month_span(y, month), reading)
    published = reading.known_to("year" if mod == "this" else "month")
    if published is None:
        return None
    if mod == "this":
        return cal.month_span(published.year, month)
    if mod == "last":  # the latest such month before the current one
        return cal.month_span(published.year - (month >= published.month), month)
    return cal.month_span(published.year + (month <= published.month), month)


def _season_year(groups: dict, reading: Reading):
    return cal.season_span(_year(groups), groups["season"])


def _season(groups: dict, reading: Reading):
    season, mod = groups["season"], (groups.get("mod") or "").lower()
    if groups.get("year"):  # the year of the time a text tells of (see date_scene)
        return cal.season_span(int(groups["year"]), season)
    published = reading.known_to("month") if mod else reading.published
    if published is None:
        return None
    spans = [cal.season_span(y, season) for y in cal.years_around(published, 2)]
    if mod == "last":
        return max((s for s in spans if s.last < published), key=lambda s: s.first)
    if mod == "next":
        return min((s for s in spans if s.first > published), key=lambda s: s.first)
    current = [s for s in spans if s.first <= published <= s.last]
    if mod == "this" and current:
        return current[0]
    return cal.choose(spans, published, reading.tense, reading.tense_weight, reading.after_since, reading.latest)


def _relative_year(text: str, published: date) -> int:
    word = text.split()[0].lower()
    return published.year + {"last": -1, "next": 1}.get(word, 0)


def _year_part(groups: dict, reading: Reading):
    year = _year(groups, reading)
    if year is None:
        return None
    if groups.get("quarter"):
        first = 3 * int(groups["quarter"][1]) - 2
        return cal.months_span(year, first, first + 2)
    if groups.get("portion"):
        words = groups["portion"].lower().split()
        if words[2] == "half":
            return cal.months_span(year, 1, 6) if words[1] == "first" else cal.months_span(year, 7, 12)
        first = 3 * ("first", "second", "third", "fourth").index(words[1]) + 1
        return cal.months_span(year, first, first + 2)
    return cal.year_part(year, part_word(groups))


def _year_range(groups: dict, reading: Reading):
    first, second = int(groups["year"]), groups["year2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return f"{first:04d}/{last:04d}" if last > first else None


def _year_alone(groups: dict, reading: Reading):
    return cal.year_span(_year(groups))


def _decade(groups: dict, reading: Reading):
    if groups.get("decade"):
        decade = int(groups["decade"])
    else:  # "the '90s": the 1900s for '30s to '90s, the 2000s for '00s and '10s, '20s
        short = int(groups["short"])
        decade = (1900 if short >= 30 else 2000) + short
    part = (groups.get("part") or "").strip(" -").lower()
    if not part:
        return f"{decade // 10:03d}X"
    first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[part]
    return f"{decade + first:04d}/{decade + last:04d}"


def _decade_words(groups: dict, reading: Reading):
    """"the eighties": in the century of the year the text last stated (``context_year``), unless
    that puts it after publication; else the twentieth century."""
    decade = decade_value(groups["decade_word"], groups.get("century"))
    context = groups.get("context_year")
    if context and not groups.get("century") and decade < 2000:
        decade = context // 100 * 100 + decade % 100
        if reading.published is not None and decade > reading.published.year:
            decade -= 100
    return _decade({"decade": str(decade), "part": groups.get("part")}, reading)


def _this_decade(groups: dict, reading: Reading):
    published = reading.known_to("year")
    return f"{published.year // 10:03d}X" if published else None


def _year_words(groups: dict, reading: Reading):
    return cal.year_span(year_value(groups))


_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                  "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()


def _century(groups: dict, reading: Reading):
    ordinal = groups["ordinal"].lower()
    if ordinal[0].isdigit():
        number = int(re.match(r"\d+", ordinal).group())
    elif ordinal.startswith("twenty-"):
        number = 20 + _ORDINAL_WORDS.index(ordinal.removeprefix("twenty-")) + 1
    else:
        number = _ORDINAL_WORDS.index(ordinal) + 1
    if not 1 <= number <= 21:
        return None
    hundreds = number - 1
    part = (groups.get("part") or "").lower()
    if not part:  # EDTF's idiom: the 20th century is 19XX (1900-1999)
        return f"{hundreds:02d}XX"
    first, last = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}[part]
    return f"{hundreds * 100 + first:04d}/{hundreds * 100 + last:04d}"


def _holiday(groups: dict, reading: Reading):
    name = groups["holiday"]
    year = _year(groups)
    if year is not None:
        return cal.day_span(cal.holiday(name, year))
    mod = (groups.get("mod") or "").strip().lower()
    published = reading.known_to("month") if mod else reading.published
    if published is None:
        return None
    days = [cal.holiday(name, y) for y in cal.years_around(published)]
    if mod == "last":
        return cal.day_span(max(d for d in days if d < published))
    if mod == "next":
        return cal.day_span(min(d for d in days if d > published))
    return cal.choose((cal.day_span(d) for d in days), published, reading.tense, reading.tense_weight,
                      reading.after_since, reading.latest)


_RESOLVERS = {
    "iso": _iso, "day_month": _day_month, "day_range": _day_range, "month_year": _month_year,
    "week_of_month": _week_of_month, "month_part": _month_part, "month": _month_alone,
    "season_year": _season_year, "season": _season, "year_part": _year_part, "year_range": _year_range,
    "year": _year_alone, "decade": _decade, "century": _century, "holiday": _holiday,
    "unit_part": relative.unit_part, "day_word": relative.day_word, "weekday": relative.weekday,
    "weekend": relative.weekend, "unit": relative.unit, "ago": relative.ago, "new_year": relative.new_year,
    "quarter": periods.quarter, "fiscal": periods.fiscal, "month_range": periods.month_range,
    "first_months": periods.first_months, "year_end": periods.year_end, "decade_words": _decade_words,
    "year_words": _year_words, "numeric": _numeric, "week_of": _week_of, "fiscal_range": periods.fiscal_range,
    "this_decade": _this_decade, "weekday_of_month": _weekday_of_month,
}
