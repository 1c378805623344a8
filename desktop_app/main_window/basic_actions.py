"""Edit → Undo / Redo / History: one undo group following the open project's undo stack.

QUndoGroup's actions rename themselves after the command they would undo ("Undo Edit event")
and enable themselves, for whichever project is open. The History lists each edit by what it did,
read back from the project's history table: "Edit event — event “Bridge closed”: title, date ·
Alice, 14:02" (the undo action keeps the short name: a command's text after a line break).
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QUndoGroup
from PySide6.QtWidgets import QDialog, QUndoView, QVBoxLayout

from db.history import EditSummary, edit_since, newest_history_id


def install(window) -> None:
    group = QUndoGroup(window)
    undo = group.createUndoAction(window)
    redo = group.createRedoAction(window)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    # Ctrl+Shift+Z everywhere, plus the platform's own (Ctrl+Y on Windows); each only once, as a
    # key bound twice to one action is "ambiguous" and does nothing.
    keys = [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
    redo.setShortcuts(list(dict.fromkeys(keys)))
    window.menus["edit"].addAction(undo)
    window.menus["edit"].addAction(redo)
    history = window.menus["edit"].addAction("&History…")
    history.setStatusTip("Every edit of this session; click one to go back to it")
    history.triggered.connect(lambda: _show_history(window, group))
    window.undo_group = group

    def follow(session):
        for stack in group.stacks():
            group.removeStack(stack)
        if session is not None:
            group.addStack(session.undo_stack)
            group.setActiveStack(session.undo_stack)
            window.history_names = HistoryNames(session)  # kept: a signal does not keep its slot alive
        history.setEnabled(session is not None)

    window.session_changed.connect(follow)


def _show_history(window, group: QUndoGroup) -> None:
    dialog = getattr(window, "_history_dialog", None)
    if dialog is None:
        dialog = QDialog(window)
        dialog.setWindowTitle("History")
        view = QUndoView(group)
        view.setEmptyLabel("Project as opened")
        view.setWordWrap(True)  # an edit's whole description, never cut
        view.setObjectName("historyView")
        QVBoxLayout(dialog).addWidget(view)
        dialog.resize(640, 460)
        window._history_dialog = dialog
    dialog.show()
    dialog.raise_()


class HistoryNames(QObject):
    """Names each edit pushed on a session's stack after what its history rows say it did."""

    def __init__(self, session):
        super().__init__(session)
        self.session = session
        self._seen = newest_history_id(session.db)
        session.undo_stack.indexChanged.connect(self._name)

    def _name(self, index: int) -> None:
        summary = edit_since(self.session.db, self._seen)
        self._seen = newest_history_id(self.session.db)
        command = self.session.undo_stack.command(index - 1) if index > 0 else None
        # A new edit (an undo or a redo writes rows too, but its command is named already)
        if summary is not None and command is not None and command.text() == summary.label:
            command.setText(f"{history_line(summary)}\n{summary.label}")


def history_line(summary: EditSummary) -> str:
    """"Edit event — event “Bridge closed”: title, date · Alice, 14:02" (the author when recorded)."""
    when = datetime.fromisoformat(summary.at.replace("Z", "+00:00")).astimezone()
    shown = when.strftime("%H:%M:%S") if when.date() == datetime.now().astimezone().date() else \
        when.strftime("%d %b %Y %H:%M")
    who = f"{summary.author}, " if summary.author else ""
    what = summary.words()
    return f"{summary.label}{' — ' + what if what else ''} · {who}{shown}"
