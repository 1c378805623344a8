"""Projects and CSV files for the dataset-import tests; backups go to ``tmp_path``."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from desktop_app.datasets import ACLED, DatasetImport

DATA = Path(__file__).resolve().parents[2] / "data" / "datasets"
# benchmarks/ (the CSV and project generators) lives in the checkout, not in the installed package
ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def db(empty_db):
    """The empty project, open (the tests here call it ``db``)."""
    return empty_db


def run_import(db, name_or_path, mapping=ACLED, **options):
    path = name_or_path if isinstance(name_or_path, Path) else DATA / name_or_path
    return DatasetImport(db, path, mapping, **options).run()


def event_by_id(db, external_id: str) -> dict:
    cursor = db.conn.execute("SELECT * FROM events WHERE external_id = ?", (external_id,))
    row = cursor.fetchone()
    assert row is not None, f"no event {external_id}"
    return dict(zip([d[0] for d in cursor.description], row))


def linked_names(db, event_id: int, table: str) -> set[str]:
    sql = {
        "tags": "SELECT t.name FROM event_tags x JOIN tags t ON t.id = x.tag_id WHERE x.event_id = ?",
        "entities": "SELECT n.name FROM event_entities x JOIN entities n ON n.id = x.entity_id WHERE x.event_id = ?",
        "sources": "SELECT s.title FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.event_id = ?",
    }[table]
    return {row[0] for row in db.conn.execute(sql, (event_id,))}


def fts_ids(db, words: str) -> set[int]:
    return {row[0] for row in db.conn.execute("SELECT rowid FROM events_fts WHERE events_fts MATCH ?", (words,))}


def assert_derived_data_consistent(path) -> None:
    """The day counts equal a recount, no event is longer than the longest span the range queries
    allow for, the search index matches the events, the file is sound."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        recount = conn.execute(
            "SELECT start_s / 86400 - (start_s % 86400 < 0) AS d, count(*) FROM events GROUP BY d ORDER BY d").fetchall()
        assert conn.execute("SELECT day, n FROM event_day_counts ORDER BY day").fetchall() == recount
        assert conn.execute("SELECT (SELECT max_span_s FROM event_span) >="
                            " (SELECT coalesce(max(end_s - start_s), 0) FROM events)").fetchone() == (1,)
        for fts in ("events_fts", "sources_fts", "annotations_fts"):
            conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def schema_sql(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    finally:
        conn.close()
