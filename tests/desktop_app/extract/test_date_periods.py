"""The date finder on the periods of business, government and history writing: quarters and
halves, fiscal years, year-ago comparisons, weekdays under future signals and possessives, days
counted from a date just mentioned, years and decades in words — and what stays a non-date."""
from __future__ import annotations

from datetime import date

import pytest

from desktop_app.extract.date_finder import find_dates

TUE_15_OCT_2024 = date(2024, 10, 15)
FRI_13_JUN_2025 = date(2025, 6, 13)


def hits(text: str, published: date | None) -> dict[str, str | None]:
    return {hit.text: hit.edtf for hit in find_dates(text, published)}


@pytest.mark.parametrize("text, expression, expected", [
    # a quarter or half without a year: the one nearest publication that the tense allows
    ("The bank reported a 12% rise in third-quarter profit.", "third-quarter", "2024-07/2024-09"),
    ("It expects net income to bottom out in the fourth quarter.", "the fourth quarter", "2024-10/2024-12"),
    ("Sales rose in the first quarter, the company said.", "the first quarter", "2024-01/2024-03"),
    ("Revenue fell 3% in the latest quarter.", "the latest quarter", "2024-07/2024-09"),
    ("It will launch two models this quarter and one next quarter.", "this quarter", "2024-10/2024-12"),
    ("It will launch two models this quarter and one next quarter.", "next quarter", "2025-01/2025-03"),
    ("Analysts expect demand to recover in the second half.", "the second half", "2024-07/2024-12"),
    ("Profit fell in the first half as sales slowed.", "the first half", "2024-01/2024-06"),
    ("Analysts expect Q3 deliveries to rise.", "Q3", "2024-07/2024-09"),
    ("Its first-half profit doubled.", "first-half", "2024-01/2024-06"),
    # with a year of its own, whatever the tense
    ("Net income in the 1988 second quarter was $96.4 million.", "the 1988 second quarter", "1988-04/1988-06"),
    ("Sales grew in the first quarter of 2024.", "the first quarter of 2024", "2024-01/2024-03"),
    # months as a range, the first months of a year, year-end
    ("Profit fell 12% in the April-June quarter.", "April-June", "2024-04/2024-06"),
    ("Results for the July-September period are due.", "July-September", "2024-07/2024-09"),
    ("Profit in the first three months of the year had risen.", "the first three months of the year", "2024-01/2024-03"),
    ("For the first nine months of 2023, earnings fell.", "the first nine months of 2023", "2023-01/2023-09"),
    ("The plant will start production by year-end.", "year-end", "2024-12"),
    ("The bank held $4 billion at year-end, it said.", "year-end", "2023-12"),
])
def test_quarters_halves_and_year_ends(text, expression, expected):
    assert hits(text, TUE_15_OCT_2024)[expression] == expected


@pytest.mark.parametrize("text, expression, expected", [
    ("Northgate's fiscal year ends in June. It cut its forecast for fiscal 2025.", "fiscal 2025", "2024-07/2025-06"),
    ("The Department of Defense asked Congress for more in fiscal year 2026.", "fiscal year 2026", "2025-10/2026-09"),
    ("The federal program resumes in the third quarter of fiscal 2026.", "the third quarter of fiscal 2026", "2026-04/2026-06"),
    ("Federal costs in the first half of fiscal 2025 rose.", "the first half of fiscal 2025", "2024-10/2025-03"),
    ("The agency must finish by the end of fiscal year 2031, Congress said.", "the end of fiscal year 2031", "2031-09"),
    ("The retailer expects FY2025 sales to be flat.", "FY2025", "2025"),
])
def test_fiscal_years_end_where_the_text_says(text, expression, expected):
    assert hits(text, TUE_15_OCT_2024)[expression] == expected


def test_the_fiscal_year_end_itself_recurs_and_is_no_date():
    found = hits("The company's fiscal year ends in December; fiscal 2025 looks weaker.", TUE_15_OCT_2024)
    assert "December" not in found
    assert found["fiscal 2025"] == "2025"


@pytest.mark.parametrize("text, expected", [
    ("The bank reported third-quarter profit of $2 billion, up from $1.8 billion a year earlier.",
     {"third-quarter": "2024-07/2024-09", "a year earlier": "2023-07/2023-09"}),
    ("Revenue in the latest quarter rose, and margins narrowed from the year-ago quarter.",
     {"the latest quarter": "2024-07/2024-09", "the year-ago quarter": "2023-07/2023-09"}),
    ("For the first nine months of the year, earnings were $88 million, against $102 million a year before.",
     {"the first nine months of the year": "2024-01/2024-09", "a year before": "2023-01/2023-09"}),
    ("Prices were lower a year earlier.", {"a year earlier": "2023"}),
])
def test_a_year_earlier_is_the_period_under_discussion_a_year_before(text, expected):
    found = hits(text, TUE_15_OCT_2024)
    assert {key: found.get(key) for key in expected} == expected


