"""Resolving the expressions that count from the publication date: today, yesterday, on Friday,
the weekend, last month, earlier this week, the end of next month, two years ago, the new year.

Each returns None when the publication date is not known as precisely as the expression counts
(a day for "yesterday", a month for "last month", a year for "last year"; see
``Reading.known_to``): such expressions are reported, not guessed.
"""
from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from desktop_app.extract import date_calendar as cal
from desktop_app.extract.date_context import Reading
from desktop_app.extract.date_patterns import count_value


def part_word(groups: dict) -> str:
    """The part a match names: early/mid/late, or end/start/beginning/middle from "the end of"."""
    if groups.get("part"):
        return groups["part"].strip(" -").lower()
    return groups["span"].split()[1].lower()


_WEEK_PARTS = {"start": (0, 1), "beginning": (0, 1), "early": (0, 1), "middle": (1, 3), "mid": (1, 3),
               "end": (4, 6), "late": (4, 6)}


def unit_part(groups: dict, reading: Reading):
    """"the end of next week", "the middle of the month" (the month just named in the sentence, when
    there is one: "temperatures in February ... a cold snap in the middle of the month")."""
    if groups.get("anchor_month"):
        year, month = groups["anchor_month"]
        return cal.month_part(year, month, part_word(groups))
    published = reading.known_to("day" if groups["unit"].lower() == "week" else "month")
    if published is None:
        return None
    shift = {"last": -1, "next": 1}.get(groups["mod"].lower(), 0)
    part = part_word(groups)
    if groups["unit"].lower() == "week":
        monday, _ = cal.week_of(published, shift)
        first, last = _WEEK_PARTS[part]
        return cal.days_span(monday + timedelta(days=first), monday + timedelta(days=last))
    month = published + relativedelta(months=shift)
    return cal.month_part(month.year, month.month, part)


def day_word(groups: dict, reading: Reading):
    published = reading.known_to("day")
    if published is None:
        return None
    if groups.get("this"):
        return cal.day_span(published)
    if groups.get("last_night"):
        return cal.day_span(published - cal.ONE_DAY)
    offset = {"yesterday": -1, "tomorrow": 1, "today": 0, "tonight": 0}[groups["word"].lower()]
    if groups.get("before_after"):
        offset += -1 if groups["before_after"].lower() == "before" else 1
    return cal.day_span(published + timedelta(days=offset))


def weekday(groups: dict, reading: Reading):
    """last/next Friday: the nearest Friday strictly before/after publication; this Friday: the
    coming one (today included) unless the verb is past; a bare Friday: past unless the verb is
    future (or the present of an arrangement: "the minister is travelling to Kyiv on Friday", "talks
    resume on Monday"). The publication's own weekday, bare, is the publication day unless the verb
    is future (then a week ahead; a scheduled present stays on the day) and the sentence does not
    say today: news writing names the day of publication by its weekday and uses weekday names for
    the past seven days (AP, Reuters), so "the missile hit Dnipro on Friday" in Friday's paper is
    that Friday, "last Friday" the one before. A possessive ("Wednesday's ruling") is the latest
    such day, the publication's own included, whatever the verb ("will appeal Wednesday's ruling").
    The publication's weekday with a part of the day still to come ("late Wednesday", "Wednesday
    night") is the publication day even under a future verb. "next Wednesday" written on a Tuesday
    is the one after tomorrow's (tomorrow would be called tomorrow, or Wednesday)."""
    published = reading.known_to("day")
    if published is None:
        return None
    weekday = cal.weekday_number(groups["weekday"])
    mod = (groups.get("mod") or "").lower()
    ahead = (weekday - published.weekday()) % 7  # 0 when it is the publication's weekday
    behind = (published.weekday() - weekday) % 7
    if reading.possessive and not mod:  # "Wednesday's ruling" is news already made
        return cal.day_span(published - timedelta(days=behind))
    later_today = (groups.get("daypart") or "").lower() == "late" or (groups.get("time") or "").lower() in ("evening", "night")
    if ahead == 0 and (mod == "this" or (not mod and (reading.says_today or reading.tense != "future" or later_today))):
        return cal.day_span(published)
    if mod == "next" and ahead == 1:
        return cal.day_span(published + timedelta(days=8))
    future = mod == "next" or (mod != "last" and reading.future) or (mod == "this" and reading.tense != "past")
    if future:
        return cal.day_span(published + timedelta(days=ahead or 7))
    return cal.day_span(published - timedelta(days=behind or 7))


