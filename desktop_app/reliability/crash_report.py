"""Unhandled exceptions in the GUI: logged, explained, and the application keeps running.

``ExceptionHook`` replaces ``sys.excepthook`` (PySide6 hands it every exception a slot, a timer or
an overridden Qt method lets escape). A failure the user can act on — the project busy in another
program, a full disk, a damaged file (see problems.py) — gets a plain message; anything else is a
bug and gets ``ReportDialog``: what happened, and a report to copy (traceback and versions). Every
one is written to the rotating log first.
"""
from __future__ import annotations

import platform
import sqlite3
import sys
import traceback

import PySide6
from PySide6.QtCore import Qt, QThread, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget,
)

from desktop_app.reliability import problems
from desktop_app.reliability.literal_text import literal
from desktop_app.reliability.logs import current_log_file, log


def versions() -> str:
    # importlib.metadata (and the email package it reads metadata with) only when a report is made:
    # it cost the first paint more than anything else this module does
    from importlib import metadata

    try:
        sourceline = metadata.version("sourceline")
    except metadata.PackageNotFoundError:
        sourceline = "development checkout"
    return (f"Sourceline {sourceline}; Python {platform.python_version()}; PySide6 {PySide6.__version__} "
            f"(Qt {qVersion()}); SQLite {sqlite3.sqlite_version}; {platform.platform()}")


def report_text(kind, error, tb) -> str:
    lines = traceback.format_exception(kind, error, tb)
    return "".join(lines).rstrip() + "\n\n" + versions() + "\n"


class ReportDialog(QDialog):
    """An unexpected error: what it means for the user's work, and a report they can copy."""

    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")
        self.report = report
        layout = QVBoxLayout(self)
        where = current_log_file()
        summary = QLabel(
            "Sourceline hit an error it did not expect. Your project is safe: every edit that finished "
            "is already saved, and an edit that failed was not applied.\n\n"
            "You can keep working. If you report the problem, please include the text below"
            + (f" (it is also in the log file {where})." if where else "."),
            wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        layout.addWidget(summary)
        self.details = QPlainTextEdit(report, readOnly=True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumSize(560, 220)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("&Copy Report", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText("Copied")


class ExceptionHook:
    """Installed as ``sys.excepthook``; ``attach(window)`` tells it which window to report in."""

    def __init__(self):
        self.window = None
        self.dialog: ReportDialog | None = None
        self._previous = None
        self._showing = False
        self._reported: set[tuple] = set()

    def install(self) -> "ExceptionHook":
        self._previous = sys.excepthook
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous or sys.__excepthook__

    def attach(self, window) -> None:
        self.window = window

    def __call__(self, kind, error, tb) -> None:
        if issubclass(kind, KeyboardInterrupt) or QApplication.instance() is None:
            (self._previous or sys.__excepthook__)(kind, error, tb)
            return
        problem = problems.classify(error)
        if problem is None:
            log.error("Unhandled exception", exc_info=(kind, error, tb))
        else:
            log.warning("%s: %s", problem.kind, error)
        alarm = getattr(self.window, "damage_alarm", None)
        if alarm is not None and problem is not None and self._session() is not None and (
                problem.kind == problems.DAMAGED or (problem.kind == problems.READ_ONLY and alarm.refused())):
            if problem.kind == problems.DAMAGED:
                alarm.alarm(problem.message)  # once per incident, and never inside itself
            return
        if self._showing:
            return  # one dialog at a time; an error raised while one is up is only logged
        self._showing = True
        try:
            if problem is None:
                self._report(kind, error, tb)
            else:
                QMessageBox.warning(self._parent(), problem.title, literal(problem.message))
        finally:
            self._showing = False

    def _report(self, kind, error, tb) -> None:
        # The same bug raised again (say, by every repaint) is logged but shown once.
        last = traceback.extract_tb(tb)[-1] if tb else None
        signature = (kind.__name__, last.filename if last else "", last.lineno if last else 0)
        if signature in self._reported:
            return
        self._reported.add(signature)
        self.dialog = ReportDialog(report_text(kind, error, tb), self._parent())
        if QThread.currentThread().loopLevel() == 0:
            self.dialog.exec()  # no event loop yet (or any more): a non-modal dialog would vanish
        else:
            self.dialog.show()

    def _session(self):
        return getattr(self.window, "session", None)

    def _parent(self) -> QWidget | None:
        return QApplication.activeWindow() or self.window


def install_exception_hook() -> ExceptionHook:
    return ExceptionHook().install()
