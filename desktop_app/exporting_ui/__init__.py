"""File → Export…: the export dialog, and what Qt draws for exports (the chronology PDF, the
timeline picture) — also for the command line, headless."""
from __future__ import annotations


def install(window) -> None:
    from desktop_app.main_window.project_action import project_action

    window.menus["file"].addSeparator()
    project_action(window, "file", "export", "&Export…",
                   "Export a chronology, tables, timeline data, a picture or citations", open_export_dialog,
                   shortcut="Ctrl+Shift+E")
    window.export_dialog = None  # the last one opened


def open_export_dialog(window):
    # Imported here so that loading the package (the command line does) does not load the widgets.
    from desktop_app.exporting_ui.choices import window_state
    from desktop_app.exporting_ui.dialog import ExportDialog

    if window.session is None:
        return None
    # Each opening takes the window's selection and filter afresh: a new dialog, in place of the
    # last one unless that one is still showing or writing its file.
    previous = window.export_dialog
    if previous is not None and not previous.isVisible() and not previous.is_exporting():
        previous.deleteLater()
    dialog = window.export_dialog = ExportDialog(window.session, window_state(window), window)
    dialog.open()
    return dialog
