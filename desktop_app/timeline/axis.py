"""The time axis: which ticks to draw at a zoom, and their labels. Pure, no Qt.

The scale is the finest calendar step (centuries down to hours) whose shortest instance is at
least ``MIN_LABEL_SPACING_PX`` wide, so neighbouring labels never collide. Minor ticks carry the
fine labels ("Mon 18", "06:00", "2024"); major ticks mark the next coarser boundary and, from
months down, carry the context a fine label lacks ("Nov 2024" above the days). Hours are ticked
only when an event in view has a time of day: days known to the day get no "00:00" and "12:00".
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from db.dates import DAY, civil_from_days, days_from_civil
from desktop_app.dates.render import MONTHS, WEEKDAYS
from desktop_app.timeline.viewport import Viewport

MIN_LABEL_SPACING_PX = 70
HOUR = 3_600
UNITS = ("century", "decade", "year", "month", "week", "day", "hour")

# (unit, step in that unit's base: hours, days, weeks, months or years), finest first.
_STEPS = (
    ("hour", 1), ("hour", 2), ("hour", 3), ("hour", 6), ("hour", 12),
    ("day", 1), ("day", 2), ("week", 1), ("week", 2),
    ("month", 1), ("month", 3), ("month", 6),
    ("year", 1), ("year", 2), ("year", 5),
    ("decade", 10), ("decade", 20), ("decade", 50),
    ("century", 100), ("century", 200), ("century", 500), ("century", 1000),
)
# The shortest length of one step's base, in seconds (a month may have 28 days, a year 365;
# decade and century steps count years).
_SHORTEST = {"hour": HOUR, "day": DAY, "week": 7 * DAY, "month": 28 * DAY, "year": 365 * DAY,
             "decade": 365 * DAY, "century": 365 * DAY}


@dataclass(frozen=True)
class Tick:
    t: int  # seconds since 1970 UTC
    x: float  # pixels from the viewport's left edge
    label: str


@dataclass(frozen=True)
class TickScale:
    unit: str  # one of UNITS
    step: int  # how many hours, days, weeks, months or years between minor ticks
    minor: tuple[Tick, ...]  # labelled, at least MIN_LABEL_SPACING_PX apart
    major: tuple[Tick, ...]  # coarser boundaries; the first may lie left of the view (its label
    # is the context of what is at the left edge)


def ticks(viewport: Viewport, finest: str = "hour") -> TickScale:
    """The ticks for a viewport, none finer than the unit ``finest`` (the data's precision in view)."""
    unit, step = _choose_step(viewport.seconds_per_px, finest)
    lo, hi = viewport.start_s, viewport.end_s
    minor = tuple(Tick(t, viewport.x_of(t), _label(unit, t)) for t in _boundaries(unit, step, lo, hi) if t >= lo)
    major_unit, major_step = _MAJOR[unit](step)
    major = tuple(Tick(t, viewport.x_of(t), _context_label(unit, t))
                  for t in _boundaries(major_unit, major_step, lo, hi))
    return TickScale(unit, step, minor, major)


def _choose_step(seconds_per_px: float, finest: str = "hour") -> tuple[str, int]:
    allowed = UNITS[:UNITS.index(finest) + 1]
    for unit, step in _STEPS:
        if unit in allowed and _SHORTEST[unit] * step / seconds_per_px >= MIN_LABEL_SPACING_PX:
            return unit, step
    return _STEPS[-1]


def finest_unit(events) -> str:
    """The finest unit worth a tick for these events: hours when one has a time of day, else days."""
    return "hour" if any(e["date_precision"] == "time" for e in events) else "day"


# The coarser boundary drawn as a major tick for each unit, from the minor step.
_MAJOR = {
    "hour": lambda step: ("day", 1),
    "day": lambda step: ("month", 1),
    "week": lambda step: ("month", 1),
    "month": lambda step: ("year", 1),
    "year": lambda step: ("year", 10),
    "decade": lambda step: ("year", 100),
    "century": lambda step: ("year", max(1000, step * 5)),
}


def _boundaries(unit: str, step: int, lo: float, hi: float):
    """Every boundary of the step from the last one at or before ``lo`` up to ``hi``."""
    last = math.floor(hi)
    if unit == "hour":
        yield from range(math.floor(lo / (step * HOUR)) * step * HOUR, last + 1, step * HOUR)
    elif unit == "day":
        yield from range(math.floor(lo / (step * DAY)) * step * DAY, last + 1, step * DAY)
    elif unit == "week":
        week = math.floor((lo / DAY - 4) / (7 * step)) * step  # weeks since Monday 1970-01-05 (day 4)
        yield from range((4 + 7 * week) * DAY, last + 1, 7 * step * DAY)
    elif unit == "month":
        year, month, _ = civil_from_days(int(lo // DAY))
        index = year * 12 + (month - 1)
        index -= index % step
        while True:
            t = days_from_civil(index // 12, index % 12 + 1, 1) * DAY
            if t > hi:
                return
            yield t
            index += step
    else:  # year, decade, century: steps of whole years
        year = _round_year_at_or_before(civil_from_days(int(lo // DAY))[0], step)
        while True:
            t = days_from_civil(year, 1, 1) * DAY
            if t > hi:
                return
            yield t
            year = _next_round_year(year, step)


# Round years as a reader counts them: 10 BCE, 5 BCE, 5, 10 (EDTF's year 0 is 1 BCE, so the
# astronomical multiples of 5 would read 6 BCE, 1 BCE...). Across the era the gap is wider,
# never narrower, than a step.
def _round_year_at_or_before(year: int, step: int) -> int:
    if year - year % step >= 1:
        return year - year % step
    bce = 1 - min(year, 0)
    return 1 - -(-bce // step) * step


def _next_round_year(year: int, step: int) -> int:
    if year >= 1:
        return year + step
    bce = (1 - year) - step
    return 1 - bce if bce > 0 else step


def year_words(year: int) -> str:
    """A year as a reader says it; EDTF's year 0 is 1 BCE."""
    return f"{1 - year} BCE" if year <= 0 else str(year)


def _label(unit: str, t: int) -> str:
    year, month, day = civil_from_days(t // DAY)
    if unit == "hour":
        return f"{t % DAY // HOUR:02d}:00"
    if unit == "day":
        return f"{WEEKDAYS[(t // DAY - 4) % 7][:3]} {day}"
    if unit == "week":
        return f"{day} {MONTHS[month - 1][:3]}"
    if unit == "month":
        return MONTHS[month - 1][:3]
    return year_words(year)


def _context_label(unit: str, t: int) -> str:
    year, month, day = civil_from_days(t // DAY)
    if unit == "hour":
        return f"{WEEKDAYS[(t // DAY - 4) % 7][:3]} {day} {MONTHS[month - 1][:3]} {year_words(year)}"
    if unit in ("day", "week"):
        return f"{MONTHS[month - 1][:3]} {year_words(year)}"
    if unit == "month":
        return year_words(year)
    return ""  # a year label says it all; major ticks there are only stronger grid lines
