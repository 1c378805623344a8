"""File menu: open, open recent, new, save a copy, close — with the dialogs answered at the edge."""
import sqlite3

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from db import events
from db.store import open_project
from desktop_app.main_window.recent_projects import LIMIT, RecentProjects
from tests.conftest import build_small_project


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


def answer_file_dialog(monkeypatch, path):
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, lambda *a, **k: (str(path), ""))


def test_opening_a_file_that_is_not_a_project_keeps_the_open_one(window, project, tmp_path, monkeypatch, warnings):
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes\n")
    answer_file_dialog(monkeypatch, notes)
    window.project_files.open_action.trigger()
    assert warnings and warnings[0][0] == "Cannot open project"
    assert "not a Sourceline project" in warnings[0][1] and "notes.txt" in warnings[0][1]
    assert window.session.path == project
    assert events.count_events(window.session.db) == 5  # still open and usable


def test_open_recent_lists_projects_newest_first_and_forgets_missing_ones(window, project, tmp_path, warnings):
    other = tmp_path / "other.sourceline"
    build_small_project(other)
    assert window.project_files.open_path(other)
    assert window.session.path == other
    menu = window.project_files.recent_menu
    menu.aboutToShow.emit()
    names = [a.text() for a in menu.actions() if a.text()]
    assert names[:2] == ["&1 other.sourceline", "&2 small.sourceline"]

    next(a for a in menu.actions() if a.text() == "&2 small.sourceline").trigger()
    assert window.session.path == project
    window.set_session(None)
    other.unlink()
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions() if a.text()][0] == "&1 small.sourceline"
    assert not any("other" in a.text() for a in menu.actions())
    assert warnings == []


def test_recent_list_is_capped(settings, tmp_path):
    recent = RecentProjects(settings)
    for n in range(LIMIT + 3):
        path = tmp_path / f"p{n}.sourceline"
        path.write_bytes(b"")
        recent.add(path)
    paths = recent.paths()
    assert len(paths) == LIMIT
    assert paths[0].name == f"p{LIMIT + 2}.sourceline"


def test_save_a_copy_as_gives_a_project_with_the_same_counts(window, tmp_path, monkeypatch, warnings):
    session = window.session
    session.push(events.add_event("Edit still in the write-ahead log", "2025-02-03"))
    copy = tmp_path / "copies" / "backup"
    copy.parent.mkdir()
    answer_file_dialog(monkeypatch, copy)
    written = window.project_files.save_copy()
    assert written == copy.with_suffix(".sourceline")
    assert not (tmp_path / "copies" / "backup.sourceline-wal").exists()
    assert sqlite3.connect(written).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    copied = open_project(written)
    try:
        for table in ("events", "sources", "citations", "tags", "entities", "entity_aliases"):
            query = f"SELECT count(*) FROM {table}"
            assert copied.conn.execute(query).fetchone()[0] == session.db.conn.execute(query).fetchone()[0], table
        assert copied.conn.execute("SELECT count(*) FROM events WHERE title LIKE 'Edit still%'").fetchone()[0] == 1
    finally:
        copied.close()
    assert warnings == []


def test_save_a_copy_over_the_open_project_is_refused(window, project, monkeypatch, warnings):
    answer_file_dialog(monkeypatch, project)
    assert window.project_files.save_copy() is None
    assert "open project" in warnings[0][1]
    assert events.count_events(window.session.db) == 5


def test_new_project_and_its_empty_state(window, tmp_path, monkeypatch, warnings):
    answer_file_dialog(monkeypatch, tmp_path / "fresh")
    window.project_files.new_action.trigger()
    assert window.session.path == tmp_path / "fresh.sourceline"
    assert (tmp_path / "fresh.sourceline").exists()
    page = window.page("Timeline")
    assert page.list.currentWidget() is page.list.empty
    assert "No events yet" in page.list.empty.message.text() and "Ctrl+N" in page.list.empty.message.text()
    assert window.statusBar().findChild(type(page.list.empty.message), "status_events").text() == "0 events"
    # the same name again is refused, and the new project stays open
    answer_file_dialog(monkeypatch, tmp_path / "fresh.sourceline")
    window.project_files.new_action.trigger()
    assert "already exists" in warnings[0][1]
    assert window.session.path == tmp_path / "fresh.sourceline"


def test_close_project_shows_what_to_do_next(window, project, monkeypatch):
    window.project_files.close_action.trigger()
    assert window.session is None
    buttons = {b.text(): b for b in window.centralWidget().findChildren(QPushButton)}
    assert "Open…" in buttons and "New Project…" in buttons
    answer_file_dialog(monkeypatch, project)
    buttons["Open…"].click()
    assert window.session is not None and window.session.path == project
    assert window.centralWidget() is window.tabs


def test_the_sample_project_opens_from_the_empty_state(window, tmp_path, monkeypatch, warnings):
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_path", lambda *a, **k: tmp_path / "data")
    window.project_files.close_action.trigger()
    button = next(b for b in window.centralWidget().findChildren(QPushButton) if b.text() == "Open the Sample Project")
    button.click()
    assert window.session.path == tmp_path / "data" / "sample.sourceline"
    assert events.count_events(window.session.db) > 10
    assert window.session.undo_stack.count() == 0  # nothing to undo in a freshly opened project
    assert warnings == []


def test_the_previous_project_is_closed_after_its_pages_are_gone(qtbot, window, tmp_path):
    previous = window.session
    pages = [window.tabs.widget(i) for i in range(window.tabs.count())]
    other = tmp_path / "other.sourceline"
    build_small_project(other)
    window.project_files.open_path(other)

    def closed():
        try:
            previous.db.conn.execute("SELECT 1")
        except sqlite3.ProgrammingError:
            return True
        return False

    qtbot.waitUntil(closed)
    import shiboken6
    assert not any(shiboken6.isValid(page) for page in pages)
