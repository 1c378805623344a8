"""Edit → Undo / Redo / History: one undo group following the open project's undo stack.

QUndoGroup's actions rename themselves after the command they would undo ("Undo Edit event")
and enable themselves, for whichever project is open.
"""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QUndoGroup
from PySide6.QtWidgets import QDialog, QUndoView, QVBoxLayout


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
        history.setEnabled(session is not None)

    window.session_changed.connect(follow)


def _show_history(window, group: QUndoGroup) -> None:
    dialog = getattr(window, "_history_dialog", None)
    if dialog is None:
        dialog = QDialog(window)
        dialog.setWindowTitle("History")
        view = QUndoView(group)
        view.setEmptyLabel("Project as opened")
        QVBoxLayout(dialog).addWidget(view)
        dialog.resize(360, 420)
        window._history_dialog = dialog
    dialog.show()
    dialog.raise_()
