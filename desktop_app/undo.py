"""The only place undo meets Qt: one QUndoCommand that wraps any done ``db.ops.Op``.

Only the session makes these, always for an op that has already run (an edit is done before it
is pushed, so a refused one never reaches the stack). The command therefore starts *applied*:
redo applies it only when it is not, so the redo ``QUndoStack.push`` makes is a no-op by state.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from db.ops import Op


class OpCommand(QUndoCommand):
    def __init__(self, session, op: Op):
        super().__init__(op.label)
        self._session = session
        self._op = op
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return
        changes = self._op.do(self._session.db)
        self._applied = True
        self._session.broadcast(changes)

    def undo(self) -> None:
        changes = self._op.undo(self._session.db)
        self._applied = False
        self._session.broadcast(changes)
