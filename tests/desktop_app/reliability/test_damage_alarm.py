"""Damage found while working (issue 14, item 2 and item 5 in the window): told once per incident,
never inside itself; Escape closes it; its default button does nothing more; writing stops; the
restore offer shows each backup next to the current file, says what would be lost, and Return
never restores."""
from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from db import backups, events
from desktop_app.reliability.restore_dialog import RestoreDialog


def corrupt_error() -> sqlite3.DatabaseError:
    error = sqlite3.DatabaseError("database disk image is malformed")
    error.sqlite_errorcode = 11  # SQLITE_CORRUPT
    return error


def raise_in_slot(error):
    def slot():
        raise error
    return slot


@pytest.mark.qt_no_exception_capture
def test_damage_is_told_once_never_inside_itself_and_escape_closes_it(qtbot, window, hook):
    shown = []

    def answer():
        box = window.damage_alarm.box
        if box is None:
            QTimer.singleShot(10, answer)
            return
        shown.append((box.defaultButton().text(), box.escapeButton().text()))
        # the same damage again, seen by a view while the message is up: only logged
        hook(sqlite3.DatabaseError, corrupt_error(), None)
        QTimer.singleShot(0, lambda: qtbot.keyClick(box, Qt.Key.Key_Escape))

    QTimer.singleShot(0, answer)
    QTimer.singleShot(0, raise_in_slot(corrupt_error()))
    qtbot.waitUntil(lambda: bool(shown) and window.damage_alarm.box is None, timeout=5000)
    assert shown == [("Close", "Close")]
    assert window.damage_alarm.raised
    for _ in range(3):  # every later sign of it: no message, the status bar says so
        hook(sqlite3.DatabaseError, corrupt_error(), None)
    assert window.damage_alarm.box is None and len(shown) == 1
    assert "damaged" in window.statusBar().currentMessage()
    with pytest.raises(sqlite3.OperationalError) as refused:  # writing is stopped
        window.session.push(events.add_event("Written into a damaged file", "2024"))
    hook(sqlite3.OperationalError, refused.value, None)  # refused edits are only logged
    assert hook.dialog is None and window.damage_alarm.box is None


def test_the_restore_offer_compares_with_the_current_file_and_return_cancels(qtbot, session, project):
    backups.make_backup(session.db, project, "on-open")
    session.push(events.add_event("Added after the backup", "2025"))
    dialog = RestoreDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    now = dialog.table.topLevelItem(0)
    assert now.text(1) == "The current file" and now.text(2) == "6"
    assert dialog.table.topLevelItem(1).text(2) == "5"
    assert dialog.chosen() is not None and "loses 1 events" in dialog.loss.text()
    assert "backed up first" in dialog.loss.text()
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.isDefault() and not dialog.restore_button.isDefault()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert events.count_events(session.db) == 6


def test_restore_always_keeps_the_current_file_first(session, project, monkeypatch):
    made = backups.make_backup(session.db, project, "on-open")
    monkeypatch.setattr(backups.shutil, "disk_usage", lambda folder: type("U", (), {"free": 0})())
    from db.errors import ProjectFileError

    with pytest.raises(ProjectFileError, match="nothing was restored"):
        backups.restore(made.path, project)
    assert QApplication.instance() is not None and QMessageBox is not None
