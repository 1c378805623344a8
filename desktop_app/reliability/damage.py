"""The open project turns out damaged while working (SQLite said SQLITE_CORRUPT or SQLITE_NOTADB).

Once per incident — per project opened — writing stops (the session's connection is made
``query_only``, so no edit can write into a damaged file), the status bar says so for as long as
the project is open, and one message offers to check the project or to restore a backup. Every
later sign of the same damage, and every edit refused meanwhile, is only logged and shown in the
status bar: the message never comes back by itself, and never opens inside itself. Its default
button, and Escape or closing it, does nothing more.
"""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from db import backups
from db.store import stop_writing
from desktop_app.reliability.literal_text import literal
from desktop_app.reliability.logs import log

STOPPED = "The project file is damaged: editing is stopped. Tools → Check Project… says what is wrong."


class DamageAlarm(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.raised_for = None  # the session the alarm was raised for
        self.box: QMessageBox | None = None
        window.session_changed.connect(self._follow)

    def _follow(self, session) -> None:
        if session is not self.raised_for:
            self.raised_for = None

    @property
    def raised(self) -> bool:
        return self.raised_for is not None and self.raised_for is self.window.session

    def alarm(self, message: str) -> None:
        """Stop writing and tell the user, unless this project's damage was told already."""
        session = self.window.session
        if session is None:
            return
        if self.raised:
            log.info("Damage of %s, told already: %s", session.path.name, message)
            self.window.statusBar().showMessage(STOPPED)
            return
        self.raised_for = session
        log.warning("%s is damaged; editing stopped: %s", session.path, message)
        try:
            stop_writing(session.db)
        except sqlite3.Error as error:  # the connection itself failing says no more than the damage did
            log.warning("Could not stop writing to %s: %s", session.path, error)
        self.window.statusBar().showMessage(STOPPED)
        self._ask(session, message)

    def refused(self) -> bool:
        """Whether an edit was refused because writing was stopped (then it is only logged)."""
        if self.raised:
            self.window.statusBar().showMessage(STOPPED)
            return True
        return False

    def _ask(self, session, message: str) -> None:
        has_backups = bool(backups.list_backups(session.path))
        box = QMessageBox(QMessageBox.Icon.Warning, "The project file is damaged", "", parent=self.window)
        box.setText(literal(f"{message}\n\nEditing is stopped, so nothing more is written into the damaged file. "
                            "Check Project says what is damaged and rebuilds what can be rebuilt"
                            + ("; Restore from Backup shows what each backup holds next to this file, and keeps "
                               "this file beside it." if has_backups else
                               ". There is no backup of this project: File → Save a Copy As keeps what can still "
                               "be read.")))
        check = box.addButton("Check Project…", QMessageBox.ButtonRole.ActionRole)
        restore = box.addButton("Restore from Backup…", QMessageBox.ButtonRole.ActionRole) if has_backups else None
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(close)
        box.setEscapeButton(close)
        self.box = box
        try:
            box.exec()
            chosen = box.clickedButton()
        finally:
            self.box = None
            box.deleteLater()
        if session is not self.window.session:
            return  # closed meanwhile
        if chosen is check:
            from desktop_app.reliability.check_dialog import check_project

            check_project(self.window)
        elif restore is not None and chosen is restore:
            from desktop_app.reliability.restore_dialog import restore_from_backup

            restore_from_backup(self.window)
