"""Help menu: Keyboard Shortcuts (listed from the window's own actions) and About Sourceline
(the versions of everything it runs on, and where it keeps your data)."""
from __future__ import annotations


def install(window) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    from desktop_app.help.app_icon import application_icon

    window.setWindowIcon(application_icon())
    shortcuts = QAction("&Keyboard Shortcuts", window)
    shortcuts.setShortcut(QKeySequence("Ctrl+/"))
    shortcuts.setStatusTip("Every key the window's commands answer to")
    shortcuts.triggered.connect(lambda: _show_shortcuts(window))
    about = QAction("&About Sourceline", window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: _show_about(window))
    window.menus["help"].addAction(shortcuts)
    window.menus["help"].addSeparator()
    window.menus["help"].addAction(about)
    window.help_actions = {"shortcuts": shortcuts, "about": about}


# The dialogs load when first asked for, not with the window.
def _show_shortcuts(window) -> None:
    from desktop_app.help.shortcuts import show_shortcuts

    show_shortcuts(window)


def _show_about(window) -> None:
    from desktop_app.help.about import show_about

    show_about(window)
