"""The only place undo meets Qt: one QUndoCommand that wraps any ``db.ops.Op``."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from db.ops import Op


class OpCommand(QUndoCommand):
    def __init__(self, session, op: Op):
        super().__init__(op.label)
        self._session = session
        self._op = op
        self._pushed = False

    def run_first(self) -> None:
        """Do the op before it is pushed, so a refused edit never reaches the stack."""
        self._session.announce(self._op.do(self._session.db))

    def redo(self) -> None:
        # QUndoStack.push() calls redo() at once; the op already ran in run_first().
        if not self._pushed:
            self._pushed = True
            return
        self._session.announce(self._op.do(self._session.db))

    def undo(self) -> None:
        self._session.announce(self._op.undo(self._session.db))
