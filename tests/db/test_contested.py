"""An event is contested when its sources disagree: a citation contradicts it, or a source gives a
date that cannot be the event's (their reaches, approximate ends stretched, do not overlap)."""
import pytest

from db import citations, events, ops, sources
from db.errors import InvalidDate


@pytest.fixture
def cited(db):
    event_id = ops.run(db, events.add_event("Depot struck", "2024-11-19"))
    source_id = ops.run(db, sources.add_source({"title": "Wire"}, "2024-11-20"))
    return event_id, source_id


def contested(db, event_id):
    page = events.event_page(db, events.EventFilter(ids=(event_id,)))
    in_range = events.events_in_range(db, -2**40, 2**40, events.EventFilter(ids=(event_id,)),
                                      columns=events.mark_columns())
    assert page[0]["contested"] == in_range[0]["contested"]  # the list and the timeline agree
    return bool(page[0]["contested"])


@pytest.mark.parametrize("claimed, disagrees", [
    ("", False),  # no date given
    ("2024-11-19", False),  # the same day
    ("2024-11", False),  # the month holds the day
    ("2024-11-18/2024-11-20", False),  # the range holds it
    ("2024-11-21", True),  # two days later
    ("2024-11-18", True),  # the day before, exactly
    ("2024-11-21~", False),  # about the 21st reaches back to the 19th
    ("2024-10", True),  # another month
    ("2024-11-20/..", True),  # from the next day on
    ("../2024-11-19", False),  # up to that day
])
def test_a_date_given_by_a_source_makes_the_event_contested_when_it_cannot_be_the_events(db, cited, claimed, disagrees):
    event_id, source_id = cited
    ops.run(db, citations.add_citation(event_id, source_id, claimed_edtf=claimed))
    assert contested(db, event_id) is disagrees
    listed = events.get_event(db, event_id)["citations"][0]
    assert (listed["claimed_edtf"], bool(listed["disagrees"])) == (claimed or None, disagrees)


def test_an_approximate_or_open_event_reaches_further(db, cited):
    _, source_id = cited
    about = ops.run(db, events.add_event("About then", "2024-11-19~"))
    ongoing = ops.run(db, events.add_event("Ongoing", "2024-08-06/.."))
    ops.run(db, citations.add_citation(about, source_id, claimed_edtf="2024-11-21"))
    ops.run(db, citations.add_citation(ongoing, source_id, claimed_edtf="2025-03"))
    assert not contested(db, about) and not contested(db, ongoing)
    ops.run(db, citations.add_citation(ongoing, source_id, claimed_edtf="2024-07"))
    assert contested(db, ongoing)


def test_editing_the_date_given_or_the_events_date_and_undo(db, cited):
    event_id, source_id = cited
    citation_id = ops.run(db, citations.add_citation(event_id, source_id, claimed_edtf="2024-11-19"))
    assert not contested(db, event_id)
    edit = citations.update_citation(citation_id, claimed_edtf="2024-11-22")
    edit.do(db)
    assert contested(db, event_id)
    edit.undo(db)
    assert not contested(db, event_id)
    ops.run(db, events.update_event(event_id, date_edtf="2024-11-25"))  # the event moves away
    assert contested(db, event_id)
    ops.run(db, citations.update_citation(citation_id, claimed_edtf=""))
    assert not contested(db, event_id)


def test_the_contested_filter_takes_date_disagreements_and_contradictions(db, cited):
    event_id, source_id = cited
    contradicted = ops.run(db, events.add_event("Denied", "2024-11-19"))
    agreed = ops.run(db, events.add_event("Agreed", "2024-11-19"))
    ops.run(db, citations.add_citation(event_id, source_id, claimed_edtf="2024-11-25"))
    ops.run(db, citations.add_citation(contradicted, source_id, stance="contradicts"))
    ops.run(db, citations.add_citation(agreed, source_id, claimed_edtf="2024-11-19"))
    shown = {e["id"] for e in events.event_page(db, events.EventFilter(stance="contradicts"))}
    assert shown == {event_id, contradicted}


def test_an_invalid_date_given_is_refused_and_nothing_is_written(db, cited):
    event_id, source_id = cited
    with pytest.raises(InvalidDate):
        citations.add_citation(event_id, source_id, claimed_edtf="2024-13-45")
    with pytest.raises(InvalidDate):
        citations.update_citation(1, claimed_edtf="last Friday")
    assert db.conn.execute("SELECT count(*) FROM citations").fetchone()[0] == 0
