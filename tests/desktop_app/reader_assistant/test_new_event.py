"""A new event from a date in the reader: click the date, confirm the filled-in cite dialog, and
the highlight, the event with its entities and the citation are one undoable edit."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from db import annotations, events
from desktop_app.reader.cite_dialog import CiteDialog
from tests.desktop_app.reader.conftest import answer_dialog

from .conftest import TEXT, THURSDAY_SENTENCE, counts


def click_on(qtbot, view, start: int, end: int) -> None:
    rect = view.span_rect(start, end)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_date_creates_an_event_with_its_sentence_entities_and_citation_in_one_undo_step(
        reader, assistant, session, source_id, people, qtbot):
    start = TEXT.index("Thursday")
    click_on(qtbot, reader.view, start, start + len("Thursday"))
    assert assistant.menu is not None and assistant.menu.isVisible()
    offered = [a.text() for a in assistant.menu.actions()]
    assert offered == ["New event on Thursday 21 November 2024…"]
    before, steps = counts(session), session.undo_stack.count()
    seen = {}

    def confirm(dialog):
        seen.update(title=dialog.title.text(), date=dialog.date.text(), description=dialog.description.toPlainText(),
                    entities=dialog.entities.names(), locator=dialog.locator.text(),
                    stance=dialog.stance.currentText(), new=dialog.new.isChecked())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer_dialog(qtbot, CiteDialog, confirm)
    assistant.menu.actions()[0].trigger()

    assert seen == {"title": "Russia fired an experimental missile at Dnipro", "date": "2024-11-21",
                    "description": THURSDAY_SENTENCE, "entities": ("Dnipro", "Vladimir Putin"), "locator": "2",
                    "stance": "supports", "new": True}
    assert session.undo_stack.count() == steps + 1
    [event_id] = [row[0] for row in session.db.conn.execute("SELECT id FROM events WHERE date_edtf = '2024-11-21'")]
    event = events.get_event(session.db, event_id)
    assert (event["title"], event["description"]) == ("Russia fired an experimental missile at Dnipro", THURSDAY_SENTENCE)
    assert event["entities"] == ["Dnipro", "Vladimir Putin"]
    [citation] = event["citations"]
    assert (citation["source_id"], citation["stance"], citation["locator_type"], citation["locator"]) == (
        source_id, "supports", "paragraph", "2")
    annotation = next(a for a in annotations.source_annotations(session.db, source_id)
                      if a["id"] == citation["annotation_id"])
    assert annotation["exact"] == THURSDAY_SENTENCE == citation["quote"]
    assert TEXT[annotation["start_char"]:annotation["end_char"]] == THURSDAY_SENTENCE
    assert counts(session) == {**before, "events": before["events"] + 1, "annotations": before["annotations"] + 1,
                               "citations": before["citations"] + 1, "event_entities": before["event_entities"] + 2}
    assert reader.side.cited_by.count() == 1

    session.undo_stack.undo()
    assert counts(session) == before
    assert session.db.conn.execute("SELECT count(*) FROM events WHERE date_edtf = '2024-11-21'").fetchone()[0] == 0
    assert reader.side.cited_by.count() == 0 and reader.side.model.rowCount() == 0


def test_the_context_menu_offers_the_date_too_and_cancel_writes_nothing(reader, assistant, session, qtbot):
    start = TEXT.index("24 February 2022")
    offered = [a.text() for a in assistant.actions_at(start + 3)]
    assert offered == ["New event on Thursday 24 February 2022…"]
    before, steps = counts(session), session.undo_stack.count()
    answer_dialog(qtbot, CiteDialog, lambda dialog: dialog.reject())
    assert assistant.new_event(assistant.findings.dates_at(start)[0]) is None
    assert (counts(session), session.undo_stack.count()) == (before, steps)
    assert assistant.actions_at(TEXT.index("experimental")) == []  # plain words offer nothing


def test_the_new_event_may_be_one_already_in_the_project(reader, assistant, session, qtbot):
    """Switching the dialog to an existing event cites the sentence for it instead."""
    event_id = session.db.conn.execute("SELECT id FROM events WHERE title = 'Bridge closed to traffic'").fetchone()[0]

    def choose_existing(dialog):
        dialog.existing.setChecked(True)
        qtbot.keyClicks(dialog.search, "bridge closed")
        qtbot.waitUntil(lambda: dialog.results.count() == 1)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer_dialog(qtbot, CiteDialog, choose_existing)
    date = next(d for d in assistant.findings.dates if d.text == "24 February 2022")
    assert assistant.new_event(date) == event_id
    quotes = [c["quote"] for c in events.get_event(session.db, event_id)["citations"]]
    assert "The war began on 24 February 2022." in quotes
