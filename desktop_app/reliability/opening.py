"""Opening a project in the window: a file that cannot be opened is explained in a message box
and never modified; a damaged one with backups is offered a restore first. A project from an
older Sourceline is backed up and migrated in a worker thread first (a backup of a large file
takes seconds), while the window keeps painting — or, at start-up, while a progress dialog says so.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QMessageBox, QWidget
from db.connection import Database

from db import backups
from db.errors import ProjectFileError, SourcelineError
from db.store import SQLITE_HEADER, is_older_project, look, open_project, quick_check_fails
from desktop_app.reliability.literal_text import literal
from desktop_app.reliability.logs import log
from desktop_app.reliability.problems import classify

_CORRUPT, _NOTADB = 11, 26


def is_damaged(path: str | Path) -> bool:
    """Whether ``path`` is a project file gone bad — pages cut short or garbled — rather than a
    file that is read-only, newer, or never was a project. Reads only; the file is not changed."""
    path = Path(path)
    if not path.is_file():  # a folder, a pipe or a device is not a damaged project (and a pipe would block)
        return False
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    if not header.startswith(SQLITE_HEADER):
        # Not SQLite now, but we backed it up as a project before: it was overwritten.
        return bool(backups.list_backups(path))
    try:
        with look(path) as conn:  # sees the WAL: a project open elsewhere is read as it is
            return quick_check_fails(conn)
    except sqlite3.DatabaseError as error:
        return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in (_CORRUPT, _NOTADB)


def open_or_explain(parent: QWidget | None, path: str | Path, keep: int = backups.DEFAULT_KEEP) -> Database | None:
    """The project at ``path``, opened; or None after telling the user why it cannot be.

    A damaged project with backups is offered the choice of a backup to restore (the damaged
    file is set aside, not deleted), and is opened after the restore."""
    if is_older_project(path):
        _migrate_in_background(parent, path)
    try:
        return open_project(path)
    except (ProjectFileError, sqlite3.Error) as error:
        log.warning("Refused to open %s: %s", path, error)
        explained = classify(error)
        problem = str(error) if explained is None or isinstance(error, ProjectFileError) else f"{path}: {explained.message}"
        if not (is_damaged(path) and backups.list_backups(path)):
            QMessageBox.warning(parent, "Cannot open project", literal(problem))
            return None
    from desktop_app.reliability.restore_dialog import choose_backup

    answer = QMessageBox.question(
        parent, "The project file is damaged",
        literal(f"{problem}\n\nSourceline has backups of this project. Choose one to restore? The damaged file "
                "is kept beside the project (named …damaged-<date>), not deleted."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    chosen = choose_backup(parent, path)
    if chosen is None:
        return None
    try:
        backups.restore(chosen.path, path, keep=keep)
        log.info("Restored %s from %s", path, chosen.path)
        return open_project(path)
    except SourcelineError as error:
        QMessageBox.warning(parent, "Cannot restore the backup", literal(str(error)))
        return None


def _migrate_in_background(parent: QWidget | None, path: str | Path) -> None:
    """Open (so back up and migrate) an older project in a worker and wait for it in a local event
    loop, as a modal dialog does. A failure is left for the open that follows to explain."""
    from desktop_app.background_job import BackgroundJob

    def work(report, cancelled):
        open_project(path).close()

    # not cancellable: the backup and each migration step are short transactions of their own
    job = BackgroundJob(work, "Open Project", f"Updating {Path(path).name} for this version of Sourceline…",
                        None, parent, reported=(SourcelineError, sqlite3.Error))
    job.progress.setRange(0, 0)  # busy: a backup and migration say nothing of their progress
    waiting = QEventLoop()
    job.ended.connect(waiting.quit)
    job.ended.connect(job.deleteLater)
    job.failed.connect(lambda message: log.warning("Updating %s failed: %s", path, message))
    job.start()
    waiting.exec()
