"""Tools → Entities… as an editor (rename, kind, aliases, delete saying what it unlinks), "Add
alias…" on any word of the reader and on an entity of the event editor, and the reader marking a
person by surname and possessive."""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMenu, QMessageBox

from db import entities, events, sources
from desktop_app.events.alias_dialog import AliasDialog
from desktop_app.reader_assistant.entities_dialog import EntitiesDialog
from tests.desktop_app.reader.conftest import answer_dialog

from .conftest import TEXT, counts, underlines


def aliases_of(session, name):
    return next(row["aliases"] for row in entities.entity_list(session.db) if row["name"] == name)


def open_entities(window, qtbot, act):
    answer_dialog(qtbot, EntitiesDialog, act)
    next(a for a in window.menus["tools"].actions() if a.text() == "&Entities…").trigger()


def test_the_entities_editor_renames_sets_kind_and_edits_aliases_each_undoable(window, session, people, qtbot,
                                                                               monkeypatch):
    steps = session.undo_stack.count()
    seen = {}
    # a refused edit is said as every refused edit is (desktop_app.verbs): a warning over the dialog
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: seen.setdefault("error", (title, text)))

    def edit(dialog):
        qtbot.keyClicks(dialog.filter, "schol")
        assert [dialog.list.item(r).text() for r in range(dialog.list.count())] == ["Olaf Scholz"]
        assert dialog.chosen_ids() == [people["Olaf Scholz"]] and dialog.details.isEnabled()
        answer_dialog(qtbot, QInputDialog, lambda box: (box.setTextValue("Solz"), box.accept()))
        dialog.add_alias_button.click()
        seen["aliases"] = [dialog.aliases.item(r).text() for r in range(dialog.aliases.count())]
        dialog.aliases.item(0).setSelected(True)  # "Scholz"
        dialog.remove_alias_button.click()
        dialog.kind.setCurrentText("organisation")
        dialog.kind.activated.emit(dialog.kind.currentIndex())
        dialog.name.setText("Olaf Scholz (SPD)")
        dialog.name.editingFinished.emit()
        seen["listed"] = [dialog.list.item(r).text() for r in range(dialog.list.count())]
        dialog.name.setText("Putin")  # another entity's alias: refused, said, the name restored
        dialog.name.editingFinished.emit()
        seen["name"] = dialog.name.text()
        dialog.accept()
    open_entities(window, qtbot, edit)

    assert seen["aliases"] == ["Scholz", "Solz"] and seen["listed"] == ["Olaf Scholz (SPD)"]
    assert seen["error"][0] == "Rename entity to “Putin”" and "already names the entity “Vladimir Putin”" in seen["error"][1]
    assert seen["name"] == "Olaf Scholz (SPD)"
    assert aliases_of(session, "Olaf Scholz (SPD)") == ["Solz", "Olaf Scholz"]
    assert session.undo_stack.count() == steps + 4
    for _ in range(4):
        session.undo_stack.undo()
    assert aliases_of(session, "Olaf Scholz") == ["Scholz"]


def test_deleting_an_entity_says_which_events_it_unlinks(window, session, people, qtbot):
    event_id = session.push(events.add_event("Scholz speaks", "2024-11-22", entities=("Olaf Scholz",)))
    before = counts(session)
    asked = {}

    def delete(dialog):
        dialog.select(people["Olaf Scholz"])

        def confirm(box):
            asked["text"] = box.text()
            box.button(QMessageBox.StandardButton.Yes).click()
        answer_dialog(qtbot, QMessageBox, confirm)
        dialog.delete_button.click()
        asked["left"] = [dialog.list.item(r).text() for r in range(dialog.list.count())]
        dialog.accept()
    open_entities(window, qtbot, delete)

    assert "Delete “Olaf Scholz”?" in asked["text"] and "unlinked from 1 event: Scholz speaks." in asked["text"]
    assert "Its aliases (Scholz) go with it." in asked["text"] and "Olaf Scholz" not in asked["left"]
    assert events.get_event(session.db, event_id)["entities"] == []
    session.undo_stack.undo()
    assert counts(session) == before and events.get_event(session.db, event_id)["entities"] == ["Olaf Scholz"]


def test_add_alias_from_any_word_of_the_reader(reader, assistant, session, people, qtbot):
    scholtz = TEXT.index("Scholtz")
    menu = QMenu()
    assistant._extend_menu(menu, scholtz + 3)
    [offered] = [a for a in menu.actions() if "Alias" in a.text()]
    assert offered.text() == "Add “Scholtz” as an Alias…"
    seen = {}

    def add(dialog):
        seen.update(alias=dialog.alias.text(), entity=dialog.entity.currentText())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer_dialog(qtbot, AliasDialog, add)
    offered.trigger()
    assert seen == {"alias": "Scholtz", "entity": "Olaf Scholz"}  # the nearest in spelling, chosen
    assert aliases_of(session, "Olaf Scholz") == ["Scholz", "Scholtz"]
    assert underlines(reader.view)["Scholtz"] == "name"
    # a selection is offered whole; the dialog's entity can be any other
    cursor = reader.view.document().find("Ukraine's president")
    reader.view.setTextCursor(cursor)
    assert assistant.words_at(TEXT.index("Ukraine's president")) == "Ukraine's president"
    cursor.clearSelection()
    reader.view.setTextCursor(cursor)
    assert assistant.words_at(TEXT.index("Dnipro") + 2) == "Dnipro"


def test_add_alias_from_an_entity_in_the_event_editor(window, session, people, qtbot):
    event_id = session.push(events.add_event("Scholz speaks", "2024-11-22", entities=("Olaf Scholz", "Dnipro")))
    window.event_requested.emit(event_id)
    editor = window.page("Timeline").editor
    field = editor.entities
    assert field.name_at(len("Dnipro, Ol")) == "Olaf Scholz" and field.name_at(2) == "Dnipro"
    seen = {}

    def add(dialog):
        seen["entity"] = dialog.entity.currentText()
        dialog.alias.setText("Bundeskanzler Scholz")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer_dialog(qtbot, AliasDialog, add)
    field._add_alias("Olaf Scholz")
    assert seen["entity"] == "Olaf Scholz" and aliases_of(session, "Olaf Scholz") == ["Scholz", "Bundeskanzler Scholz"]


def test_the_reader_marks_a_person_by_surname_and_possessive(window, session, qtbot):
    session.push(entities.add_entity("Olaf Scholz", "person"))
    text = "Olaf Scholz spoke. Scholz's aide said Scholz would go. Solz left."
    source_id = session.push(sources.add_source({"title": "Surnames"}, "2024-11-22", full_text=text))
    window.source_requested.emit(source_id, None)
    view = window.page("Reader").view
    marks = [(mark.cursor.selectedText(), kind) for mark in view.extraSelections()
             for kind in [underlines(view).get(mark.cursor.selectedText())] if kind]
    assert ("Olaf Scholz", "name") in marks and marks.count(("Scholz", "name")) == 2
    assert ("Solz", "suggestion") in marks  # opens a sentence, still offered
