"""Which year a year-less date is in when the text says it elsewhere: the year stated earlier in
its sentence ("the liberation of Paris in August 1944, when its bell rang out on the night of 24
August"), and in a text that tells of another time throughout (a history, a court's statement of
facts) the day last stated with its year, across sentences ("On May 31, 1889 ... on June 5").

:class:`Scene` follows a text's hits in order: ``groups_for`` gives a candidate's groups with the
year it takes, ``note`` records what each hit states. Candidates are the date finder's: they have
``kind``, ``start`` and the match's ``groups``.
"""
from __future__ import annotations

import bisect
from datetime import date

from desktop_app.extract import date_calendar as cal
from desktop_app.extract.date_words import year_value

# A stated year sets the scene for the year-less dates after it in its sentence. (In news a bare
# year does not: "since records began in 1884, ... in February" is this February.)
STATES_A_YEAR = frozenset({"day_month", "day_range", "month_year", "season_year", "month_part", "week_of_month",
                           "numeric", "week_of"})
STATES_A_DAY = frozenset({"day_month", "day_range", "numeric"})
_COUNTS_FROM_NOW = frozenset({"unit", "day_word", "ago", "weekend", "unit_part"})
# What a text states its years with, to tell narrative about another time (see narrative).
_STATED_YEARS = STATES_A_YEAR | {"year", "year_words", "year_range"}
_TAKES_THE_SCENE_YEAR = frozenset({"day_month", "day_range", "month_part", "week_of_month", "month",
                                   "weekday_of_month"})
# Told of another time, "the autumn" and "the end of the year" are that time's too.
_TAKES_THE_STORY_YEAR = _TAKES_THE_SCENE_YEAR | {"season", "year_part"}
_NARRATIVE_YEARS = 2


def nowadays(candidate) -> bool:
    """A bare "today": in a text about another time it means nowadays, a vague word, not a day."""
    groups = candidate.groups
    return (candidate.kind == "day_word" and (groups.get("word") or "").lower() == "today"
            and not groups.get("before_after") and candidate.end - candidate.start == 5)


def narrative(candidates: list, published: date | None) -> bool:
    """Whether the text tells of another time: it states years, and all of them are at least two
    years before publication, and it counts nothing from its own day ("last week", "35 years ago":
    an anniversary feature speaks of now too; a history of the Johnstown flood, a court's statement
    of facts do not; "today a towpath trail follows its route" is nowadays, not a day)."""
    if published is None or any(c.kind in _COUNTS_FROM_NOW and not nowadays(c) for c in candidates):
        return False
    years = [int(c.groups["year"]) if c.groups.get("year") else year_value(c.groups)
             for c in candidates if c.kind in _STATED_YEARS and (c.groups.get("year") or c.kind == "year_words")]
    return len(years) >= 2 and max(years) <= published.year - _NARRATIVE_YEARS


def _last_year(groups: dict) -> bool:
    return (groups.get("mod") or "").lower() == "last" and groups["unit"].lower() == "year" and not groups.get("side")


def _month_day(groups: dict) -> tuple[int, int] | None:
    if not groups.get("month"):
        return None
    day = groups.get("day")
    return cal.month_number(groups["month"]), int("".join(filter(str.isdigit, day))) if day else 1


class Scene:
    """The years a text has stated so far, for the year-less dates that follow."""

    def __init__(self, candidates: list, published: date | None, stated_days: list[tuple[int, date]]):
        self.published = published
        self.narrative = narrative(candidates, published)
        self._year: tuple[int, int, bool] | None = None  # the latest year stated, its sentence, said as "last year"
        self._story: date | None = None  # the latest day stated with its year
        self._starts = [start for start, _ in stated_days]
        self._days = [day for _, day in stated_days]

    def groups_for(self, candidate, sentence: int, tense: str | None) -> dict:
        """The candidate's groups, with the year of the scene when it states none."""
        groups = candidate.groups
        if self._story and candidate.kind == "day_month" and groups.get("weekday") and not groups.get("year"):
            groups = {**groups, "story_year": self._story.year}  # "Wednesday, March 14" told after "March 11, 1888"
        if (groups.get("year") or groups.get("mod") or self.published is None or tense in ("future", "scheduled")
                or (groups.get("rel") or "the").split()[0].lower() != "the"):
            return groups
        year = self._scene_year(candidate, sentence)
        return groups if year is None else {**groups, "year": str(year), "rel": None}

    def _scene_year(self, candidate, sentence: int) -> int | None:
        """The year stated earlier in the sentence, two years or more from publication (unless said
        as "last year"); in a narrative, the year of the day last stated, or the one after when the
        date would fall before that day; in other texts, the year that puts a day between the day
        stated before it and the one stated after, both of one year ("On January 9, 2023 ... on July 17 ... On
        August 4, 2023")."""
        if candidate.kind not in _TAKES_THE_STORY_YEAR:
            return None
        in_sentence = candidate.kind in _TAKES_THE_SCENE_YEAR and self._year and self._year[1] == sentence
        if in_sentence and not candidate.groups.get("rel"):
            year, _, last_year = self._year
            return year if last_year or abs(year - self.published.year) >= _NARRATIVE_YEARS else None
        if self.narrative and self._story:
            month_day = _month_day(candidate.groups)
            return self._story.year + (month_day is not None and month_day < (self._story.month, self._story.day))
        if candidate.kind == "day_month" and not candidate.groups.get("weekday"):
            return self._between(candidate)
        return None

    def _between(self, candidate) -> int | None:
        index = bisect.bisect_left(self._starts, candidate.start)
        if index == 0 or index == len(self._starts):
            return None
        before, after = self._days[index - 1], self._days[index]
        if before.year != after.year:
            return None
        try:
            return before.year if before <= date(before.year, *_month_day(candidate.groups)) <= after else None
        except ValueError:  # 29 February in a year without one
            return None

    def note(self, candidate, sentence: int, edtf: str | None) -> None:
        """Record the year (and day) a hit states."""
        groups = candidate.groups
        bare = self.narrative and candidate.kind == "year"  # a bare year sets the scene only in a narrative
        if groups.get("year") and (candidate.kind in STATES_A_YEAR or bare):
            self._year = (int(groups["year"]), sentence, False)
            if candidate.kind in STATES_A_DAY and edtf:
                self._story = date.fromisoformat(edtf[:10])
        elif self.narrative and candidate.kind == "year_words":
            self._year = (year_value(groups), sentence, False)
        elif candidate.kind == "unit" and _last_year(groups) and self.published is not None:
            self._year = (self.published.year - 1, sentence, True)  # "Last year's race ... was cancelled on March 12"
