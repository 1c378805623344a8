"""Expressions counted from a date the text has just mentioned, not from its publication: "the
previous Friday", "the following Monday", "the following spring", "the next day", "December that
year", and "a year earlier" / "the year-ago quarter" (the period under discussion, a year before).

``resolve_anchored`` gets the kind and EDTF of the hits before the expression, in order.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from desktop_app.extract import date_calendar as cal
from desktop_app.extract.date_context import Reading

ANCHORED_KINDS = frozenset({"anchored", "year_earlier", "that_year"})
_LOOK_BACK = 40  # hits: a comparison's period is spoken of shortly before it
_POINT = re.compile(r"(?P<year>\d{4}|\d{3}X|\d{2}XX)(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
_YEAR_START = re.compile(r"(?<![\d-])(\d{4})(?=-|$|/)")


def resolve_anchored(kind: str, groups: dict, reading: Reading, before: list[tuple[str, str | None]]) -> str | None:
    """The EDTF of an anchored expression; ``before`` holds (kind, EDTF) of the earlier hits, in order."""
    if kind == "year_earlier":
        # A comparison is with the period reported, never with another comparison or its base.
        return _year_earlier(groups, reading, [edtf for kind, edtf in before if kind not in ("year_earlier", "base")])
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
    wanted_quarter = (groups.get("unit") or "").lower() == "quarter"
    nearest_period = nearest_day = None
    for edtf in reversed(before[-_LOOK_BACK:]):
        days = _days(edtf)
        if days is None or (published and days[1] > published):
            continue
        first, last = days
        if first == last:
            nearest_day = nearest_day or first
        elif not wanted_quarter or 80 <= (last - first).days <= 95:
            return _shifted(edtf)
        else:
            nearest_period = nearest_period or edtf
    if nearest_period:
        return _shifted(nearest_period)
    if nearest_day:
        return cal.month_span(nearest_day.year - 1, nearest_day.month).edtf
    return cal.year_span(published.year - 1).edtf if published else None


def _shifted(edtf: str) -> str:
    """``edtf`` a year earlier (every year in it one less)."""
    return _YEAR_START.sub(lambda match: f"{int(match.group(1)) - 1:04d}", edtf)


def _days(edtf: str | None) -> tuple[date, date] | None:
    """First and last day of an EDTF the finder writes (a day, month, year, season, decade or an
    interval of those), read without the EDTF grammar, which is slow; None for anything else."""
    if not edtf:
        return None
    parts = [_point(part) for part in edtf.rstrip("~?%").split("/")]
    if None in parts or len(parts) > 2:
        return None
    return parts[0][0], parts[-1][1]


def _point(text: str) -> tuple[date, date] | None:
    found = _POINT.fullmatch(text)
    if found is None:
        return None
    year, month, day = found.group("year"), found.group("month"), found.group("day")
    if "X" in year:  # a decade (199X) or a century (19XX)
        return date(int(year.replace("X", "0")), 1, 1), date(int(year.replace("X", "9")), 12, 31)
    if month is None:
        return date(int(year), 1, 1), date(int(year), 12, 31)
    if int(month) > 12:
        season = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}.get(int(month))
        span = cal.season_span(int(year), season) if season else None
        return (span.first, span.last) if span else None
    if day is None:
        span = cal.month_span(int(year), int(month))
        return span.first, span.last
    try:
        return (date(int(year), int(month), int(day)),) * 2
    except ValueError:
        return None
