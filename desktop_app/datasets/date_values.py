"""Dates as datasets write them, turned into EDTF with the precision the dataset gives them.

ISO days (``2024-11-19``) take a fast path; anything else ("19 November 2024", "11/19/2024") goes
to python-dateutil, or to ``datetime.strptime`` when the mapping names a format. Each distinct
text is converted once per import (a dataset of a million events has a few thousand dates).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser

from db import dates
from db.errors import InvalidDate
from desktop_app.datasets.rows import RowProblem

# How precise a dataset's dates are. "auto": what the text says (EDTF as written, or a day).
PRECISIONS = ("auto", "day", "week", "month", "year")
# How day and month are ordered in dates such as 03/04/2024; or a strptime format such as %d.%m.%Y.
DATE_ORDERS = ("auto", "day-first", "month-first")

# ACLED's time_precision: 1 the day is known, 2 the week (the date is within it), 3 the month.
ACLED_PRECISION = {"1": "day", "2": "week", "3": "month"}


class DateProblem(RowProblem):
    """A date a row holds that cannot be read; the message says what is wrong."""


_MONTHS = {name: number for number, month in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"), 1) for name in (month, month[:3], month[:4])}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$")


def _written_day(text: str) -> date | None:
    """"19 November 2024" (ACLED's form, and common in reports) without the general parser."""
    match = _DAY_MONTH_YEAR.match(text)
    month = match and _MONTHS.get(match[2].lower())
    if not month:
        return None
    try:
        return date(int(match[3]), month, int(match[1]))
    except ValueError:
        return None


def _iso_day(text: str) -> date | None:
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        try:
            return date(int(text[:4]), int(text[5:7]), int(text[8:]))
        except ValueError:
            return None
    return None


def parse_day(text: str, order: str = "auto") -> tuple[date, str]:
    """The day a text names and how precise the text is (day, month or year: "November 2024" is
    a month); ``order`` is one of DATE_ORDERS or a strptime format."""
    text = text.strip()
    if not text:
        raise DateProblem("the date is empty")
    day = _iso_day(text) or _written_day(text)
    if day is not None:
        return day, "day"
    try:
        if "%" in order:
            return datetime.strptime(text, order).date(), "day"
        # Parsed against two different defaults, a part the text lacks comes out different.
        first, second = (dateutil_parser.parse(text, dayfirst=order == "day-first", default=default).date()
                         for default in _DEFAULTS)
    except (ValueError, OverflowError) as error:
        hint = f" as {order}" if "%" in order else ""
        raise DateProblem(f"cannot read the date {text!r}{hint}") from error
    if first.year != second.year:
        raise DateProblem(f"the date {text!r} has no year")
    precision = "day" if first.day == second.day else "month" if first.month == second.month else "year"
    return first, precision


_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 2, 2))  # leap years both: 29 February reads


def edtf_of(day: date, precision: str) -> str:
    """The EDTF string for ``day`` at ``precision`` (day, week, month or year).

    A week is the seven days centred on the day (an interval): ACLED, for one, gives the middle
    day of the week in which an event happened."""
    if precision == "week":
        first, last = day - timedelta(days=3), day + timedelta(days=3)
        return f"{first.isoformat()}/{last.isoformat()}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "year":
        return f"{day.year:04d}"
    return day.isoformat()


class DateColumns:
    """Converts date texts to the store's date columns (edtf, start, end, fuzzy start/end,
    precision), remembering each distinct text."""

    def __init__(self, order: str = "auto"):
        self.order = order
        self._known: dict[tuple[str, str], tuple | str] = {}

    def columns(self, text: str, precision: str = "auto") -> tuple:
        """The six date columns; raises DateProblem."""
        key = (text, precision)
        known = self._known.get(key)
        if known is None:
            try:
                known = self._convert(text, precision)
            except DateProblem as problem:
                known = str(problem)
            self._known[key] = known
        if isinstance(known, str):
            raise DateProblem(known)
        return known

    def _convert(self, text: str, precision: str) -> tuple:
        text = text.strip()
        edtf = None
        if precision == "auto" and looks_like_edtf(text):
            try:
                edtf = dates.validate(text)  # 2024-11, 2024-11-15~, 2022-21 (spring), 2024-11-18/2024-11-21 ...
            except InvalidDate:
                edtf = None
        if edtf is None:
            day, written = parse_day(text, self.order)
            precision = written if precision == "auto" else precision
            if precision == "week":
                return _week(day)
            edtf = edtf_of(day, precision)
        try:
            b = dates.bounds(edtf)
        except InvalidDate as error:
            raise DateProblem(f"the date {text!r} is out of range ({error.problem})") from error
        return edtf, b.start, b.end, b.fuzzy_start, b.fuzzy_end, b.precision


# The start of an EDTF date: a year (maybe qualified, unspecified or long), after "[", "{" or "..".
_EDTF_START = re.compile(r"^[\[{]?(?:\.\.)?-?(?:Y-?\d{5,}|\d{4}|\d{3}X|\d{2}XX)(?:[-~?%XT\]},]|$)")


def looks_like_edtf(text: str) -> bool:
    """Whether a text may be EDTF: asking the EDTF parser costs milliseconds, so a text that
    cannot be (19/11/2024, "19 November 2024") goes straight to the date parser."""
    parts = text.split("/")
    return len(parts) <= 2 and all(part in ("", "..") or _EDTF_START.match(part) for part in parts)


def _week(day: date) -> tuple:
    """The date columns of the week centred on ``day`` — what ``db.dates.bounds`` gives for the
    interval, computed from its two plain ends (the EDTF parser would take milliseconds)."""
    first, last = (dates.bounds((day + timedelta(days=offset)).isoformat()) for offset in (-3, 3))
    edtf = edtf_of(day, "week")
    return edtf, first.start, last.end, first.fuzzy_start, last.fuzzy_end, "interval"
