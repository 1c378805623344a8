"""The date finder on the shapes the spent held-out set 3 showed it missing (see
tests/data/date_finder/SPENT-3.md): names hyphenated at a PDF's line end, "two days later",
"the week beginning", "that summer", holidays by name, "the first Saturday of May", fiscal years
stated by their start or by a weekday, "the first three quarters of the current fiscal year",
attributive months, tenses that point ahead, and texts that tell of another time — written here in
sentences of our own, each with the non-dates that look like it."""
from __future__ import annotations

from datetime import date

import pytest

from desktop_app.extract.date_finder import find_dates

TUE_8_APR_2025 = date(2025, 4, 8)
WED_12_NOV_2025 = date(2025, 11, 12)
MON_2_JUN_2025 = date(2025, 6, 2)


def hits(text: str, published: date | None) -> dict[str, str | None]:
    return {hit.text: hit.edtf for hit in find_dates(text, published)}


@pytest.mark.parametrize("text, expression, expected", [
    ("The hearing is reset to Thurs-\nday, June 12, 2025, at 9 a.m.", "Thurs-\nday, June 12, 2025", "2025-06-12"),
    ("ORDERED on Fri-\nday, 4 April 2025.", "Fri-\nday, 4 April 2025", "2025-04-04"),
    ("SIGNED this 3rd day of March, 2025.", "3rd day of March, 2025", "2025-03-03"),
    ("ENTERED this 21st day of January 2025", "21st day of January 2025", "2025-01-21"),
])
def test_court_stamps_a_weekday_broken_at_a_line_end_and_the_nth_day_of_a_month(text, expression, expected):
    assert hits(text, TUE_8_APR_2025)[expression] == expected


@pytest.mark.parametrize("text, expression, expected", [
    ("The shop opened on March 3, 2025. Two days later, it was closed by the police.", "Two days later", "2025-03-05"),
    ("She was arrested on 20 March 2025, having left the country ten days earlier.", "ten days earlier", "2025-03-10"),
    ("The dam failed on March 1, 2025. Three weeks later, the inquiry began.", "Three weeks later", "2025-03-22~"),
    ("The board met on March 4, 2025. A few days later, the chair resigned.", "A few days later", "2025-03-07~"),
])
def test_days_counted_from_the_day_just_mentioned(text, expression, expected):
    assert hits(text, TUE_8_APR_2025)[expression] == expected


@pytest.mark.parametrize("text", [
    "The season will start a week later in 2026, after players complained.",  # a shift, not a day
    # no day to count from
    "In a case decided in 2018, the court upheld a stop based on a tip received eight days earlier.",
    "The vote came two days later than planned.",
    "The trial lasted ten days.",
])
def test_counts_that_are_not_days_counted_from_a_day(text):
    assert not any("days" in found or "week" in found for found in hits(text, TUE_8_APR_2025))


@pytest.mark.parametrize("text, expression, expected", [
    ("Ties will be played in the week beginning Dec. 15.", "the week beginning Dec. 15", "2025-12-15/2025-12-21"),
    ("Hearings resume the week starting 19 January.", "the week starting 19 January", "2026-01-19/2026-01-25"),
    ("Ballots are counted in the week of Nov. 17.", "the week of Nov. 17", "2025-11-17/2025-11-23"),  # Monday to Sunday
])
def test_the_week_beginning_a_day(text, expression, expected):
    assert hits(text, WED_12_NOV_2025)[expression] == expected


@pytest.mark.parametrize("text, expression, expected", [
    ("The mill burned in 1871, and the owners rebuilt it that summer.", "that summer", "1871-22"),
    ("The line was closed for a year in 2020 and reopened that September.", "that September", "2020-09"),
    ("In the winter of 1938 few believed the treaty signed that autumn would last.", "that autumn", "1938-23"),
    ("The report came out in the spring of 1880; its author died that October.", "that October", "1880-10"),
])
def test_that_season_or_month_is_in_the_year_just_spoken_of(text, expression, expected):
    assert hits(text, WED_12_NOV_2025)[expression] == expected


