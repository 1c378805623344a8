"""The open project as the window sees it: one store connection, one undo stack, one signal.

Widgets never write SQL and never build undo commands: they call :meth:`Session.push` with an op
from ``db`` (``session.push(events.add_event(...))``); the op runs in one transaction, lands on the
undo stack, and ``changed`` tells every view what it touched so each refreshes only what concerns it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from db.connection import Database

from db import authorship
from db.ops import Changes, Op
from desktop_app.authors import identity
from desktop_app.undo import OpCommand


class Session(QObject):
    changed = Signal(object)  # Changes
    # The project was replaced or reloaded from outside (another window or the command line):
    # every view re-reads everything.
    reloaded = Signal()
    # An edit of ours was committed on a worker thread's own connection (an import): to this
    # session's connection that looks like another program's commit; it is not news.
    committed_in_background = Signal()

    def __init__(self, db: Database, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.path = Path(path)
        self.undo_stack = QUndoStack(self)
        self.set_author(identity.resolve())

    def set_author(self, author: authorship.Author) -> None:
        """Sign every edit from now on with ``author`` (the window's user; Preferences renames)."""
        self.author = author
        authorship.use(self.db, author)

    def push(self, op: Op):
        """Do an edit through the undo stack and return its result (e.g. the new row's id).

        A user error (``SourcelineError``) propagates and nothing is pushed or written."""
        command = OpCommand(self, op)
        command.run_first()
        self.undo_stack.push(command)
        return op.result

    def announce(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def close(self) -> None:
        self.undo_stack.clear()
        self.db.close()
