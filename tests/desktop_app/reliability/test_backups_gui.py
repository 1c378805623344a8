"""Backups while the window is open: on opening (at most hourly), daily when edited, before a bulk
delete; the last N kept; File → Restore from Backup… lists them and restores one."""
import json
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db import backups, events
from desktop_app.main_window.window import MainWindow
from desktop_app.reliability import backup_schedule
from desktop_app.reliability.restore_dialog import RestoreDialog


def age(backup, hours):
    """Pretend ``backup`` was made ``hours`` ago (its note says when)."""
    note = backup.path.with_suffix(".json")
    data = json.loads(note.read_text())
    data["created"] = (datetime.now(timezone.utc) - timedelta(hours=hours)).isoformat()
    note.write_text(json.dumps(data))


def open_window(qtbot, session, settings):
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_opening_backs_up_at_most_hourly(qtbot, window, project, settings):
    qtbot.waitUntil(lambda: len(backups.list_backups(project)) == 1)
    made = backups.list_backups(project)[0]
    assert made.reason == "on-open" and made.counts["events"] == 5 and made.counts["citations"] == 2
    path = window.session.path
    window.project_files.close_action.trigger()
    window.project_files.open_path(path)
    qtbot.wait(10)
    assert len(backups.list_backups(project)) == 1  # reopened within the hour: no second copy
    age(made, hours=2)
    window.project_files.close_action.trigger()
    window.project_files.open_path(path)
    qtbot.waitUntil(lambda: len(backups.list_backups(project)) == 2)


def test_a_backup_every_half_hour_of_editing_only_after_edits(qtbot, window, project):
    schedule = window.backup_schedule
    qtbot.waitUntil(lambda: len(backups.list_backups(project)) == 1)
    assert schedule.timer.isActive() and schedule.timer.interval() == backup_schedule.CHECK_EVERY_MS
    age(backups.list_backups(project)[0], hours=1)
    assert schedule.periodic_check() is None  # nothing changed since
    window.session.push(events.add_event("Edited today", "2025-01-02"))
    made = schedule.periodic_check().wait(30)
    assert made.reason == "while-editing" and made.counts["events"] == 6
    window.session.push(events.add_event("Edited again at once", "2025-01-03"))
    assert schedule.periodic_check() is None  # the newest is fresh now
    window.project_files.close_action.trigger()
    assert not schedule.timer.isActive()


def test_closing_after_edits_leaves_a_backup_of_them_even_when_reopened_within_the_hour(qtbot, window, project):
    """Issue 14: reopening within the hour took no backup, so after an hour of edits the only backup
    could be the empty first one."""
    schedule = window.backup_schedule
    qtbot.waitUntil(lambda: len(backups.list_backups(project)) == 1)
    schedule.running.wait(30)
    path = window.session.path
    window.project_files.close_action.trigger()  # closed without edits: no copy
    assert schedule.running is None or schedule.running.wait(30) is None or len(backups.list_backups(project)) == 1
    assert len(backups.list_backups(project)) == 1
    window.project_files.open_path(path)
    for n in range(3):
        window.session.push(events.add_event(f"An hour of work, edit {n}", "2025-01-02"))
    window.project_files.close_action.trigger()
    made = schedule.running.wait(30)
    assert made.reason == "on-close" and made.counts["events"] == 8
    assert [b.reason for b in backups.list_backups(project)] == ["on-close", "on-open"]


def test_keep_count_comes_from_the_environment_then_the_settings(settings, monkeypatch):
    assert backup_schedule.keep_count(settings) == backups.DEFAULT_KEEP
    settings.setValue(backup_schedule.KEEP_SETTING, "3")
    assert backup_schedule.keep_count(settings) == 3
    monkeypatch.setenv(backup_schedule.KEEP_ENV, "5")
    assert backup_schedule.keep_count(settings) == 5
    monkeypatch.setenv(backup_schedule.KEEP_ENV, "lots")
    assert backup_schedule.keep_count(settings) == 3
    settings.setValue(backup_schedule.KEEP_SETTING, "0")
    assert backup_schedule.keep_count(settings) == 1  # never zero: the newest backup stays


def test_only_the_last_n_are_kept(qtbot, session, settings, project):
    settings.setValue(backup_schedule.KEEP_SETTING, 2)
    for n in range(4):
        session.push(events.add_event(f"Edit {n}", "2025"))
        backup_schedule.back_up(session, "daily", settings)
    kept = backups.list_backups(project)
    assert [b.counts["events"] for b in kept] == [9, 8]


