"""Marks in the text, near-miss names confirmed as aliases (or ignored), merging entities, the
list of found dates with its ticks, the toggle, and long texts read off the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import Qt

from db import annotations, entities, events, sources
from desktop_app.reader_assistant import assistant as assistant_module
from desktop_app.reader_assistant.dates_list import CITED
from desktop_app.reader_assistant.entities_dialog import ENTITY_ID, EntitiesDialog
from tests.desktop_app.reader.conftest import answer_dialog

from .conftest import TEXT, counts, underlines


def names_of(session, entity_id) -> list[str]:
    return next(names for i, names in entities.entity_names(session.db) if i == entity_id)


def test_dates_names_and_a_near_miss_are_marked_in_their_own_styles(reader):
    assert underlines(reader.view) == {
        "Olaf Scholz": "name", "Friday": "date", "Dnipro": "name", "Thursday": "date", "Putin": "name",
        "24 February 2022": "date", "Scholtz": "suggestion", "last week": "date"}


def test_a_near_miss_is_offered_not_linked_until_added_as_an_alias(reader, assistant, session, people, qtbot):
    scholtz = TEXT.index("Scholtz")
    last_week = next(d for d in assistant.findings.dates if d.text == "last week")
    assert assistant.draft(last_week).entities == ()  # not an entity of its sentence yet
    offered = assistant.actions_at(scholtz + 2)
    assert [a.text() for a in offered] == ["Add “Scholtz” as an alias of Olaf Scholz", "Ignore “Scholtz”"]
    before, steps = counts(session), session.undo_stack.count()

    offered[0].trigger()
    assert names_of(session, people["Olaf Scholz"]) == ["Olaf Scholz", "Scholz", "Scholtz"]
    assert session.undo_stack.count() == steps + 1
    assert underlines(reader.view)["Scholtz"] == "name"  # the marks followed the edit
    assert assistant.draft(last_week).entities == ("Olaf Scholz",)
    assert counts(session)["event_entities"] == before["event_entities"]  # nothing linked by itself

    session.undo_stack.undo()
    assert counts(session) == before
    assert underlines(reader.view)["Scholtz"] == "suggestion"


def test_ignoring_a_near_miss_removes_its_mark_and_writes_nothing(reader, assistant, session):
    before, steps = counts(session), session.undo_stack.count()
    assistant.actions_at(TEXT.index("Scholtz"))[-1].trigger()
    assert "Scholtz" not in underlines(reader.view)
    assert assistant.actions_at(TEXT.index("Scholtz")) == []
    assert (counts(session), session.undo_stack.count()) == (before, steps)


def test_merge_two_entities_in_the_entities_dialog(window, session, people, qtbot):
    duplicate = session.push(entities.add_entity("O. Scholz", "person", ("Chancellor Scholz",)))
    event_id = session.push(events.add_event("Scholz speaks", "2024-11-22", entities=("O. Scholz",)))
    before, steps = counts(session), session.undo_stack.count()

    def merge(dialog):
        qtbot.keyClicks(dialog.filter, "scholz")
        rows = {dialog.list.item(r).data(ENTITY_ID): dialog.list.item(r) for r in range(dialog.list.count())}
        assert set(rows) == {people["Olaf Scholz"], duplicate}
        assert not dialog.merge_button.isEnabled()
        rows[people["Olaf Scholz"]].setSelected(True)
        rows[duplicate].setSelected(True)
        dialog.keep.setCurrentIndex(dialog.keep.findData(people["Olaf Scholz"]))
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        assert dialog.list.count() == 1  # the list follows the edit
        dialog.accept()
    answer_dialog(qtbot, EntitiesDialog, merge)
    entities_action = next(a for a in window.menus["tools"].actions() if a.text() == "&Entities…")
    entities_action.trigger()

    assert session.undo_stack.count() == steps + 1
    assert names_of(session, people["Olaf Scholz"]) == ["Olaf Scholz", "Scholz", "O. Scholz", "Chancellor Scholz"]
    assert events.get_event(session.db, event_id)["entities"] == ["Olaf Scholz"]
    assert counts(session)["entities"] == before["entities"] - 1
    session.undo_stack.undo()
    assert counts(session) == before
    assert events.get_event(session.db, event_id)["entities"] == ["O. Scholz"]


def test_words_naming_two_entities_offer_to_merge_them(reader, assistant, session, people):
    duplicate = session.push(entities.add_entity("Putin", "person"))  # "Putin" is also Vladimir Putin's alias
    offered = {a.text(): a for a in assistant.actions_at(TEXT.index("Putin"))}
    assert set(offered) == {"Merge “Putin” into “Vladimir Putin”", "Merge “Vladimir Putin” into “Putin”"}
    offered["Merge “Putin” into “Vladimir Putin”"].trigger()
    assert duplicate not in dict(entities.entity_names(session.db))
    assert assistant.actions_at(TEXT.index("Putin")) == []


def test_the_dates_list_is_in_text_order_and_ticks_a_cited_date(reader, assistant, session, source_id, qtbot):
    model = assistant.dates.model
    qtbot_rows = [model.index(r, 0) for r in range(model.rowCount())]
    assert [index.data().split("\n") for index in qtbot_rows] == [
        ["Friday 22 November 2024", "“Friday”"], ["Thursday 21 November 2024", "“Thursday”"],
        ["Thursday 24 February 2022", "“24 February 2022”"], ["11–17 November 2024", "“last week”"]]
    assert assistant.heading.text() == "Dates in the text (4)"
    assert [index.data(CITED) for index in qtbot_rows] == [False] * 4

    event_id = session.db.conn.execute("SELECT id FROM events WHERE title = 'Bridge closed to traffic'").fetchone()[0]
    war = TEXT.index("The war began")
    session.push(annotations.cite_passage(source_id, event_id=event_id, span=(war, war + len("The war began"))))
    assert [model.index(r, 0).data(CITED) for r in range(4)] == [False, False, True, False]
    assert model.index(2, 0).data().endswith("✓ cited")
    session.undo_stack.undo()
    assert [model.index(r, 0).data(CITED) for r in range(4)] == [False] * 4

    view = assistant.dates.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(3, 0)).center())
    assert reader.view.textCursor().selectedText() == "last week"  # the text went to it


def test_the_dates_list_model_keeps_the_contract(assistant, qtmodeltester):
    qtmodeltester.check(assistant.dates.model)


def test_the_toggle_hides_the_marks_and_the_list(window, reader, assistant):
    toggle = next(a for a in window.menus["view"].actions() if a.text() == "Show Dates and Names")
    assert toggle.isChecked() and assistant.checkbox.isChecked()
    assistant.checkbox.click()
    assert not toggle.isChecked() and window.settings.value("reader/show_dates_and_names", type=bool) is False
    assert underlines(reader.view) == {} and not assistant.dates.isVisible()
    assert assistant.actions_at(TEXT.index("Thursday")) == []
    toggle.trigger()
    assert assistant.checkbox.isChecked() and assistant.dates.isVisible()
    assert underlines(reader.view)["Thursday"] == "date"


def test_a_long_text_is_read_off_the_gui_thread(window, session, qtbot):
    long_text = ("Filler words without any time in them at all, again and again. " * 400) + "\n\nIt ended on Friday."
    assert len(long_text) > assistant_module.SYNC_CHARS
    source_id = session.push(sources.add_source({"title": "Long"}, "2024-11-22", full_text=long_text))
    window.source_requested.emit(source_id, None)
    page = window.page("Reader")
    assert page.assistant.findings.dates == ()  # not yet: the worker reads it
    qtbot.waitUntil(lambda: len(page.assistant.findings.dates) == 1, timeout=5000)
    assert underlines(page.view) == {"Friday": "date"}


def test_a_source_issued_in_a_month_marks_its_weekdays_without_a_date(window, session, qtbot):
    source_id = session.push(sources.add_source({"title": "Monthly"}, "2024-11",
                                                full_text="Talks on 6 November failed; on Friday they resumed."))
    window.source_requested.emit(source_id, None)
    page = window.page("Reader")
    assert [(d.text, d.edtf) for d in page.assistant.findings.dates] == [("6 November", "2024-11-06"),
                                                                          ("Friday", None)]
    assert [a.text() for a in page.assistant.actions_at(page.view.full_text.index("Friday"))] == [
        "New event on “Friday”…"]


def test_a_finder_that_ends_after_its_window_closed_says_nothing(qapp):
    """A long text's finder still running when the window closes has no one to tell: it must not
    end in "Signal source has been deleted" on stderr (seen when quitting during a read)."""
    import shiboken6

    from desktop_app.reader_assistant.assistant import _Carrier, _Gate, _Reading

    carrier, gate = _Carrier(), _Gate()
    gate.want(1)
    text = "The talks resumed on 4 March 2024."
    reading = _Reading(carrier, gate, 1, text, [(0, len(text))], None, {}, set())
    shiboken6.delete(carrier)
    reading.run()  # raised RuntimeError before
