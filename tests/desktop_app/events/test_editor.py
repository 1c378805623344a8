import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCalendarWidget, QComboBox, QSpinBox

from db import events
from db.events import update_event
from desktop_app.events import date_dialogs
from desktop_app.events.editor import EventEditor


def event_id_titled(session, title):
    return session.db.conn.execute("SELECT id FROM events WHERE title = ?", (title,)).fetchone()[0]


@pytest.fixture
def editor(qtbot, session):
    widget = EventEditor(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_event(event_id_titled(session, "Bridge closed to traffic"))
    return widget


def retype(qtbot, line_edit, text):
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)


def test_shows_the_event(editor):
    assert editor.title.text() == "Bridge closed to traffic"
    assert editor.date.text() == "2024-11-15"
    assert editor.date.words.text() == "Friday 15 November 2024"
    assert editor.tags.names() == ("transport",)
    assert editor.entities.names() == ("City council",)
    assert editor.citations.tree.topLevelItemCount() == 1
    assert editor.citations.tree.topLevelItem(0).text(0) == "Daily News report"
    assert not editor.save_button.isEnabled()


def test_edit_save_undo_redo(qtbot, session, editor):
    event_id = editor.event_id
    retype(qtbot, editor.title, "Bridge shut")
    retype(qtbot, editor.date.line, "2024-11-16")
    assert editor.date.words.text() == "Saturday 16 November 2024"
    retype(qtbot, editor.tags, "transport, closures")
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    stored = events.get_event(session.db, event_id)
    assert (stored["title"], stored["date_edtf"]) == ("Bridge shut", "2024-11-16")
    assert stored["tags"] == ["closures", "transport"]
    assert session.undo_stack.count() == 1  # one Save, one undoable step
    assert session.undo_stack.undoText() == "Edit event"
    assert not editor.save_button.isEnabled()

    session.undo_stack.undo()
    stored = events.get_event(session.db, event_id)
    assert (stored["title"], stored["date_edtf"], stored["tags"]) == ("Bridge closed to traffic", "2024-11-15",
                                                                      ["transport"])
    assert editor.title.text() == "Bridge closed to traffic"  # the editor follows the undo
    session.undo_stack.redo()
    assert editor.title.text() == "Bridge shut"
    assert events.get_event(session.db, event_id)["title"] == "Bridge shut"


def test_ctrl_return_saves(qtbot, session, editor):
    retype(qtbot, editor.title, "Saved by keyboard")
    qtbot.keyClick(editor.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert events.get_event(session.db, editor.event_id)["title"] == "Saved by keyboard"


def test_invalid_date_shows_the_error_and_saves_nothing(qtbot, session, editor):
    retype(qtbot, editor.date.line, "2024-13-01")
    assert editor.date.error.isVisible()
    assert "month 13" in editor.date.error.text()
    assert not editor.date.words.isVisible()
    assert not editor.save_button.isEnabled()
    assert editor.save() is False
    qtbot.keyClick(editor.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert events.get_event(session.db, editor.event_id)["date_edtf"] == "2024-11-15"
    assert session.undo_stack.count() == 0
    retype(qtbot, editor.date.line, "2024-12~")
    assert not editor.date.error.isVisible()
    assert editor.date.words.text() == "about December 2024"
    assert editor.save_button.isEnabled()


def test_coordinates_are_checked(qtbot, session, editor):
    retype(qtbot, editor.latitude, "95")
    retype(qtbot, editor.longitude, "30.5")
    assert "Latitude must be between" in editor.location_error.text()
    assert not editor.save_button.isEnabled()
    retype(qtbot, editor.latitude, "50.45")
    assert not editor.location_error.isVisible()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    stored = events.get_event(session.db, editor.event_id)
    assert (stored["latitude"], stored["longitude"]) == (50.45, 30.5)


def test_an_edit_elsewhere_keeps_what_is_being_typed(qtbot, session, editor):
    retype(qtbot, editor.title, "Typing here")
    session.push(update_event(editor.event_id, date_edtf="2024-11-14"))  # e.g. dragged on the timeline
    assert editor.date.text() == "2024-11-14"
    assert editor.title.text() == "Typing here"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    stored = events.get_event(session.db, editor.event_id)
    assert (stored["title"], stored["date_edtf"]) == ("Typing here", "2024-11-14")


def test_moving_to_another_event_saves_a_valid_edit(qtbot, session, editor):
    first = editor.event_id
    retype(qtbot, editor.title, "Not lost")
    editor.show_event(event_id_titled(session, "Minister resigns"))
    assert events.get_event(session.db, first)["title"] == "Not lost"
    assert editor.title.text() == "Minister resigns"


def test_deleting_the_event_empties_the_editor(session, editor):
    session.push(events.delete_events([editor.event_id]))
    assert editor.event_id is None
    assert editor.placeholder.isVisible()


def test_citations_remove_open_and_add(qtbot, session, editor):
    tree = editor.citations.tree
    tree.setCurrentItem(tree.topLevelItem(0))
    with qtbot.waitSignal(editor.source_requested) as opened:
        qtbot.mouseClick(editor.citations.open_button, Qt.MouseButton.LeftButton)
    assert opened.args[0] == session.db.conn.execute("SELECT id FROM sources").fetchone()[0]
    with qtbot.waitSignal(editor.cite_requested) as asked:
        qtbot.mouseClick(editor.citations.add_button, Qt.MouseButton.LeftButton)
    assert asked.args == [editor.event_id]

    qtbot.mouseClick(editor.citations.remove_button, Qt.MouseButton.LeftButton)
    assert events.get_event(session.db, editor.event_id)["citations"] == []
    assert tree.topLevelItemCount() == 0
    session.undo_stack.undo()
    assert tree.topLevelItemCount() == 1


def test_entity_completion_offers_aliases_and_writes_the_entity(qtbot, editor):
    field = editor.entities
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    offered = field.completer_model().stringList()
    assert {"John Smith", "J. Smith → John Smith", "City council", "Jane Doe"} <= set(offered)
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, ", J. Sm")  # the alias is what the user remembers
    popup = field._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())] == ["J. Smith → John Smith"]
    field._completer.activated.emit("J. Smith → John Smith")  # what choosing the line sends
    assert field.names() == ("City council", "John Smith")


