"""Edit → Undo/Redo and File → Quit: the actions every window has."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def install(window) -> None:
    undo = QAction("&Undo", window, shortcut=QKeySequence.StandardKey.Undo)
    redo = QAction("&Redo", window, shortcut=QKeySequence("Ctrl+Shift+Z"))
    undo.triggered.connect(lambda: window.session and window.session.undo_stack.undo())
    redo.triggered.connect(lambda: window.session and window.session.undo_stack.redo())
    window.menus["edit"].addAction(undo)
    window.menus["edit"].addAction(redo)

    def follow(session):
        undo.setEnabled(False)
        redo.setEnabled(False)
        if session is not None:
            stack = session.undo_stack
            stack.canUndoChanged.connect(undo.setEnabled)
            stack.canRedoChanged.connect(redo.setEnabled)
            stack.undoTextChanged.connect(lambda text: undo.setText(f"&Undo {text}".strip()))
            stack.redoTextChanged.connect(lambda text: redo.setText(f"&Redo {text}".strip()))

    window.session_changed.connect(follow)
    quit_action = QAction("&Quit", window, shortcut=QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    window.menus["file"].addAction(quit_action)
