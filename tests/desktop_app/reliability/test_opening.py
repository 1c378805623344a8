"""Bad project files in the window: each is explained, none is modified; a damaged one with
backups is offered a restore — on opening, and when the damage shows while working."""
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db import backups, events, ops
from db.ops import Op
from db.store import open_project
from desktop_app.reliability.opening import is_damaged, open_or_explain
from desktop_app.reliability.restore_dialog import RestoreDialog
from tests.desktop_app.reliability.conftest import fingerprint

ROOT = Path(__file__).resolve().parents[3]


def not_sqlite(path, project):
    path.write_text("Meeting notes, not a project\n" * 50)


def cut_short(path, project):
    shutil.copyfile(project, path)
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def read_only(path, project):
    shutil.copyfile(project, path)
    path.chmod(0o444)


def newer(path, project):
    shutil.copyfile(project, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()


def other_database(path, project):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()


def garble(path, offset_pages=2, pages=6):
    with path.open("r+b") as handle:
        handle.seek(4096 * offset_pages)
        handle.write(os.urandom(4096 * pages))


@pytest.mark.parametrize("make, says", [
    (not_sqlite, "not a Sourceline project"),
    (cut_short, "damaged"),
    (read_only, "read-only"),
    (newer, "newer Sourceline"),
    (other_database, "not a Sourceline project"),
])
def test_a_bad_file_is_explained_and_left_untouched(qapp, tmp_path, project, message_boxes, make, says):
    path = tmp_path / "bad.sourceline"
    make(path, project)
    before = fingerprint(path)
    assert open_or_explain(None, path) is None
    assert [m[:2] for m in message_boxes] == [("warning", "Cannot open project")]
    assert says in message_boxes[0][2] and str(path) in message_boxes[0][2]
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("bad")) == ["bad.sourceline"]


def damaged_copy_with_backup(tmp_path, project):
    """A project with one backup (5 events), then an edit, then garbled on disk."""
    path = tmp_path / "work.sourceline"
    shutil.copyfile(project, path)
    db = open_project(path)
    backups.make_backup(db, path, "on-open")
    db.conn.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
    db.conn.commit()
    db.close()
    garble(path)
    return path


def choose_first_backup(attempts=300):
    """Click Restore in the restore dialog (the newest backup is selected) once it is open."""
    def act(left):
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RestoreDialog):
            dialog.restore_button.click()
        elif left:
            QTimer.singleShot(10, lambda: act(left - 1))
    QTimer.singleShot(0, lambda: act(attempts))


def test_a_damaged_file_with_backups_is_offered_a_restore(qapp, tmp_path, project, message_boxes):
    path = damaged_copy_with_backup(tmp_path, project)
    assert is_damaged(path)
    choose_first_backup()
    db = open_or_explain(None, path)
    assert message_boxes[0][:2] == ("question", "The project file is damaged")
    assert db is not None and events.count_events(db) == 5
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1  # the damaged file is set aside, not deleted


def test_declining_the_restore_leaves_the_damaged_file_alone(qapp, tmp_path, project, message_boxes):
    path = damaged_copy_with_backup(tmp_path, project)
    before = fingerprint(path)
    message_boxes.answer = message_boxes.answer.No
    assert open_or_explain(None, path) is None
    assert fingerprint(path) == before


def test_a_healthy_or_foreign_file_is_not_called_damaged(tmp_path, project):
    assert not is_damaged(project)
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    assert not is_damaged(notes)  # never was a project of ours


