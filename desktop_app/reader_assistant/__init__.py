"""The reading assistant in the Reader: dates and names found in a source marked in its text,
the dates listed beside it, a new event from a date in one step, near-miss names confirmed as
aliases; Tools → Entities… to merge two entities that are one.

``install(window)`` adds View → Show Dates and Names (remembered in the settings, also a button
in the reader's header) and Tools → Entities…, and attaches an assistant to each project's
Reader page.
"""
from __future__ import annotations

from PySide6.QtGui import QAction

SETTING = "reader/show_dates_and_names"
PAGE_TITLE = "Reader"


def install(window) -> None:
    toggle = QAction("Show Dates and Names", window, checkable=True)
    toggle.setToolTip("Underline the dates and the known names in the text (dashed: a date, dotted: a name, "
                      "wavy: a name to confirm); click one for what it offers")
    toggle.setChecked(window.settings.value(SETTING, True, type=bool))
    toggle.toggled.connect(lambda on: window.settings.setValue(SETTING, on))
    window.menus["view"].addAction(toggle)

    entities_action = window.menus["tools"].addAction("&Entities…")
    entities_action.triggered.connect(lambda: window.session and _open_entities(window))

    def attach(title: str, page) -> None:
        if title == PAGE_TITLE:
            from desktop_app.reader_assistant.assistant import ReaderAssistant  # with the page, not at start

            page.assistant = ReaderAssistant(page, window.session, toggle)

    window.page_built.connect(attach)


def _open_entities(window) -> None:
    # the dialog loads when first asked for, not with the window
    from desktop_app.reader_assistant.entities_dialog import EntitiesDialog

    EntitiesDialog(window.session, window).exec()
