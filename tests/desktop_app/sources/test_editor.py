"""The metadata editor driven like a user: select, type, save; the project file changes, undo restores."""
import json

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from db.sources import get_source
from desktop_app.sources.creators_editor import LITERAL


def select(library, db, title, source_id):
    assert library.select_source(source_id(db, title))
    return library.editor


def type_into(qtbot, line_edit, text):
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text) if text else qtbot.keyClick(line_edit, Qt.Key.Key_Delete)


def test_selecting_a_source_shows_it(library, source_id):
    db = library._session.db
    editor = select(library, db, "The Battle of Bakhmut: A Chronology", source_id)
    assert editor.heading.text() == "The Battle of Bakhmut: A Chronology"
    assert editor.fields["container"].text() == "Journal of Contemporary Warfare"
    assert editor.issued.text() == "2023-03" and editor.issued.words.text() == "March 2023"
    assert editor.csl_type.currentText() == "Journal article"
    assert editor.creators.rows() == [("author", "Kovalenko", "Olena", ""), ("author", "Müller", "Jörg", ""),
                                      ("author", "Škoda", "Pavel", "")]
    assert not editor.save_button.isEnabled()


def test_editing_fields_creators_dates_and_grading_then_saving(library, qtbot, source_id):
    session = library._session
    db = session.db
    editor = select(library, db, "The Battle of Bakhmut: A Chronology", source_id)
    battle = editor.source_id
    before = get_source(db, battle)

    type_into(qtbot, editor.fields["title"], "The Battle of Bakhmut, a chronology")
    type_into(qtbot, editor.fields["publisher"], "Warfare Press")
    type_into(qtbot, editor.issued.line, "2023-03-15")
    assert editor.issued.words.text() == "Wednesday 15 March 2023"
    type_into(qtbot, editor.fields["url"], "https://example.org/bakhmut")
    editor.csl_type.setCurrentIndex(editor.csl_type.findData("report"))
    # an organisation added as the second author, then moved up to first
    qtbot.mouseClick(editor.creators.add_button, Qt.MouseButton.LeftButton)
    table = editor.creators.table
    table.item(3, LITERAL).setText("Institute for the Study of War")
    table.selectRow(3)
    qtbot.mouseClick(editor.creators.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.creators.up_button, Qt.MouseButton.LeftButton)
    table.selectRow(3)  # Škoda goes
    qtbot.mouseClick(editor.creators.remove_button, Qt.MouseButton.LeftButton)
    editor.reliability.setCurrentIndex(editor.reliability.findData("B"))
    editor.credibility.setCurrentIndex(editor.credibility.findData(2))
    assert editor.grade_label.text() == "B2 — Usually reliable; probably true"
    qtbot.keyClicks(editor.note, "Peer-reviewed; matches OSCE reports.")
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    after = get_source(db, battle)
    assert after["title"] == "The Battle of Bakhmut, a chronology"
    assert after["publisher"] == "Warfare Press" and after["url"] == "https://example.org/bakhmut"
    assert after["csl_type"] == "report"
    assert after["issued_edtf"] == "2023-03-15"
    assert after["creators"]["author"] == [{"family": "Kovalenko", "given": "Olena"},
                                           {"literal": "Institute for the Study of War"},
                                           {"family": "Müller", "given": "Jörg"}]
    assert (after["reliability"], after["credibility"]) == ("B", 2)
    assert after["evaluation_note"] == "Peer-reviewed; matches OSCE reports."
    assert json.loads(after["csl_extra"]) == json.loads(before["csl_extra"])  # volume, page... kept
    assert after["doi"] == before["doi"] and after["citation_key"] == "kovalenko2023"
    assert not editor.save_button.isEnabled() and not editor.is_dirty()
    assert library.model.data(library.model.index(library.model.row_of(battle), 5)) == "B2"

    session.undo_stack.undo()  # one step
    restored = get_source(db, battle)
    assert {k: v for k, v in restored.items() if k != "modified_at"} == {k: v for k, v in before.items()
                                                                         if k != "modified_at"}
    assert editor.fields["title"].text() == "The Battle of Bakhmut: A Chronology"
    assert editor.reliability.currentData() == ""


def test_clearing_a_field_and_ungrading(library, qtbot, source_id):
    session = library._session
    db = session.db
    editor = select(library, db, "Kherson: Ukrainian troops enter the city", source_id)
    editor.reliability.setCurrentIndex(editor.reliability.findData("A"))
    editor.save()
    type_into(qtbot, editor.fields["container"], "")
    type_into(qtbot, editor.accessed.line, "")
    editor.reliability.setCurrentIndex(0)
    editor.save()
    stored = get_source(db, editor.source_id)
    assert stored["container_title"] is None and stored["accessed_edtf"] is None and stored["reliability"] is None


