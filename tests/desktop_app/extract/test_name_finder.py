"""The name finder: exact, alias, accent- and case-insensitive matches are confirmed; near misses
are suggested, never confirmed; ordinary words are left alone; a long entity list finds what a short one does."""
from __future__ import annotations

import random
import string
from pathlib import Path

from desktop_app.extract.name_finder import NameHit, find_names, fold

ENTITIES = [
    ("scholz", ["Olaf Scholz", "Scholz"]),
    ("erdogan", ["Recep Tayyip Erdoğan", "Erdoğan"]),
    ("zelensky", ["Volodymyr Zelensky", "Zelensky", "Zelenskyy"]),
    ("putin", ["Vladimir Putin", "Putin"]),
    ("steinmeier", ["Frank-Walter Steinmeier"]),
    ("nato", ["North Atlantic Treaty Organization", "NATO"]),
    ("may", ["Theresa May"]),
]


def found(text, entities=ENTITIES):
    hits = find_names(text, entities)
    for hit in hits:
        assert text[hit.start:hit.end] == hit.text
    return [(hit.text, hit.entity_id, hit.confirmed) for hit in hits]


def test_exact_name_and_alias_are_confirmed():
    text = "Olaf Scholz called Putin; Scholz later spoke to NATO."
    assert found(text) == [("Olaf Scholz", "scholz", True), ("Putin", "putin", True),
                           ("Scholz", "scholz", True), ("NATO", "nato", True)]


def test_the_longest_name_wins_over_an_alias_inside_it():
    hits = find_names("Vladimir Putin spoke.", ENTITIES)
    assert hits == [NameHit("Vladimir Putin", 0, 14, "putin", "Vladimir Putin", 100.0, True)]


def test_matching_ignores_case_and_accents():
    assert found("ERDOGAN met Erdogan's envoy; Erdoğan left.") == [
        ("ERDOGAN", "erdogan", True), ("Erdogan", "erdogan", True), ("Erdoğan", "erdogan", True)]
    assert found("Recep Tayyip Erdogan arrived.") == [("Recep Tayyip Erdogan", "erdogan", True)]
    assert fold("Łódź Straße İzmir Øresund") == "lodz strasse izmir oresund"


def test_accents_in_the_text_match_a_plain_name():
    assert found("Meeting with Zelenský today.") == [("Zelenský", "zelensky", True)]


def test_hyphenated_names_and_word_boundaries():
    assert found("President Frank-Walter Steinmeier signed it.") == [
        ("Frank-Walter Steinmeier", "steinmeier", True)]
    assert [hit for hit in find_names("Putinism and Scholzian caution.", ENTITIES) if hit.confirmed] == []


def test_near_misses_are_suggested_with_a_score_not_confirmed():
    hits = find_names("Chancellor Scholtz and his deputy, Mr Solz, met Zelenskiy.", ENTITIES)
    suggestions = [(hit.text, hit.entity_id, hit.matched_name, hit.confirmed) for hit in hits]
    assert suggestions == [("Scholtz", "scholz", "Scholz", False), ("Solz", "scholz", "Scholz", False),
                           ("Zelenskiy", "zelensky", "Zelensky", False)]
    assert all(80 <= hit.score < 100 for hit in hits)
    assert hits[0].score > hits[1].score  # one letter off scores above two


def test_a_misspelt_full_name_is_suggested_as_the_full_name():
    hits = find_names("Volodymyr Zelenskiy spoke.", ENTITIES)
    assert [(hit.text, hit.matched_name, hit.confirmed) for hit in hits] == [
        ("Volodymyr Zelenskiy", "Volodymyr Zelensky", False)]


def test_no_false_positives_on_ordinary_words():
    text = ("Putting the plans on hold, the council said it may march on. Schools, solutions and "
            "the nation's zeal were discussed. The Secretary noted the scale of the problem.")
    assert [hit for hit in find_names(text, ENTITIES) if hit.confirmed] == []
    assert find_names(text, ENTITIES) == []


def test_a_one_word_name_in_lower_case_is_offered_not_confirmed():
    # Case-insensitive, but "may" and "rice" are common words more often than names.
    entities = [("may-month", ["May"]), ("rice", ["Rice"])]
    assert found("Rice said they may meet in May.", entities) == [
        ("Rice", "rice", True), ("may", "may-month", False), ("May", "may-month", True)]


def test_a_word_opening_a_sentence_is_compared_unless_the_text_shows_it_is_an_ordinary_word():
    entities = [("putin", ["Putin"])]
    assert find_names("Putting it simply, nothing changed.", entities) == []  # two letters longer than the name
    assert found("They met. Puttin said nothing.", entities) == [("Puttin", "putin", False)]
    assert found("They met. Putn said nothing.", entities) == [("Putn", "putin", False)]
    assert found("They met Putn.", entities) == [("Putn", "putin", False)]
    # written in lower case elsewhere in the text: an ordinary word
    assert found("Puttin' on the Ritz. They were puttin' it on.", entities) == []
    assert found("Solz met the press.", ENTITIES) == [("Solz", "scholz", False)]


def test_a_person_is_found_by_surname_and_possessive():
    people = [("scholz", ["Olaf Scholz"]), ("council", ["City Council"]), ("nato", ["North Atlantic Treaty Organization"])]
    text = "Olaf Scholz spoke. Scholz's aide said Scholz would go; the Council met. Solz left."
    hits = find_names(text, people, people={"scholz", "council"})
    assert [(h.text, h.entity_id, h.confirmed) for h in hits] == [
        ("Olaf Scholz", "scholz", True), ("Scholz", "scholz", True), ("Scholz", "scholz", True),
        ("Council", "council", True), ("Solz", "scholz", False)]
    # not for entities that are not people, nor for long names
    assert [h.text for h in find_names("The Organization met.", people, people={"nato"})] == []
    assert [h.text for h in find_names(text, people) if h.confirmed] == ["Olaf Scholz"]


def test_shared_alias_reports_every_entity():
    entities = [("a", ["Johnson"]), ("b", ["Johnson"])]
    assert found("Johnson resigned.", entities) == [("Johnson", "a", True), ("Johnson", "b", True)]


def test_empty_inputs():
    assert find_names("", ENTITIES) == []
    assert find_names("Scholz spoke.", []) == []
    assert find_names("Scholz spoke.", [("x", ["", "   "])]) == []


def test_hundreds_of_entities_on_a_5kb_text():
    # (how long it takes is measured by `python -m benchmarks.inputs`, not asserted here)
    rng = random.Random(7)

    def made_up_word():
        return rng.choice(string.ascii_uppercase) + "".join(rng.choice("aeiounrstlkmvz") for _ in range(rng.randint(4, 9)))

    entities = [(i, [f"{made_up_word()} {made_up_word()}", made_up_word(), f"{made_up_word()} {made_up_word()} {made_up_word()}"])
                for i in range(500)] + ENTITIES
    corpus = Path(__file__).parents[2] / "data" / "date_finder"
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt")))[:5000]
    hits = find_names(text, entities)
    assert any(hit.entity_id == "putin" and hit.confirmed for hit in hits)
    assert find_names(text, entities) == hits  # the second read, from the warm caches, finds the same
