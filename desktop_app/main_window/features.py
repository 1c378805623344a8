"""Every feature that adds menus or pages to the main window, in menu order."""
from desktop_app.main_window import basic_actions

INSTALLERS = [
    basic_actions.install,
]
