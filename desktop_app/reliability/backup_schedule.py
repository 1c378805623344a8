"""Automatic backups while the window has a project open.

- on opening, unless the newest backup is less than ``OPEN_BACKUP_AFTER_S`` (an hour) old — a
  busy day of opening and closing the same project does not push the older backups out;
- while editing: checked every ``CHECK_EVERY_MS``, a backup is made when the project was edited
  since the last one and that is ``EDITING_BACKUP_S`` (half an hour) old (a timer, not a sleep: a
  suspended laptop catches up);
- on closing a project (or quitting) after edits made since the last backup — so the newest copy
  holds the day's work, not the empty project as it was first opened;
- before a bulk delete of more than ``BULK_DELETE_THRESHOLD`` events (``before_bulk_delete``).

The on-open and daily backups copy the file in a thread of their own, through a read-only
connection, so the window never waits for them (a million-event project takes seconds to copy);
the one before a bulk delete is made before the delete, on the spot.

The last ``keep_count()`` backups are kept: ``SOURCELINE_KEEP_BACKUPS`` in the environment, else
the ``backups/keep`` setting, else 10. ``db.backups`` skips a backup when the disk is short of room.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer

from db import backups
from desktop_app.reliability.logs import log

OPEN_BACKUP_AFTER_S = 3600
EDITING_BACKUP_S = 30 * 60
CHECK_EVERY_MS = 5 * 60 * 1000
CLOSING_WAIT_S = 120  # quitting waits this long at most for the backup of the last edits
BULK_DELETE_THRESHOLD = backups.BULK_THRESHOLD
KEEP_SETTING = "backups/keep"
KEEP_ENV = "SOURCELINE_KEEP_BACKUPS"


def keep_count(settings: QSettings | None = None) -> int:
    """How many backups of a project to keep (at least 1)."""
    for value in (os.environ.get(KEEP_ENV), settings.value(KEEP_SETTING) if settings is not None else None):
        try:
            if value not in (None, ""):
                return max(1, int(value))
        except (TypeError, ValueError):
            continue  # a mistyped setting falls back to the next one, not to a crash
    return backups.DEFAULT_KEEP


def back_up(session, reason: str, settings: QSettings | None = None) -> backups.Backup | None:
    """Back the session's project up now; None (logged) when there is no room or it fails —
    a backup that cannot be made must not stop the user's work."""
    return _logged(reason, session.path,
                   lambda: backups.make_backup(session.db, session.path, reason, keep=keep_count(settings)))


def _logged(reason: str, path: Path, make) -> backups.Backup | None:
    try:
        made = make()
    except (OSError, sqlite3.Error) as error:
        log.warning("Backup (%s) of %s failed: %s", reason, path, error)
        return None
    if made is None:
        log.warning("Backup (%s) of %s skipped: not enough free disk space", reason, path)
    else:
        log.info("Backup (%s) of %s: %s", reason, path, made.path)
    return made


class BackgroundBackup:
    """A backup being copied in its own thread; ``wait()`` gives what it made (None: skipped or
    failed, and logged). A daemon thread: quitting does not wait for it, and the copy it leaves
    half-written is a ``.partial`` file that a later backup removes."""

    def __init__(self, path: Path, reason: str, keep: int):
        self.made: backups.Backup | None = None
        self._thread = threading.Thread(target=self._run, args=(path, reason, keep), name=f"backup-{reason}",
                                        daemon=True)
        self._thread.start()

    def _run(self, path: Path, reason: str, keep: int) -> None:
        self.made = _logged(reason, path, lambda: backups.make_backup_of_file(path, reason, keep=keep))

    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> backups.Backup | None:
        self._thread.join(timeout)
        return self.made


def before_bulk_delete(session, count: int, settings: QSettings | None = None) -> backups.Backup | None:
    """Call before deleting ``count`` events: backs up when it is more than the threshold."""
    if count <= BULK_DELETE_THRESHOLD:
        return None
    return back_up(session, "before-bulk-delete", settings)


class BackupSchedule(QObject):
    """Follows the window's session: a backup on opening, while edited, and on closing after edits."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._edited = False
        self._session = None
        self.running: BackgroundBackup | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.periodic_check)
        window.session_changed.connect(self._follow)
        QCoreApplication.instance().aboutToQuit.connect(self._quitting)
        self._follow(window.session)

    def _follow(self, session) -> None:
        if self._session is not None and session is not self._session:
            self.backup_on_close(self._session)
        self._session = session
        self._edited = False
        if session is None:
            self.timer.stop()
            return
        session.changed.connect(self._note_edit)
        self.timer.start()
        # After the window has painted: a big project takes a moment to copy.
        QTimer.singleShot(0, lambda: self.backup_on_open(session))

    def _note_edit(self, *_) -> None:
        self._edited = True

    def _quitting(self) -> None:
        made = self.backup_on_close(self._session)
        if made is not None:
            made.wait(CLOSING_WAIT_S)

    def backup_on_open(self, session) -> BackgroundBackup | None:
        """The backup started in the background, or None when none is due."""
        if session is not self.window.session:
            return None  # closed (or replaced) before the timer fired
        age = backups.latest_backup_age_s(session.path)
        if age is not None and age < OPEN_BACKUP_AFTER_S:
            return None
        return self._start(session, "on-open")

    def periodic_check(self) -> BackgroundBackup | None:
        session = self.window.session
        if session is None or not self._edited:
            return None
        age = backups.latest_backup_age_s(session.path)
        if age is not None and age < EDITING_BACKUP_S:
            return None
        return self._start(session, "while-editing")

    def backup_on_close(self, session) -> BackgroundBackup | None:
        """The backup of a project being closed, when it was edited since its last backup."""
        if session is None or not self._edited:
            return None
        if self.running is not None and self.running.running():
            self.running.wait(CLOSING_WAIT_S)  # the last edits must be in the copy
        return self._start(session, "on-close")

    def _start(self, session, reason: str) -> BackgroundBackup | None:
        if self.running is not None and self.running.running():
            return None  # one copy at a time
        self._edited = False  # edits from now on are the next backup's
        self.running = BackgroundBackup(session.path, reason, keep_count(self.window.settings))
        return self.running
