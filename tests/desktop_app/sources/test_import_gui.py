"""Importing through the window: the menu, dropped files, the dialog's choices, the worker, cancel, undo."""
import json

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from db.sources import get_source
from desktop_app.sources.import_dialog import FILE, ISSUED, STATUS, TITLE, ImportDialog
from desktop_app.sources.import_runner import ImportRunner


def count(db, table="sources"):
    return db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def file_mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drop(widget, *paths) -> bool:
    mime = file_mime(*paths)
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def open_dialog(window) -> ImportDialog:
    dialogs = [d for d in window.findChildren(ImportDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def run_import(qtbot, window, dialog) -> None:
    """Accept the dialog and wait for the worker to finish and the result to reach the undo stack."""
    stack = window.session.undo_stack
    steps = stack.count()
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stack.count() == steps + 1, timeout=60_000)  # 3,000 sources, on a loaded machine


def row_of(dialog, file_name, title=None) -> int:
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, FILE).text() == file_name and (title is None or dialog.table.item(row, TITLE).text() == title):
            return row
    raise AssertionError(f"no row for {file_name} {title}")


def test_file_menu_import_sources_with_ctrl_i(library, data, monkeypatch):
    window = library._window
    action = window.named_actions["import_sources"]
    assert action in window.menus["file"].actions() and action.shortcut() == QKeySequence("Ctrl+I")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(data / "statement.txt")], ""))
    action.trigger()
    dialog = open_dialog(window)
    assert dialog.table.item(0, TITLE).text() == "Statement by the regional administration"
    window.set_session(None)
    assert not action.isEnabled()


def test_dropping_files_on_the_window_or_the_library_opens_the_dialog(library, data):
    window = library._window
    assert drop(window, data / "statement.txt")
    assert open_dialog(window).table.rowCount() == 1
    open_dialog(window).reject()
    assert drop(library, data / "frontmatter.md", data / "meta.html")
    assert open_dialog(window).table.rowCount() == 2


def test_a_drag_without_files_is_refused(library):
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(library._window, enter)
    assert not enter.isAccepted()


def test_duplicates_choices_completed_full_texts_then_one_undo_step(library, data, qtbot):
    window = library._window
    db = window.session.db
    before = count(db)
    assert drop(window, data / "duplicates.json", data / "field notes 12 march.txt", data / "statement.txt")
    dialog = open_dialog(window)
    assert dialog.table.rowCount() == 8
    osce = row_of(dialog, "duplicates.json", "OSCE report, web copy")
    assert dialog.table.item(osce, STATUS).text() == "Same URL as “Report on Violations of International Humanitarian Law”"
    assert dialog.table.item(row_of(dialog, "duplicates.json", "A page listed twice (second copy)"), STATUS).text() \
        == "Same URL as row 5"
    assert dialog.action_combo(row_of(dialog, "duplicates.json", "L'Été à Kyiv")) is None  # another year: new
    reprint = row_of(dialog, "duplicates.json", "Bakhmut, a chronology (reprint)")
    dialog.action_combo(reprint).setCurrentIndex(dialog.action_combo(reprint).findData("add"))
    dialog.action_combo(osce).setCurrentIndex(dialog.action_combo(osce).findData("merge"))
    assert dialog.import_button.text() == "Import 5 sources, merge 1"

    # the plain text without title or date: its cells are editable, others are not
    notes = row_of(dialog, "field notes 12 march.txt")
    title_cell, date_cell = dialog.table.item(notes, TITLE), dialog.table.item(notes, ISSUED)
    assert title_cell.text() == "field notes 12 march" and title_cell.flags() & Qt.ItemFlag.ItemIsEditable
    assert not dialog.table.item(osce, TITLE).flags() & Qt.ItemFlag.ItemIsEditable
    title_cell.setText("Convoy at the checkpoint")
    date_cell.setText("2024-02-30")
    assert not dialog.import_button.isEnabled() and "does not exist" in date_cell.toolTip()
    date_cell.setText("2024-03-12")
    assert dialog.import_button.isEnabled()
    run_import(qtbot, window, dialog)

    assert count(db) == before + 5
    assert window.session.undo_stack.undoText() == "Import 5 sources, merge 1"
    convoy = db.conn.execute("SELECT id FROM sources WHERE title = 'Convoy at the checkpoint'").fetchone()[0]
    stored = get_source(db, convoy)
    assert stored["issued_edtf"] == "2024-03-12" and stored["full_text"].startswith("The convoy passed")
    osce_id = db.conn.execute("SELECT id FROM sources WHERE title LIKE 'Report on Violations%'").fetchone()[0]
    assert get_source(db, osce_id)["language"] == "en"  # merged into the empty field
    assert library.model.rowCount() == before + 5
    assert library.editor.source_id is not None  # the first imported source is selected
    assert "Imported 5 sources, merged 1, skipped 2" in window.statusBar().currentMessage()
    # committed on the worker's connection, yet ours: coming back to the window keeps it undoable
    assert not window.refresh_on_focus.check()

    window.session.undo_stack.undo()
    assert count(db) == before
    assert get_source(db, osce_id)["language"] is None
    assert library.model.rowCount() == before
    window.session.undo_stack.redo()
    assert count(db) == before + 5


