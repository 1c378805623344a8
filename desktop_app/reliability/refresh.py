"""The window catches up with edits made by another program (another window, the sourceline
command) when it is activated.

SQLite's ``PRAGMA data_version`` changes for a connection whenever *another* connection commits
(never for its own commits), so comparing it on activation costs one tiny query; when it moved,
``session.reloaded`` tells every view to read again, and ``session.changed`` carries every table
(no row ids: anything may have changed), as after a dataset import, for the views that follow
edits only — the event list, the filter's tags, the editor.

The undo history is cleared then: undo replays our edits by row id, and the other program may
have changed those rows or taken an id we freed (undoing a deletion would then fail, or undo
its edit). Our own imports, committed on a worker's connection, are not taken for news: the check
waits while one of the window's jobs runs, and runs once the event that activated the window is
handled — a job's progress dialog closing activates the window before the job has said that the
commit was its own (which took its import for another program's and wiped the undo history).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot

from db.ops import Changes
from desktop_app.reliability.logs import log


def data_version(session) -> int:
    return session.db.conn.execute("PRAGMA data_version").fetchone()[0]


class RefreshOnFocus(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._version: int | None = None
        window.installEventFilter(self)
        window.session_changed.connect(self._follow)
        self._follow(window.session)

    def _follow(self, session) -> None:
        self._version = data_version(session) if session is not None else None
        if session is not None:
            session.committed_in_background.connect(self._take_as_read, Qt.ConnectionType.UniqueConnection)

    @Slot()
    def _take_as_read(self) -> None:
        session = self.window.session
        if session is not None:
            self._version = data_version(session)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self, self._check_unless_busy)
        return False

    def _check_unless_busy(self) -> None:
        from desktop_app.reliability.shutdown import running_operations

        if not running_operations(self.window):
            self.check()

    def check(self) -> bool:
        """Emit ``session.reloaded`` if another program committed since the last check."""
        session = self.window.session
        if session is None:
            return False
        version = data_version(session)
        if version == self._version:
            return False
        self._version = version
        log.info("%s was changed by another program; reloading the views", session.path.name)
        if session.undo_stack.count():
            session.undo_stack.clear()
            self.window.statusBar().showMessage(
                f"{session.path.name} was changed by another program: the views show its edits, and the undo "
                "history starts again here", 15_000)
        session.reloaded.emit()
        tables = [name for (name,) in session.db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        session.announce(Changes({table: frozenset() for table in tables}))
        return True
