"""EDTF dates in words, as a reader would say them: "Friday 15 November 2024", "spring 2022",
"about 2024", "18–21 November 2024". Invalid input raises ``InvalidDate`` (via db.dates)."""
from __future__ import annotations

import re
from datetime import date, datetime

from db import dates

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_PART = re.compile(r"^(?P<year>-?\d{4}|-?\d{3}X|-?\d{2}XX)(?:-(?P<month>\d{2}|XX))?(?:-(?P<day>\d{2}|XX))?"
                   r"(?P<time>T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?P<q>[~?%]?)$")


def _year(text: str) -> str:
    year = int(text)
    return f"{1 - year} BCE" if year <= 0 else str(year)  # EDTF counts a year 0 (= 1 BCE)


def _qualify(words: str, qualifier: str) -> str:
    return {"~": f"about {words}", "?": f"{words} (uncertain)", "%": f"about {words} (uncertain)"}.get(qualifier, words)


def _weekday(y: int, m: int, d: int) -> str:
    if 1 <= y <= 9999:
        return WEEKDAYS[date(y, m, d).weekday()] + " "
    return ""


def _point(text: str, weekday: bool = True) -> str:
    match = _PART.match(text)
    if not match or (match["month"] not in (None, "XX") and not (1 <= int(match["month"]) <= 12
                                                                 or int(match["month"]) in SEASONS)):
        raise ValueError(f"not a date these rules put in words: {text!r}")
    year, month, day, time, qualifier = match.group("year", "month", "day", "time", "q")
    if year.endswith("XX"):
        words = f"the {year[:-2]}00s"
    elif year.endswith("X"):
        words = f"the {year[:-1]}0s"
    elif month is None or month == "XX":
        words = _year(year)
    elif int(month) in SEASONS:
        words = f"{SEASONS[int(month)]} {_year(year)}"
    elif day is None or day == "XX":
        words = f"{MONTHS[int(month) - 1]} {_year(year)}"
    else:
        y, m, d = int(year), int(month), int(day)
        words = f"{_weekday(y, m, d) if weekday and not qualifier else ''}{d} {MONTHS[m - 1]} {_year(year)}"
        if time:
            moment = datetime.fromisoformat(text.rstrip("~?%"))
            zone = " UTC" if time.endswith("Z") else (moment.strftime(" %z") if moment.tzinfo else "")
            words += f", {moment.strftime('%H:%M')}{zone}"
    return _qualify(words, qualifier)


def _interval(first: str, last: str) -> str:
    if first in ("", ".."):
        return f"until {_point(last, weekday=False)}"
    if last in ("", ".."):
        return f"from {_point(first, weekday=False)}" + ("" if last == ".." else " (end unknown)")
    a, b = _PART.match(first), _PART.match(last)
    plain = a and b and not a["q"] and not b["q"] and not a["time"] and not b["time"]
    if plain and a["day"] and b["day"] and a["year"] == b["year"]:
        if a["month"] == b["month"]:
            return f"{int(a['day'])}–{int(b['day'])} {MONTHS[int(a['month']) - 1]} {_year(a['year'])}"
        return (f"{int(a['day'])} {MONTHS[int(a['month']) - 1]} – {int(b['day'])} {MONTHS[int(b['month']) - 1]}"
                f" {_year(a['year'])}")
    if plain and a["month"] and b["month"] and not a["day"] and not b["day"] and a["year"] == b["year"] \
            and int(a["month"]) <= 12 and int(b["month"]) <= 12:
        return f"{MONTHS[int(a['month']) - 1]}–{MONTHS[int(b['month']) - 1]} {_year(a['year'])}"
    return f"{_point(first, weekday=False)} – {_point(last, weekday=False)}"


def in_words(text: str) -> str:
    """The date in words; raises InvalidDate for text that is not EDTF."""
    return _words_or_raw(dates.validate(text))


def _words_or_raw(text: str) -> str:
    try:
        return _words(text)
    except ValueError:  # a form these rules have no words for (e.g. Y170000002), or not EDTF at all
        return text


def _words(text: str) -> str:
    if text.startswith(("[", "{")):
        members = [m.strip() for m in text.strip("[]{}").split(",")]
        joiner = " and " if text.startswith("{") else " or "
        return ("one of " if joiner == " or " else "") + joiner.join(
            _interval(*m.split("..")) if ".." in m else _point(m, weekday=False) for m in members)
    if "/" in text:
        return _interval(*text.split("/", 1))
    return _point(text)


def in_words_or_raw(text: str | None) -> str:
    """For display of stored values, which were validated when they were written: the words, or
    the raw string for a form these rules do not know. Not validated again: the EDTF grammar costs
    ~0.3 s to load, which a list, a tooltip or `sourceline events` should not wait for."""
    return _words_or_raw(text.strip()) if text else ""
