"""Eras in the window: Edit → Eras… adds, edits and deletes them, each change one edit on the
session's undo stack; the timeline's right-click names the period in view (or the selection's) and
edits the era whose tab is under the pointer; the filter bar narrows the events to an era."""
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMenu

from db import ops
from db.dates import seconds_of
from db.errors import SourcelineError
from db.eras import add_era, find_era, get_era, joined, list_eras, update_era
from desktop_app.eras.dialogs import EraForm
from desktop_app.eras.periods import era_edit, period_ends
from desktop_app.eras.timeline_menu import add_era_actions
from desktop_app.events.table_model import TITLE
from desktop_app.timeline.era_bands import ROW_H
from desktop_app.timeline.scene import AXIS_H
from desktop_app.timeline.viewport import Viewport

OK = QDialogButtonBox.StandardButton.Ok


def test_a_period_seen_is_proposed_as_its_whole_days():
    assert period_ends(seconds_of(2024, 11, 15), seconds_of(2024, 11, 21)) == ("2024-11-15", "2024-11-20")
    assert period_ends(seconds_of(2024, 11, 15) + 3600, seconds_of(2024, 11, 15) + 7200) == ("2024-11-15", "2024-11-15")


def test_a_form_writes_a_new_era_or_only_what_changed(session):
    db = session.db
    assert joined("2024-11~", "") == "2024-11~/.." and joined("2024", "2024") == "2024"
    with pytest.raises(SourcelineError, match="start or an end"):
        era_edit(None, "Talks", " ", "", None)
    era = get_era(db, ops.run(db, era_edit(None, "Talks", "2024-11~", "", None)))
    assert (era["name"], era["date_edtf"], era["color"]) == ("Talks", "2024-11~/..", None)
    assert era_edit(era, " Talks ", "2024-11~", "", None) is None
    ops.run(db, era_edit(era, "Peace  talks", "2024-11~", "2025-01", "#e15759"))
    era = get_era(db, era["id"])
    assert (era["name"], era["date_edtf"], era["color"]) == ("Peace talks", "2024-11~/2025-01", "#e15759")
    with pytest.raises(SourcelineError, match="expected"):
        ops.run(db, era_edit(era, "Peace talks", "after the election", "", None))
    assert get_era(db, era["id"])["date_edtf"] == "2024-11~/2025-01"


@pytest.fixture
def eras_dialog(window, qtbot):
    window.named_actions["eras"].trigger()
    dialog = window.eras_dialog
    qtbot.waitExposed(dialog)
    return dialog


def _form(parent, qtbot) -> EraForm:
    qtbot.waitUntil(lambda: parent.findChild(EraForm) is not None and parent.findChild(EraForm).isVisible())
    return parent.findChild(EraForm)


def _fill(form: EraForm, name: str, first: str, last: str) -> None:
    form.name.setText(name)
    form.first.setText(first)
    form.last.setText(last)


def _listed(dialog) -> list[str]:
    return [dialog.list.item(row).text() for row in range(dialog.list.count())]


