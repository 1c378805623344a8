"""Edits, undo/redo, cascades and the history table, on a real project file."""
import json
import sqlite3

import pytest

from db import citations, entities, events, ops, sources
from db.errors import InvalidDate, SourcelineError


def event_row(db, event_id):
    return events.get_event(db, event_id)


def test_add_event_stores_bounds_links_uuid_and_timestamps(db):
    event_id = ops.run(db, events.add_event("Scholz phones Putin", "2024-11-15", "First call in two years",
                                            tags=["diplomacy"], entities=["Olaf Scholz"]))
    event = event_row(db, event_id)
    assert event["date_edtf"] == "2024-11-15" and event["date_precision"] == "day"
    assert event["end_s"] - event["start_s"] == 86_400
    assert event["tags"] == ["diplomacy"] and event["entities"] == ["Olaf Scholz"]
    assert len(event["uuid"]) == 36 and event["created_at"].endswith("Z")


def test_invalid_date_is_refused_and_nothing_is_written(db):
    with pytest.raises(InvalidDate):
        ops.run(db, events.add_event("Bad", "2024-13-45"))
    assert events.count_events(db) == 0
    assert db.conn.execute("SELECT count(*) FROM history").fetchone()[0] == 0


def test_empty_title_is_refused(db):
    with pytest.raises(SourcelineError, match="title"):
        ops.run(db, events.add_event("   ", "2024"))


def test_undo_and_redo_of_an_edit_restore_every_field_and_link(db):
    event_id = ops.run(db, events.add_event("Call", "2024-11-15", tags=["diplomacy"]))
    before = event_row(db, event_id)
    edit = events.update_event(event_id, title="Phone call", date_edtf="2024-11", tags=["diplomacy", "germany"])
    edit.do(db)
    assert event_row(db, event_id)["tags"] == ["diplomacy", "germany"]
    edit.undo(db)
    after_undo = event_row(db, event_id)
    for key in ("title", "date_edtf", "start_s", "end_s", "date_precision", "tags"):
        assert after_undo[key] == before[key], key
    assert db.conn.execute("SELECT count(*) FROM tags WHERE name = 'germany'").fetchone()[0] == 0
    edit.do(db)
    assert event_row(db, event_id)["title"] == "Phone call"
    assert event_row(db, event_id)["date_edtf"] == "2024-11"


def test_deleting_an_event_cascades_and_undo_brings_everything_back(db):
    event_id = ops.run(db, events.add_event("Strike", "2024-11-19", tags=["strikes"], entities=["Bryansk"]))
    source_id = ops.run(db, sources.add_source({"type": "article-newspaper", "title": "Report"}, "2024-11-20",
                                               full_text="Missiles hit a depot in Bryansk."))
    ops.run(db, citations.add_citation(event_id, source_id, quote="Missiles hit a depot", stance="supports"))
    delete = events.delete_events([event_id])
    delete.do(db)
    assert events.count_events(db) == 0
    for table in ("event_tags", "event_entities", "citations"):
        assert db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    delete.undo(db)
    event = event_row(db, event_id)
    assert event["tags"] == ["strikes"] and event["entities"] == ["Bryansk"]
    assert [c["quote"] for c in event["citations"]] == ["Missiles hit a depot"]
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_first_reported_is_the_earliest_issued_date_of_citing_sources(db):
    event_id = ops.run(db, events.add_event("Strike", "2024-11-19"))
    late = ops.run(db, sources.add_source({"title": "Later"}, "2024-11-21"))
    early = ops.run(db, sources.add_source({"title": "Earlier"}, "2024-11-19"))
    ops.run(db, citations.add_citation(event_id, late))
    assert event_row(db, event_id)["first_reported_edtf"] == "2024-11-21"
    cite = citations.add_citation(event_id, early)
    cite.do(db)
    assert event_row(db, event_id)["first_reported_edtf"] == "2024-11-19"
    cite.undo(db)
    assert event_row(db, event_id)["first_reported_edtf"] == "2024-11-21"


