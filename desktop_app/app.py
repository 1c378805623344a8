"""Builds everything once: QApplication, store, session, main window. Nothing here is global."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from db.store import open_project
from desktop_app.main_window import theme
from desktop_app.main_window.window import MainWindow
from desktop_app.reliability.backup_schedule import keep_count
from desktop_app.reliability.crash_report import install_exception_hook
from desktop_app.reliability.logs import setup_logging
from desktop_app.reliability.opening import open_or_explain
from desktop_app.session import Session

ORGANISATION = "Sourceline"
APPLICATION = "Sourceline"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    return app


def open_session(path: str | Path) -> Session:
    return Session(open_project(path), Path(path))


class _FirstPaint(QObject):
    """Quits the application right after the watched window's first paint, printing the time."""

    def __init__(self, window, started: float):
        super().__init__(window)
        self._started = started
        window.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Let the paint finish, then report: the window is on screen at this point.
            QTimer.singleShot(0, lambda: self._done())
        return False

    def _done(self):
        print(f"{(time.perf_counter() - self._started) * 1000:.0f}")
        sys.stdout.flush()
        QApplication.instance().quit()


def run_gui(path: str | None, quit_after_paint: bool = False, started: float | None = None) -> int:
    app = make_application()
    # Before anything can fail: errors from here on are logged and shown, not lost on a console.
    setup_logging()
    hook = install_exception_hook()
    settings = QSettings()
    theme.apply_theme(app, settings.value(theme.SETTING, "system"))
    # A file that cannot be opened is explained in a dialog; the window then opens without it.
    db = open_or_explain(None, path, keep_count(settings)) if path else None
    session = Session(db, Path(path)) if db is not None else None
    window = MainWindow(session, settings)
    hook.attach(window)
    if quit_after_paint:
        _FirstPaint(window, started if started is not None else time.perf_counter())
    window.show()
    code = app.exec()
    if window.session is not None:
        window.session.close()
    return code
