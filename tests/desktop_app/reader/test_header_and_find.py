"""Two small things of the Reader's header (issue 14, item 18's pass): Ctrl+F on a picture says
there is no text to find in instead of opening an empty find bar, and the controls of the header
(Save original…, Dates and names, Find…, Edit text…) stand apart instead of touching."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.importing import plan_import
from desktop_app.reader.page import NO_TEXT_TO_FIND
from desktop_app.sources.import_flow import start_import
from tests.capture_making import photo
from tests.conftest import ending_of


def _import(qtbot, window, path) -> int:
    assert ending_of(qtbot, start_import(window, window.session, plan_import([path], window.session.db), {})) == "finished"
    return window.session.db.conn.execute("SELECT max(id) FROM sources").fetchone()[0]


def test_ctrl_f_on_a_picture_says_there_is_no_text_and_opens_no_find_bar(qtbot, window, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The bridge was closed on Friday.", encoding="utf-8")
    text_id = _import(qtbot, window, article)
    picture = tmp_path / "harbour.jpg"
    photo(picture)
    picture_id = _import(qtbot, window, picture)
    page = window.page("Reader")
    window.source_requested.emit(text_id, None)
    page.text_view.setFocus()
    qtbot.keyClick(page.text_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.find_bar.isVisible()  # open on the text, then the picture is shown
    window.source_requested.emit(picture_id, None)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.picture.panel)
    assert not page.find_bar.isVisible()
    page.picture.panel.view.setFocus()
    qtbot.keyClick(page.picture.panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert not page.find_bar.isVisible() and not page.find_button.isVisible()
    assert page.notice.isVisible() and page.notice.text() == NO_TEXT_TO_FIND
    assert window.tabs.currentWidget() is page  # the key stayed with the reader
    window.source_requested.emit(text_id, None)
    assert not page.notice.isVisible()
    qtbot.keyClick(page.text_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.find_bar.isVisible()


def test_the_header_controls_stand_apart(qtbot, window, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The bridge was closed on 3 May 2020.", encoding="utf-8")
    window.source_requested.emit(_import(qtbot, window, article), None)
    page = window.page("Reader")
    assert page.save_original.isVisible() and page.assistant.checkbox.isVisible()
    shown = [widget for widget in (page._header.itemAt(i).widget() for i in range(page._header.count()))
             if widget is not None and widget.isVisible()]
    assert shown[:2] == [page.save_original, page.assistant.checkbox] and len(shown) == 4
    for left, right in zip(shown, shown[1:]):
        gap = right.geometry().left() - left.geometry().right() - 1
        assert gap >= 6, f"{left.text()!r} and {right.text()!r} are {gap} px apart"