def test_a_malformed_file_blocks_the_import_until_skipped(library, data, qtbot):
    window = library._window
    db = window.session.db
    before = count(db)
    assert drop(window, data / "broken.bib", data / "statement.txt")
    dialog = open_dialog(window)
    assert dialog.problems.isVisible()
    assert f"{data / 'broken.bib'}:9: the value of 'title' opened on this line is never closed" in dialog.problems.text()
    assert not dialog.import_button.isEnabled()
    dialog.skip_bad.setChecked(True)
    run_import(qtbot, window, dialog)
    assert count(db) == before + 1


def test_nothing_new_means_nothing_to_import(library, data):
    window = library._window
    assert drop(window, data / "items.json")
    dialog = open_dialog(window)
    assert [dialog.action_combo(row).currentData() for row in range(3)] == ["skip"] * 3
    assert not dialog.import_button.isEnabled() and dialog.import_button.text() == "Import 0 sources"
    dialog.all_duplicates.setCurrentIndex(dialog.all_duplicates.findData("merge"))
    dialog.all_duplicates.activated.emit(dialog.all_duplicates.currentIndex())
    assert [dialog.action_combo(row).currentData() for row in range(3)] == ["merge"] * 3
    assert dialog.import_button.isEnabled()


@pytest.fixture
def many_items(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"id": f"item{i}", "type": "webpage", "title": f"Page number {i}",
                                 "URL": f"https://example.test/pages/{i}", "author": [{"family": "Writer", "given": str(i)}],
                                 "issued": {"date-parts": [[2020, 1 + i % 12, 1 + i % 28]]}} for i in range(3000)]),
                    encoding="utf-8")
    return path


def test_cancel_mid_import_writes_nothing(library, many_items, qtbot):
    window = library._window
    db = window.session.db
    before, history, steps = count(db), count(db, "history"), window.session.undo_stack.count()
    assert drop(window, many_items)
    dialog = open_dialog(window)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    runner = window.findChild(ImportRunner, "importRunner")
    ended = []
    runner.cancelled.connect(lambda: ended.append("cancelled"))
    runner.finished.connect(lambda result: ended.append("finished"))
    # the window keeps running while the worker imports: progress arrives, then Cancel is pressed
    qtbot.waitUntil(lambda: runner.progress.value() > 0, timeout=10_000)
    assert runner.is_running()
    qtbot.mouseClick(runner.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert ended == ["cancelled"]
    assert count(db) == before and count(db, "history") == history
    assert window.session.undo_stack.count() == steps
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was written."


def test_a_big_import_runs_in_the_worker_and_undoes_in_one_step(library, many_items, qtbot):
    window = library._window
    db = window.session.db
    before, creators = count(db), count(db, "source_creators")
    assert drop(window, many_items)
    run_import(qtbot, window, open_dialog(window))
    assert count(db) == before + 3000
    assert library.model.rowCount() == before + 3000
    window.session.undo_stack.undo()
    assert count(db) == before and count(db, "source_creators") == creators
