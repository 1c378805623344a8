"""The window's own parts: the undo actions, the theme, remembered geometry, status bar."""
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from db import events
from desktop_app.main_window import theme
from desktop_app.main_window.window import MainWindow


def edit_menu_action(window, starts_with):
    return next(a for a in window.menus["edit"].actions() if a.text().replace("&", "").startswith(starts_with))


def test_undo_and_redo_actions_name_the_edit(window):
    session = window.session
    event_id = session.db.conn.execute("SELECT min(id) FROM events").fetchone()[0]
    undo = edit_menu_action(window, "Undo")
    assert not undo.isEnabled()
    session.push(events.update_event(event_id, title="Changed"))
    assert undo.isEnabled() and undo.text().replace("&", "") == "Undo Edit event"
    assert undo.shortcut().toString() == "Ctrl+Z"
    undo.trigger()
    assert events.get_event(session.db, event_id)["title"] == "Spring storms flood the valley"
    redo = edit_menu_action(window, "Redo")
    assert redo.text().replace("&", "") == "Redo Edit event"
    assert redo.shortcut().toString() == "Ctrl+Shift+Z"
    redo.trigger()
    assert events.get_event(session.db, event_id)["title"] == "Changed"


def test_the_undo_actions_follow_the_open_project(window, tmp_path):
    window.session.push(events.add_event("Something", "2024"))
    assert edit_menu_action(window, "Undo").isEnabled()
    window.project_files.close_action.trigger()
    assert not edit_menu_action(window, "Undo").isEnabled()


def test_quit_is_last_in_the_file_menu(window):
    assert window.menus["file"].actions()[-1].text() == "&Quit"


def test_status_bar_says_the_project_is_saved(window):
    assert window.statusBar().findChild(object, "status_saved").text() == "All changes saved"


def test_theme_can_be_forced_dark_and_back(window, settings):
    app = QApplication.instance()
    menu = next(a.menu() for a in window.menus["view"].actions() if a.menu() and a.text() == "&Theme")
    actions = {a.text(): a for a in menu.actions()}
    try:
        actions["&Dark"].trigger()
        assert theme.is_dark(app.palette())
        assert settings.value(theme.SETTING) == "dark"
        actions["&Light"].trigger()
        assert not theme.is_dark(app.palette())
    finally:
        actions["&System"].trigger()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 128  # offscreen's own is light


def test_window_geometry_is_remembered(qtbot, session, settings):
    first = MainWindow(session, settings)
    qtbot.addWidget(first)
    first.resize(700, 500)  # within the offscreen screen (800×600)
    first.show()
    first.close()
    second = MainWindow(None, settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_system_theme_follows_the_platform_palette_as_it_changes(qtbot, window):
    """With View → Theme → System nothing is pinned: Qt resolves every colour from the platform's
    palette, again whenever the desktop switches between light and dark, and every part of the
    window reads its colours from the palette when it paints (none is kept from when it was built)."""
    from desktop_app.events.error_label import error_colour

    app = QApplication.instance()
    menu = next(a.menu() for a in window.menus["view"].actions() if a.menu() and a.text() == "&Theme")
    system = next(a for a in menu.actions() if a.text() == "&System")
    system.trigger()
    assert system.isChecked() and app.palette().resolveMask() == 0  # no role forced

    page = window.page("Timeline")
    canvas, strip = page.timeline.canvas, page.timeline.overview
    date_error = page.editor.date.error

    def bottom_left(widget):
        return widget.grab().toImage().pixelColor(5, widget.height() - 3)

    assert bottom_left(canvas).lightness() > 200

    def strip_middle():  # above the bars, under the rectangle of what is in view
        return strip.grab().toImage().pixelColor(strip.width() // 2, 5).lightness()

    light_strip = strip_middle()
    try:
        app.setPalette(theme.dark_palette())  # what Qt hands the application when the desktop turns dark
        qtbot.waitUntil(lambda: bottom_left(canvas).lightness() < 60)
        assert strip_middle() < light_strip - 60
        assert page.list.table.palette().color(QPalette.ColorRole.Base).lightness() < 60
        assert date_error.palette().color(QPalette.ColorRole.WindowText) == error_colour(app.palette())
    finally:
        system.trigger()
    qtbot.waitUntil(lambda: bottom_left(canvas).lightness() > 200)
    assert date_error.palette().color(QPalette.ColorRole.WindowText) == error_colour(app.palette())
