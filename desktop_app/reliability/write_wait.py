"""An edit in the window that has to wait for another program's write (an import on another
connection, the command line) says so: a status bar message and the busy cursor while it waits,
painted before the wait, instead of a window frozen in silence for up to the busy timeout."""
from __future__ import annotations

from PySide6.QtCore import QEventLoop, QObject, Qt
from PySide6.QtWidgets import QApplication

WAITING = "Waiting for another program (or an import) to finish writing to the project…"


class WriteWait(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.session_changed.connect(self._follow)
        self._follow(window.session)

    def _follow(self, session) -> None:
        if session is not None:
            session.db.on_wait = self.waiting  # see db.store.write_transaction

    def waiting(self, waits: bool) -> None:
        if waits:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.window.statusBar().showMessage(WAITING)
            # paint the message and the cursor now: the wait that follows holds the event loop
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        else:
            QApplication.restoreOverrideCursor()
            if self.window.statusBar().currentMessage() == WAITING:
                self.window.statusBar().clearMessage()
