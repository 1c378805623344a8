import sqlite3

import pytest

from db import migrations
from db.errors import ProjectFileError
from db.store import connect, create_project, open_project, schema_version


def test_a_new_project_is_wal_with_foreign_keys_and_the_current_schema(tmp_path):
    db = create_project(tmp_path / "p.sourceline")
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert schema_version(db) == migrations.SCHEMA_VERSION
    for table in ("events", "sources", "source_creators", "annotations", "citations", "entities",
                  "entity_aliases", "tags", "event_tags", "event_entities", "history"):
        assert db.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone(), table


def _pending_names(path):
    db = connect(path)
    names = [m.name for m in migrations.migrations.pending(db)]
    db.close()
    return names


@pytest.mark.parametrize("stop", range(len(_pending_names(":memory:"))))
def test_a_file_at_every_earlier_version_migrates_to_the_current_one(tmp_path, stop):
    path = tmp_path / "old.sourceline"
    names = _pending_names(path)
    db = connect(path)
    migrations.migrations.apply(db, stop_before=names[stop])
    earlier = schema_version(db)
    db.close()
    assert earlier == stop
    db = open_project(path)
    assert schema_version(db) == migrations.SCHEMA_VERSION
    assert migrations.migrations.pending(db) == []
    db.close()


def test_existing_file_is_refused_by_create(tmp_path):
    path = tmp_path / "p.sourceline"
    create_project(path).close()
    with pytest.raises(ProjectFileError, match="already exists"):
        create_project(path)


def _run_sql(path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


def _refused_untouched(path, words: str) -> None:
    """Opening ``path`` is refused with ``words`` in the message, and the file is as it was."""
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match=words):
        open_project(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sourceline"
    path.write_text("Dear diary, today I wrote no SQL.")
    _refused_untouched(path, "not a Sourceline project")


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    _run_sql(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    _refused_untouched(path, "not a Sourceline project")


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sourceline"
    create_project(path).close()
    _run_sql(path, f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    _refused_untouched(path, "newer Sourceline")


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ProjectFileError, match="no such project file"):
        open_project(tmp_path / "nope.sourceline")
