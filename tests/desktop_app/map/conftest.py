"""Projects of generated located events for the map's tests."""
from db import bulk
from db.store import create_project, write_transaction
from desktop_app.session import Session


def write_located(path, rows: list[tuple]) -> Session:
    """A new project at ``path`` holding ``rows`` of (title, EDTF, start, end, fuzzy start, fuzzy end,
    precision, latitude, longitude, uuid, created, modified), written by the bulk path the dataset
    importer uses (the map's index filled per id range)."""
    db = create_project(path)
    with write_transaction(db), bulk.derived_triggers_suspended(db):
        first = bulk.next_id(db, "events")
        db.conn.executemany(
            "INSERT INTO events (title, date_edtf, start_s, end_s, fuzzy_start_s, fuzzy_end_s, date_precision,"
            " latitude, longitude, uuid, created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        bulk.index_new_events(db, first, first + len(rows) - 1)
    return Session(db, path)
