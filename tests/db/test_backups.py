"""Backups: taken with the online backup API, rotated, listed with counts, restorable — even over a
damaged project."""
import sqlite3
from types import SimpleNamespace

import pytest

from db import backups, events, ops
from db.errors import ProjectFileError
from db.store import create_project, open_project
from desktop_app.cli import main


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.sourceline"
    db = create_project(path)
    ops.run(db, events.add_event("Call", "2024-11-15"))
    db.close()
    return path


def test_backups_rotate_and_list_newest_first_with_counts(project):
    db = open_project(project)
    for i in range(5):
        ops.run(db, events.add_event(f"Event {i}", "2024"))
        backups.make_backup(db, project, "manual", keep=3)
    db.close()
    found = backups.list_backups(project)
    assert len(found) == 3
    assert [b.counts["events"] for b in found] == [6, 5, 4]
    assert all(sqlite3.connect(b.path).execute("PRAGMA integrity_check").fetchone()[0] == "ok" for b in found)


def test_restore_brings_back_the_old_content_and_keeps_the_current_one_as_a_backup(project):
    db = open_project(project)
    backups.make_backup(db, project, "manual")
    ops.run(db, events.delete_events([1]))
    db.close()
    backups.restore(backups.list_backups(project)[0].path, project)
    db = open_project(project)
    assert events.count_events(db) == 1
    db.close()
    assert backups.list_backups(project)[0].reason == "before-restore"


def test_restore_over_a_damaged_project_sets_the_damaged_file_aside(project, tmp_path):
    db = open_project(project)
    backups.make_backup(db, project, "manual")
    db.close()
    data = project.read_bytes()
    project.write_bytes(data[: len(data) // 2])  # cut short, as by a full disk or a bad copy
    with pytest.raises(ProjectFileError, match="damaged"):
        open_project(project)
    backups.restore(backups.list_backups(project)[0].path, project)
    db = open_project(project)
    assert events.count_events(db) == 1
    db.close()
    assert any(p.name.startswith("p.sourceline.damaged-") for p in tmp_path.iterdir())


def test_a_damaged_backup_is_refused(project, tmp_path):
    fake = tmp_path / "fake.sourceline"
    fake.write_text("not a database")
    with pytest.raises(ProjectFileError, match="damaged or not a project"):
        backups.restore(fake, project)


def test_no_backup_when_the_disk_is_nearly_full(project, monkeypatch):
    monkeypatch.setattr(backups.shutil, "disk_usage", lambda _: SimpleNamespace(total=10**9, used=10**9, free=1024))
    db = open_project(project)
    assert backups.make_backup(db, project, "manual") is None
    db.close()
    assert backups.list_backups(project) == []


def test_read_only_project_is_refused_with_a_clear_message_and_untouched(project):
    project.chmod(0o444)
    before = project.read_bytes()
    try:
        with pytest.raises(ProjectFileError, match="read-only"):
            open_project(project)
    finally:
        project.chmod(0o644)
    assert project.read_bytes() == before


def test_backup_and_restore_commands(project, capsys):
    assert main(["backup", "--db", str(project)]) == 0
    assert "backed up to" in capsys.readouterr().out
    db = open_project(project)
    ops.run(db, events.add_event("Later", "2025"))
    db.close()
    assert main(["backup", "--db", str(project), "--list"]) == 0
    assert "1 events" in capsys.readouterr().out
    assert main(["restore", "--db", str(project), "--latest"]) == 0
    db = open_project(project)
    assert events.count_events(db) == 1
    db.close()
    assert main(["restore", "--db", str(project), "/nonexistent.sourceline"]) == 1
    assert "no such backup" in capsys.readouterr().err


def test_a_backup_from_another_thread_reads_a_consistent_state_while_the_project_is_edited(project):
    """The window's on-open and daily backups read the file through a connection of their own."""
    import threading

    db = open_project(project)
    made = []
    # the edits run on this thread (the project's connection belongs to it); the copy in another
    copier = threading.Thread(target=lambda: made.append(backups.make_backup_of_file(project, "daily")))
    copier.start()
    for n in range(50):
        ops.run(db, events.add_event(f"Edit {n}", "2024"))
    copier.join(30)
    db.close()
    assert len(made) == 1 and made[0] is not None
    copy = sqlite3.connect(made[0].path)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*) FROM events").fetchone()[0] == made[0].counts["events"] >= 1
    copy.close()


def test_a_copy_left_half_written_is_removed_by_a_later_backup(project):
    import os
    import time

    folder = backups.backup_dir(project)
    folder.mkdir(parents=True)
    stale, fresh = folder / "old-on-open.partial", folder / "new-daily.partial"
    stale.write_bytes(b"half a copy")
    fresh.write_bytes(b"being written")
    long_ago = time.time() - 7 * 3600
    os.utime(stale, (long_ago, long_ago))
    db = open_project(project)
    backups.make_backup(db, project, "manual")
    db.close()
    assert not stale.exists() and fresh.exists()  # a recent one may still be being written


def _earlier_versions():
    from db import migrations
    from db.store import connect

    db = connect(":memory:")
    names = [m.name for m in migrations.migrations.pending(db)]
    db.close()
    return names


@pytest.mark.parametrize("stop", range(1, len(_earlier_versions())))
def test_opening_an_older_file_backs_it_up_before_migrating(tmp_path, stop):
    """The backup is taken synchronously, before the first migration step, and is the old file as
    it was: restorable by an older Sourceline."""
    from db import migrations
    from db.store import connect, schema_version

    path = tmp_path / "old.sourceline"
    db = connect(path)
    migrations.migrations.apply(db, stop_before=_earlier_versions()[stop])
    db.conn.execute("INSERT INTO events (title, date_edtf, start_s, end_s, date_precision)"
                    " VALUES ('Made by an older version', '1970-01-01', 0, 86400, 'day')")
    db.conn.commit()
    db.close()
    opened = open_project(path)
    assert schema_version(opened) == migrations.SCHEMA_VERSION
    opened.close()
    (made,) = backups.list_backups(path)
    assert made.reason == f"before-migration-from-v{stop}"
    copy = sqlite3.connect(made.path)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == stop
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*) FROM events").fetchone()[0] == made.counts["events"] == 1
    copy.close()


def test_a_bulk_source_import_from_the_command_line_is_backed_up_first(project, tmp_path, capsys):
    few, many = tmp_path / "few.bib", tmp_path / "many.bib"
    few.write_text("@book{one, title = {One book}, year = {2001}}\n")
    many.write_text("".join(f"@book{{k{n}, title = {{Book {n}}}, year = {{2001}}}}\n"
                            for n in range(backups.BULK_THRESHOLD + 1)))
    assert main(["import", "--db", str(project), str(few)]) == 0
    assert backups.list_backups(project) == []  # one source is no bulk import
    assert main(["import", "--db", str(project), str(many)]) == 0
    (made,) = backups.list_backups(project)
    assert made.reason == "before-import" and made.counts["sources"] == 1  # the state before it
