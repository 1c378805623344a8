"""Eras in the store: stored with their bounds, one per name, edited and undone like any record,
written to the history, and found by the period a view shows."""
import pytest

from db import dates, eras, ops
from db.errors import InvalidDate, SourcelineError
from db.events import EventFilter, add_event, count_events
from db.history import edit_since, newest_history_id


def test_an_era_is_a_record_with_the_bounds_of_its_date(db):
    era_id = ops.run(db, eras.add_era("  Kursk   incursion ", "2024-08-06/2025-03", "#2A9D8F"))
    era = eras.get_era(db, era_id)
    assert era["name"] == "Kursk incursion"
    assert era["color"] == "#2a9d8f"
    assert era["start_s"] == dates.seconds_of(2024, 8, 6)
    assert era["end_s"] == dates.seconds_of(2025, 4, 1)
    assert eras.reach(era) == (era["start_s"], era["end_s"])
    row = db.conn.execute("SELECT uuid, created_at, modified_at FROM eras WHERE id = ?", (era_id,)).fetchone()
    assert len(row[0]) == 36 and row[1] and row[2]


def test_uncertain_and_open_ends_reach_further(db):
    fuzzy = eras.get_era(db, ops.run(db, eras.add_era("Talks", "2024-11~/2025-01?")))
    start, end = eras.reach(fuzzy)
    assert start < fuzzy["start_s"] and end > fuzzy["end_s"]
    ongoing = eras.get_era(db, ops.run(db, eras.add_era("Occupation", "2024-08-06/..")))
    assert eras.reach(ongoing) == (ongoing["start_s"], None)
    single = eras.get_era(db, ops.run(db, eras.add_era("Election month", "2024-11")))
    assert eras.ends(single["date_edtf"]) == ("2024-11", "2024-11")
    assert eras.ends(ongoing["date_edtf"]) == ("2024-08-06", "")


@pytest.mark.parametrize("name, date, colour, problem", [
    ("", "2024", None, "needs a name"),
    ("Winter", "2024-13", None, "no month 13"),
    ("Winter", "2024", "teal", "#rrggbb"),
    ("Winter", "2024", "#12345", "#rrggbb"),
])
def test_a_bad_era_is_refused_and_nothing_is_written(db, name, date, colour, problem):
    with pytest.raises(SourcelineError, match=problem):
        ops.run(db, eras.add_era(name, date, colour))
    assert eras.list_eras(db) == []


def test_one_era_per_name_whatever_its_case(db):
    ops.run(db, eras.add_era("Trump transition", "2024-11-05/2025-01-20"))
    with pytest.raises(SourcelineError, match="already an era called “Trump transition”"):
        ops.run(db, eras.add_era("trump TRANSITION", "2025"))
    other = ops.run(db, eras.add_era("Lame duck", "2024-11-05/2025-01-20"))
    with pytest.raises(SourcelineError, match="already an era"):
        ops.run(db, eras.update_era(other, name="Trump Transition"))
    ops.run(db, eras.update_era(other, name="LAME duck"))  # its own name, in another case
    assert eras.get_era(db, other)["name"] == "LAME duck"


def test_rename_redate_recolour_and_delete_are_undone_and_in_the_history(db):
    era_id = ops.run(db, eras.add_era("Kursk incursion", "2024-08-06/2025-03"))
    before = eras.get_era(db, era_id)
    steps = [eras.update_era(era_id, name="Kursk offensive"), eras.update_era(era_id, date_edtf="2024-08~/2025-03"),
             eras.update_era(era_id, color="#e76f51"), eras.delete_era(era_id)]
    said = []
    for op in steps:
        seen = newest_history_id(db)
        op.do(db)
        said.append((op.label, edit_since(db, seen).words()))
    assert said == [("Rename era", "era “Kursk offensive”: name"),
                    ("Change the date of era", "era “Kursk offensive”: date"),
                    ("Change the colour of era", "era “Kursk offensive”: color"),
                    ("Delete era", "deleted era “Kursk offensive”")]
    assert eras.get_era(db, era_id) is None
    for op in reversed(steps):
        op.undo(db)
    assert eras.get_era(db, era_id) == before


def test_views_get_only_the_eras_overlapping_their_period(db):
    for name, date in (("A", "2022"), ("B", "2024-08-06/2025-03"), ("C", "2024-11-05/2025-01-20"),
                       ("D", "2026-01~"), ("E", "../2021")):
        ops.run(db, eras.add_era(name, date))
    def names(lo, hi):
        return [e["name"] for e in eras.eras_overlapping(db, lo, hi)]
    assert names(dates.seconds_of(2024, 12, 1), dates.seconds_of(2024, 12, 2)) == ["B", "C"]
    assert names(dates.seconds_of(2023, 1, 1), dates.seconds_of(2024, 8, 6)) == []
    assert names(dates.seconds_of(1900, 1, 1), dates.seconds_of(1901, 1, 1)) == ["E"]  # open start
    # an approximate month reaches ten days before it
    assert names(dates.seconds_of(2025, 12, 25), dates.seconds_of(2025, 12, 26)) == ["D"]
    assert [e["name"] for e in eras.list_eras(db)] == ["E", "A", "B", "C", "D"]


def test_an_era_narrows_an_event_filter_to_its_reach(db):
    for title, date in (("Before", "2024-07-30"), ("Inside", "2024-09-01"), ("Crossing", "2025-03-20/2025-05"),
                        ("After", "2025-04-02")):
        ops.run(db, add_event(title, date))
    era = eras.get_era(db, ops.run(db, eras.add_era("Kursk incursion", "2024-08-06/2025-03")))
    assert count_events(db, eras.within_era(EventFilter(), era)) == 2
    # with a period of its own, the narrower of the two
    assert count_events(db, eras.within_era(EventFilter(end_s=dates.seconds_of(2024, 10, 1)), era)) == 1
    with pytest.raises(SourcelineError, match="no era called “Nope”; the project's eras: Kursk incursion"):
        eras.named_era(db, "Nope")


def test_an_invalid_date_on_update_changes_nothing(db):
    era_id = ops.run(db, eras.add_era("Talks", "2024-11"))
    with pytest.raises(InvalidDate):
        ops.run(db, eras.update_era(era_id, name="Other", date_edtf="2024-11-31"))
    assert eras.get_era(db, era_id)["name"] == "Talks"
