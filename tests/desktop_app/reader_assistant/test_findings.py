"""What the assistant finds, without Qt: sentences, entities of a sentence, cited dates, titles,
publication dates of any precision, and the time it takes."""
from __future__ import annotations


import pytest

from desktop_app.extract.name_finder import find_names
from desktop_app.reader_assistant import findings as found

from .conftest import PUBLISHED, TEXT, THURSDAY_SENTENCE

ENTITIES = [(1, ["Olaf Scholz", "Scholz"]), (2, ["Vladimir Putin", "Putin"]), (3, ["Dnipro"])]


def by_text(findings) -> dict[str, found.FoundDate]:
    return {d.text: d for d in findings.dates}


def test_dates_carry_their_sentence_offsets_and_names_their_entities():
    findings = found.find_all(TEXT, PUBLISHED, ENTITIES)
    dates = by_text(findings)
    assert {text: d.edtf for text, d in dates.items()} == {
        "Friday": "2024-11-22", "Thursday": "2024-11-21", "24 February 2022": "2022-02-24",
        "last week": "2024-11-11/2024-11-17"}
    for d in findings.dates:
        assert TEXT[d.start:d.end] == d.text
        assert TEXT[d.sentence_start:d.sentence_end] == d.sentence and d.sentence_start <= d.start < d.end <= d.sentence_end
    thursday = dates["Thursday"]
    assert thursday.sentence == THURSDAY_SENTENCE
    assert found.entities_in(findings.names, thursday.sentence_start, thursday.sentence_end) == [3, 2]
    # "Scholtz" is only a suggestion: not an entity of its sentence until confirmed.
    last_week = dates["last week"]
    assert [(n.text, n.confirmed) for n in findings.names if n.start >= last_week.sentence_start] == [("Scholtz", False)]
    assert found.entities_in(findings.names, last_week.sentence_start, last_week.sentence_end) == []


def test_a_repeated_sentence_gets_the_offsets_of_its_own_copy():
    text = "It rained on Friday. It rained on Friday."
    first, second = found.find_all(text, PUBLISHED, []).dates
    assert (first.sentence_start, second.sentence_start) == (0, 21)


def test_a_date_is_cited_when_its_sentence_overlaps_a_cited_passage_or_quote():
    dates = found.find_all(TEXT, PUBLISHED, ENTITIES).dates
    index = {d.text: i for i, d in enumerate(dates)}
    at = TEXT.index("experimental missile")
    assert found.cited_dates(dates, TEXT, [(at, at + 20)], []) == {index["Thursday"]}
    assert found.cited_dates(dates, TEXT, [], ["The war began on 24 February 2022.", "not in the text", ""]) == {
        index["24 February 2022"]}
    assert found.cited_dates(dates, TEXT, [(0, 5)], []) == {index["Friday"]}  # the dateline opens that sentence
    assert found.cited_dates(dates, TEXT, [], []) == set()


@pytest.mark.parametrize("sentence, expression, title", [
    (THURSDAY_SENTENCE, "Thursday", "Russia fired an experimental missile at Dnipro"),
    ("On Friday, Ukraine said the missile was new.", "Friday", "Ukraine said the missile was new"),
    ("Friday's attack was the third this month.", "Friday", "Friday's attack was the third this month"),
    ("The talks of 6 November failed.", "6 November", "The talks of 6 November failed"),
    ("The summit that leaders from both sides of the conflict had long hoped would settle the question of the "
     "border ended without agreement on Friday.", "Friday",
     "The summit that leaders from both sides of the conflict had long hoped would…"),
])
def test_suggested_titles_are_the_sentence_without_its_date_and_attribution(sentence, expression, title):
    [date] = [d for d in found.find_all(sentence, PUBLISHED, []).dates if d.text == expression]
    assert found.suggested_title(date) == title
    assert len(found.suggested_title(date)) <= found.TITLE_CHARS + 1


def test_a_source_dated_to_the_month_places_dates_but_not_weekdays():
    dates = by_text(found.find_all("Talks on 6 November failed; on Friday they resumed.", "2024-11", []))
    assert (dates["6 November"].edtf, dates["Friday"].edtf) == ("2024-11-06", None)
    assert found.publication_of("2024-11") == "2024-11"
    assert found.publication_of(" 2024-11-22 ") == "2024-11-22"
    assert found.publication_of("November 2024") is None and found.publication_of("") is None
    assert found.publication_of(None) is None


def test_a_five_kilobyte_article_with_five_hundred_entities():
    # (how long it takes is measured by `python -m benchmarks.inputs`, not asserted here)
    text = (TEXT + "\n\n") * (5000 // len(TEXT) + 1)
    text = text[:5000]
    entities = ENTITIES + [(100 + n, [f"Person{n} Surname{n}", f"Surname{n}"]) for n in range(500)]
    first = found.find_all(text, PUBLISHED, entities)
    assert found.find_all(text, PUBLISHED, entities) == first  # the caches a first read fills change nothing
    assert len(find_names(text, entities)) > 10