def test_an_invalid_date_blocks_saving_and_says_why(library, qtbot, source_id):
    db = library._session.db
    editor = select(library, db, "Logistics of attrition", source_id)
    type_into(qtbot, editor.issued.line, "2021-13-45")
    assert editor.issued.error.isVisible() or not editor.issued.error.isHidden()
    assert "2021-13-45" in editor.issued.error.text()
    assert not editor.save_button.isEnabled()
    assert not editor.save()
    assert get_source(db, editor.source_id)["issued_edtf"] == "2021"
    type_into(qtbot, editor.issued.line, "")  # no date is a valid answer for a source
    assert editor.issued.error.isHidden() and editor.save_button.isEnabled()


def test_citing_events_are_listed_and_open_on_double_click(library, qtbot, source_id):
    db = library._session.db
    editor = select(library, db, "Daily News report", source_id)
    texts = [editor.citing.item(i).text() for i in range(editor.citing.count())]
    assert texts == ["Friday 15 November 2024 — Bridge closed to traffic",
                     "18–21 November 2024 — Protest at the square  (contradicts)"]
    window = library._window
    expected = db.conn.execute("SELECT id FROM events WHERE title = 'Protest at the square'").fetchone()[0]
    with qtbot.waitSignal(window.event_requested, timeout=1000) as signal:
        item = editor.citing.item(1)
        rect = editor.citing.visualItemRect(item)
        qtbot.mouseClick(editor.citing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(editor.citing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [expected]


def test_open_in_reader_asks_the_window(library, qtbot, source_id):
    db = library._session.db
    editor = select(library, db, "Bridge destroyed on the Dnipro", source_id)
    with qtbot.waitSignal(library._window.source_requested, timeout=1000) as signal:
        qtbot.mouseClick(editor.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [editor.source_id, None]


def test_moving_to_another_source_saves_a_valid_edit(library, qtbot, source_id):
    db = library._session.db
    editor = select(library, db, "Logistics of attrition", source_id)
    first = editor.source_id
    type_into(qtbot, editor.fields["language"], "en")
    select(library, db, "L'Été à Kyiv", source_id)
    assert get_source(db, first)["language"] == "en"


def test_delete_asks_and_undo_brings_back(library, qtbot, monkeypatch, source_id):
    session = library._session
    db = session.db
    daily = source_id(db, "Daily News report")
    select(library, db, "Daily News report", source_id)
    answers = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.append(a[2]) or QMessageBox.StandardButton.Cancel)
    assert not library.delete_selected()
    assert get_source(db, daily) is not None and "“Daily News report”" in answers[0]

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    library.table.selectAll()
    assert library.delete_button.text() == "Delete 12"
    assert library.delete_selected()
    assert db.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
    assert db.conn.execute("SELECT count(*) FROM citations").fetchone()[0] == 0
    assert library.empty.isVisible() and library.editor.source_id is None
    session.undo_stack.undo()
    assert db.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 12
    assert db.conn.execute("SELECT count(*) FROM citations").fetchone()[0] == 2
    assert library.model.rowCount() == 12 and library.table.isVisible()


def test_filter_bar_filters_the_table(library, qtbot):
    qtbot.keyClicks(library.search, "refinery")
    qtbot.keyClick(library.search, Qt.Key.Key_Return)
    assert library.model.rowCount() == 1 and library.count_label.text() == "1 source"
    library.clear_filter()
    library.type_filter.setCurrentIndex(library.type_filter.findData("report"))
    assert library.model.rowCount() == 2
    library.reliability_filter.setCurrentIndex(library.reliability_filter.findData("A"))
    assert library.model.rowCount() == 0 and library.table.isVisible()  # no match is not an empty library


def test_header_click_sorts(library, qtbot):
    header = library.table.horizontalHeader()
    issued = 3
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(issued) + 5, 5))
    assert library.model.sort_order()[0] == issued
    assert library.model.data(library.model.index(0, issued)) == "2019"


def test_every_form_label_with_a_mnemonic_has_a_field_to_go_to(library):
    """A label whose '&' has no buddy shows the '&' itself instead of an underlined key."""
    from PySide6.QtWidgets import QLabel

    labels = [label for label in library.editor.findChildren(QLabel) if "&" in label.text()]
    assert any(label.text() == "I&dentifiers" for label in labels)
    assert [label.text() for label in labels if label.buddy() is None] == []
    identifiers = next(label for label in labels if label.text() == "I&dentifiers")
    assert identifiers.buddy() is library.editor.fields["doi"]


def test_deleting_the_source_being_edited_discards_its_unsaved_changes_as_the_event_editor_does(
        library, qtbot, monkeypatch, source_id):
    session = library._session
    db = session.db
    daily = source_id(db, "Daily News report")
    editor = select(library, db, "Daily News report", source_id)
    type_into(qtbot, editor.fields["publisher"], "Typed, never saved")
    assert editor.is_dirty()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.captureExceptions() as raised:
        assert library.delete_selected()
    assert raised == [] and get_source(db, daily) is None
    assert editor.source_id is None and not editor.is_dirty()
    assert library.window().statusBar().currentMessage() == \
        "Unsaved changes to “Daily News report” were discarded: the source was deleted"
    assert session.undo_stack.count() == 1