@pytest.mark.parametrize("text", [
    "The minister said that winter pressures on hospitals would ease.",
    "Analysts believe that March sales will be weak.",
    "Officials warned that summer fires were likely.",
])
def test_that_as_a_conjunction_is_no_pointer_to_a_year(text):
    assert not any(found.startswith("that") for found in hits(text, WED_12_NOV_2025))


@pytest.mark.parametrize("text, published, expression, expected", [
    ("Markets were closed on Tuesday for Veterans Day.", WED_12_NOV_2025, "Veterans Day", "2025-11-11"),
    ("Parades were held on Memorial Day 2024.", WED_12_NOV_2025, "Memorial Day 2024", "2024-05-27"),
    ("The strike began after Labor Day.", WED_12_NOV_2025, "Labor Day", "2025-09-01"),
    ("Offices will close for Martin Luther King Jr. Day.", WED_12_NOV_2025, "Martin Luther King Jr. Day", "2026-01-19"),
    ("The agency reopened after Presidents' Day.", date(2025, 3, 3), "Presidents' Day", "2025-02-17"),
    ("The store closes on Thanksgiving Day.", WED_12_NOV_2025, "Thanksgiving Day", "2025-11-27"),
    ("Crowds gathered for St. Patrick's Day.", TUE_8_APR_2025, "St. Patrick's Day", "2025-03-17"),
])
def test_holidays_by_name(text, published, expression, expected):
    assert hits(text, published)[expression] == expected


@pytest.mark.parametrize("text, expression, expected", [
    ("The new bridge will open on the first Saturday of May.", "the first Saturday of May", "2026-05-02"),
    ("The fair was held on the last Monday in May 2025.", "the last Monday in May 2025", "2025-05-26"),
    ("Voting took place on the second Tuesday of October.", "the second Tuesday of October", "2025-10-14"),
])
def test_the_nth_weekday_of_a_month(text, expression, expected):
    assert hits(text, WED_12_NOV_2025)[expression] == expected


def test_the_nth_weekday_of_a_month_every_year_is_no_date():
    assert hits("The club meets each year on the first Monday of May.", WED_12_NOV_2025) == {}


def test_a_fiscal_year_that_ends_on_a_weekday_near_a_day():
    found = hits("Kessel's fiscal year ends on the Saturday nearest Jan. 31. It expects a profit for fiscal 2025, "
                 "and second-quarter sales rose.", date(2025, 8, 21))
    assert found["fiscal 2025"] == "2025-02/2026-01"
    assert found["second-quarter"] == "2025-05/2025-07"
    assert "Saturday" not in found and "Jan. 31" not in found  # the rule of the calendar, no day


def test_a_fiscal_year_stated_by_the_start_of_the_budget():
    text = ("BUDGET FOR FISCAL YEAR 2026. The clerk presented the schedule for the budget that begins July 1. "
            "Receipts for the first three quarters of the current fiscal year were 2% below a year earlier.")
    found = hits(text, date(2025, 5, 6))
    assert found["FISCAL YEAR 2026"] == "2025-07/2026-06"
    assert found["July 1"] == "2025-07-01"
    assert found["the first three quarters of the current fiscal year"] == "2024-07/2025-03"
    assert found["a year earlier"] == "2023-07/2024-03"


@pytest.mark.parametrize("text, expression, expected", [
    ("the first two quarters of 2024", "the first two quarters of 2024", "2024-01/2024-06"),
    ("the first nine months of the year", "the first nine months of the year", "2025-01/2025-09"),
])
def test_the_first_months_or_quarters_of_a_calendar_year(text, expression, expected):
    assert hits(f"Sales rose in {text}.", WED_12_NOV_2025)[expression] == expected


