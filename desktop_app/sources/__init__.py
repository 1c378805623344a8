"""The sources screen: the "Sources" page (library and metadata editor), File → Import Sources…
(Ctrl+I), and files dropped on the window imported."""
from __future__ import annotations

PAGE_TITLE = "Sources"


def install(window) -> None:
    # Imported here so that importing the package (the CLI does) does not load the widgets.
    from PySide6.QtGui import QAction, QKeySequence

    from desktop_app.sources import import_flow

    def make_page(session, window_):
        from desktop_app.sources.page import LibraryPage  # with the page, when it is first shown

        return LibraryPage(session, window_)

    window.add_page(PAGE_TITLE, make_page)
    action = QAction("&Import Sources…", window, shortcut=QKeySequence("Ctrl+I"))
    action.setToolTip("Import BibTeX, RIS, CSL-JSON, full-text (HTML, Markdown, text) and PDF files, "
                      "web archives (WARC, WACZ, MHTML) and images")
    action.triggered.connect(lambda: import_flow.choose_and_import(window))
    action.setEnabled(window.session is not None)
    window.session_changed.connect(lambda session: action.setEnabled(session is not None))
    window.menus["file"].addAction(action)
    window.named_actions["import_sources"] = action
    import_flow.FileDropFilter(window, window)
