"""Building EDTF strings from parts (the date editor's helper menu). No Qt: tested on its own."""
from __future__ import annotations

import re

from db import dates

SEASONS = (("Spring", 21), ("Summer", 22), ("Autumn", 23), ("Winter", 24))
_QUALIFIED = re.compile(r"^(?P<core>.*?)(?P<q>[~?%]?)$")


def day(year: int, month: int, day_: int) -> str:
    return f"{_year(year)}-{month:02d}-{day_:02d}"


def month(year: int, month_: int) -> str:
    return f"{_year(year)}-{month_:02d}"


def season(year: int, code: int) -> str:
    return f"{_year(year)}-{code}"


def year(year_: int) -> str:
    return _year(year_)


def span(first: str, last: str) -> str:
    return f"{first}/{last}"


def _year(value: int) -> str:
    return f"-{-value:04d}" if value < 0 else f"{value:04d}"


def day_of(seconds: int) -> str:
    """The EDTF day containing a moment (seconds since 1970 UTC)."""
    return day(*dates.civil_from_days(seconds // dates.DAY))


def toggle_qualifier(text: str, mark: str) -> str:
    """Add or remove ``~`` (approximate) or ``?`` (uncertain) on a date or on each end of a range.

    Both together are EDTF's ``%``; toggling one of them off a ``%`` leaves the other."""
    text = text.strip()
    if "/" in text and not text.startswith(("[", "{")):
        first, last = text.split("/", 1)
        return "/".join(_toggle_point(part, mark) if part not in ("", "..") else part for part in (first, last))
    return _toggle_point(text, mark)


def _toggle_point(text: str, mark: str) -> str:
    match = _QUALIFIED.match(text)
    core, marks = match["core"], set("~?" if match["q"] == "%" else match["q"])
    marks ^= {mark}
    suffix = "%" if marks == {"~", "?"} else "".join(marks)
    return core + suffix
