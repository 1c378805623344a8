import pytest

from db.errors import InvalidDate
from desktop_app.dates.render import in_words, in_words_or_raw


@pytest.mark.parametrize(
    "edtf, words",
    [
        ("2024-11-15", "Friday 15 November 2024"),
        ("2024-11", "November 2024"),
        ("2024", "2024"),
        ("2022-21", "spring 2022"),
        ("2022-23", "autumn 2022"),
        ("2024~", "about 2024"),
        ("2024?", "2024 (uncertain)"),
        ("2024%", "about 2024 (uncertain)"),
        ("2024-11-15~", "about 15 November 2024"),
        ("2024-11-18/2024-11-21", "18–21 November 2024"),
        ("2024-11-28/2024-12-02", "28 November – 2 December 2024"),
        ("2022-07-22/2023-07-17", "22 July 2022 – 17 July 2023"),
        ("2024-08-06/..", "from 6 August 2024"),
        ("../2024", "until 2024"),
        ("199X", "the 1990s"),
        ("2024-11-19T03:30:00Z", "Tuesday 19 November 2024, 03:30 UTC"),
        ("-0499", "500 BCE"),
    ],
)
def test_in_words(edtf, words):
    assert in_words(edtf) == words


def test_invalid_input_raises_but_display_helper_shows_it_raw():
    with pytest.raises(InvalidDate):
        in_words("15/11/2024")
    assert in_words_or_raw("15/11/2024") == "15/11/2024"
    assert in_words_or_raw(None) == ""


def test_stored_values_are_put_in_words_without_the_edtf_grammar_and_odd_ones_shown_raw():
    # stored dates were validated when written; showing them must not need the parser, and a value
    # another program wrote that these rules cannot say is shown as it is
    assert in_words_or_raw("2022-21~") == "about spring 2022"
    assert in_words_or_raw("2024-11-18/2024-11-21") == "18–21 November 2024"
    for odd in ("2024-13", "2024-30", "yesterday", "15/11/2024"):
        assert in_words_or_raw(odd) == odd
