"""EDTF dates: validation and the derived bounds the store sorts, filters and draws by.

Parsing is the `edtf` package's; this module only turns its answer into numbers. Bounds are
seconds since 1970-01-01 UTC on the proleptic Gregorian calendar (negative before 1970), so one
integer column orders days, months, seasons and times alike.

- ``start``/``end``: the strict span, ``end`` exclusive (a day is [00:00, next 00:00)).
- ``fuzzy_start``/``fuzzy_end``: how far an approximate (``~``), uncertain (``?``) or both (``%``)
  bound may stretch; equal to the strict bound when it is exact, ``None`` when the interval is open
  (``2024-11-18/..``) or its end unknown (``2024-11-18/``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache

from db.errors import InvalidDate

DAY = 86_400

# How far a qualified bound may stretch, by precision. The `edtf` package's own padding adds a
# year, a month and a day to every approximate date ("2024-11-15~" would reach October 2023),
# which would draw a day as a two-year smear; these margins say "about" at the scale of the date.
_MARGIN_DAYS = {"time": 1, "day": 3, "month": 10, "season": 30, "year": 91, "decade": 730, "century": 7305}

_PLAIN = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_HINT = "expected a form such as 2024-11-15, 2024-11, 2022-21 (spring), 2024~, 2024? or 2024-11-18/2024-11-21"


@dataclass(frozen=True)
class Bounds:
    start: int
    end: int
    fuzzy_start: int | None
    fuzzy_end: int | None
    precision: str  # time, day, month, season, year, decade, century, interval or set


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 for any proleptic Gregorian date (H. Hinnant's algorithm)."""
    year -= month <= 2
    era = year // 400  # Python's // already floors; the C original emulates it
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146_097 + doe - 719_468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """The inverse of :func:`days_from_civil`."""
    days += 719_468
    era = days // 146_097
    doe = days - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (month <= 2), month, day


def seconds_of(year: int, month: int, day: int) -> int:
    return days_from_civil(year, month, day) * DAY


def _days_in_month(year: int, month: int) -> int:
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    return days_from_civil(*following, 1) - days_from_civil(year, month, 1)


@lru_cache(maxsize=65_536)
def bounds(text: str) -> Bounds:
    """The bounds of an EDTF string; raises InvalidDate saying what is wrong."""
    text = text.strip() if isinstance(text, str) else text
    if not text:
        raise InvalidDate(str(text), "a date is required; " + _HINT)
    plain = _PLAIN.match(text)
    if plain:  # the common case, without the parser's cost (a bulk import has a million of them)
        return _plain_bounds(text, *plain.groups())
    if "/" in text and not text.startswith("["):
        return _interval_bounds(text)
    return _point_bounds(text)


def _plain_bounds(text: str, year: str, month: str | None, day: str | None) -> Bounds:
    y = int(year)
    if month is None:
        start, end, precision = seconds_of(y, 1, 1), seconds_of(y + 1, 1, 1), "year"
    else:
        m = int(month)
        if 21 <= m <= 24:
            return _point_bounds(text)
        if not 1 <= m <= 12:
            raise InvalidDate(text, f"there is no month {m:02d} (months are 01–12, seasons 21–24)")
        if day is None:
            start = seconds_of(y, m, 1)
            end = start + _days_in_month(y, m) * DAY
            precision = "month"
        else:
            d = int(day)
            if not 1 <= d <= _days_in_month(y, m):
                raise InvalidDate(text, f"day {d:02d} does not exist in {y:04d}-{m:02d}")
            start = seconds_of(y, m, d)
            end, precision = start + DAY, "day"
    return Bounds(start, end, start, end, precision)


def _parse(text: str):
    import edtf  # ~0.3 s to import (it builds a grammar): only for dates beyond the plain forms

    # No stdout swapping here: this runs on import workers' threads too, and swapping sys.stdout
    # there would swallow (or misdirect) another thread's output. The package's one print (a parse
    # action whose record cannot be built) is not reached by any input the fuzz test in
    # tests/db/test_dates.py tries.
    try:
        node = edtf.parse_edtf(text)
        node.lower_strict(), node.upper_strict()  # some forms only fail here (e.g. 2024-11-1X)
        return node
    except Exception as error:  # the package raises several types, all meaning "not EDTF"
        raise InvalidDate(text, _HINT) from error


def _precision(text: str, node) -> str:
    import edtf

    core = text.strip("~?%[]{}")
    if isinstance(node, edtf.DateAndTime):
        return "time"
    if re.search(r"^-?\d{4}-2[1-4]", core):
        return "season"
    if re.fullmatch(r"-?\d{2}XX", core):
        return "century"
    if re.fullmatch(r"-?\d{3}X", core):
        return "decade"
    if isinstance(node, (edtf.OneOfASet, edtf.MultipleDates)):
        return "set"
    parts = core.lstrip("-Y").split("-")
    if len(parts) >= 3 and "X" not in parts[2]:
        return "day"
    if len(parts) >= 2 and "X" not in parts[1]:
        return "month"
    return "year"


def _point_bounds(text: str) -> Bounds:
    node = _parse(text)
    precision = _precision(text, node)
    if precision == "time":
        moment = datetime.fromisoformat(text.rstrip("~?%"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        start = int((moment - datetime(1970, 1, 1, tzinfo=timezone.utc)).total_seconds())
        end = start + 60
    else:
        lower, upper = node.lower_strict(), node.upper_strict()
        start = seconds_of(lower.tm_year, lower.tm_mon, lower.tm_mday)
        end = seconds_of(upper.tm_year, upper.tm_mon, upper.tm_mday) + DAY
        if precision == "season" and text.strip("~?%").endswith("-24"):
            # Winter runs December to February; the package stops it at 31 December.
            end = seconds_of(lower.tm_year + 1, 3, 1)
    margin = _margin(text, precision)
    return Bounds(start, end, start - margin, end + margin, precision)


def _margin(text: str, precision: str) -> int:
    if "%" in text:
        return 2 * _MARGIN_DAYS[precision] * DAY
    if "~" in text or "?" in text:
        return _MARGIN_DAYS[precision] * DAY
    return 0


def _interval_bounds(text: str) -> Bounds:
    first, _, last = text.partition("/")
    if not (_PLAIN.match(first) and _PLAIN.match(last)):
        _parse(text)  # the whole interval must be valid EDTF, not just each end
    if first in ("", ".."):
        if last in ("", ".."):
            raise InvalidDate(text, "an interval needs at least one known end")
        end = bounds(last)
        return Bounds(end.start, end.end, None, end.fuzzy_end, "interval")
    begin = bounds(first)
    if last in ("", ".."):
        return Bounds(begin.start, begin.end, begin.fuzzy_start, None, "interval")
    end = bounds(last)
    if end.end < begin.start:
        raise InvalidDate(text, "the interval ends before it starts")
    return Bounds(begin.start, end.end, begin.fuzzy_start, end.fuzzy_end, "interval")


def validate(text: str) -> str:
    """The EDTF string stripped of surrounding blanks, or InvalidDate."""
    bounds(text)
    return text.strip()
