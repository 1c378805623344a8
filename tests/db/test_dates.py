from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import dates
from db.errors import InvalidDate


def day(y, m, d):
    return dates.seconds_of(y, m, d)


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("2024-11-15", (2024, 11, 15), (2024, 11, 16), "day"),
        ("2024-11", (2024, 11, 1), (2024, 12, 1), "month"),
        ("2024-02", (2024, 2, 1), (2024, 3, 1), "month"),
        ("2024", (2024, 1, 1), (2025, 1, 1), "year"),
        ("2022-21", (2022, 3, 1), (2022, 6, 1), "season"),
        ("2022-22", (2022, 6, 1), (2022, 9, 1), "season"),
        ("2022-24", (2022, 12, 1), (2023, 3, 1), "season"),
        ("2024-11-18/2024-11-21", (2024, 11, 18), (2024, 11, 22), "interval"),
        ("2022-07-22/2023-07-17", (2022, 7, 22), (2023, 7, 18), "interval"),
        ("199X", (1990, 1, 1), (2000, 1, 1), "decade"),
        ("2024-11-XX", (2024, 11, 1), (2024, 12, 1), "month"),
        ("2024-XX-XX", (2024, 1, 1), (2025, 1, 1), "year"),
        ("[2024-11-15,2024-11-16]", (2024, 11, 15), (2024, 11, 17), "set"),
    ],
)
def test_strict_bounds(text, start, end, precision):
    b = dates.bounds(text)
    assert (b.start, b.end, b.precision) == (day(*start), day(*end), precision)


def test_exact_dates_have_no_fuzz():
    b = dates.bounds("2024-11-15")
    assert (b.fuzzy_start, b.fuzzy_end) == (b.start, b.end)


@pytest.mark.parametrize("text", ["2024~", "2024?", "2024-11-15~", "2024-11?", "2024-06%"])
def test_qualified_dates_stretch_both_ends_at_their_own_scale(text):
    b = dates.bounds(text)
    assert b.fuzzy_start < b.start and b.fuzzy_end > b.end
    # "about" a day is days, not years: the margin stays below the date's own span plus a season
    assert b.start - b.fuzzy_start <= max(b.end - b.start, 91 * dates.DAY)


def test_both_qualifiers_stretch_further_than_one():
    assert dates.bounds("2024%").fuzzy_start < dates.bounds("2024~").fuzzy_start


def test_qualifier_on_one_end_of_an_interval_only_fuzzes_that_end():
    b = dates.bounds("2024-11-18/2024-11-21~")
    assert b.fuzzy_start == b.start and b.fuzzy_end > b.end


def test_open_intervals_have_no_fuzzy_bound_on_the_open_side():
    assert dates.bounds("2024-08-06/..").fuzzy_end is None
    assert dates.bounds("2024-08-06/").fuzzy_end is None
    assert dates.bounds("../2024").fuzzy_start is None
    assert dates.bounds("2024-08-06/..").start == day(2024, 8, 6)


def test_time_of_day_is_kept_in_utc():
    b = dates.bounds("2024-11-19T03:30:00+02:00")
    assert b.start == day(2024, 11, 19) + 90 * 60 and b.precision == "time"


def test_bounds_sort_like_time():
    ordered = ["2022-21", "2024", "2024-11", "2024-11-15", "2024-11-18/2024-11-21", "2024-11-19"]
    assert sorted(ordered, key=lambda t: dates.bounds(t).start) == ordered


@pytest.mark.parametrize(
    "text, words",
    [
        ("2024-13-01", "no month 13"),
        ("2023-02-29", "does not exist"),
        ("1900-02-29", "does not exist"),
        ("2024-11-21/2024-11-18", "ends before it starts"),
        ("next friday", "expected a form such as"),
        ("", "required"),
        ("../..", "at least one known end"),
        ("2024-11-1X", "expected a form such as"),
        ("2024-11-2X", "expected a form such as"),
    ],
)
def test_invalid_dates_say_what_is_wrong(text, words):
    with pytest.raises(InvalidDate, match=words):
        dates.bounds(text)


def test_leap_day_in_a_leap_year_is_fine():
    assert dates.bounds("2024-02-29").end == day(2024, 3, 1)


@pytest.mark.parametrize("d", [date(1, 1, 1), date(1969, 12, 31), date(1970, 1, 1), date(2000, 2, 29), date(9999, 12, 31)])
def test_day_arithmetic_matches_the_standard_library(d):
    days = dates.days_from_civil(d.year, d.month, d.day)
    assert days == (d - date(1970, 1, 1)).days
    assert dates.civil_from_days(days) == (d.year, d.month, d.day)


@pytest.mark.parametrize("ymd", [(0, 1, 1), (0, 2, 29), (-1, 12, 31), (-500, 3, 1), (-4713, 11, 24)])
def test_day_arithmetic_round_trips_before_year_one(ymd):
    assert dates.civil_from_days(dates.days_from_civil(*ymd)) == ymd
    assert dates.days_from_civil(*ymd) + 1 == dates.days_from_civil(*dates.civil_from_days(dates.days_from_civil(*ymd) + 1))


# EDTF's own characters, so that most tries get deep into the grammar
EDTF_ISH = st.text(alphabet="0123456789-X~?%/.[]{},^SEY:TZ+ ", min_size=1, max_size=18)


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(EDTF_ISH, EDTF_ISH.map(lambda t: "20" + t)))
def test_reading_any_date_prints_nothing_and_fails_only_as_invalid(capfd, text):
    """The parser is no longer silenced by swapping sys.stdout (that is unsafe from import workers'
    threads): whatever it is given, nothing may reach stdout or stderr."""
    try:
        dates.bounds(text)
    except InvalidDate:
        pass
    assert capfd.readouterr() == ("", "")