def weekend(groups: dict, reading: Reading):
    """Saturday and Sunday: last = the latest one over before publication, next = the first one
    starting after it, this/the = the current one when published at a weekend, otherwise the
    coming one for "this" unless the verb is past, the past one for "the" unless it is future."""
    published = reading.known_to("day")
    if published is None:
        return None
    mod = " ".join((groups.get("mod") or "the").lower().split())
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)  # on or before publication
    at_weekend = published.weekday() >= 5
    if mod in ("last", "this past"):
        saturday -= timedelta(days=7 if at_weekend else 0)
    elif mod == "next":
        saturday += timedelta(days=7)
    elif not at_weekend:
        coming = reading.future or (mod == "this" and reading.tense != "past")
        saturday += timedelta(days=7 if coming else 0)
    return cal.days_span(saturday, saturday + cal.ONE_DAY)


def unit(groups: dict, reading: Reading):
    unit, mod = groups["unit"].lower(), groups["mod"].lower()
    side = (groups.get("side") or "").lower()
    # "earlier this month" ends the day before publication; "this month" needs only the month.
    published = reading.known_to("day" if unit == "week" or side in ("earlier", "later")
                                 else "month" if unit == "month" else "year")
    if published is None:
        return None
    shift = {"last": -1, "next": 1}.get(mod, 0)
    if unit == "week":
        monday, sunday = cal.week_of(published, shift)
        if side == "earlier":
            return cal.days_span(monday, max(monday, published - cal.ONE_DAY))
        if side == "later":
            return cal.days_span(min(sunday, published + cal.ONE_DAY), sunday)
        if side:
            first, last = _WEEK_PARTS[side]
            return cal.days_span(monday + timedelta(days=first), monday + timedelta(days=last))
        return cal.days_span(monday, sunday)
    if unit == "month":
        month = published + relativedelta(months=shift)
        if side == "earlier":
            return cal.days_span(month.replace(day=1), max(month.replace(day=1), published - cal.ONE_DAY))
        if side == "later":
            last = cal.last_of_month(month)
            return cal.days_span(min(last, published + cal.ONE_DAY), last)
        if side:
            return cal.month_part(month.year, month.month, side)
        return cal.month_span(month.year, month.month)
    year = published.year + shift
    if side == "earlier":
        return cal.days_span(date(year, 1, 1), max(date(year, 1, 1), published - cal.ONE_DAY))
    if side == "later":
        return cal.days_span(min(date(year, 12, 31), published + cal.ONE_DAY), date(year, 12, 31))
    if side:
        return cal.year_part(year, side)
    return cal.year_span(year)


def ago(groups: dict, reading: Reading):
    counted = count_value(groups["count"])
    unit = groups["unit"].lower()
    published = reading.known_to({"day": "day", "week": "day", "fortnight": "day", "month": "month"}.get(unit, "year"))
    if published is None or counted is None:
        return None
    count, vague = counted
    if unit == "day":
        return cal.day_span(published - timedelta(days=count), approximate=vague)
    if unit in ("week", "fortnight"):  # "two weeks ago" is rarely meant to the day
        weeks = count * (2 if unit == "fortnight" else 1)
        return cal.day_span(published - timedelta(weeks=weeks), approximate=True)
    if unit == "month":
        month = published - relativedelta(months=count)
        return cal.month_span(month.year, month.month, approximate=vague)
    if unit == "year":
        return cal.year_span(published.year - count, approximate=vague)
    if unit == "decade":
        return cal.year_span(published.year - 10 * count, approximate=True)
    return cal.year_span(published.year - 100 * count, approximate=True)


def new_year(groups: dict, reading: Reading):
    published = reading.known_to("month")
    if published is None:
        return None
    # Said in the second half of a year it is the coming one; in January it is the one begun.
    return cal.year_span(published.year + (published.month >= 7))