def test_a_bulk_delete_is_backed_up_first(session, project):
    ids = [session.push(events.add_event(f"Bulk {n}", "2025")) for n in range(backup_schedule.BULK_DELETE_THRESHOLD + 1)]
    assert backup_schedule.before_bulk_delete(session, backup_schedule.BULK_DELETE_THRESHOLD) is None
    made = backup_schedule.before_bulk_delete(session, len(ids))
    assert made.reason == "before-bulk-delete" and made.counts["events"] == 5 + len(ids)


def test_a_backup_that_cannot_be_made_does_not_stop_work(session, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "backups").write_text("a file where the backup folder should be")
    assert backup_schedule.back_up(session, "daily") is None
    session.push(events.add_event("Still editing", "2025"))


def test_the_restore_dialog_lists_backups_newest_first(qtbot, session, project):
    dialog = RestoreDialog(project)
    qtbot.addWidget(dialog)
    assert dialog.empty.isVisibleTo(dialog) and not dialog.restore_button.isEnabled()
    backups.make_backup(session.db, project, "before-import")
    session.push(events.add_event("More", "2025"))
    backups.make_backup(session.db, project, "before-migration-from-v3")
    dialog = RestoreDialog(project)
    qtbot.addWidget(dialog)
    rows = [[dialog.table.topLevelItem(r).text(c) for c in range(7)] for r in range(dialog.table.topLevelItemCount())]
    # the current file first, to compare with
    assert [r[1] for r in rows] == ["The current file", "Before upgrading the file (from version 3)", "Before an import"]
    assert [r[2] for r in rows] == ["6", "6", "5"] and [r[5] for r in rows] == ["2", "2", "2"]
    assert dialog.chosen().reason == "before-migration-from-v3"


def accept_restore_dialog(row):
    def act():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        dialog.table.setCurrentItem(dialog.table.topLevelItem(row + 1))  # row 0: the current file
        dialog.restore_button.click()
    QTimer.singleShot(0, act)


def test_restore_from_the_file_menu_closes_restores_and_reopens(qtbot, window, project):
    qtbot.waitUntil(lambda: len(backups.list_backups(project)) == 1)
    old_session = window.session
    for n in range(3):
        old_session.push(events.add_event(f"After the backup {n}", "2025"))
    action = window.named_actions["restore_backup"]
    assert action in window.menus["file"].actions() and action.isEnabled()
    accept_restore_dialog(0)
    action.trigger()
    qtbot.waitUntil(lambda: window.session is not old_session and window.session is not None)
    assert window.session.path == project
    assert events.count_events(window.session.db) == 5
    assert window.session.undo_stack.count() == 0
    reasons = [b.reason for b in backups.list_backups(project)]
    assert "before-restore" in reasons  # the state before the restore can be had back
    before_restore = next(b for b in backups.list_backups(project) if b.reason == "before-restore")
    assert before_restore.counts["events"] == 8
    window.project_files.close_action.trigger()
    assert not action.isEnabled()


def test_deleting_many_events_in_the_window_backs_up_first(qtbot, window, project, message_boxes):
    from db.ops import Op

    window.session.push(Op("Many", lambda db: [events.insert_event(db, f"Bulk {n}", "2025")
                                               for n in range(backup_schedule.BULK_DELETE_THRESHOLD + 20)]))
    page = window.show_page("Timeline")
    page.list.table.selectAll()
    count = events.count_events(window.session.db)
    page.delete_selected()
    assert message_boxes[0][:2] == ("question", "Delete events")
    assert events.count_events(window.session.db) == 0
    made = [b for b in backups.list_backups(project) if b.reason == "before-bulk-delete"]
    assert len(made) == 1 and made[0].counts["events"] == count


