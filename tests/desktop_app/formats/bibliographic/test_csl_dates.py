"""EDTF ↔ CSL dates: each form, the reverse, round trips, and the loose dates files hold."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.formats.csl_dates import csl_date_to_edtf, edtf_to_csl_date, text_to_edtf


@pytest.mark.parametrize("edtf, csl", [
    ("2024", {"date-parts": [[2024]]}),
    ("2024-11", {"date-parts": [[2024, 11]]}),
    ("2024-11-15", {"date-parts": [[2024, 11, 15]]}),
    ("2024-11-18/2024-11-21", {"date-parts": [[2024, 11, 18], [2024, 11, 21]]}),
    ("2022-21", {"date-parts": [[2022]], "season": 1}),
    ("2022-24", {"date-parts": [[2022]], "season": 4}),
    ("2024~", {"date-parts": [[2024]], "circa": True}),
    ("2024-11-15~", {"date-parts": [[2024, 11, 15]], "circa": True}),
    ("2024-11/..", {"date-parts": [[2024, 11], [0]]}),
    ("../2024", {"date-parts": [[0], [2024]]}),
    ("-0043-03-15", {"date-parts": [[-44, 3, 15]]}),  # 44 BCE: EDTF counts a year 0, CSL does not
])
def test_edtf_forms_become_csl_dates_and_come_back(edtf, csl):
    assert edtf_to_csl_date(edtf) == csl
    assert csl_date_to_edtf(csl) == edtf


@pytest.mark.parametrize("edtf", ["2024?", "2024%"])
def test_uncertain_dates_are_circa_because_csl_has_one_flag(edtf):
    assert edtf_to_csl_date(edtf) == {"date-parts": [[2024]], "circa": True}
    assert csl_date_to_edtf(edtf_to_csl_date(edtf)) == "2024~"


@pytest.mark.parametrize("edtf, back", [
    ("2024-11-18/", "2024-11-18/.."),  # an unknown end reads back as open
    ("/2024", "../2024"),
    ("2024-11-15T10:30:00", "2024-11-15"),  # CSL has no time of day
    ("2024-11-18~/2024-11-21", "2024-11-18~/2024-11-21~"),  # circa covers the whole range
])
def test_forms_csl_cannot_hold_exactly_come_back_as_near_as_it_can(edtf, back):
    assert csl_date_to_edtf(edtf_to_csl_date(edtf)) == back


@pytest.mark.parametrize("edtf", ["201X", "[2024,2025]", "Y170000002", "2022-21/2022-22", "not a date", ""])
def test_what_csl_cannot_say_becomes_a_literal(edtf):
    assert edtf_to_csl_date(edtf) == {"literal": edtf}


@pytest.mark.parametrize("csl, edtf", [
    ({"date-parts": [["2024", "11", "5"]]}, "2024-11-05"),
    ({"date-parts": [[2022, 13]]}, "2022-21"),  # season as month 13-16 (CSL 0.8)
    ({"date-parts": [[2022, 23]]}, "2022-23"),  # season as month 21-24 (pandoc)
    ({"date-parts": [[2022]], "season": "winter"}, "2022-24"),
    ({"date-parts": [["2022"]], "season": "2"}, "2022-22"),
    ({"raw": "2024-11-15"}, "2024-11-15"),
    ({"raw": "2024/11/15/"}, "2024-11-15"),
    ({"literal": "November 2024"}, "2024-11"),
    ({"literal": "Spring term, some year"}, None),
    ({"date-parts": [["spring"]]}, None),
    ({}, None),
    (None, None),
    ("2024-11-15", "2024-11-15"),
])
def test_csl_dates_as_found_in_the_wild(csl, edtf):
    assert csl_date_to_edtf(csl) == edtf


@pytest.mark.parametrize("text, edtf", [
    ("2024/11/15/", "2024-11-15"), ("2014//", "2014"), ("2024/11", "2024-11"),
    ("2024/11/15/Spring", "2024-11-15"), ("JUN 8 2004", "2004-06-08"),
    ("15 November 2024", "2024-11-15"), ("Nov. 2024", "2024-11"), ("Spring 2022", "2022-21"),
    ("12/25/2024", "2024-12-25"), ("2024-11-18/2024-11-21", "2024-11-18/2024-11-21"),
    ("n.d.", None), ("November", None), ("", None), ("2024/13/", None),
])
def test_loose_dates_from_bibliography_files(text, edtf):
    assert text_to_edtf(text) == edtf


days = st.dates(min_value=__import__("datetime").date(1, 1, 1))


@settings(max_examples=40, deadline=None)
@given(days, days, st.sampled_from(["day", "month", "year"]), st.booleans(), st.booleans())
def test_any_day_month_year_or_range_round_trips(first, second, precision, is_range, circa):
    def text(day):
        made = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
        return made + ("~" if circa else "")
    low, high = sorted([first, second])
    edtf = f"{text(low)}/{text(high)}" if is_range and low != high else text(low)
    if is_range and text(low) == text(high):
        edtf = text(low)
    assert csl_date_to_edtf(edtf_to_csl_date(edtf)) == edtf
