"""The Timeline page in the real window: create, edit, delete, undo through the GUI; the list and
the timeline in step; filters; zoom; keyboard."""
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from db import events
from db.events import EventFilter
from desktop_app.events.edtf_forms import day_of
from desktop_app.events.table_model import TITLE
from desktop_app.timeline import axis
from desktop_app.timeline.scene import AXIS_H

pytestmark = pytest.mark.usefixtures("active_window")


@pytest.fixture
def active_window(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window


@pytest.fixture
def page(window, qtbot):
    timeline_page = window.page("Timeline")
    canvas = timeline_page.timeline.canvas
    qtbot.waitUntil(lambda: canvas.scene() is not None and len(canvas.scene().items) == 5)
    return timeline_page


def id_of(session, title):
    return session.db.conn.execute("SELECT id FROM events WHERE title = ?", (title,)).fetchone()[0]


def list_titles(page):
    model = page.model
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def selected_titles(page):
    return sorted(events.get_event(page.session.db, i)["title"] for i in page.list.selected_ids())


def status(window, part):
    return window.statusBar().findChild(object, f"status_{part}").text()


def focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def click_row(qtbot, page, row):
    # A real click: QTableView.selectRow() would read the keyboard modifiers a previous test's
    # key events left behind (offscreen has no keyboard to reset them).
    table = page.list.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(page.model.index(row, TITLE)).center())


def click_on_timeline(qtbot, page, event_id):
    canvas = page.timeline.canvas
    item = next(i for i in canvas.scene().items if i.id == event_id)
    x = item.x0 if item.kind == "point" else item.label_x + 4
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(item.y + AXIS_H - canvas.scroll_y())))


