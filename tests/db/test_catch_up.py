"""What another program changed, told from the history it wrote and the ids it took."""
from db import catch_up, ops
from db.change_log import LOGGED_TABLES
from db.events import add_event, delete_events, update_event
from db.sources import add_source
from db.store import open_project


def test_edits_through_ops_are_told_row_by_row(db, tmp_path):
    kept = ops.run(db, add_event("Kept", "2024"))
    gone = ops.run(db, add_event("Gone", "2024"))
    mark = catch_up.mark(db)
    other = open_project(tmp_path / "project.sourceline")  # another program on the same file
    try:
        ops.run(other, update_event(kept, title="Renamed", tags=["x"]))
        ops.run(other, delete_events([gone]))
        added = ops.run(other, add_event("Added", "2025"))
    finally:
        other.close()
    rows, mark = catch_up.changes_since(db, mark)
    assert rows["events"] == {kept, gone, added}
    assert rows["event_tags"] == frozenset() and "tags" in rows  # link rows: which ones unknown
    assert "sources" not in rows and "annotations" not in rows


def test_rows_added_without_history_are_told_as_unknown(db):
    ops.run(db, add_event("Before", "2024"))
    mark = catch_up.mark(db)
    db.conn.execute("INSERT INTO events (title, date_edtf, start_s, end_s, date_precision) "
                    "VALUES ('bulk', '2024', 0, 1, 'year')")  # as a bulk import writes: no history
    if db.conn.in_transaction:
        db.conn.commit()
    ops.run(db, add_source({"title": "With history"}))
    rows, _ = catch_up.changes_since(db, mark)
    assert rows["events"] == frozenset() and len(rows["sources"]) == 1


def test_a_commit_nothing_explains_is_told_as_every_table(db):
    event_id = ops.run(db, add_event("Before", "2024"))
    mark = catch_up.mark(db)
    db.conn.execute("UPDATE events SET description = 'from the sqlite3 shell' WHERE id = ?", (event_id,))
    if db.conn.in_transaction:
        db.conn.commit()
    rows, _ = catch_up.changes_since(db, mark)
    assert rows == {table: frozenset() for table in LOGGED_TABLES}
