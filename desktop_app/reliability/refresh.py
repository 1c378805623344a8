"""The window catches up with edits made by another program (another window, the sourceline
command) when it is activated.

SQLite's ``PRAGMA data_version`` changes for a connection whenever *another* connection commits
(never for its own commits), so comparing it on activation costs one tiny query; when it moved, ``session.changed`` carries
what the other program changed (``db.catch_up``: the rows its history names, the tables that grew
or shrank without it), and each view reads again what concerns it.

The undo history is cleared then: undo replays our edits by row id, and the other program may
have changed those rows or taken an id we freed (undoing a deletion would then fail, or undo
its edit). Our own imports, committed on a worker's connection, are not taken for news: the check
waits while one of the window's jobs runs, and runs once the event that activated the window is
handled — a job's progress dialog closing activates the window before the job has said that the
commit was its own (which took its import for another program's and wiped the undo history).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot

from db import catch_up
from db.ops import Changes
from desktop_app.reliability.logs import log

ANOTHER_PROGRAM = ("{name} was changed by another program: the views show its edits, and the undo history "
                   "starts again here")


def data_version(session) -> int:
    return catch_up.data_version(session.db)


class RefreshOnFocus(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._version: int | None = None
        self._mark: catch_up.Mark | None = None
        window.installEventFilter(self)
        window.session_changed.connect(self._follow)
        self._follow(window.session)

    def _follow(self, session) -> None:
        # No mark yet: reading the tables as the project opens would meet a damaged file there,
        # before any view does. The first news before our first edit is told coarsely.
        self._version, self._mark = None, None
        if session is not None:
            self._version = data_version(session)
            session.committed_in_background.connect(self._take_as_read, Qt.ConnectionType.UniqueConnection)
            # our own edits are not news either: the mark moves past their history rows
            session.changed.connect(self._after_edit, Qt.ConnectionType.UniqueConnection)

    @Slot()
    def _take_as_read(self) -> None:
        session = self.window.session
        if session is not None:
            self._version = data_version(session)
            self._mark = catch_up.mark(session.db)

    @Slot(object)
    def _after_edit(self, changes) -> None:
        session = self.window.session
        if session is not None and changes.initiator is not self:
            self._mark = catch_up.mark(session.db)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self, self._check_unless_busy)
        return False

    def _check_unless_busy(self) -> None:
        from desktop_app.reliability.shutdown import running_operations

        if not running_operations(self.window):
            self.check()

    def check(self) -> bool:
        """Tell the views what another program committed since the last check; False if nothing."""
        session = self.window.session
        if session is None:
            return False
        version = data_version(session)
        if version == self._version:
            return False
        self._version = version
        if self._mark is None:
            rows, self._mark = catch_up.everything(), catch_up.mark(session.db)
        else:
            rows, self._mark = catch_up.changes_since(session.db, self._mark)
        log.info("%s was changed by another program (%s); reloading what changed", session.path.name,
                 ", ".join(sorted(rows)))
        session.reset_history(ANOTHER_PROGRAM.format(name=session.path.name))
        session.broadcast(Changes(rows, initiator=self))
        return True