def test_every_edit_writes_history_with_before_and_after(db):
    event_id = ops.run(db, events.add_event("Call", "2024-11-15"))
    ops.run(db, events.update_event(event_id, title="Phone call"))
    rows = db.conn.execute(
        "SELECT edit, action, before_json, after_json FROM history WHERE table_name = 'events' ORDER BY id").fetchall()
    assert rows[0][1] == "create" and json.loads(rows[0][3])["title"] == "Call"
    update = [r for r in rows if r[1] == "update"][0]
    assert json.loads(update[2])["title"] == "Call" and json.loads(update[3])["title"] == "Phone call"
    ops.run(db, events.delete_events([event_id]))
    deleted = db.conn.execute(
        "SELECT before_json FROM history WHERE action = 'delete' AND table_name = 'events'").fetchone()
    assert json.loads(deleted[0])["title"] == "Phone call"


def test_merge_entities_moves_links_and_keeps_names_as_aliases(db):
    scholz = ops.run(db, entities.add_entity("Olaf Scholz", "person", aliases=("Scholz",)))
    typo = ops.run(db, entities.add_entity("Olaf Scholtz", "person"))
    event_id = ops.run(db, events.add_event("Call", "2024-11-15", entities=["Olaf Scholtz"]))
    merge = entities.merge_entities(scholz, typo)
    merge.do(db)
    assert event_row(db, event_id)["entities"] == ["Olaf Scholz"]
    assert entities.find_entity(db, "olaf scholtz") == scholz
    merge.undo(db)
    assert event_row(db, event_id)["entities"] == ["Olaf Scholtz"]


def test_constraints_hold_at_the_database_level(db):
    ops.run(db, events.add_event("Call", "2024-11-15"))
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute("INSERT INTO citations (event_id, source_id) VALUES (1, 999)")
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute("INSERT INTO sources (title, reliability) VALUES ('x', 'Z')")
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute("INSERT INTO entities (name, kind) VALUES ('x', 'planet')")
    db.conn.rollback()


def test_day_counts_follow_inserts_moves_and_deletes(db):
    a = ops.run(db, events.add_event("A", "2024-11-15"))
    ops.run(db, events.add_event("B", "2024-11-15"))
    counts = lambda: dict(db.conn.execute("SELECT day, n FROM event_day_counts").fetchall())  # noqa: E731
    day = 1731628800 // 86400
    assert counts() == {day: 2}
    ops.run(db, events.update_event(a, date_edtf="2024-11-16"))
    assert counts() == {day: 1, day + 1: 1}
    ops.run(db, events.delete_events([a]))
    assert counts() == {day: 1}
    assert events.count_events(db) == 1  # the total is summed from these counts
    ops.run(db, events.add_event("C", "1066-10-14"))
    assert events.count_events(db) == db.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_history_has_one_row_per_record_an_edit_touched(db):
    event_id = ops.run(db, events.add_event("Call", "2024-11-15", tags=["diplomacy"]))
    ops.run(db, events.update_event(event_id, title="Phone call"))
    rows = db.conn.execute("SELECT edit, action, table_name, before_json, after_json FROM history "
                           "WHERE table_name = 'events' ORDER BY id").fetchall()
    # the title edit and the modified_at the touch trigger then set are one update, not two rows
    assert [(edit, action) for edit, action, *_ in rows] == [("Add event “Call”", "create"), ("Edit event", "update")]
    before, after = json.loads(rows[1][3]), json.loads(rows[1][4])
    assert (before["title"], after["title"]) == ("Call", "Phone call")
    assert after["modified_at"] >= before["modified_at"]
    tags = db.conn.execute("SELECT action FROM history WHERE table_name IN ('tags', 'event_tags')").fetchall()
    assert sorted(tags) == [("create",), ("create",)]


def test_the_change_log_is_installed_once_per_connection(db):
    from db import change_log

    ops.run(db, events.add_event("First", "2024"))
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        ops.run(db, events.add_event("Second", "2024"))
    finally:
        db.conn.set_trace_callback(None)
    assert not [s for s in statements if "CREATE TEMP" in s or "table_info" in s]
    assert change_log.take(db) == []