def test_a_name_the_store_writes_otherwise_leaves_nothing_unsaved(qtbot, session, editor):
    """An alias typed by hand is stored as its entity, a tag in another case as the existing tag,
    a coordinate as its number: after Save the editor shows that and has nothing left to save."""
    event_id = editor.event_id
    retype(qtbot, editor.entities, "City council, j. smith")
    retype(qtbot, editor.tags, "Transport, POLITICS")
    retype(qtbot, editor.latitude, "50.450")
    retype(qtbot, editor.longitude, "30.5")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    stored = events.get_event(session.db, event_id)
    assert stored["entities"] == ["City council", "John Smith"] and stored["tags"] == ["politics", "transport"]
    assert editor.entities.names() == ("City council", "John Smith")
    assert editor.tags.names() == ("politics", "transport") and editor.latitude.text() == "50.45"
    assert not editor.is_dirty() and not editor.save_button.isEnabled()
    editor.show_event(event_id_titled(session, "Minister resigns"))  # moving on saves nothing more
    assert session.undo_stack.count() == 1


def test_a_name_retyped_in_another_case_leaves_nothing_unsaved(qtbot, session, editor):
    """"POLITICS" where "politics" is already the event's tag changes nothing in the store, yet the
    field must show the stored name and the editor have nothing left to save."""
    retype(qtbot, editor.tags, "politics")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    steps = session.undo_stack.count()
    retype(qtbot, editor.tags, "POLITICS")
    assert editor.is_dirty()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.tags.names() == ("politics",) and not editor.is_dirty()
    assert session.undo_stack.count() <= steps + 1


def test_build_menu_marks_approximate(editor):
    actions = {a.text(): a for a in editor.date.build_button.menu().actions()}
    actions["Approximate (~)"].trigger()
    assert editor.date.text() == "2024-11-15~"
    assert editor.date.words.text() == "about 15 November 2024"
    assert editor.save_button.isEnabled()


def answer_dialog(change):
    """Change the fields of the next modal dialog, then press OK."""
    def act():
        dialog = QApplication.activeModalWidget()
        change(dialog)
        dialog.accept()
    QTimer.singleShot(0, act)


def test_date_dialogs_write_edtf(qtbot, editor):
    answer_dialog(lambda d: d.findChild(QCalendarWidget).setSelectedDate(QDate(2023, 2, 28)))
    assert date_dialogs.ask_day(editor, QDate(2024, 11, 15)) == "2023-02-28"
    answer_dialog(lambda d: (d.findChild(QComboBox).setCurrentIndex(3), d.findChild(QSpinBox).setValue(1990)))
    assert date_dialogs.ask_season(editor, QDate(2024, 11, 15)) == "1990-24"
    answer_dialog(lambda d: d.findChild(QSpinBox).setValue(-5))
    assert date_dialogs.ask_year(editor, QDate(2024, 1, 1)) == "-0005"


def test_the_completion_popup_closes_when_the_event_is_saved(qtbot, session, editor):
    field = editor.entities
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, ", Jane")
    popup = field._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Save while it is open
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert events.get_event(session.db, editor.event_id)["entities"] == ["City council", "Jane"]
