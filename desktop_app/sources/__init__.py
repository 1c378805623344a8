"""The sources screen: the "Sources" page (library and metadata editor), File → Import Sources…
(Ctrl+I), and files dropped on the window imported."""
from __future__ import annotations

PAGE_TITLE = "Sources"


def install(window) -> None:
    # Imported here so that importing the package (the CLI does) does not load the widgets.
    from desktop_app.main_window.project_action import project_action
    from desktop_app.sources import import_flow

    def make_page(session, window_):
        from desktop_app.sources.page import LibraryPage  # with the page, when it is first shown

        return LibraryPage(session, window_)

    window.add_page(PAGE_TITLE, make_page)
    project_action(window, "file", "import_sources", "&Import Sources…",
                   "Import BibTeX, RIS, CSL-JSON, full-text (HTML, Markdown, text) and PDF files, "
                   "web archives (WARC, WACZ, MHTML) and images", import_flow.choose_and_import, shortcut="Ctrl+I")
    import_flow.FileDropFilter(window, window)
