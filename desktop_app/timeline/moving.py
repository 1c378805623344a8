"""Moving a day-dated event by whole days (the timeline's drag). Pure, no Qt."""
from __future__ import annotations

import re

from db.dates import civil_from_days, days_from_civil

_DAY_DATE = re.compile(r"^(-?\d{4})-(\d{2})-(\d{2})([~?%]?)$")


def movable(date_edtf: str) -> bool:
    """Only a single day (approximate or not) moves by dragging; intervals, months and times
    are edited in the editor, where their other parts can be seen."""
    return bool(_DAY_DATE.match(date_edtf.strip()))


def shifted_date(date_edtf: str, days: int) -> str:
    """The same day-precision EDTF date ``days`` later (earlier if negative), qualifier kept."""
    match = _DAY_DATE.match(date_edtf.strip())
    if match is None:
        raise ValueError(f"{date_edtf!r} is not a single day")
    year, month, day, qualifier = match.groups()
    y, m, d = civil_from_days(days_from_civil(int(year), int(month), int(day)) + days)
    sign = "-" if y < 0 else ""
    return f"{sign}{abs(y):04d}-{m:02d}-{d:02d}{qualifier}"
