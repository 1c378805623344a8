"""Citing a passage for an event from the reader: one undo step whatever it creates."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from db import annotations, events
from desktop_app.reader.cite_dialog import CiteDialog

from .conftest import FULL_TEXT, PASSAGE, answer_dialog, select_in_document


def counts(session):
    return {t: session.db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("events", "annotations", "citations")}


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_cite_a_selection_for_an_existing_event_is_one_undo_step(reader, session, qtbot):
    event_id = session.db.conn.execute("SELECT id FROM events WHERE title = 'Bridge closed to traffic'").fetchone()[0]
    select_in_document(reader.view, PASSAGE)
    before, steps = counts(session), session.undo_stack.count()
    seen = {}

    def fill(dialog):
        seen["paragraph"] = dialog.locator.text()
        qtbot.keyClicks(dialog.search, "bridge closed")
        qtbot.waitUntil(lambda: dialog.results.count() == 1 and "Bridge closed" in dialog.results.item(0).text())
        seen["item"] = dialog.results.item(0).text()
        dialog.stance.setCurrentText("contradicts")
        ok_button(dialog).click()
    answer_dialog(qtbot, CiteDialog, fill)
    reader.cite_action.trigger()

    # The passage's paragraph: the opening is two (split by a Windows blank line), the filler 57.
    assert seen["paragraph"] == "60"
    assert seen["item"] == "Friday 15 November 2024 — Bridge closed to traffic"
    assert session.undo_stack.count() == steps + 1
    after = counts(session)
    assert after == {**before, "annotations": before["annotations"] + 1, "citations": before["citations"] + 1}
    cited = [c for c in events.get_event(session.db, event_id)["citations"] if c["quote"] == PASSAGE]
    assert len(cited) == 1 and cited[0]["stance"] == "contradicts" and cited[0]["locator"] == "60"
    assert cited[0]["annotation_id"] == reader.side.model.annotation(0)["id"]
    assert reader.side.cited_by.count() == 1

    session.undo_stack.undo()
    assert counts(session) == before
    assert reader.side.model.rowCount() == 0 and reader.side.cited_by.count() == 0


def test_cite_for_a_new_event_checks_the_date_and_undo_removes_everything(reader, session, qtbot):
    select_in_document(reader.view, "Ukraine struck a depot in Bryansk")
    before, steps = counts(session), session.undo_stack.count()

    def fill(dialog):
        dialog.new.setChecked(True)
        qtbot.keyClicks(dialog.title, "Strike on Bryansk depot")
        qtbot.keyClicks(dialog.date, "2024-13-45")
        assert not ok_button(dialog).isEnabled() and dialog.date_check.text()
        dialog.date.setText("2024-11-19")
        assert dialog.date_check.text() == "Tuesday 19 November 2024"
        assert dialog.locator.text() == "1"
        ok_button(dialog).click()
    answer_dialog(qtbot, CiteDialog, fill)
    reader.cite_action.trigger()

    assert session.undo_stack.count() == steps + 1
    assert counts(session) == {t: n + 1 for t, n in before.items()}
    event_id = session.db.conn.execute("SELECT id FROM events WHERE title = 'Strike on Bryansk depot'").fetchone()[0]
    [citation] = events.get_event(session.db, event_id)["citations"]
    assert citation["quote"] == "Ukraine struck a depot in Bryansk" and citation["locator"] == "1"
    session.undo_stack.undo()
    assert counts(session) == before


def test_cite_an_existing_annotation_reuses_it(reader, session, source_id, qtbot):
    start = FULL_TEXT.index("Russia said")
    annotation_id = session.push(annotations.add_annotation(source_id, start, start + 11))
    reader.side.choose(annotation_id)
    before = counts(session)

    def fill(dialog):
        dialog.results.setCurrentRow(0)
        ok_button(dialog).click()
    answer_dialog(qtbot, CiteDialog, fill)
    reader.side.cite.click()

    assert counts(session) == {**before, "citations": before["citations"] + 1}
    annotation_ids = [r[0] for r in session.db.conn.execute("SELECT annotation_id FROM citations ORDER BY id DESC LIMIT 1")]
    assert annotation_ids == [annotation_id]


def test_cancelling_the_dialog_changes_nothing(reader, session, qtbot):
    select_in_document(reader.view, PASSAGE)
    before, steps = counts(session), session.undo_stack.count()
    answer_dialog(qtbot, CiteDialog, lambda dialog: dialog.reject())
    reader.cite_action.trigger()
    assert counts(session) == before and session.undo_stack.count() == steps


def test_a_source_giving_another_date_makes_the_event_contested(reader, session, qtbot):
    from desktop_app.events.citation_list import DATE, CitationList

    event_id = session.db.conn.execute("SELECT id FROM events WHERE title = 'Bridge closed to traffic'").fetchone()[0]
    select_in_document(reader.view, PASSAGE)

    def fill(dialog):
        qtbot.keyClicks(dialog.search, "bridge closed")
        qtbot.waitUntil(lambda: dialog.results.count() == 1)
        qtbot.keyClicks(dialog.claimed, "2024-11-1")  # not a date yet: says why, cannot cite
        assert not ok_button(dialog).isEnabled() and dialog.claimed_check.text()
        qtbot.keyClicks(dialog.claimed, "7")
        assert dialog.claimed_check.text() == "Sunday 17 November 2024" and ok_button(dialog).isEnabled()
        ok_button(dialog).click()
    answer_dialog(qtbot, CiteDialog, fill)
    reader.cite_action.trigger()

    event = events.get_event(session.db, event_id)
    [citation] = [c for c in event["citations"] if c["quote"] == PASSAGE]
    assert citation["stance"] == "supports" and citation["claimed_edtf"] == "2024-11-17" and citation["disagrees"]
    assert events.event_page(session.db, events.EventFilter(ids=(event_id,)))[0]["contested"]
    shown = CitationList()
    qtbot.addWidget(shown)
    shown.set_citations(event["citations"])
    row = next(shown.tree.topLevelItem(i) for i in range(shown.tree.topLevelItemCount())
               if shown.tree.topLevelItem(i).text(DATE))
    assert row.text(DATE) == "Sunday 17 November 2024" and not row.icon(DATE).isNull()
    assert "cannot be the event's" in row.toolTip(DATE) and not shown.tree.isColumnHidden(DATE)
    shown.set_citations([c for c in event["citations"] if not c["claimed_edtf"]])
    assert shown.tree.isColumnHidden(DATE)  # no source gives a date: no empty column
    session.undo_stack.undo()
    assert not events.event_page(session.db, events.EventFilter(ids=(event_id,)))[0]["contested"]


def test_a_passage_giving_one_events_date_preselects_that_event_only(reader, session, qtbot):
    """The passage says "on Sunday" (17 November 2024 for a source of the 20th): the one event on
    that day is chosen; among several on that day, the one whose title shares the most words with
    the passage; when two share as many, nothing is chosen and the dialog opens on a new event."""
    sunday = session.push(events.add_event("Biden approves", "2024-11-17"))
    seen = []

    def look(dialog):
        current = dialog.results.currentItem()
        seen.append((dialog.existing.isChecked(), dialog.new.isChecked(),
                     current.data(Qt.ItemDataRole.UserRole) if current else None, ok_button(dialog).isEnabled()))
        dialog.reject()
    select_in_document(reader.view, PASSAGE)
    answer_dialog(qtbot, CiteDialog, look)
    reader.cite_action.trigger()
    assert seen[-1] == (True, False, sunday, True)

    session.push(events.add_event("Talks in Riyadh", "2024-11-17"))
    answer_dialog(qtbot, CiteDialog, look)
    reader.cite_action.trigger()
    assert seen[-1][:3] == (True, False, sunday)  # of the two, only this title shares a word with the passage

    session.push(events.add_event("Biden meets Xi", "2024-11-17"))
    answer_dialog(qtbot, CiteDialog, look)
    reader.cite_action.trigger()
    assert seen[-1] == (False, True, None, True)  # two titles name Biden: no clear match


def test_a_passage_with_no_events_date_opens_on_a_new_event_with_description_and_entities(reader, session, qtbot):
    from db import entities

    session.push(entities.add_entity("Joe Biden", "person"))
    select_in_document(reader.view, PASSAGE)
    seen = {}

    def fill(dialog):
        seen.update(new=dialog.new.isChecked(), current=dialog.results.currentItem(), date=dialog.date.text(),
                    description=dialog.description.toPlainText(), entities=dialog.entities.names(),
                    shown=dialog.description.isVisibleTo(dialog) and dialog.entities.isVisibleTo(dialog))
        dialog.title.setText("Biden approves ATACMS strikes")
        ok_button(dialog).click()
    answer_dialog(qtbot, CiteDialog, fill)
    reader.cite_action.trigger()

    assert seen == {"new": True, "current": None, "date": "2024-11-17", "description": PASSAGE,
                    "entities": ("Joe Biden",), "shown": True}
    event_id = session.db.conn.execute("SELECT id FROM events WHERE title = 'Biden approves ATACMS strikes'").fetchone()[0]
    event = events.get_event(session.db, event_id)
    assert (event["date_edtf"], event["description"], event["entities"]) == ("2024-11-17", PASSAGE, ["Joe Biden"])
    assert [c["quote"] for c in event["citations"]] == [PASSAGE]


def test_cite_with_nothing_selected_says_what_to_select(reader, session, qtbot):
    before = counts(session)
    reader.view.setFocus()
    qtbot.keyClick(reader.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert reader.notice.isVisible() and "select the passage" in reader.notice.text()
    assert counts(session) == before
    select_in_document(reader.view, PASSAGE)
    answer_dialog(qtbot, CiteDialog, lambda dialog: dialog.reject())
    reader.cite_action.trigger()
    assert not reader.notice.isVisible()
