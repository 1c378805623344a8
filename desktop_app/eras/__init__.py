"""Eras: named periods shaded on the timeline. Edit → Eras… lists them to add, edit and delete;
the timeline's right-click menu names the period in view (or the selection's) and edits the era
under the pointer."""
from __future__ import annotations


def install(window) -> None:
    # Imported here so that importing the package does not load the widgets.
    from desktop_app.main_window.project_action import project_action

    project_action(window, "edit", "eras", "E&ras…",
                   "Name periods of the timeline (shaded bands behind the events); rename or delete them", show_eras)

    def forget_dialog(session) -> None:
        dialog = getattr(window, "eras_dialog", None)
        if dialog is not None:  # it lists the project that was open
            dialog.close()
            window.eras_dialog = None

    window.session_changed.connect(forget_dialog)


def show_eras(window):
    """Show the Eras dialog of the open project (beside the window: the timeline shows each change)."""
    from desktop_app.eras.dialogs import ErasDialog

    if window.session is None:
        return None
    dialog = getattr(window, "eras_dialog", None)
    if dialog is None:
        dialog = ErasDialog(window.session, window)
        window.eras_dialog = dialog
    dialog.show()
    dialog.raise_()
    return dialog
