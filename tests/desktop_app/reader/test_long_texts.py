"""A text of tens of megabytes in the reader (issue 14, item 18): it is shown through a window of
it that moves as the reader scrolls, with a scroll bar over the whole text; only the lines on
screen are laid out and only the marks near the screen are given to Qt; highlights and passages
anywhere in the text anchor. (How long the first screen takes, and the memory, are measured by
`python -m benchmarks.big_text`.)"""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from desktop_app.reader import text_view, text_window
from desktop_app.reader.text_view import Highlight, SourceTextView
from desktop_app.reader_assistant import marks

PARAGRAPH = ("On Tuesday 19 November 2024 the council met again, and the minister said the bridge would stay "
             "closed until the spring; residents protested at the square. ") * 3
TEXT = "\n\n".join(f"{number}. {PARAGRAPH}" for number in range(3_000))  # 1.4 MB: three and a half windows
LAST = f"2999. {PARAGRAPH[:40]}"


@pytest.fixture
def view(qtbot):
    shown = SourceTextView()
    qtbot.addWidget(shown)
    shown.resize(1024, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def first_number_on_screen(view) -> int:
    """The paragraph number of the text at the top of the screen, read from the document itself."""
    return int(re.match(r"\d+", view.firstVisibleBlock().text()).group())


def test_a_long_text_is_shown_through_a_window_with_a_scroll_bar_over_all_of_it(view):
    assert len(TEXT) > 3 * text_window.WINDOW_CHARS
    view.set_text(TEXT)
    held = view.document().toPlainText()
    assert held.startswith("0. On Tuesday") and len(held) <= text_window.WINDOW_CHARS + text_window.LINE_SEARCH and TEXT.startswith(held)
    bar = view.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() == len(TEXT) and bar.value() == 0
    bar.setValue(TEXT.index("2000. On Tuesday"))  # a drag of the thumb two thirds down
    assert first_number_on_screen(view) == 2000
    assert view.paragraphs.number_at(view.offset_at(view.viewport().rect().topLeft())) == 2001
    bar.setValue(0)
    assert first_number_on_screen(view) == 0 and view.document().toPlainText() == held


def test_scrolling_past_the_window_moves_it_on(view, qtbot):
    view.set_text(TEXT)
    qt_bar = super(SourceTextView, view).verticalScrollBar()
    for _ in range(400):  # as a mouse wheel would, screen after screen
        qt_bar.setValue(qt_bar.value() + 40)
        qtbot.wait(1)  # the window moves between events
        if first_number_on_screen(view) > 600:
            break
    assert first_number_on_screen(view) > 600  # beyond the first window
    assert view.verticalScrollBar().value() == TEXT.index(f"{first_number_on_screen(view)}. On Tuesday")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert LAST in view.document().toPlainText() and view.verticalScrollBar().value() > TEXT.index("2900. On")
    assert view.textCursor().position() == view.document().characterCount() - 1
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert first_number_on_screen(view) == 0 and view.verticalScrollBar().value() == 0


def test_a_short_text_is_all_in_the_document_with_qt_s_own_scroll_bar(view):
    short = "\n\n".join(f"{number}. {PARAGRAPH}" for number in range(100))
    view.set_text(short)
    assert view.document().toPlainText() == short
    assert view.verticalScrollBar() is super(SourceTextView, view).verticalScrollBar()


def test_only_the_lines_on_screen_are_laid_out(view, qtbot):
    view.set_text(TEXT)
    qtbot.wait(50)  # a paint
    blocks = view.document().blockCount()
    laid_out = 0
    block = view.document().begin()
    while block.isValid():
        laid_out += block.layout().lineCount() > 0
        block = block.next()
    assert blocks > 1_000 and laid_out < 100, f"{laid_out} of {blocks} blocks laid out"


def test_a_highlight_and_a_passage_far_down_anchor_and_the_selection_survives_a_short_scroll(view, qtbot):
    view.set_text(TEXT)
    start = TEXT.index(LAST)
    end = start + len(LAST)
    view.set_highlights([Highlight(start, end, "yellow")])
    assert view.extraSelections() == [] or all(m.cursor.selectedText() != LAST for m in view.extraSelections())
    view.select_span(start, end)  # going to a highlight far down
    [mark] = view.extraSelections()
    assert mark.cursor.selectedText() == LAST
    assert view.textCursor().selectedText() == LAST and view.selected_span() == (start, end)
    assert view.viewport().rect().intersects(view.span_rect(start, end))
    middle = TEXT.index("1500. On Tuesday")
    view.select_span(middle, middle + 20)
    view.verticalScrollBar().setValue(middle - 60_000)  # the window moves; the selection is in it still
    assert view.selected_span() == (middle, middle + 20)


def test_a_new_text_replaces_the_window(view):
    view.set_text(TEXT)
    view.set_text("A short text.")
    assert view.document().toPlainText() == "A short text." and not view.verticalScrollBar().isVisible()


def test_of_many_marks_those_near_the_screen_are_drawn_and_a_scroll_draws_those_there(view):
    view.set_text(TEXT)
    dates = [(m.start(), m.end(), marks.DATE) for m in re.finditer("19 November 2024", TEXT)]
    assert len(dates) > 2 * text_view.ALL_MARKS
    view.set_underlines(dates, marks.formats)
    drawn = {mark.cursor.selectedText() for mark in view.extraSelections()}
    assert drawn == {"19 November 2024"} and 0 < len(view.extraSelections()) < len(dates) / 10
    start = TEXT.index(LAST)
    view.select_span(start, start + len(LAST))  # far down: the marks there are drawn, those at the top not
    paragraphs = {mark.cursor.block().text().split(".")[0] for mark in view.extraSelections()}
    assert "2999" in paragraphs and "0" not in paragraphs
