"""The reader on a real project: a long source with text that trips naive offset handling."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db import sources

# Emoji (two UTF-16 units each) and a Windows line break before the passages: offsets into the
# document and into full_text differ unless they are mapped.
OPENING = "KYIV, Nov 20 (Wire) 🚀🇺🇦 - Ukraine struck a depot in Bryansk.\r\n\r\nRussia said it shot down five of six missiles."
FILLER = "\n\n".join(f"Paragraph of background number {n}, with nothing to cite in it at all." for n in range(3, 60))
PASSAGE = "U.S. officials told reporters on Sunday that President Joe Biden had approved the strikes."
FULL_TEXT = f"{OPENING}\n\n{FILLER}\n\n{PASSAGE}\n\nThe end."


@pytest.fixture
def source_id(session):
    return session.push(sources.add_source({"title": "Ukraine fires ATACMS into Russia", "container-title": "Wire",
                                            "author": [{"given": "Tom", "family": "Balmforth"}]},
                                           "2024-11-20", full_text=FULL_TEXT))


@pytest.fixture
def reader(window, source_id):
    """The Reader page showing the long source."""
    window.source_requested.emit(source_id, None)
    page = window.page("Reader")
    assert page is not None and window.tabs.currentWidget() is page
    return page


def answer_dialog(qtbot, dialog_type, fill):
    """Run ``fill(dialog)`` on the next modal ``dialog_type`` once it is open; ``fill`` accepts or
    rejects it. A failing ``fill`` rejects it too (pytest-qt reports the error), so no test hangs."""
    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type):
            QTimer.singleShot(10, act)
            return
        try:
            fill(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, act)


def select_in_document(view, quote: str) -> None:
    """Select ``quote`` the way a user would: by its position in the widget's own document."""
    cursor = view.document().find(quote)
    assert not cursor.isNull(), quote
    view.setTextCursor(cursor)
