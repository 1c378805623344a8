import pytest

from db import dates
from desktop_app.events import edtf_forms


def test_parts_make_valid_edtf():
    made = [edtf_forms.day(2024, 11, 5), edtf_forms.month(2024, 2), edtf_forms.season(2022, 21),
            edtf_forms.year(987), edtf_forms.year(-44), edtf_forms.span("2024-11-18", "2024-11-21")]
    assert made == ["2024-11-05", "2024-02", "2022-21", "0987", "-0044", "2024-11-18/2024-11-21"]
    for text in made:
        dates.validate(text)


def test_day_of_a_moment():
    assert edtf_forms.day_of(dates.seconds_of(2024, 11, 15) + 3600) == "2024-11-15"
    assert edtf_forms.day_of(dates.seconds_of(1969, 12, 31) + 10) == "1969-12-31"


@pytest.mark.parametrize("text, mark, expected", [
    ("2024-11-15", "~", "2024-11-15~"),
    ("2024-11-15~", "~", "2024-11-15"),
    ("2024-11-15~", "?", "2024-11-15%"),
    ("2024%", "~", "2024?"),
    ("2024-11-18/2024-11-21", "?", "2024-11-18?/2024-11-21?"),
    ("2024-11-18/..", "~", "2024-11-18~/.."),
])
def test_toggle_qualifier(text, mark, expected):
    assert edtf_forms.toggle_qualifier(text, mark) == expected
    dates.validate(expected)
