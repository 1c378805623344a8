"""A feature's menu command that needs an open project: in one of the window's menus, under a
name in ``window.named_actions`` (the welcome screen and the tests trigger it by that name), and
enabled only while a project is open."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def project_action(window, menu: str, name: str, text: str, tip: str, run, shortcut: str | None = None) -> QAction:
    """Add ``text`` to ``window.menus[menu]``; choosing it calls ``run(window)``; ``tip`` shows in
    the status bar while it is pointed at."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    action.triggered.connect(lambda: run(window))
    window.menus[menu].addAction(action)
    window.named_actions[name] = action
    action.setEnabled(window.session is not None)
    window.session_changed.connect(lambda session: action.setEnabled(session is not None))
    return action
