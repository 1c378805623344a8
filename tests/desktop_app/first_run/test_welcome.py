"""The welcome page: shown while no project is open, and every way in works (dialogs answered
at the edge with monkeypatched QFileDialog)."""
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton

from db import events
from desktop_app.first_run.welcome import JOBS, WelcomePage
from desktop_app.main_window.recent_projects import RecentProjects
from desktop_app.main_window.theme import dark_palette
from desktop_app.sources.import_dialog import ImportDialog
from tests.conftest import build_small_project

DATA = Path(__file__).resolve().parents[2] / "data" / "import"


def welcome(window) -> WelcomePage:
    page = window.centralWidget()
    assert isinstance(page, WelcomePage)
    return page


def click(qtbot, button: QPushButton) -> None:
    qtbot.waitUntil(button.isVisible)  # a page set while the window is open shows on the next event loop pass
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_no_project_shows_the_welcome_with_the_ways_in_and_the_three_jobs(empty_window):
    page = welcome(empty_window)
    assert list(page.buttons) == ["open_sample", "new_project", "open_project", "import"]
    assert [page.buttons[n].text() for n in ("open_sample", "new_project", "open_project")] == \
        ["Open the Sample Project", "New Project…", "Open…"]
    assert page.buttons["open_sample"].isDefault()
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    for name, sentence in JOBS:
        assert name in texts and sentence in texts
    assert page.findChild(QPushButton, "recentProject") is None  # nothing opened yet


def test_open_the_sample_project(qtbot, empty_window, user_data):
    click(qtbot, welcome(empty_window).buttons["open_sample"])
    session = empty_window.session
    assert session is not None and session.path == user_data / "sample.sourceline"
    assert events.count_events(session.db) > 10
    assert empty_window.centralWidget() is empty_window.tabs
    # a second time opens the same copy, not a new one
    empty_window.set_session(None)
    click(qtbot, welcome(empty_window).buttons["open_sample"])
    assert empty_window.session.path == user_data / "sample.sourceline"


def test_new_project_creates_the_file_chosen(qtbot, empty_window, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "kursk"), ""))
    click(qtbot, welcome(empty_window).buttons["new_project"])
    assert (tmp_path / "kursk.sourceline").is_file()
    assert empty_window.session.path == tmp_path / "kursk.sourceline"
    assert events.count_events(empty_window.session.db) == 0


def test_open_opens_the_file_chosen(qtbot, empty_window, project, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(project), ""))
    click(qtbot, welcome(empty_window).buttons["open_project"])
    assert empty_window.session.path == project
    assert events.count_events(empty_window.session.db) == 5


def test_import_sources_into_a_new_project(qtbot, empty_window, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "reading.sourceline"), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(DATA / "statement.txt")], ""))
    page = welcome(empty_window)
    assert page.buttons["import"].menu() is page.import_menu
    page.import_menu.findChild(type(page.import_menu.actions()[0]), "import_sources").trigger()
    assert empty_window.session.path == tmp_path / "reading.sourceline"
    dialog = next(d for d in empty_window.findChildren(ImportDialog) if d.isVisible())
    stack = empty_window.session.undo_stack
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stack.count() == 1, timeout=10_000)
    titles = [r[0] for r in empty_window.session.db.conn.execute("SELECT title FROM sources")]
    assert titles == ["Statement by the regional administration"]


def test_import_cancelled_at_the_new_project_imports_nothing(empty_window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: asked.append(1) or ([], ""))
    assert welcome(empty_window).import_into_new_project("import_sources") is False
    assert empty_window.session is None and asked == []


def test_recent_projects_are_listed_and_open(qtbot, settings, tmp_path, empty_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    older, newer = tmp_path / "older.sourceline", tmp_path / "newer.sourceline"
    for path in (older, newer):
        build_small_project(path)
        RecentProjects(settings).add(path)
    empty_window.set_session(None)  # the page is built again, with the list
    buttons = welcome(empty_window).findChildren(QPushButton, "recentProject")
    assert [b.text() for b in buttons] == ["newer.sourceline", "older.sourceline"]
    assert buttons[1].toolTip() == str(older.resolve())
    click(qtbot, buttons[1])
    assert empty_window.session.path == older.resolve()


def test_every_button_is_reachable_by_keyboard_and_focus_starts_on_the_sample(empty_window, qtbot):
    page = welcome(empty_window)
    for button in page.buttons.values():
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    page.setFocus()
    assert page.buttons["open_sample"].hasFocus()
    # Tab walks through the buttons in reading order
    reached = []
    for _ in page.buttons:
        reached.append(empty_window.focusWidget().objectName())
        qtbot.keyClick(empty_window.focusWidget(), Qt.Key.Key_Tab)
    assert reached == ["open_sample", "new_project", "open_project", "import"]


def test_secondary_text_follows_the_theme(empty_window):
    page = welcome(empty_window)
    muted = page._muted_labels[0]
    light = muted.palette().windowText().color()
    page.setPalette(dark_palette())
    dark = muted.palette().windowText().color()
    assert light.lightness() < 128 < dark.lightness()
