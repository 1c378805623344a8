"""The open project as the window sees it: one store connection, one undo stack, one signal.

How an edit flows (see README, "How edits and changes flow"):

- A widget calls a verb (``desktop_app.verbs``), which calls :meth:`Session.push` with an op from
  ``db`` and the widget as initiator. The op runs in one transaction; a refused edit
  (``SourcelineError``) changes nothing and reaches no stack.
- The done op goes on the undo stack, and only then ``changed`` is emitted, once, with the
  ``Changes`` (which rows of which tables) and who caused them. Undo and redo emit the same way.
- While ``changed`` is being delivered no view may push another edit: the push is refused with
  ``EditDuringBroadcast`` (a bug, so it is loud). What a view wants to do because of an edit, it
  does from the ids it is given, without editing.
- Work done on a worker's own connection (an import) is *adopted*: its done op is put on the
  stack as it is (:meth:`adopt`). Work that cannot be undone (a dataset import, another program's
  edits) ends the undo history with :meth:`reset_history`, which says why once.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from db.connection import Database

from db import authorship, originals
from db.ops import Changes, Op
from desktop_app.authors import identity
from desktop_app.undo import OpCommand


class EditDuringBroadcast(RuntimeError):
    """A view pushed an edit while the session was telling the views of another one. Always a bug:
    which edit wins would depend on the order the views were connected in."""


class Session(QObject):
    changed = Signal(object)  # Changes, with .initiator
    # An edit of ours was committed on a worker thread's own connection (an import): to this
    # session's connection that looks like another program's commit; it is not news.
    committed_in_background = Signal()
    # The undo history was cleared, and why (one sentence for the status bar).
    history_reset = Signal(str)

    def __init__(self, db: Database, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.path = Path(path)
        self.undo_stack = QUndoStack(self)
        self._broadcasting: Changes | None = None
        self._closed = False
        self.set_author(identity.resolve())

    def set_author(self, author: authorship.Author) -> None:
        """Sign every edit from now on with ``author`` (the window's user; Preferences renames)."""
        self.author = author
        authorship.use(self.db, author)

    @property
    def broadcasting(self) -> bool:
        """True while the views are being told of an edit (no edit may be pushed meanwhile)."""
        return self._broadcasting is not None

    def push(self, op: Op, initiator=None):
        """Do an edit through the undo stack and return its result (e.g. the new row's id).

        A user error (``SourcelineError``) propagates and nothing is pushed or written. A push made
        while the views are being told of another edit raises ``EditDuringBroadcast``."""
        if self._broadcasting is not None:
            raise EditDuringBroadcast(
                f"“{op.label}” was pushed while the views were being told of another edit "
                f"({', '.join(sorted(self._broadcasting.tables)) or 'nothing'}); a view must not edit "
                "from a change notification")
        changes = op.do(self.db)
        self.undo_stack.push(OpCommand(self, op))
        self.broadcast(changes.by(initiator))
        return op.result

    def adopt(self, done, changes: Changes, initiator=None, *, cannot_undo: str | None = None):
        """Take in an edit done on a worker's own connection to this file (an import) and tell the
        views; returns its result.

        ``done`` is the op that ran there: it goes on the undo stack as it is (undo replays its
        change log on this connection). Work that is no op and cannot be undone (a bulk dataset
        import) passes its result and ``cannot_undo``, the sentence saying why the undo history
        ends there (:meth:`reset_history`)."""
        self.committed_in_background.emit()  # our commit on another connection is not news
        if isinstance(done, Op):
            self.undo_stack.push(OpCommand(self, done))
            result = done.result
        else:
            if cannot_undo is None:
                raise TypeError("adopting work that is no op needs cannot_undo: why its history ends")
            self.reset_history(cannot_undo)
            result = done
        self.broadcast(changes.by(initiator))
        return result

    def reset_history(self, reason: str) -> None:
        """Clear the undo history (the edits on it can no longer be replayed safely) and say why."""
        had_history = self.undo_stack.count() > 0
        self.undo_stack.clear()
        if had_history:
            self.history_reset.emit(reason)

    def broadcast(self, changes: Changes) -> None:
        """Tell every view what changed. Only the session, its undo commands and the catching up
        with other programs call this; views never edit while it runs."""
        if self._broadcasting is not None:
            raise EditDuringBroadcast("a change was announced while another was being announced")
        self._broadcasting = changes
        try:
            self.changed.emit(changes)
        finally:
            self._broadcasting = None

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.undo_stack.clear()
        # Past the undo history now: no undo can bring back a deleted source, so the originals
        # no source refers to go (db.originals).
        originals.drop_unused(self.db)
        self.db.close()
