"""The Reader page on real widgets: highlight, go to passages, edit text, find, show text as text."""
from __future__ import annotations

from PySide6.QtCore import Qt

from db import annotations, sources
from desktop_app.reader.annotation_list import ANNOTATION_ID
from desktop_app.reader.dialogs import HighlightDialog, TextDialog

from .conftest import FULL_TEXT, PASSAGE, answer_dialog, select_in_document


def stored(session, annotation_id: int) -> dict:
    return next(a for a in annotations.source_annotations(session.db, _source_of(session, annotation_id))
                if a["id"] == annotation_id)


def painted(view) -> list:
    """The marks drawn with a background (highlights, find matches), not the reading assistant's underlines."""
    return [mark for mark in view.extraSelections() if mark.format.background().style() != Qt.BrushStyle.NoBrush]


def _source_of(session, annotation_id):
    return session.db.conn.execute("SELECT source_id FROM annotations WHERE id = ?", (annotation_id,)).fetchone()[0]


def test_highlighting_a_selection_stores_offsets_of_the_full_text(reader, session, source_id):
    before = session.undo_stack.count()
    for quote, color in (("Russia said it shot down", "green"), (PASSAGE[:40], "pink")):
        select_in_document(reader.view, quote)
        reader.highlight_actions[color].trigger()
        annotation = stored(session, reader.side.current_annotation_id())
        assert annotation["exact"] == quote
        assert FULL_TEXT[annotation["start_char"]:annotation["end_char"]] == quote  # despite emoji and \r\n
        assert annotation["color"] == color
    assert session.undo_stack.count() == before + 2
    assert reader.side.model.rowCount() == 2
    session.undo_stack.undo()
    assert reader.side.model.rowCount() == 1


def test_highlight_with_note_and_tags(reader, session, qtbot):
    select_in_document(reader.view, "Ukraine struck a depot")

    def fill(dialog):
        dialog.swatches.buttons["blue"].click()
        dialog.note.setPlainText("first strike")
        dialog.tags.setText("claim, strike")
        dialog.accept()
    answer_dialog(qtbot, HighlightDialog, fill)
    reader.highlight_note_action.trigger()
    annotation = stored(session, reader.side.current_annotation_id())
    assert (annotation["exact"], annotation["color"], annotation["note"]) == ("Ukraine struck a depot", "blue", "first strike")
    assert sorted(annotation["tags"].split(", ")) == ["claim", "strike"]


def test_choosing_an_annotation_scrolls_to_and_selects_its_passage(reader, session, source_id, qtbot):
    start = FULL_TEXT.index(PASSAGE)
    annotation_id = session.push(annotations.add_annotation(source_id, start, start + len(PASSAGE)))
    reader.view.verticalScrollBar().setValue(0)
    row = reader.side.model.row_of(annotation_id)
    index = reader.side.model.index(row, 0)
    qtbot.mouseClick(reader.side.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=reader.side.list.visualRect(index).center())
    assert reader.view.textCursor().selectedText() == PASSAGE
    assert reader.view.verticalScrollBar().value() > 0  # the passage is far down the text
    assert reader.view.viewport().rect().intersects(reader.view.span_rect(start, start + len(PASSAGE)))