def test_an_era_added_in_the_dialog_is_one_undoable_edit(window, session, eras_dialog, qtbot):
    assert _listed(eras_dialog) == [] and eras_dialog.empty.isVisible() and not eras_dialog.hint.isVisible()
    qtbot.mouseClick(eras_dialog.add_button, Qt.MouseButton.LeftButton)
    form = _form(eras_dialog, qtbot)
    _fill(form, "Bridge crisis", "2024-11-14", "2024-11-22~")
    assert form.words.text().startswith("14 November 2024")
    form.colour.setCurrentIndex(form.colour.findText("Red"))
    qtbot.mouseClick(form.buttons.button(OK), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    era = find_era(session.db, "bridge CRISIS")
    assert (era["date_edtf"], era["color"]) == ("2024-11-14/2024-11-22~", "#e15759")
    assert _listed(eras_dialog)[0].startswith("Bridge crisis — 14 November 2024")
    assert not eras_dialog.empty.isVisible() and eras_dialog.hint.isVisible()
    assert session.undo_stack.count() == 1
    window.undo_group.undo()
    assert list_eras(session.db) == [] and _listed(eras_dialog) == []
    window.undo_group.redo()
    assert [e["name"] for e in list_eras(session.db)] == ["Bridge crisis"]
    assert len(_listed(eras_dialog)) == 1


def test_rename_is_checked_and_delete_is_undone(window, session, eras_dialog, qtbot):
    session.push(add_era("Talks", "2024-11/2025-01"))
    session.push(add_era("Storm", "2022-21"))
    assert [line.split(" — ")[0] for line in _listed(eras_dialog)] == ["Storm", "Talks"]
    eras_dialog.list.setCurrentRow(1)
    qtbot.mouseClick(eras_dialog.edit_button, Qt.MouseButton.LeftButton)
    form = _form(eras_dialog, qtbot)
    assert (form.name.text(), form.first.text(), form.last.text()) == ("Talks", "2024-11", "2025-01")
    form.name.setText("storm")  # another era's name
    qtbot.mouseClick(form.buttons.button(OK), Qt.MouseButton.LeftButton)
    assert form.isVisible() and "already an era called “Storm”" in form.problem.text()
    form.name.setText("Peace talks")
    qtbot.mouseClick(form.buttons.button(OK), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert _listed(eras_dialog)[1].startswith("Peace talks — ")
    assert eras_dialog.current_era()["name"] == "Peace talks"  # still the one chosen
    assert session.undo_stack.count() == 3
    qtbot.mouseClick(eras_dialog.delete_button, Qt.MouseButton.LeftButton)
    assert [e["name"] for e in list_eras(session.db)] == ["Storm"]
    window.undo_group.undo()
    assert [e["name"] for e in list_eras(session.db)] == ["Storm", "Peace talks"]
    assert len(_listed(eras_dialog)) == 2


def _titles(page) -> list[str]:
    return sorted(page.model.index(row, TITLE).data() for row in range(page.model.rowCount()))


def test_the_filter_bar_narrows_the_events_to_an_era(window, session, qtbot):
    page = window.page("Timeline")
    bar = page.filter_bar
    assert not bar.era.isVisibleTo(bar)  # a project without eras is not offered the choice
    everything = _titles(page)
    session.push(add_era("Bridge crisis", "2024-11-14/2024-11-22"))
    assert bar.era.isVisibleTo(bar) and [bar.era.itemText(i) for i in range(bar.era.count())] == ["Any era", "Bridge crisis"]
    bar.era.setCurrentIndex(1)
    # the events overlapping the era: the council's vote is dated to the month, November 2024
    qtbot.waitUntil(lambda: _titles(page) == ["Bridge closed to traffic", "Council votes to close the bridge",
                                              "Protest at the square"])
    assert bar.clear_button.isEnabled()
    era_id = bar.era.currentData()
    session.push(update_era(era_id, date_edtf="2024-11-18/2024-11-22"))  # the filter follows
    qtbot.waitUntil(lambda: _titles(page) == ["Council votes to close the bridge", "Protest at the square"])
    assert page.timeline.canvas.source.where == page.model.event_filter
    window.undo_group.undo()
    qtbot.waitUntil(lambda: len(_titles(page)) == 3)
    window.undo_group.undo()  # the era is gone: any era, every event
    qtbot.waitUntil(lambda: _titles(page) == everything)
    assert not bar.era.isVisibleTo(bar) and bar.era.currentData() is None


def _menu_texts(view, pos: QPointF) -> dict:
    menu = QMenu(view)
    add_era_actions(menu, view, pos)
    return {action.text(): action for action in menu.actions() if not action.isSeparator()}


def test_the_timeline_names_the_period_in_view_and_edits_the_era_under_the_pointer(window, session, qtbot):
    page = window.page("Timeline")
    view = page.timeline
    canvas = view.canvas
    view.set_viewport(Viewport.fitted(seconds_of(2024, 11, 1), seconds_of(2024, 12, 1), canvas.width()))
    actions = _menu_texts(view, QPointF(20, AXIS_H + 4))
    assert "Name the Selected Events’ Period…" not in actions and not any(t.startswith("Edit Era") for t in actions)
    viewport = view.viewport()
    actions["Name the Period in View…"].trigger()
    form = _form(window, qtbot)
    assert (form.first.text(), form.last.text()) == period_ends(viewport.start_s, viewport.end_s)
    form.name.setText("R&D month")
    qtbot.mouseClick(form.buttons.button(OK), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [b.era["name"] for b in canvas.eras().bands] == ["R&D month"])
    band = canvas.eras().bands[0]
    on_tab = QPointF(band.label_x + 4, AXIS_H + band.row * ROW_H + ROW_H / 2)
    actions = _menu_texts(view, on_tab)
    assert "Edit Era “R&&D month”…" in actions  # the "&" shown, not a shortcut
    actions["Delete Era “R&&D month”"].trigger()
    qtbot.waitUntil(lambda: canvas.eras().bands == ())
    window.undo_group.undo()
    qtbot.waitUntil(lambda: len(canvas.eras().bands) == 1)

    ids = [e["id"] for e in canvas.frame().events if e["title"] in ("Bridge closed to traffic", "Protest at the square")]
    page.select_events(ids)
    actions = _menu_texts(view, QPointF(20, canvas.height() - 10))
    actions["Name the Selected Events’ Period…"].trigger()
    form = _form(window, qtbot)
    assert (form.first.text(), form.last.text()) == ("2024-11-15", "2024-11-21")
    form.reject()


def test_the_eras_dialog_lists_the_open_project_only(window, eras_dialog, qtbot):
    assert window.menus["edit"].actions().count(window.named_actions["eras"]) == 1
    window.set_session(None)
    assert window.eras_dialog is None and not eras_dialog.isVisible()
    assert not window.named_actions["eras"].isEnabled()