def test_a_comparison_is_made_with_the_reported_quarter_not_a_forecast_or_another_comparison():
    text = ("Profit rose in the latest quarter from a year earlier. Prices will rise in the fourth quarter. "
            "Margins narrowed from the year-ago quarter.")
    assert hits(text, TUE_15_OCT_2024)["the year-ago quarter"] == "2023-07/2023-09"


@pytest.mark.parametrize("text, expression, expected", [
    ("Ministers postponed until Tuesday a vote on the rules.", "Tuesday", "2025-06-17"),
    ("The talks were adjourned until Monday.", "Monday", "2025-06-16"),
    ("He stayed until Tuesday.", "Tuesday", "2025-06-10"),  # no postponing: the past
    ("The minister is scheduled to leave on Thursday for Washington.", "Thursday", "2025-06-19"),
    ("Italy asked for time to study Wednesday's compromise text.", "Wednesday", "2025-06-11"),
    ("The state will appeal Wednesday's ruling.", "Wednesday", "2025-06-11"),  # possessive: news already made
    ("Friday's meeting was the last under the presidency.", "Friday", "2025-06-13"),
    ("The ministers met on Friday in Luxembourg.", "Friday", "2025-06-13"),  # published on a Friday: today
    ("The ministers will meet on Friday in Luxembourg.", "Friday", "2025-06-20"),
    ("The rules were meant to run through June 2026, and talks are expected to run through July.", "July", "2025-07"),
    ("The Commission wants the rules in force by January.", "January", "2026-01"),
])
def test_weekdays_and_months_under_future_signals_and_possessives(text, expression, expected):
    assert hits(text, FRI_13_JUN_2025)[expression] == expected


@pytest.mark.parametrize("text, expression, expected", [
    ("A package discussed on May 26 was approved the following Monday.", "the following Monday", "2025-06-02"),
    ("It was approved on June 2, and the previous Friday ambassadors agreed on it.", "the previous Friday", "2025-05-30"),
    ("Officers stopped the car on March 14, 2019, after a tip the previous Friday.", "the previous Friday", "2019-03-08"),
    ("The motion was denied in the fall of 2020, and a jury convicted him the following spring.", "the following spring", "2021-21"),
    ("The stretch was bypassed in October 1984 and the road decommissioned the following year.", "the following year", "1985"),
    ("The Red Cross arrived on June 5, 1889, and trains ran the next day.", "the next day", "1889-06-06"),
    ("The election was rerun in December that year, after the 2016 vote was annulled in November 2016.",
     "December that year", None),  # no year before it to count from
    ("The 2016 vote was annulled in November 2016 and rerun in December that year.", "December that year", "2016-12"),
    ("The liberation came in August 1944, when the bell rang on the night of 24 August.", "24 August", "1944-08-24"),
])
def test_days_counted_from_the_date_just_mentioned(text, expression, expected):
    assert hits(text, FRI_13_JUN_2025)[expression] == expected


@pytest.mark.parametrize("text, expression, expected", [
    ("He sold the shop in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ("He arrived in nineteen forty-seven.", "nineteen forty-seven", "1947"),
    ("The building was torn down in two thousand and eight.", "two thousand and eight", "2008"),
    ("The games return in twenty twenty-eight.", "twenty twenty-eight", "2028"),
    ("The nineties were kind to us.", "The nineties", "199X"),
    ("By the early fifties he had a shop.", "the early fifties", "1950/1953"),
    ("Turnout was the lowest since the eighties.", "the eighties", "198X"),
    ("The highway was numbered in the nineteen-twenties.", "the nineteen-twenties", "192X"),
    ("Cities grew fast in the eighteen-nineties.", "the eighteen-nineties", "189X"),
    ("Through the sixties and seventies it thrived.", "seventies", "197X"),
    ("By the late nineteen-nineties, groups had formed.", "the late nineteen-nineties", "1997/1999"),
])
def test_years_and_decades_in_words(text, expression, expected):
    assert hits(text, FRI_13_JUN_2025)[expression] == expected


@pytest.mark.parametrize("text", [
    "The central bank cut rates by a quarter of a percentage point.",
    "Unit revenue rose for the third straight quarter.",
    "A quarter-point cut is expected, and three quarters of economists agree.",
    "He scored twice in the second half and the team led after the first quarter.",
    "The Lakers trailed by ten points in the fourth quarter.",
    "She was in her seventies, and temperatures in the nineties kept her indoors every August.",
    "Prices doubled in the second half of the film's run.",
    "The first quarter of the century was turbulent.",
    "Congress has asked for quarterly updates for the next 12 months.",
    "The company has been profitable for nine consecutive quarters.",
])
def test_durations_counts_shares_and_games_stay_non_dates(text):
    assert hits(text, TUE_15_OCT_2024) == {}
