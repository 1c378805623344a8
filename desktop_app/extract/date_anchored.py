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
from desktop_app.extract.date_patterns import count_value

ANCHORED_KINDS = frozenset({"anchored", "year_earlier", "that_year", "counted", "year_period"})
_LOOK_BACK = 40  # hits: a comparison's period is spoken of shortly before it
_POINT = re.compile(r"(?P<year>\d{4}|\d{3}X|\d{2}XX)(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
_YEAR_START = re.compile(r"(?<![\d-])(\d{4})(?=-|$|/)")


def resolve_anchored(kind: str, groups: dict, reading: Reading, before: list[tuple[str, str | None]]) -> str | None:
    """The EDTF of an anchored expression; ``before`` holds (kind, EDTF) of the earlier hits, in order."""
    if kind in ("year_earlier", "year_period"):
        # A comparison is with the period reported, never with another comparison or its base.
        periods = [edtf for kind, edtf in before if kind not in ("year_earlier", "year_period", "base")]
        if kind == "year_earlier":
            return _year_earlier(groups, reading, periods)
        return _in_year(int(groups["year"]), _period_reported(groups, reading, periods))
    anchor = next((span for span in (_days(edtf) for _, edtf in reversed(before)) if span), None)
    if kind == "that_year":  # "December that year", "that summer": in the year just spoken of
        if anchor is None:
            return None
        if groups.get("season"):
            return cal.season_span(anchor[0].year, groups["season"]).edtf
        return cal.month_span(anchor[0].year, cal.month_number(groups["month"])).edtf
    if kind == "counted":  # "two days later": from the day just mentioned, and only from a day
        nearest = _days(before[-1][1]) if before else None
        return _days_counted(groups, nearest[0]) if nearest and nearest[0] == nearest[1] else None
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


def _days_counted(groups: dict, day: date) -> str | None:
    counted = count_value(groups["count"])
    if counted is None:
        return None
    count, vague = counted
    weeks = groups["unit"].lower() == "week"
    days = count * (7 if weeks else 1) * (1 if groups["dir"].lower() == "later" else -1)
    # "two weeks later", like "two weeks ago", is rarely meant to the day
    return cal.day_span(day + timedelta(days=days), approximate=vague or weeks).edtf


def _in_year(year: int, period: str | None) -> str | None:
    """"the 1978 period": the period under discussion, in that year (the year itself if none is)."""
    days = _days(period)
    if days is None:
        return cal.year_span(year).edtf
    return _shifted(period, days[0].year - year)


def _year_earlier(groups: dict, reading: Reading, before: list[str]) -> str | None:
    """The period under discussion a year before (see ``_period_reported``); else the month of the
    nearest day a year before, else the year before publication."""
    published = reading.known_to("day") or reading.published
    period = _period_reported(groups, reading, before)
    if period is None:
        return cal.year_span(published.year - 1).edtf if published else None
    days = _days(period)
    if days[0] == days[1]:
        return cal.month_span(days[0].year - 1, days[0].month).edtf
    return _shifted(period)


def _period_reported(groups: dict, reading: Reading, before: list[str]) -> str | None:
    """The period under discussion: the nearest earlier period that is over by publication
    (results are reported for those; a quarter when "the year-ago quarter" asks for one), else
    the nearest day."""
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
            return edtf
        else:
            nearest_period = nearest_period or edtf
    return nearest_period or (nearest_day.isoformat() if nearest_day else None)


def _shifted(edtf: str, years: int = 1) -> str:
    """``edtf`` ``years`` earlier (every year in it that many less)."""
    return _YEAR_START.sub(lambda match: f"{int(match.group(1)) - years:04d}", edtf)


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
