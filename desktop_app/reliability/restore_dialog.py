"""File → Restore from Backup…: the project's backups with when, why and what they held, under the
current file's own counts, and what restoring the selected one would lose; the one chosen replaces
the project's content (after a backup of the current state, so a restore can be undone by restoring
again). Cancel is the default button: Return never restores.

Restoring closes the session, restores, and opens the project again: every page is rebuilt on
the restored content and the undo history, which described the replaced content, starts afresh.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from db import backups
from db.errors import SourcelineError
from db.store import look, open_project
from desktop_app.reliability.backup_schedule import keep_count
from desktop_app.reliability.literal_text import literal
from desktop_app.reliability.logs import log
from desktop_app.session import Session

REASONS = {
    "on-open": "When the project was opened",
    "daily": "Daily, while open",
    "while-editing": "While editing (every half hour)",
    "on-close": "On closing, after edits",
    "before-bulk-delete": "Before deleting many events",
    "before-import": "Before an import",
    "before-restore": "Before restoring a backup",
    "manual": "By hand (sourceline backup)",
}
COLUMNS = ("Taken", "Why", "Events", "Sources", "Annotations", "Citations", "Size")


def describe_reason(reason: str) -> str:
    if reason.startswith("before-migration-from-v"):
        return f"Before upgrading the file (from version {reason.rsplit('v', 1)[1]})"
    return REASONS.get(reason, reason)


def current_counts(project_path: str | Path) -> dict | None:
    """What the current file holds, read without writing to it; None when SQLite cannot read it."""
    try:
        with look(project_path) as conn:
            return backups.record_counts(conn)
    except sqlite3.Error:
        return None


def would_lose(current: dict | None, backup: backups.Backup) -> str:
    """What restoring ``backup`` over a file holding ``current`` loses, in words."""
    if current is None:
        return "The current file cannot be read; it is kept beside the project (…damaged-<date>), not deleted."
    lost = [f"{current[t] - backup.counts.get(t, 0):,} {t}" for t in backups.COUNTED
            if current[t] > backup.counts.get(t, 0)]
    since = backup.created.astimezone().strftime("%d %b %Y %H:%M")
    return ((f"Restoring it loses {', '.join(lost)}, and every edit made since {since}. " if lost else
             f"Restoring it loses every edit made since {since}. ")
            + "The current file is backed up first, so you can come back to it.")


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} KB"


class RestoreDialog(QDialog):
    """The backups of one project, newest first and selected; ``chosen()`` after it is accepted."""

    def __init__(self, project_path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore from Backup")
        self.found = backups.list_backups(project_path)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Backups of {Path(project_path).name}, newest first. Restoring replaces the project's content "
            "with the backup's; the current content is backed up first, so you can come back to it.",
            wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.table = QTreeWidget(rootIsDecorated=False, uniformRowHeights=True)
        self.table.setHeaderLabels(COLUMNS)
        self.current = current_counts(project_path)
        now = QTreeWidgetItem(["Now  ", "The current file", *(f"{self.current[t]:,}" if self.current else "unreadable"
                                                              for t in backups.COUNTED),
                               _size(Path(project_path).stat().st_size)])
        now.setFlags(Qt.ItemFlag.ItemIsEnabled)  # shown to compare with, not to choose
        for column in range(len(COLUMNS)):
            font = now.font(column)
            font.setBold(True)
            now.setFont(column, font)
        for column in range(2, len(COLUMNS)):
            now.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.addTopLevelItem(now)
        for backup in self.found:
            counts = backup.counts
            item = QTreeWidgetItem([
                backup.created.astimezone().strftime("%a %d %b %Y %H:%M") + "  ", describe_reason(backup.reason),
                *(f"{counts.get(t, 0):,}" for t in backups.COUNTED), _size(backup.size)])
            for column in range(2, len(COLUMNS)):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _: self.accept() if self.chosen() is not None else None)
        layout.addWidget(self.table, 1)
        self.loss = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        layout.addWidget(self.loss)
        self.table.currentItemChanged.connect(self._describe_loss)
        self.empty = QLabel("There are no backups of this project yet. Sourceline makes one when a project "
                            "is opened, every half hour of editing, on closing after edits, and before imports and "
                            "large deletions.",
                            wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        layout.addWidget(self.empty)
        self.table.setVisible(bool(self.found))
        self.empty.setVisible(not self.found)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self.found))
        # the safe choice is the default: Return cancels, never restores
        self.restore_button.setAutoDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(True)
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.loss.setVisible(bool(self.found))
        if self.found:
            self.table.setCurrentItem(self.table.topLevelItem(1))
        self.resize(780, 380)

    def chosen(self) -> backups.Backup | None:
        index = self.table.indexOfTopLevelItem(self.table.currentItem()) - 1 if self.table.currentItem() else -1
        return self.found[index] if index >= 0 else None

    def _describe_loss(self) -> None:
        chosen = self.chosen()
        self.restore_button.setEnabled(chosen is not None)
        self.loss.setText(would_lose(self.current, chosen) if chosen is not None else "")


def choose_backup(parent: QWidget | None, project_path: str | Path) -> backups.Backup | None:
    dialog = RestoreDialog(project_path, parent)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def restore_into_window(window, backup: backups.Backup) -> bool:
    """Close the window's project, restore ``backup`` over it, and open it again."""
    if window.session is None:
        return False
    path = window.session.path
    window.set_session(None)
    restored = True
    try:
        backups.restore(backup.path, path, keep=keep_count(window.settings))
        log.info("Restored %s from %s", path, backup.path)
    except SourcelineError as error:
        restored = False
        QMessageBox.warning(window, "Cannot restore the backup", literal(str(error)))
    try:
        window.set_session(Session(open_project(path), path))
    except SourcelineError as error:
        QMessageBox.warning(window, "Cannot open project", literal(str(error)))
        return False
    if restored:
        window.statusBar().showMessage(f"Restored the backup of {backup.created.astimezone():%d %b %Y, %H:%M}", 10_000)
    return restored


def restore_from_backup(window) -> bool:
    """File → Restore from Backup…: True when a backup was chosen; it is restored once the
    dialog's events have run (they may still ask the pages of the session about to close)."""
    if window.session is None:
        return False
    chosen = choose_backup(window, window.session.path)
    if chosen is not None:
        QTimer.singleShot(0, lambda: restore_into_window(window, chosen))
    return chosen is not None
