"""Expressions counted from a date the text has just mentioned, not from its publication: "the
previous Friday", "the following Monday", "the following spring", "the next day", "December that
year", and "a year earlier" / "the year-ago quarter" (the period under discussion, a year before).

``resolve_anchored`` gets the kind and EDTF of the hits before the expression, in order.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from db.dates import InvalidDate
from desktop_app.extract import date_calendar as cal
from desktop_app.extract.date_context import Reading

ANCHORED_KINDS = frozenset({"anchored", "year_earlier", "that_year"})
_YEAR_START = re.compile(r"(?<![\d-])(\d{4})(?=-|$|/)")


def resolve_anchored(kind: str, groups: dict, reading: Reading, before: list[tuple[str, str | None]]) -> str | None:
    """The EDTF of an anchored expression; ``before`` holds (kind, EDTF) of the earlier hits, in order."""
    if kind == "year_earlier":
        # A comparison is with the period reported, never with another comparison.
        return _year_earlier(groups, reading, [edtf for kind, edtf in before if kind != "year_earlier"])
    anchor = next((span for span in (_days(edtf) for _, edtf in reversed(before)) if span), None)
    if kind == "that_year":  # "December that year": the month in the year just spoken of
        return cal.month_span(anchor[1].year, cal.month_number(groups["month"])).edtf if anchor else None
    if anchor is None:
        published = reading.known_to("day")
        if published is None:
            return None
        anchor = (published, published)
    span = _counted_from(groups, *anchor)
    return span.edtf if span else None


def _counted_from(groups: dict, first: date, last: date) -> cal.Span | None:
    forward = groups["dir"].lower() in ("following", "next")
    if groups.get("weekday"):
        weekday = cal.weekday_number(groups["weekday"])
        if forward:
            return cal.day_span(last + timedelta(days=(weekday - last.weekday() - 1) % 7 + 1))
        return cal.day_span(first - timedelta(days=(first.weekday() - weekday - 1) % 7 + 1))
    if groups.get("season"):
        spans = [cal.season_span(year, groups["season"]) for year in range(first.year - 1, last.year + 2)]
        if forward:
            return min((s for s in spans if s.first > last), key=lambda s: s.first, default=None)
        return max((s for s in spans if s.last < first), key=lambda s: s.first, default=None)
    unit = groups["unit"].lower()
    if unit == "day":
        return cal.day_span(last + cal.ONE_DAY if forward else first - cal.ONE_DAY)
    if unit == "week":
        monday, sunday = cal.week_of(last if forward else first, 1 if forward else -1)
        return cal.days_span(monday, sunday)
    if unit == "month":
        month = last + relativedelta(months=1) if forward else first - relativedelta(months=1)
        return cal.month_span(month.year, month.month)
    return cal.year_span(last.year + 1 if forward else first.year - 1)


def _year_earlier(groups: dict, reading: Reading, before: list[str]) -> str | None:
    """The period under discussion a year before: the nearest earlier period that is over by
    publication (results are reported for those; a quarter when "the year-ago quarter" asks for
    one), else the month of the nearest day, else the year before publication."""
    published = reading.known_to("day") or reading.published
    wanted = (groups.get("unit") or "").lower()
    periods = []
    for edtf in reversed(before):
        days = _days(edtf)
        if days is None or (published and days[1] > published):
            continue
        periods.append((edtf, days))
    quarter_long = [edtf for edtf, (first, last) in periods if 80 <= (last - first).days <= 95]
    longer = [edtf for edtf, (first, last) in periods if first != last]
    if wanted == "quarter" and quarter_long:
        return _shifted(quarter_long[0])
    if longer:
        return _shifted(longer[0])
    if periods:
        day = periods[0][1][0]
        return cal.month_span(day.year - 1, day.month).edtf
    return cal.year_span(published.year - 1).edtf if published else None


def _shifted(edtf: str) -> str:
    """``edtf`` a year earlier (every year in it one less)."""
    return _YEAR_START.sub(lambda match: f"{int(match.group(1)) - 1:04d}", edtf)


def _days(edtf: str | None) -> tuple[date, date] | None:
    if not edtf:
        return None
    try:
        return cal.edtf_days(edtf.rstrip("~?%"))
    except (InvalidDate, ValueError):
        return None
