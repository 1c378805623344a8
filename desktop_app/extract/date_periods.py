"""Resolving the periods of business and government writing: quarters and halves ("third-quarter
profit", "the latest quarter", "the 1988 second quarter"), fiscal years ("fiscal 2025", "the first
half of fiscal 2025"), months named as a range ("April-June"), "the first nine months of the
year", "year-end".

EDTF has level-2 codes for quarters (``1989-35``), and the ``edtf`` library parses them, but the
project's store keeps EDTF's level-1 seasons only, so a quarter is written as the interval of its
months (``1989-07/1989-09``), which every part of Sourceline reads.
"""
from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from desktop_app.extract import date_calendar as cal
from desktop_app.extract.date_context import Reading
from desktop_app.extract.date_patterns import count_value

_ORDINALS = ("first", "second", "third", "fourth")


def _period(year: int, nth: int, unit: str) -> cal.Span:
    """The ``nth`` quarter or half of a calendar year."""
    months = 3 if unit == "quarter" else 6
    return cal.months_span(year, months * (nth - 1) + 1, months * nth)


def _ordinal(groups: dict) -> int:
    if groups.get("quarter"):
        return int(groups["quarter"][1])
    return _ORDINALS.index((groups.get("nth") or groups["nth_adj"]).lower()) + 1


def quarter(groups: dict, reading: Reading):
    """A quarter or half: of the year it names; else the one nearest publication that the verb's
    tense allows (one under way is neither past nor future: "sales for the fourth quarter" in
    October are this year's, "third-quarter profit" reported in October is the quarter just over).
    "this/the current quarter" is the one under way, "the latest/last quarter" the latest one over,
    "next quarter" the one after the current."""
    unit = (groups.get("unit") or "quarter").lower()
    if groups.get("year"):
        return _period(int(groups["year"]), _ordinal(groups), unit)
    published = reading.known_to("month")
    if published is None:
        return None
    current = (published.month - 1) // 3 + 1
    mod = " ".join((groups.get("mod") or "").lower().split())
    if mod:
        shift = {"this": 0, "the current": 0, "next": 1, "the coming": 1}.get(mod, -1)
        first = date(published.year, 3 * current - 2, 1) + relativedelta(months=3 * shift)
        return cal.months_span(first.year, first.month, first.month + 2)
    nth = _ordinal(groups)
    return cal.choose((_period(year, nth, unit) for year in cal.years_around(published)), published,
                      reading.tense, reading.tense_weight, latest=reading.latest)


def fiscal(groups: dict, reading: Reading):
    """A fiscal year ending in the month ``reading.fiscal_end`` (December: the calendar year), or
    its half, quarter, start or end."""
    year, end = int(groups["year"]), reading.fiscal_end
    start = date(year if end == 12 else year - 1, end % 12 + 1, 1)
    if groups.get("portion"):
        words = groups["portion"].lower().split()
        months = 6 if words[2] == "half" else 3
        first = start + relativedelta(months=months * _ORDINALS.index(words[1]))
        return cal.month_range_span(first, first + relativedelta(months=months - 1))
    last = start + relativedelta(months=11)
    if groups.get("span"):
        return cal.month_span(last.year, last.month) if "end" in groups["span"].lower() else cal.month_span(start.year, start.month)
    return cal.year_span(year) if end == 12 else cal.month_range_span(start, last)


def month_range(groups: dict, reading: Reading):
    first, last = cal.month_number(groups["month"]), cal.month_number(groups["month2"])
    if last <= first or reading.published is None:
        return None
    return cal.choose((cal.months_span(year, first, last) for year in cal.years_around(reading.published)),
                      reading.published, reading.tense, reading.tense_weight, reading.after_since, reading.latest)


def first_months(groups: dict, reading: Reading):
    counted = count_value(groups["count"])
    if counted is None or not 1 <= counted[0] <= 11:
        return None
    if groups.get("year"):
        year = int(groups["year"])
    else:
        published = reading.known_to("year")
        if published is None:
            return None
        year = published.year + {"last": -1, "next": 1}.get(groups["rel"].split()[0].lower(), 0)
    return cal.months_span(year, 1, counted[0])


def year_end(groups: dict, reading: Reading):
    """December: of the publication's year, or of the year before when the verb looks back."""
    published = reading.known_to("year")
    if published is None:
        return None
    return cal.month_span(published.year - (reading.tense == "past"), 12)
