"""ISO 8601 dates for the store's bounds (seconds since 1970 UTC), as spreadsheets read them."""
from __future__ import annotations

from db import dates


def iso_of(seconds: int, with_time: bool = False) -> str:
    """An ISO 8601 date (or date and time) for seconds since 1970 UTC; years outside 0–9999 are
    written with a sign and at least four digits, as ISO 8601's expanded form has them."""
    days, rest = divmod(seconds, dates.DAY)
    year, month, day = dates.civil_from_days(days)
    text = (f"{year:04d}" if 0 <= year <= 9999 else f"{year:+05d}") + f"-{month:02d}-{day:02d}"
    if with_time:
        text += f"T{rest // 3600:02d}:{rest % 3600 // 60:02d}:{rest % 60:02d}Z"
    return text