@pytest.mark.qt_no_exception_capture
def test_damage_found_while_working_offers_a_restore(qtbot, tmp_path, project, settings, message_boxes, log_file):
    from desktop_app.main_window.window import MainWindow
    from desktop_app.reliability.crash_report import ExceptionHook
    from desktop_app.session import Session

    path = tmp_path / "work.sourceline"
    shutil.copyfile(project, path)
    db = open_project(path)
    # enough rows that the events table spans many pages
    ops.run(db, Op("Bulk", lambda db: [events.insert_event(db, f"Filler {n} " + "x" * 300, "2024") for n in range(400)]))
    backups.make_backup(db, path, "on-open")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    leaves = [n for (n,) in db.conn.execute("SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf'")]
    db.close()
    with path.open("r+b") as handle:  # garble the events' leaf pages only: the file still opens
        for page in leaves[len(leaves) // 2:]:
            handle.seek((page - 1) * 4096)
            handle.write(b"\xff" * 4096)
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    hook = ExceptionHook().install()
    hook.attach(window)
    try:
        window.set_session(Session(open_project(path), path))
        old = window.session
        told = []

        def choose_restore(left=500):
            box = window.damage_alarm.box
            if box is None:
                if left:
                    QTimer.singleShot(10, lambda: choose_restore(left - 1))
                return
            told.append(box.text())
            choose_first_backup()
            next(b for b in box.buttons() if b.text() == "Restore from Backup…").click()

        QTimer.singleShot(0, choose_restore)
        # the damage shows up in a slot, as it would in any view reading the events
        QTimer.singleShot(0, lambda: old.db.conn.execute("SELECT * FROM events").fetchall())
        qtbot.waitUntil(lambda: window.session is not None and window.session is not old, timeout=5000)
    finally:
        hook.uninstall()
    assert len(told) == 1 and "malformed" in told[0] and "Editing is stopped" in told[0]
    assert events.count_events(window.session.db) == 405
    assert window.session.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert hook.dialog is None  # damage is not reported as a bug
    window.set_session(None)


RUN_GUI = """
import sys
from PySide6.QtWidgets import QMessageBox
shown = []
QMessageBox.warning = lambda parent, title, text, *a: shown.append((title, text)) or QMessageBox.StandardButton.Ok
from desktop_app.app import run_gui
code = run_gui(sys.argv[1], quit_after_paint=True)
print("CODE", code)
print("SHOWN", shown)
"""


def test_the_command_line_shows_a_dialog_and_opens_the_window_without_the_file(tmp_path, project):
    path = tmp_path / "newer.sourceline"
    newer(path, project)
    before = fingerprint(path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "SOURCELINE_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", RUN_GUI, str(path)], capture_output=True, text=True, timeout=60,
                          env=env, cwd=ROOT)
    assert "CODE 0" in done.stdout, done.stderr
    assert "Cannot open project" in done.stdout and "newer Sourceline" in done.stdout
    assert fingerprint(path) == before
    log = (tmp_path / "data" / "logs" / "sourceline.log").read_text()
    assert "Refused to open" in log and str(path) in log


def test_file_open_in_the_window_offers_the_restore_too(qtbot, window, tmp_path, project, message_boxes, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    path = damaged_copy_with_backup(tmp_path, project)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    choose_first_backup()
    window.project_files.open_action.trigger()
    assert message_boxes[0][:2] == ("question", "The project file is damaged")
    assert window.session.path == path and events.count_events(window.session.db) == 5


@pytest.fixture
def older_project(tmp_path):
    """A project at schema v1, as the first Sourceline wrote it, with one event."""
    from db import migrations
    from db.store import connect

    path = tmp_path / "older.sourceline"
    db = connect(path)
    migrations.migrations.apply(db, stop_before=migrations.migrations.pending(db)[1].name)
    db.conn.execute("INSERT INTO events (title, date_edtf, start_s, end_s, date_precision)"
                    " VALUES ('Made by an older version', '1970-01-01', 0, 86400, 'day')")
    db.conn.commit()
    db.close()
    return path


@pytest.fixture
def backup_threads(monkeypatch):
    """The threads backups are made on."""
    import threading

    made_on = []
    real_backup = backups.make_backup
    monkeypatch.setattr(backups, "make_backup",
                        lambda *args, **kw: made_on.append(threading.current_thread()) or real_backup(*args, **kw))
    return made_on


def assert_migrated_off_the_gui_thread(db, path, backup_threads):
    import threading

    from db import migrations
    from db.store import is_older_project, schema_version

    assert backup_threads and threading.main_thread() not in backup_threads  # the backup ran in the worker
    assert schema_version(db) == migrations.SCHEMA_VERSION and not is_older_project(path)
    assert events.count_events(db) == 1
    assert [b.reason for b in backups.list_backups(path)] == ["before-migration-from-v1"]


def test_an_older_project_is_backed_up_and_migrated_off_the_gui_thread(window, older_project, backup_threads,
                                                                        tmp_path):
    from db.store import is_older_project

    assert is_older_project(older_project) and not is_older_project(tmp_path / "missing.sourceline")
    assert window.project_files.open_path(older_project)
    assert_migrated_off_the_gui_thread(window.session.db, older_project, backup_threads)


def test_at_start_up_too_an_older_project_is_migrated_off_the_gui_thread(qapp, older_project, backup_threads):
    db = open_or_explain(None, older_project)  # as `sourceline OLD.sourceline` opens it, before the window
    try:
        assert_migrated_off_the_gui_thread(db, older_project, backup_threads)
    finally:
        db.close()
