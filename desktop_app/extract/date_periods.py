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
    """A quarter or half, or the first or last month of one ("the end of the first quarter")."""
    span = _quarter(groups, reading)
    if span is None or not groups.get("span"):
        return span
    month = span.first if groups["span"].split()[1].lower() in ("start", "beginning") else span.last
    return cal.month_span(month.year, month.month)


def _quarter(groups: dict, reading: Reading) -> cal.Span | None:
    """A quarter or half: of the year it names; else the one nearest publication that the verb's
    tense allows (one under way is neither past nor future: "sales for the fourth quarter" in
    October are this year's, "third-quarter profit" reported in October is the quarter just over).
    "this/the current quarter" is the one under way, "the latest/last quarter" the latest one over,
    "next quarter" the one after the current. A fiscal quarter ("fiscal third-quarter", or any bare
    quarter in a text that states its fiscal year's end) is counted from the fiscal year's start;
    "the December quarter" is the three months ending in December, "the holiday quarter" the
    (fiscal) quarter holding December."""
    unit = (groups.get("unit") or "quarter").lower()
    if groups.get("end_month") or groups.get("holiday_q"):
        return _quarter_by_month(groups, reading)
    fiscal = reading.fiscal_end != 12 and (groups.get("fiscal") or reading.fiscal_stated)
    if fiscal and not groups.get("year") and not groups.get("mod"):
        return _fiscal_period(_ordinal(groups), 3 if unit == "quarter" else 6, reading)
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


def _choose(spans, reading: Reading) -> cal.Span | None:
    published = reading.known_to("month")
    if published is None:
        return None
    return cal.choose(spans, published, reading.tense, reading.tense_weight, latest=reading.latest)


def _fiscal_period(nth: int, months: int, reading: Reading) -> cal.Span | None:
    """The ``nth`` quarter (or half: ``months`` 6) of the fiscal year ending in ``reading.fiscal_end``,
    nearest publication as the tense allows."""
    published = reading.known_to("month")
    if published is None:
        return None
    spans = []
    for year in cal.years_around(published):
        first = _fiscal_start(year, reading.fiscal_end) + relativedelta(months=months * (nth - 1))
        spans.append(cal.month_range_span(first, first + relativedelta(months=months - 1)))
    return _choose(spans, reading)


def _quarter_by_month(groups: dict, reading: Reading) -> cal.Span | None:
    """The three months ending with the month named, or (the holiday quarter) the quarter of the
    text's fiscal year that holds December."""
    if groups.get("end_month"):
        last_month = cal.month_number(groups["end_month"])
    else:
        last_month = 12 + (reading.fiscal_end - 12) % 3  # December, or the fiscal quarter's end after it
    published = reading.known_to("month")
    if published is None:
        return None
    spans = []
    for year in cal.years_around(published):
        last = date(year, last_month, 1) if last_month <= 12 else date(year + 1, last_month - 12, 1)
        spans.append(cal.month_range_span(last - relativedelta(months=2), last))
    return _choose(spans, reading)


def _fiscal_start(year: int, end: int) -> date:
    """The first day of fiscal ``year`` for a fiscal year ending in month ``end``: named by the
    calendar year it ends in, except a year ending in January (retailers), named by the year it
    mostly falls in, the one it starts in."""
    if end == 12:
        return date(year, 1, 1)
    if end == 1:
        return date(year, 2, 1)
    return date(year - 1, end + 1, 1)


def fiscal_range(groups: dict, reading: Reading):
    """"fiscal years 2021 through 2023": from the start of the first to the end of the last."""
    first, last = int(groups["year"]), int(groups["year2"])
    if last <= first:
        return None
    start, end = _fiscal_start(first, reading.fiscal_end), _fiscal_start(last, reading.fiscal_end)
    if reading.fiscal_end == 12:
        return f"{first:04d}/{last:04d}"
    return cal.month_range_span(start, end + relativedelta(months=11))


def fiscal(groups: dict, reading: Reading):
    """A fiscal year ending in the month ``reading.fiscal_end`` (December: the calendar year), or
    its half, quarter, start or end."""
    year, end = int(groups["year"]), reading.fiscal_end
    start = _fiscal_start(year, end)
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
    """"the first nine months of 2024" (January to September); "the first three quarters of the
    current fiscal year" (its first nine months, counted from the fiscal year's own start)."""
    counted = count_value(groups["count"])
    months = counted[0] * (3 if groups["unit"].lower() == "quarters" else 1) if counted else 0
    if not 1 <= months <= 11:
        return None
    fiscal = bool(groups.get("fiscal") or groups.get("fiscal_rel"))
    if groups.get("year"):
        year = int(groups["year"])
    else:
        published = reading.known_to("month" if fiscal else "year")
        if published is None:
            return None
        year = (_fiscal_year_of(published, reading.fiscal_end) if fiscal else published.year) + \
            {"last": -1, "next": 1}.get(groups["rel"].split()[0].lower(), 0)
    start = _fiscal_start(year, reading.fiscal_end) if fiscal else date(year, 1, 1)
    return cal.month_range_span(start, start + relativedelta(months=months - 1))


def _fiscal_year_of(day: date, end: int) -> int:
    """The fiscal year (named as ``_fiscal_start`` names them) that holds ``day``."""
    return next(year for year in (day.year - 1, day.year, day.year + 1)
                if _fiscal_start(year, end) <= day < _fiscal_start(year + 1, end))


def year_end(groups: dict, reading: Reading):
    """December: of the publication's year, or of the year before when the verb looks back; "by
    year-end" (before, until, toward) is the coming one, whatever the verb."""
    published = reading.known_to("year")
    if published is None:
        return None
    ahead = groups.get("prep", "").lower() in ("by", "before", "until", "till", "toward", "towards")
    return cal.month_span(published.year - (reading.tense == "past" and not ahead), 12)