def test_the_backup_on_opening_copies_in_the_background(qtbot, session, settings, project, monkeypatch):
    """A large project takes seconds to copy: the window paints and answers meanwhile."""
    import threading

    release, started = threading.Event(), threading.Event()
    real = backups.make_backup_of_file

    def slow_copy(*args, **kwargs):
        started.set()
        assert release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(backups, "make_backup_of_file", slow_copy)
    window = open_window(qtbot, session, settings)
    qtbot.waitUntil(started.is_set)
    ticks = []
    timer = QTimer(window, interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop turns while the copy waits
    assert window.backup_schedule.running.running() and backups.list_backups(project) == []
    assert window.backup_schedule.backup_on_open(session) is None  # one copy at a time
    release.set()
    made = window.backup_schedule.running.wait(30)
    assert made.reason == "on-open" and backups.list_backups(project)[0].path == made.path


def test_imports_in_the_window_are_backed_up_first(qtbot, window, project, tmp_path):
    """The backups before an import are taken on the spot, by the import's worker, before it writes:
    every dataset import, and a source import of more than BULK_THRESHOLD sources."""
    from desktop_app import datasets_ui
    from desktop_app.datasets.csv_file import CsvFile
    from desktop_app.datasets.mapping import guess_mapping
    from desktop_app.importing import plan_import
    from desktop_app.sources.import_flow import start_import

    qtbot.waitUntil(lambda: len(backups.list_backups(project)) == 1)  # the one on opening
    session = window.session

    def before_import():
        return [b for b in backups.list_backups(project) if b.reason == "before-import"]

    def run(runner):
        with qtbot.waitSignal(runner.finished, timeout=30_000):
            pass

    few, many = tmp_path / "few.bib", tmp_path / "many.bib"
    few.write_text("@book{one, title = {One book}, year = {2001}}\n")
    many.write_text("".join(f"@book{{k{n}, title = {{Book {n}}}, year = {{2001}}}}\n"
                            for n in range(backups.BULK_THRESHOLD + 1)))
    run(start_import(window, session, plan_import([few], session.db), {}))
    assert before_import() == []  # one source is no bulk import
    run(start_import(window, session, plan_import([many], session.db), {}))
    (made,) = before_import()
    assert made.counts["sources"] == 2 and made.counts["events"] == 5  # the project as it was before
    path = tmp_path / "events.csv"
    path.write_text("date,title\n2024-11-20,One event\n2024-11-21,Another\n")
    csv_file = CsvFile.open(path)
    run(datasets_ui.start_import(window, session, csv_file, guess_mapping(csv_file.header), "skip"))
    newest = before_import()[0]
    assert newest.counts["events"] == 5 and newest.counts["sources"] == 2 + backups.BULK_THRESHOLD + 1
    assert events.count_events(session.db) == 7


QUIT_MID_BACKUP = """
import sys, threading, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from db import backups
from desktop_app.app import make_application, run_gui
from desktop_app.main_window.window import MainWindow

copying = threading.Event()
real = backups._backup

class SlowCopy:
    # the project's read-only connection, copied a page at a time, slowly
    def __init__(self, conn):
        self.conn = conn
    def backup(self, target):
        def progress(status, remaining, total):
            copying.set()
            time.sleep(0.05)
        self.conn.backup(target, pages=1, progress=progress)
    def __getattr__(self, name):
        return getattr(self.conn, name)

backups._backup = lambda source, *args, **kwargs: real(SlowCopy(source), *args, **kwargs)
app = make_application()

def close_when_copying():
    if not copying.is_set():
        QTimer.singleShot(10, close_when_copying)
        return
    print("CLOSING", flush=True)
    next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)).close()

QTimer.singleShot(0, close_when_copying)
code = run_gui(sys.argv[1])
print("CODE", code, flush=True)
"""


def test_quitting_mid_backup_leaves_the_project_and_the_backups_intact(project, tmp_path, data_dir):
    """The on-open backup copies in a daemon thread the application does not wait for: closing the
    window while it copies quits at once, the project is whole, and no half copy passes for a backup."""
    import os
    import sqlite3
    import subprocess
    import sys
    import time
    from pathlib import Path

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c")}
    done = subprocess.run([sys.executable, "-c", QUIT_MID_BACKUP, str(project)], cwd=Path(__file__).resolve().parents[3],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.split() == ["CLOSING", "CODE", "0"], done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    conn = sqlite3.connect(project)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 5
    conn.close()
    folder = backups.backup_dir(project)
    assert backups.list_backups(project) == []  # the copy cut short is not listed, nor restorable
    left = list(folder.iterdir())
    assert {p.suffix for p in left} <= {".partial", ".partial-journal"} and left
    hours_ago = time.time() - 7 * 3600
    for path in left:
        os.utime(path, (hours_ago, hours_ago))
    made = backups.make_backup_of_file(project, "on-open")  # a later backup clears what was left
    assert made is not None and made.counts["events"] == 5
    assert sorted(p.name for p in folder.iterdir()) == sorted([made.path.name, made.path.with_suffix(".json").name])