def test_create_edit_undo_redo_through_the_gui(qtbot, window, page):
    session = window.session
    qtbot.keyClick(page.list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new_id = page.editor.event_id
    created = events.get_event(session.db, new_id)
    assert created["title"] == "New event" and created["date_precision"] == "day"
    assert created["date_edtf"] == day_of(page.timeline.center_time())  # at the centre of the view
    assert created["date_edtf"] == page.editor.date.text()
    assert page.editor.title.hasFocus() and page.editor.title.selectedText() == "New event"
    assert page.list.selected_ids() == [new_id] and page.timeline.selected_ids() == [new_id]
    assert status(window, "events") == "6 events" and status(window, "selection") == "1 selected"

    qtbot.keyClicks(page.editor.title, "Ferry service suspended")  # replaces the selected title
    page.editor.date.line.selectAll()
    qtbot.keyClicks(page.editor.date.line, "2024-11-16")
    assert status(window, "saved").startswith("Unsaved edits")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    stored = events.get_event(session.db, new_id)
    assert (stored["title"], stored["date_edtf"]) == ("Ferry service suspended", "2024-11-16")
    assert status(window, "saved") == "All changes saved"
    assert "Ferry service suspended" in list_titles(page)

    qtbot.keyClick(page.list.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert events.get_event(session.db, new_id)["title"] == "New event"
    assert page.editor.title.text() == "New event"
    qtbot.keyClick(page.list.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert events.get_event(session.db, new_id) is None
    assert page.model.rowCount() == 5 and page.editor.event_id is None
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.list.table, Qt.Key.Key_Z, redo)
    qtbot.keyClick(page.list.table, Qt.Key.Key_Z, redo)
    assert events.get_event(session.db, new_id)["title"] == "Ferry service suspended"
    assert page.model.rowCount() == 6


def test_delete_key_on_the_list_and_multi_delete_with_confirmation(qtbot, window, page, monkeypatch):
    session = window.session
    table = page.list.table
    focus(qtbot, table)
    click_row(qtbot, page, 0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert events.count_events(session.db) == 4
    assert "Spring storms flood the valley" not in list_titles(page)

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    table.selectAll()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert asked and "Delete 4 events?" in asked[0]
    assert events.count_events(session.db) == 4  # cancelled

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert events.count_events(session.db) == 0
    assert page.list.currentWidget() is page.list.empty
    assert "No events yet" in page.list.empty.message.text()
    session.undo_stack.undo()
    assert events.count_events(session.db) == 4 and page.model.rowCount() == 4
    session.undo_stack.undo()
    assert list_titles(page)[0] == "Spring storms flood the valley"


def test_delete_key_on_the_timeline_selection(qtbot, window, page):
    target = id_of(window.session, "Bridge closed to traffic")
    click_on_timeline(qtbot, page, target)
    qtbot.keyClick(page.timeline.canvas, Qt.Key.Key_Delete)
    assert events.get_event(window.session.db, target) is None


def test_clicking_the_timeline_selects_the_row_and_the_reverse(qtbot, window, page):
    session = window.session
    target = id_of(session, "Protest at the square")
    click_on_timeline(qtbot, page, target)
    assert page.list.selected_ids() == [target]
    assert page.list.table.currentIndex().row() == page.model.row_of(target)
    assert page.editor.event_id == target
    assert status(window, "selection") == "1 selected"

    other = id_of(session, "Minister resigns")
    click_row(qtbot, page, page.model.row_of(other))
    assert page.timeline.selected_ids() == [other]
    assert page.editor.title.text() == "Minister resigns"


def test_double_click_on_the_timeline_opens_the_editor(qtbot, window, page):
    target = id_of(window.session, "Bridge closed to traffic")
    page.timeline.event_activated.emit(target)
    assert page.editor.event_id == target and page.editor.title.hasFocus()


def test_undo_crosses_the_editor_and_the_timeline(qtbot, window, page):
    session = window.session
    target = id_of(session, "Bridge closed to traffic")
    page.reveal_event(target)
    page.editor.title.selectAll()
    qtbot.keyClicks(page.editor.title, "Bridge shut")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    page.timeline.canvas._move_event(events.get_event(session.db, target), 2)  # what a drag ends with
    assert events.get_event(session.db, target)["date_edtf"] == "2024-11-17"
    assert page.editor.date.text() == "2024-11-17"
    assert session.undo_stack.undoText() == "Edit date of event"
    session.undo_stack.undo()
    assert page.editor.date.text() == "2024-11-15" and page.editor.title.text() == "Bridge shut"
    session.undo_stack.undo()
    assert events.get_event(session.db, target)["title"] == "Bridge closed to traffic"
    assert page.model.index(page.model.row_of(target), TITLE).data() == "Bridge closed to traffic"


def test_filter_by_text_and_tag_narrows_both_views(qtbot, window, page):
    bar = page.filter_bar
    qtbot.keyClick(page.list.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.text.hasFocus()
    qtbot.keyClicks(bar.text, "bridge")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert sorted(list_titles(page)) == ["Bridge closed to traffic", "Council votes to close the bridge"]
    assert page.timeline.canvas.source.where == EventFilter(text="bridge")
    qtbot.waitUntil(lambda: len(page.timeline.canvas.scene().items) == 2)
    assert status(window, "events") == "2 of 5 events shown"

    qtbot.keyClicks(bar.tags, "politics")
    qtbot.keyClick(bar.tags, Qt.Key.Key_Return)
    assert list_titles(page) == ["Council votes to close the bridge"]
    assert page.timeline.canvas.source.where == EventFilter(text="bridge", tags=("politics",))
    qtbot.waitUntil(lambda: [i.id for i in page.timeline.canvas.scene().items] == [page.model.event_id(0)])

    qtbot.keyClicks(bar.tags, ", weather")
    qtbot.keyClick(bar.tags, Qt.Key.Key_Return)
    assert page.model.rowCount() == 0
    assert page.list.currentWidget() is page.list.empty
    assert page.list.empty.message.text().startswith("No events match the filter")
    qtbot.mouseClick(page.list.empty.button, Qt.MouseButton.LeftButton)  # "Clear filter"
    assert page.model.rowCount() == 5 and bar.tags.text() == ""
    assert status(window, "events") == "5 events"


def test_status_bar_counts_what_is_shown_and_selected(qtbot, window, page):
    page.apply_filter(EventFilter(tags=("transport",)))
    assert status(window, "events") == "2 of 5 events shown"
    assert status(window, "selection") == ""
    qtbot.waitUntil(lambda: len(page.timeline.canvas.scene().items) == 2)
    first, second = (id_of(window.session, t) for t in ("Council votes to close the bridge", "Bridge closed to traffic"))
    click_on_timeline(qtbot, page, first)
    assert status(window, "selection") == "1 selected"
    canvas = page.timeline.canvas
    item = next(i for i in canvas.scene().items if i.id == second)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     QPoint(round(item.x0), round(item.y + AXIS_H - canvas.scroll_y())))
    assert sorted(page.list.selected_ids()) == sorted([first, second])
    assert status(window, "selection") == "2 selected"
    assert page.editor.placeholder.text().startswith("2 events selected")
    page.apply_filter(EventFilter(tags=("politics",)))  # one of them is filtered out
    assert status(window, "events") == "2 of 5 events shown" and status(window, "selection") == "1 selected"


def test_event_requested_clears_a_filter_that_hides_it(qtbot, window, page):
    page.apply_filter(EventFilter(tags=("weather",)))
    target = id_of(window.session, "Protest at the square")
    window.event_requested.emit(target)
    assert page.model.event_filter.is_empty
    assert page.list.selected_ids() == [target] and page.timeline.selected_ids() == [target]
    assert page.editor.event_id == target


def test_sorting_by_header_keeps_the_selection(qtbot, window, page):
    target = id_of(window.session, "Protest at the square")
    page.reveal_event(target)
    header = page.list.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(TITLE) + 20, header.height() // 2))
    assert list_titles(page) == sorted(list_titles(page), key=str.casefold)
    assert page.list.selected_ids() == [target]
    assert page.timeline.selected_ids() == [target]


def test_zoom_keys_change_the_tick_unit(qtbot, window, page):
    table = page.list.table
    focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    fitted = axis.ticks(page.timeline.viewport()).unit
    for _ in range(8):
        qtbot.keyClick(table, Qt.Key.Key_Plus)
    zoomed = axis.ticks(page.timeline.viewport()).unit
    assert axis.UNITS.index(zoomed) > axis.UNITS.index(fitted)
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Minus)
    assert axis.UNITS.index(axis.ticks(page.timeline.viewport()).unit) <= axis.UNITS.index(zoomed)
    qtbot.keyClick(table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert axis.ticks(page.timeline.viewport()).unit == fitted


def test_zoom_to_selection(qtbot, window, page):
    page.reveal_event(id_of(window.session, "Bridge closed to traffic"))
    focus(qtbot, page.list.table)
    qtbot.keyClick(page.list.table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert axis.ticks(page.timeline.viewport()).unit in ("day", "hour")


def test_return_on_the_list_edits_the_selected_event(qtbot, window, page):
    table = page.list.table
    focus(qtbot, table)
    click_row(qtbot, page, 1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert page.editor.title.hasFocus() and page.editor.title.text() == "Minister resigns"


def test_every_action_shows_its_shortcut_in_a_menu(window):
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString()
                 for menu in window.menus.values() for a in menu.actions()}
    assert shortcuts["New Event"] == "Ctrl+N"
    assert shortcuts["Delete"] == "Del"
    assert shortcuts["Edit Event"] == "Return"
    assert shortcuts["Filter Events"] == "Ctrl+F"
    assert shortcuts["Zoom to Fit"] == "Ctrl+0"
    assert shortcuts["Zoom to Selection"] == "Ctrl+Shift+0"
    assert shortcuts["Zoom In"] == "+" and shortcuts["Zoom Out"] == "-"


def test_lane_grouping_from_the_view_menu_is_remembered(window, page, settings):
    lanes = next(a.menu() for a in window.menus["view"].actions() if a.menu() and "Lanes" in a.text())
    by_tag = next(a for a in lanes.actions() if "Tag" in a.text())
    by_tag.trigger()
    assert page.timeline.lane_mode() == "tag"
    assert settings.value("timeline/lanes") == "tag"
    path = window.session.path
    window.project_files.close_action.trigger()
    assert window.project_files.open_path(path)
    assert window.page("Timeline").timeline.lane_mode() == "tag"


def test_splitter_sizes_are_remembered_for_the_next_project(qtbot, window, page):
    page.main.moveSplitter(700, 1)  # what dragging the handle does
    sizes = page.main.sizes()
    path = window.session.path
    window.project_files.close_action.trigger()
    window.project_files.open_path(path)
    reopened = window.page("Timeline").main
    qtbot.waitUntil(lambda: sum(reopened.sizes()) == sum(sizes))
    assert reopened.sizes() == sizes


def test_history_lists_the_edits(qtbot, window, page):
    from PySide6.QtWidgets import QUndoView

    window.session.push(events.add_event("One", "2024"))
    window.session.push(events.add_event("Two", "2024"))
    next(a for a in window.menus["edit"].actions() if a.text() == "&History…").trigger()
    view = window._history_dialog.findChild(QUndoView)
    assert view.model().rowCount() == 3  # the project as opened, then the two edits
    view.setCurrentIndex(view.model().index(1, 0))  # click the first edit: the second is undone
    assert events.count_events(window.session.db) == 6


def test_deleting_the_event_being_edited_discards_its_unsaved_changes_cleanly(qtbot, window, page):
    """Reproduced before: the deletion's change notification made the page select nothing, the
    editor then saved its pending edit to the deleted event — "there is no event 1"."""
    session = window.session
    target = id_of(session, "Bridge closed to traffic")
    page.select_events([target])
    page.editor.title.setText("Typed, never saved")
    page.editor.title.textEdited.emit("Typed, never saved")
    assert page.editor.is_dirty() and status(window, "saved").startswith("Unsaved edits")
    focus(qtbot, page.list.table)
    with qtbot.captureExceptions() as raised:
        qtbot.keyClick(page.list.table, Qt.Key.Key_Delete)
    assert raised == []
    assert events.get_event(session.db, target) is None
    assert page.editor.event_id is None and not page.editor.placeholder.isHidden() and not page.editor.is_dirty()
    said = window.statusBar().currentMessage()
    assert said == "Unsaved changes to “Bridge closed to traffic” were discarded: the event was deleted"
    assert "there is no event" not in said and status(window, "saved") == "All changes saved"
    assert session.undo_stack.count() == 1  # the deletion alone: no edit of the deleted event
    session.undo_stack.undo()
    assert events.get_event(session.db, target)["title"] == "Bridge closed to traffic"


def test_undoing_the_creation_of_the_event_being_edited_discards_the_same_way(qtbot, window, page):
    session = window.session
    event_id = page.new_event()
    page.editor.title.setText("Half typed")
    page.editor.title.textEdited.emit("Half typed")
    with qtbot.captureExceptions() as raised:
        session.undo_stack.undo()
    assert raised == [] and events.get_event(session.db, event_id) is None
    assert page.editor.event_id is None and not page.editor.placeholder.isHidden() and not page.editor.is_dirty()
    assert window.statusBar().currentMessage() == "Unsaved changes to “New event” were discarded: the event was deleted"


def test_a_pending_edit_is_not_saved_from_inside_another_edits_notification(qtbot, window, page):
    """An undo that makes the filter hide the event being edited: the page then selects nothing,
    but nothing may be saved while the views are told of the undo — the edit stays on screen."""
    session = window.session
    target = id_of(session, "Minister resigns")
    session.push(events.update_event(target, tags=["politics", "later"]))
    page.apply_filter(EventFilter(tags=("later",)))
    page.select_events([target])
    page.editor.title.setText("Still typing")
    page.editor.title.textEdited.emit("Still typing")
    with qtbot.captureExceptions() as raised:
        session.undo_stack.undo()  # the tag goes: the filter hides the event
    assert raised == [] and page.model.rowCount() == 0
    assert page.editor.event_id == target and page.editor.title.text() == "Still typing"
    page.editor.save()
    assert events.get_event(session.db, target)["title"] == "Still typing"
