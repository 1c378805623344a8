"""db.bulk: stamps, suspended triggers, and derived data filled in bulk exactly as the triggers
would have filled it row by row."""
from __future__ import annotations

import re
import uuid

import pytest

from db import bulk, dates, ops
from db.events import add_event, update_event
from db.store import create_project, write_transaction
from tests.desktop_app.datasets.conftest import assert_derived_data_consistent, fts_ids, schema_sql

DAYS = ("2024-11-19", "1969-12-31", "2024-11-19", "1850-02-28", "2024-11", "2022-21", "2024-11-18~", "2024-11-18/2024-11-21")


def test_record_stamps_are_time_ordered_uuid7_and_store_timestamps():
    stamps = bulk.RecordStamps()
    made = stamps.uuids(5_000)
    assert len(set(made)) == len(made) and made == sorted(made)
    parsed = [uuid.UUID(u) for u in made]
    assert {u.version for u in parsed} == {7} and {u.variant for u in parsed} == {uuid.RFC_4122}
    assert abs((parsed[0].int >> 80) / 1000 - __import__("time").time()) < 60  # milliseconds since 1970
    assert bulk.RecordStamps().uuid() > made[-1]  # a later import sorts after
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", stamps.now)


def test_triggers_are_suspended_only_inside_a_transaction_and_come_back(tmp_path):
    path = tmp_path / "p.sourceline"
    db = create_project(path)
    before = schema_sql(path)
    with pytest.raises(RuntimeError):
        with bulk.derived_triggers_suspended(db):
            pass
    with write_transaction(db), bulk.derived_triggers_suspended(db):
        names = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert not names & set(bulk.DERIVED_INSERT_TRIGGERS)
    assert schema_sql(path) == before
    with pytest.raises(ZeroDivisionError):
        with write_transaction(db), bulk.derived_triggers_suspended(db):
            1 / 0
    assert schema_sql(path) == before
    db.close()


def plain_indexes(db) -> set[str]:
    return {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                                          " AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ('events', 'citations')")}


def test_deferred_indexes_are_dropped_inside_and_back_after_a_commit_or_a_rollback(tmp_path):
    path = tmp_path / "p.sourceline"
    db = create_project(path)
    ops.run(db, add_event("Kept", "2024-11-19"))
    before, dropped = schema_sql(path), plain_indexes(db)
    assert {"events_by_start", "events_by_title", "citations_by_event"} <= dropped
    with pytest.raises(RuntimeError):
        with bulk.DeferredIndexes(db, ("events",)):
            pass
    with write_transaction(db), bulk.DeferredIndexes(db, ("events", "citations")):
        assert plain_indexes(db) == set()
        unique = db.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'events_by_external_id'")
        assert unique.fetchone() == (1,)  # a constraint, kept
        db.conn.execute("INSERT INTO events (title, date_edtf, start_s, end_s, date_precision)"
                        " VALUES ('Bulk', '2024-11-20', 1732060800, 1732147200, 'day')")
    assert schema_sql(path) == before
    # the rebuilt index holds the row written while it was away
    assert db.conn.execute("SELECT title FROM events INDEXED BY events_by_title WHERE title = 'bulk'"
                           " COLLATE NOCASE").fetchall() == [("Bulk",)]
    with pytest.raises(ZeroDivisionError):
        with write_transaction(db), bulk.DeferredIndexes(db, ("events",)):
            1 / 0
    assert schema_sql(path) == before
    with write_transaction(db), bulk.DeferredIndexes(db, ("events",)) as deferred:
        deferred.restore()  # a writer that needs them for lookups gets them back at once
        assert plain_indexes(db) == dropped
    assert schema_sql(path) == before
    db.close()


def test_bulk_filled_derived_data_equals_what_the_triggers_make(tmp_path):
    by_triggers = create_project(tmp_path / "a.sourceline")
    for n, day in enumerate(DAYS):
        ops.run(by_triggers, add_event(f"Event {n} near Kherson", day, description=f"note {n}"))
    in_bulk = create_project(tmp_path / "b.sourceline")
    stamps = bulk.RecordStamps()
    with write_transaction(in_bulk), bulk.derived_triggers_suspended(in_bulk):
        first = bulk.next_id(in_bulk, "events")
        rows = []
        for n, day in enumerate(DAYS):
            b = dates.bounds(day)
            rows.append((first + n, f"Event {n} near Kherson", f"note {n}", day, b.start, b.end, b.fuzzy_start,
                         b.fuzzy_end, b.precision, stamps.uuid(), stamps.now, stamps.now))
        in_bulk.conn.executemany(
            "INSERT INTO events (id, title, description, date_edtf, start_s, end_s, fuzzy_start_s, fuzzy_end_s,"
            " date_precision, uuid, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        bulk.index_new_events(in_bulk, first, first + len(rows) - 1)
    for db in (by_triggers, in_bulk):
        assert fts_ids(db, '"Kherson"') == set(range(1, len(DAYS) + 1))
    counts = "SELECT day, n FROM event_day_counts ORDER BY day"
    assert in_bulk.conn.execute(counts).fetchall() == by_triggers.conn.execute(counts).fetchall()
    span = "SELECT max_span_s FROM event_span"
    assert in_bulk.conn.execute(span).fetchone() == by_triggers.conn.execute(span).fetchone() == (92 * 86400,)  # spring 2022
    # later edits go through the normal triggers and keep the bulk-filled data right
    ops.run(in_bulk, update_event(2, title="Renamed in Odesa", date_edtf="2001-01-01"))
    assert fts_ids(in_bulk, '"Odesa"') == {2} and 2 not in fts_ids(in_bulk, '"Kherson"')
    by_triggers.close()
    in_bulk.close()
    assert_derived_data_consistent(tmp_path / "b.sourceline")


def test_unlogged_writes_leave_no_history_and_the_log_records_again_after(tmp_path):
    db = create_project(tmp_path / "p.sourceline")
    ops.run(db, add_event("Logged", "2024-01-01"))  # installs the change log on this connection
    with write_transaction(db), bulk.unlogged(db):
        db.conn.execute("INSERT INTO events (title, date_edtf, start_s, end_s, date_precision) "
                        "VALUES ('Not logged', '2024', 0, 1, 'year')")
    assert db.conn.execute("SELECT count(*) FROM temp.change_log").fetchone()[0] == 0
    ops.run(db, add_event("Logged too", "2024-01-02"))
    edits = [r[0] for r in db.conn.execute("SELECT edit FROM history WHERE table_name = 'events'")]
    assert edits == ["Add event “Logged”", "Add event “Logged too”"]
    db.close()
