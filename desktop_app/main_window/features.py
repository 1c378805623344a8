"""Every feature that adds menus or pages to the main window, in menu order."""
from desktop_app import eras, events, reader, search, sources
from desktop_app.main_window import basic_actions, project_files, theme
from desktop_app import reliability
from desktop_app import exporting_ui
from desktop_app import datasets_ui
from desktop_app import reader_assistant
from desktop_app import originals
from desktop_app import capture
from desktop_app import map as places_map
from desktop_app import help as help_menu
from desktop_app import teamwork

INSTALLERS = [
    project_files.install,
    reliability.install,
    exporting_ui.install,
    basic_actions.install,
    events.install,
    eras.install,
    sources.install,
    capture.install,
    datasets_ui.install,
    theme.install,
    reader.install,
    reader_assistant.install,
    originals.install,
    places_map.install,
    teamwork.install,
    search.install,
    help_menu.install,
]
