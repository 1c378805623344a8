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


def _schema(db):
    """Every table, index, trigger and view with the SQL that makes it, and the steps applied."""
    objects = db.conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                              "WHERE name != '_sqlite_migrations' ORDER BY type, name").fetchall()
    steps = [name for (name,) in db.conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    return objects, steps, db.conn.execute("PRAGMA application_id").fetchone()[0]


# The steps that have shipped, by the names _sqlite_migrations records: a project file that has
# them applied must never see them renamed (it would run them again) or reordered.
SHIPPED_STEPS = [
    "m001_initial_schema", "m002_range_queries_and_first_reported_index", "m003_citation_dates_and_source_types",
    "m004_originals", "m005_pdf_pages_and_page_anchors", "m006_event_places", "m007_application_id",
    "m008_authors", "m009_exchange", "m010_eras", "m011_source_places_and_image_regions", "m012_era_authors",
]


def test_the_shipped_steps_keep_their_names_and_order():
    names = _pending_names(":memory:")
    assert names[:len(SHIPPED_STEPS)] == SHIPPED_STEPS
    assert len(names) == migrations.SCHEMA_VERSION


@pytest.mark.parametrize("stop", range(1, len(_pending_names(":memory:"))))
def test_an_old_file_migrates_to_the_schema_a_new_project_has(tmp_path, stop):
    fresh = create_project(tmp_path / "new.sourceline")
    path = tmp_path / "old.sourceline"
    old = connect(path)
    migrations.migrations.apply(old, stop_before=_pending_names(path)[stop])
    old.close()
    upgraded = open_project(path)
    assert _schema(upgraded) == _schema(fresh)
    assert schema_version(upgraded) == schema_version(fresh) == migrations.SCHEMA_VERSION
    upgraded.close()
    fresh.close()


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
