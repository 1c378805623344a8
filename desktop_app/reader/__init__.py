"""The reader: a source's text with highlights, notes and citations (the Reader page).

``install(window)`` registers the page and answers ``window.source_requested(source_id,
annotation_id)`` from anywhere in the app by showing that source at that annotation.
"""
from __future__ import annotations

PAGE_TITLE = "Reader"


def install(window) -> None:
    def make_page(session, window_):
        # imported with the page, when it is first shown: the reader and the date finder it
        # brings are not needed for the first paint
        from desktop_app.reader.page import ReaderPage

        page = ReaderPage(session)
        page.event_requested.connect(window_.event_requested)
        return page

    def open_source(source_id: int, annotation_id) -> None:
        page = window.page(PAGE_TITLE)
        if page is not None:
            page.show_source(source_id, annotation_id)
            window.show_page(PAGE_TITLE)

    window.add_page(PAGE_TITLE, make_page)
    window.source_requested.connect(open_source)