@pytest.mark.parametrize("text, expression, expected", [
    ("Profit beat its May forecast.", "May", "2025-05"),
    ("The bank kept the June outlook unchanged.", "June", "2025-06"),
])
def test_a_month_before_a_forecast_or_outlook(text, expression, expected):
    assert hits(text, WED_12_NOV_2025)[expression] == expected


def test_may_as_a_name_is_no_month():
    assert hits("Theresa May gave a forecast of slower growth.", WED_12_NOV_2025) == {}


@pytest.mark.parametrize("text, published, expression, expected", [
    ("The summit opens with a dinner hosted by the king on Tuesday evening.",
     MON_2_JUN_2025, "Tuesday evening", "2025-06-03"),
    ("The leaders' main session is on Wednesday morning.", MON_2_JUN_2025, "Wednesday morning", "2025-06-04"),
    ("A storm is forecast to drop snow from Wednesday night into Thursday.", MON_2_JUN_2025, "Thursday", "2025-06-05"),
    ("The airline canceled flights scheduled for Friday.", MON_2_JUN_2025, "Friday", "2025-06-06"),
    ("The Treasury will sell notes next week, including bonds on Wednesday, it said on Friday.",
     date(2025, 11, 14), "Wednesday", "2025-11-19"),
    ("Ashdale, who last won the cup in 1997, play at home on Saturday.", MON_2_JUN_2025, "Saturday", "2025-06-07"),
    ("The plan was announced by the mayor on Friday.", MON_2_JUN_2025, "Friday", "2025-05-30"),  # still past
])
def test_tenses_that_point_ahead(text, published, expression, expected):
    assert hits(text, published)[expression] == expected


@pytest.mark.parametrize("text, expression, expected", [
    ("Third-quarter profit rose to $5 million from $4 million in the 1978 period.",
     "the 1978 period", "1978-07/1978-09"),
    ("Third-quarter profit fell from $9 million a year earlier because of mild weather.",
     "a year earlier", "1978-07/1978-09"),
])
def test_the_period_reported_in_another_year(text, expression, expected):
    assert hits(text, date(1979, 10, 24))[expression] == expected


HISTORY = ("The canal opened on October 20, 1829. Tolls in the first full season, 1830, exceeded forecasts. "
           "The company failed on 28 December 1879. An inquiry opened on 3 January and sat until the end of April. "
           "Over the autumn the directors sold the boats, and by the end of the year the canal was empty. "
           "Today a trail follows its route.")


def test_a_history_places_year_less_dates_after_the_day_last_stated():
    found = hits(HISTORY, date(2024, 3, 14))
    assert found["1830"] == "1830"  # a bare year before 1900, a year from the dates around it
    assert found["3 January"] == "1880-01-03"  # after 28 December 1879: the next January
    assert found["the end of April"] == "1880-04-21/1880-04-30"
    assert found["the autumn"] == "1879-23"
    assert found["the end of the year"] == "1879-12"
    assert "Today" not in found  # nowadays, a vague word


def test_a_number_before_1900_in_news_is_no_year():
    assert "1830" not in hits("The plant shipped 1830 crates in 2024.", WED_12_NOV_2025)


def test_a_history_with_its_year_in_words():
    text = ("Ray Kessler bought the diner in nineteen forty-eight, and it opened on the first Saturday of May. "
            "It closed in 1971.")
    assert hits(text, WED_12_NOV_2025)["the first Saturday of May"] == "1948-05-01"


def test_a_day_between_two_days_of_one_year_is_in_that_year():
    text = ("On January 9, 2023, the plaintiff filed a complaint. Her review, delivered on July 17, rated her poorly. "
            "On Friday, August 4, 2023, her position was eliminated. She sued on June 28, 2024.")
    assert hits(text, date(2024, 9, 26))["July 17"] == "2023-07-17"


def test_a_day_between_days_of_different_years_is_placed_against_publication():
    text = ("The war began on 24 February 2022. On the night of 17 November alone, 120 missiles were fired. "
            "A conference was held on 11 June 2024.")
    assert hits(text, date(2024, 11, 19))["17 November"] == "2024-11-17"