def test_clicking_in_a_highlight_chooses_its_annotation(reader, session, source_id, qtbot):
    start = FULL_TEXT.index("shot down")
    annotation_id = session.push(annotations.add_annotation(source_id, start, start + len("shot down five")))
    reader.side.choose(None)
    point = reader.view.span_rect(start + 3, start + 4).center()
    qtbot.mouseClick(reader.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert reader.side.current_annotation_id() == annotation_id
    qtbot.mouseClick(reader.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=reader.view.span_rect(0, 1).center())
    assert reader.side.current_annotation_id() is None


def test_source_requested_opens_the_reader_at_the_annotation(window, session, source_id):
    start = FULL_TEXT.index(PASSAGE)
    annotation_id = session.push(annotations.add_annotation(source_id, start, start + 20, note="who approved"))
    window.tabs.setCurrentIndex(0)
    window.source_requested.emit(source_id, annotation_id)
    page = window.page("Reader")
    assert window.tabs.currentWidget() is page
    assert page.title.text() == "Ukraine fires ATACMS into Russia"
    assert "Tom Balmforth" in page.byline.text() and "20 November 2024" in page.byline.text()
    assert page.side.current_annotation_id() == annotation_id
    assert page.view.textCursor().selectedText() == PASSAGE[:20]


def test_edit_note_colour_tags_and_delete_are_undoable(reader, session, source_id, qtbot):
    annotation_id = session.push(annotations.add_annotation(source_id, 0, 4, note="old"))
    reader.side.choose(annotation_id)
    reader.side.swatches.buttons["orange"].click()
    assert stored(session, annotation_id)["color"] == "orange"
    reader.side.note.setFocus()
    reader.side.note.selectAll()
    qtbot.keyClicks(reader.side.note, "new note")
    assert stored(session, annotation_id)["note"] == "old"  # saved when the field is left, not per key
    reader.side.tags.setFocus()  # leaving the note saves it
    qtbot.keyClicks(reader.side.tags, "place")
    qtbot.keyClick(reader.side.tags, Qt.Key.Key_Return)
    assert (stored(session, annotation_id)["note"], stored(session, annotation_id)["tags"]) == ("new note", "place")
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert stored(session, annotation_id)["note"] == "old"
    assert reader.side.note.toPlainText() == "old"  # the panel follows the undo
    reader.side.delete.click()
    assert reader.side.model.rowCount() == 0
    session.undo_stack.undo()
    assert reader.side.model.rowCount() == 1 and stored(session, annotation_id)["color"] == "orange"


def test_edit_text_moves_highlights_orphans_lost_ones_and_undo_restores(reader, session, source_id, qtbot):
    passage_start = FULL_TEXT.index(PASSAGE)
    moved = session.push(annotations.add_annotation(source_id, passage_start, passage_start + len(PASSAGE)))
    lost_start = FULL_TEXT.index("Russia said")
    lost = session.push(annotations.add_annotation(source_id, lost_start, lost_start + len("Russia said it shot down")))
    # The editor writes line breaks as "\n" (the source's "\r\n" included).
    corrected = "CORRECTION: an earlier version misstated the depot.\n\n" + FULL_TEXT.replace("\r\n", "\n").replace(
        "Russia said it shot down five of six missiles.", "Moscow gave no figures.")

    def fill(dialog):
        dialog.editor.setPlainText(corrected)
        dialog.accept()
    answer_dialog(qtbot, TextDialog, fill)
    reader.edit_text_action.trigger()

    assert sources.get_source(session.db, source_id)["full_text"] == corrected
    placed = stored(session, moved)
    assert corrected[placed["start_char"]:placed["end_char"]] == PASSAGE
    assert stored(session, lost)["orphaned"] == 1
    assert reader.view.full_text == corrected
    assert "1 highlight is no longer found" in reader.notice.text()
    [drawn] = painted(reader.view)
    assert drawn.cursor.selectedText() == PASSAGE  # the moved highlight is drawn on its passage

    session.undo_stack.undo()
    assert reader.view.full_text == FULL_TEXT
    assert (stored(session, moved)["start_char"], stored(session, lost)["orphaned"]) == (passage_start, 0)
    assert len(painted(reader.view)) == 2


def test_find_bar_counts_and_steps_through_matches(reader, qtbot):
    reader.view.setFocus()
    qtbot.keyClick(reader.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.find_bar.isVisible()
    qtbot.keyClicks(reader.find_bar.field, "PARAGRAPH of background number 1")
    expected = FULL_TEXT.lower().count("paragraph of background number 1")
    assert expected > 1
    assert reader.find_bar.count.text() == f"1 of {expected}"
    first = reader.view.textCursor().selectionStart()
    qtbot.keyClick(reader.find_bar.field, Qt.Key.Key_Return)
    assert reader.find_bar.count.text() == f"2 of {expected}"
    assert reader.view.textCursor().selectionStart() > first
    assert len(painted(reader.view)) == expected
    qtbot.keyClick(reader.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert reader.find_bar.count.text() == f"1 of {expected}" and reader.view.textCursor().selectionStart() == first
    qtbot.keyClick(reader.find_bar.field, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible() and painted(reader.view) == []


def test_markup_in_the_source_is_shown_as_text(window, session):
    hostile = 'Before <b>bold?</b> <img src="file:///etc/passwd"> <script>alert(1)</script> after &amp; done.'
    source_id = session.push(sources.add_source({"title": "<i>Title</i>"}, full_text=hostile))
    window.source_requested.emit(source_id, None)
    page = window.page("Reader")
    document = page.view.document()
    assert document.toPlainText() == hostile
    assert page.title.text() == "<i>Title</i>" and page.title.textFormat() == Qt.TextFormat.PlainText
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            assert not it.fragment().charFormat().isImageFormat()
            it += 1
        block = block.next()


def test_cited_by_lists_events_and_double_click_asks_for_the_event(window, session, qtbot):
    source_id = session.db.conn.execute("SELECT id FROM sources WHERE title = 'Daily News report'").fetchone()[0]
    window.source_requested.emit(source_id, None)
    page = window.page("Reader")
    titles = [page.side.cited_by.item(i).text().split("\n")[0] for i in range(page.side.cited_by.count())]
    assert titles == ["Bridge closed to traffic", "Protest at the square"]
    item = page.side.cited_by.item(1)
    where = page.side.cited_by.visualItemRect(item).center()
    with qtbot.waitSignal(window.event_requested, timeout=1000) as signal:
        # A double-click is a press and release followed by a second press: the view wants both.
        qtbot.mouseClick(page.side.cited_by.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(page.side.cited_by.viewport(), Qt.MouseButton.LeftButton, pos=where)
    event_id = session.db.conn.execute("SELECT id FROM events WHERE title = 'Protest at the square'").fetchone()[0]
    assert signal.args == [event_id]


def test_annotation_model_passes_the_model_tester(reader, session, source_id, qtmodeltester):
    session.push(annotations.add_annotation(source_id, 0, 4))
    session.push(annotations.add_annotation(source_id, 10, 20, note="n", tags=("t",)))
    qtmodeltester.check(reader.side.model)
    assert [reader.side.model.index(r, 0).data(ANNOTATION_ID) for r in range(2)] != [None, None]


def test_dragging_over_text_offers_the_colours_above_the_selection(reader, session, qtbot):
    start = FULL_TEXT.index("Russia said")
    end = start + len("Russia said it shot down")
    viewport = reader.view.viewport()
    press = reader.view.span_rect(start, start).center()
    release = reader.view.span_rect(end, end).center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(viewport, release)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=release)
    assert reader.view.selected_span() == (start, end)
    assert reader.selection_bar.isVisible()
    assert reader.selection_bar.geometry().bottom() <= press.y()  # above the passage, not over it
    reader.selection_bar.swatches.buttons["orange"].click()
    annotation = stored(session, reader.side.current_annotation_id())
    assert (annotation["exact"], annotation["color"]) == ("Russia said it shot down", "orange")
    assert not reader.selection_bar.isVisible()
