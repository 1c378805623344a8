"""A text of tens of megabytes in the reader (issue 14, item 18): its first part shows at once and
the rest arrives between events; only the lines on screen are laid out; all of the text is there
in the end, and highlights and passages beyond the first part anchor when they arrive. (How long
the first screen takes, and the memory, are measured by `python -m benchmarks.inputs`.)"""
from __future__ import annotations

import re

import pytest

from desktop_app.reader import text_view
from desktop_app.reader.text_view import Highlight, SourceTextView

PARAGRAPH = ("On Tuesday 19 November 2024 the council met again, and the minister said the bridge would stay "
             "closed until the spring; residents protested at the square. ") * 3
TEXT = "\n\n".join(f"{number}. {PARAGRAPH}" for number in range(3_000))  # 1.4 MB: six parts
LAST = f"2999. {PARAGRAPH[:40]}"


@pytest.fixture
def view(qtbot):
    shown = SourceTextView()
    qtbot.addWidget(shown)
    shown.resize(1024, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def arrived(qtbot, view) -> None:
    with qtbot.waitSignal(view.loaded, timeout=120_000):
        pass


def test_the_first_part_shows_at_once_and_the_rest_arrives(view, qtbot):
    assert len(TEXT) > 4 * text_view.PART_CHARS
    view.set_text(TEXT)
    assert view.loading and view.document().characterCount() - 1 == text_view.PART_CHARS
    assert view.document().toPlainText().startswith("0. On Tuesday")
    arrived(qtbot, view)
    assert not view.loading and view.document().toPlainText() == TEXT


def test_only_the_lines_on_screen_are_laid_out(view, qtbot):
    view.set_text(TEXT)
    arrived(qtbot, view)
    qtbot.wait(50)  # a paint
    blocks = view.document().blockCount()
    laid_out = 0
    block = view.document().begin()
    while block.isValid():
        laid_out += block.layout().lineCount() > 0
        block = block.next()
    assert blocks > 5_000 and laid_out < 100, f"{laid_out} of {blocks} blocks laid out"


def test_a_highlight_and_a_passage_beyond_the_first_part_anchor_when_they_arrive(view, qtbot):
    view.set_text(TEXT)
    start = TEXT.index(LAST)
    end = start + len(LAST)
    view.set_highlights([Highlight(start, end, "yellow")])
    view.select_span(start, end)  # going to a highlight far down, before that part has arrived
    arrived(qtbot, view)
    [mark] = view.extraSelections()
    assert mark.cursor.selectedText() == LAST
    assert view.textCursor().selectedText() == LAST
    assert view.viewport().rect().intersects(view.span_rect(start, end))


def test_a_new_text_stops_the_old_one_arriving(view, qtbot):
    view.set_text(TEXT)
    view.set_text("A short text.")
    assert not view.loading and view.document().toPlainText() == "A short text."
    qtbot.wait(100)
    assert view.document().toPlainText() == "A short text."


def test_of_many_marks_those_near_the_screen_are_drawn_and_a_scroll_draws_those_there(view, qtbot):
    from desktop_app.reader_assistant import marks

    view.set_text(TEXT)
    arrived(qtbot, view)
    dates = [(m.start(), m.end(), marks.DATE) for m in re.finditer("19 November 2024", TEXT)]
    assert len(dates) > 2 * text_view.ALL_MARKS
    view.set_underlines(dates, marks.formats)
    drawn = {mark.cursor.selectedText() for mark in view.extraSelections()}
    assert drawn == {"19 November 2024"} and 0 < len(view.extraSelections()) < len(dates) / 10
    start = TEXT.index(LAST)
    view.select_span(start, start + len(LAST))  # far down: the marks there are drawn
    last_date = dates[-1][0]
    assert last_date in {mark.cursor.selectionStart() for mark in view.extraSelections()}
    assert dates[0][0] not in {mark.cursor.selectionStart() for mark in view.extraSelections()}
