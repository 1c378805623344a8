"""Any search costs a bounded amount (issue 14, item 16): a word said a thousand times is looked
up once, at most MAX_TERMS words are, and SQLite stops whatever still runs past the time limit
with a message that says so — in the command line and in the window's search."""
from __future__ import annotations

import pytest

from db import events, ops, search
from desktop_app.cli import main


@pytest.fixture
def busy_db(db):
    """60 events that all say "attack", so a search has rows to rank."""
    with db.conn:
        for number in range(60):
            events.add_event(f"Attack number {number}", "2024-11-15", "an attack was reported").do(db)
    return db


def terms(match: str) -> list[str]:
    return match.split(" ") if match else []


@pytest.mark.parametrize("text, expected", [
    ("a " * 5_000, ['"a"']),  # (took 37-52 s)
    ("a OR " * 2_000, ['"a"', '"OR"']),  # (took 12 s)
    ("attack Attack ATTACK", ['"attack"']),
    ("a b a", ['"a"', '"b"']),  # the exact "a" already asks for what "a"* would
    ("war pea", ['"war"', '"pea"*']),
])
def test_a_word_said_again_is_looked_up_once(text, expected):
    assert terms(search.fts_query(text)) == expected


def test_at_most_max_terms_words_are_looked_up():
    words = [f"w{number}" for number in range(1_000)]
    found = terms(search.fts_query(" ".join(words)))
    assert found == [f'"{word}"' for word in words[:search.MAX_TERMS]]


def test_a_pasted_repetition_finds_what_the_word_finds(busy_db):
    once = search.search(busy_db, "attack")
    assert once and search.search(busy_db, "attack " * 5_000) == once


def test_a_search_past_its_time_is_stopped_with_a_message(busy_db):
    with pytest.raises(search.SearchTooSlow, match="stopped after 0 s; try longer or fewer words"):
        search.search(busy_db, "attack", seconds=0)
    # the guard is gone afterwards: the connection's later statements run as long as they need
    assert search.search(busy_db, "attack")
    assert busy_db.conn.execute("SELECT count(*) FROM events e1, events e2").fetchone()[0] == 60 * 60


def test_the_command_line_says_a_stopped_search_in_one_line(busy_db, monkeypatch, capsys):
    path = busy_db.conn.execute("PRAGMA database_list").fetchone()[2]
    monkeypatch.setattr(search, "SEARCH_SECONDS", 0)
    assert main(["search", "--db", path, "attack"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the search was stopped" in err


@pytest.mark.parametrize("option", ["--search=--", "--tag=--", "--entity=--"])
def test_a_double_hyphen_as_an_option_s_value_is_that_value(db, option, capsys):
    # argparse (before Python 3.13) dropped it, leaving a list: AttributeError, ProgrammingError
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    ops.run(db, events.add_event("Tagged", "2024-11-15", tags=("--",)))
    assert main(["events", "--db", path, option]) == 0
    out = capsys.readouterr().out
    # a search for "--" has no word and narrows nothing; no entity is called "--"
    assert ("Tagged" in out) == (option != "--entity=--")


def test_the_window_s_search_shows_a_stopped_search(busy_db, qapp, monkeypatch):
    from desktop_app.search.results import SearchResultsModel

    model = SearchResultsModel(busy_db)
    monkeypatch.setattr(search, "SEARCH_SECONDS", 0)
    model.run("attack")
    assert model.rowCount() == 0 and "the search was stopped" in model.problem
    monkeypatch.setattr(search, "SEARCH_SECONDS", 5)
    model.run("attack")
    assert model.rowCount() > 0 and model.problem == ""


