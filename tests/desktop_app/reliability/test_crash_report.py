"""An exception escaping a slot is logged to the rotating file, shown (a report for a bug, a plain
message for a busy project) and the application keeps running."""
import logging.handlers
import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from desktop_app.reliability import logs

pytestmark = pytest.mark.qt_no_exception_capture  # the hook under test must see the exceptions


def broken_slot():
    raise ZeroDivisionError("a bug in a slot")


def test_a_bug_in_a_slot_shows_a_copyable_report_and_the_app_keeps_running(qtbot, hook, log_file):
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible())
    report = hook.dialog.details.toPlainText()
    assert "ZeroDivisionError: a bug in a slot" in report and "broken_slot" in report
    assert "Python" in report and "SQLite" in report and "Qt" in report
    assert hook.dialog.details.isReadOnly()
    hook.dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report
    # still running: timers fire, the window takes edits
    fired = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired))
    assert hook.window.isVisible()
    logged = log_file.read_text()
    assert "Unhandled exception" in logged and "ZeroDivisionError: a bug in a slot" in logged


def test_the_same_bug_again_is_logged_but_shown_once(qtbot, hook, log_file):
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: hook.dialog is not None)
    first = hook.dialog
    QTimer.singleShot(0, broken_slot)
    qtbot.wait(20)
    assert hook.dialog is first
    assert log_file.read_text().count("ZeroDivisionError: a bug in a slot") == 2


def test_a_busy_project_gets_a_plain_message_not_a_report(qtbot, hook, message_boxes, log_file, tmp_path):
    # An OperationalError raised by SQLite itself carries its code; make one for real.
    holder = sqlite3.connect(tmp_path / "x.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    waiting = sqlite3.connect(tmp_path / "x.sqlite", timeout=0)
    QTimer.singleShot(0, lambda: waiting.execute("SELECT 1 FROM sqlite_master").fetchall())
    qtbot.waitUntil(lambda: bool(message_boxes))
    assert message_boxes[0][:2] == ("warning", "The project is busy")
    assert "Try again" in message_boxes[0][2]
    assert hook.dialog is None
    assert "busy: database is locked" in log_file.read_text()


def test_the_log_rotates(tmp_path):
    path = logs.setup_logging(tmp_path / "logs")
    try:
        handler = next(h for h in logs.log.handlers if isinstance(h, logging.handlers.RotatingFileHandler))
        assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUP_COUNT
        for n in range(logs.MAX_BYTES // 500 + 50):
            logs.log.info("line %d %s", n, "x" * 500)
        assert (tmp_path / "logs" / "sourceline.log.1").exists()
        assert path.stat().st_size <= logs.MAX_BYTES
    finally:
        for handler in list(logs.log.handlers):
            logs.log.removeHandler(handler)
            handler.close()


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert logs.setup_logging(blocker / "logs") is None
