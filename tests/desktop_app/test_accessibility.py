"""Accessibility basics on the real window and the sample project: every control has a name a
screen reader can say and is reached by Tab (no trap, in reading order), form labels' Alt+keys go
to their fields, and the timeline stays legible in every theme, in high contrast and at 200 %."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

from desktop_app.help.screenshots import Photographer, apply_look, high_contrast_palette
from desktop_app.main_window import theme
from desktop_app.timeline.colours import Colours
from desktop_app.timeline.scene import AXIS_H, ROW_H

PAGES = ("Timeline", "Sources", "Reader", "Welcome")


# -- the sample project in the window --------------------------------------------------------

@pytest.fixture
def project(tmp_path, sample_path):
    """A copy of the sample project (overrides the small project of tests/conftest.py)."""
    path = tmp_path / "sample.sourceline"
    shutil.copyfile(sample_path, path)
    return path


@pytest.fixture
def active_window(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def restore_palette(qapp):
    yield
    theme.apply_theme(qapp, "system")


def first(window, sql: str):
    return window.session.db.conn.execute(sql).fetchone()[0]


def most_cited_event(window) -> int:
    return first(window, "SELECT event_id FROM citations GROUP BY event_id ORDER BY count(*) DESC, event_id LIMIT 1")


def show(window, name: str) -> QWidget:
    """Bring a page up the way a user finds it busiest: an event open in the editor, a source
    in the library editor, a source in the reader at a highlight with the find bar open."""
    if name == "Timeline":
        window.event_requested.emit(most_cited_event(window))
        page = window.page("Timeline")
    elif name == "Sources":
        page = window.show_page("Sources")
        page.select_source(first(window, "SELECT source_id FROM source_creators ORDER BY source_id LIMIT 1"))
    elif name == "Reader":
        source_id, annotation_id = window.session.db.conn.execute(
            "SELECT source_id, min(id) FROM annotations GROUP BY source_id ORDER BY count(*) DESC LIMIT 1").fetchone()
        window.source_requested.emit(source_id, annotation_id)
        page = window.page("Reader")
        page.open_find()
    else:
        window.set_session(None)
        page = window.centralWidget()
    QApplication.processEvents()
    assert page.isVisible()
    return page


# -- names -------------------------------------------------------------------------------------

def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def tab_stops(page: QWidget, window: QWidget) -> list[QWidget]:
    """The controls Tab must reach: shown, enabled, accepting Tab focus (a focus proxy's owner is
    reached through its proxy). Of an exclusive group of buttons only the checked one is a stop;
    arrows move within the group, as with radio buttons."""
    stops = []
    for widget in page.findChildren(QWidget):
        if not (widget.isVisibleTo(window) and widget.isEnabled() and takes_tab(widget)) or widget.focusProxy():
            continue
        if isinstance(widget, QAbstractButton) and not widget.isChecked() and (
                widget.autoExclusive() or (widget.group() is not None and widget.group().exclusive())):
            continue
        stops.append(widget)
    return stops


def accessible_text(widget: QWidget, kind) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(kind).strip() if interface is not None else ""


def label_of(widget: QWidget) -> str:
    """The text of a label whose buddy is this widget (what a screen reader's "labelled by" reads)."""
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "").strip()
    return ""


def spoken_name(widget: QWidget) -> str:
    if isinstance(widget, QComboBox) and not widget.isEditable():
        # Qt on Linux gives a combo box its current value as its name ("Any sources"): the name
        # that says what is chosen must come from the widget or its label.
        return widget.accessibleName() or label_of(widget)
    return accessible_text(widget, QAccessible.Text.Name)


def describe(widget: QWidget | None) -> str:
    """A widget as a failure message names it: its class and whatever text it shows."""
    if widget is None:
        return "nothing"
    hint = accessible_text(widget, QAccessible.Text.Name) or accessible_text(widget, QAccessible.Text.Description)
    return f"{type(widget).__name__}({hint[:40]!r})"


@pytest.mark.parametrize("name", PAGES)
def test_every_control_has_a_name_a_screen_reader_can_say(active_window, name):
    page = show(active_window, name)
    stops = tab_stops(page, active_window)
    assert len(stops) >= 3
    assert [describe(w) for w in stops if not spoken_name(w)] == []


def is_ours(widget: QWidget) -> bool:
    return type(widget).__module__.startswith("desktop_app.")


def paints_itself(widget: QWidget) -> bool:
    return any("paintEvent" in vars(cls) for cls in type(widget).__mro__ if cls.__module__.startswith("desktop_app."))


@pytest.mark.parametrize("name", PAGES)
def test_our_own_widgets_have_accessible_names(active_window, name):
    """Widgets of desktop_app's own classes — the timeline canvas, the overview, the reader's
    text, the swatches, the selection bar, the date field... — are unknown to a screen reader
    unless they say what they are: each one that takes focus, holds controls that do, or paints
    what it shows itself has a name, and one that takes focus also says what it does."""
    page = show(active_window, name)
    ours = [w for w in [page, *page.findChildren(QWidget)] if is_ours(w)]
    holding = [w for w in ours if w.focusPolicy() != Qt.FocusPolicy.NoFocus or paints_itself(w)
               or any(child.focusPolicy() != Qt.FocusPolicy.NoFocus for child in w.findChildren(QWidget))]
    assert len(holding) >= (1 if name == "Welcome" else 5)
    assert [describe(w) for w in holding if not w.accessibleName().strip()] == []
    focusable = [w for w in holding if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.focusProxy() is None]
    assert [describe(w) for w in focusable if not accessible_text(w, QAccessible.Text.Description)] == []


# -- Tab ---------------------------------------------------------------------------------------

def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    return QApplication.focusWidget()


def tab_round(qtbot, start: QWidget, limit: int) -> tuple[list[QWidget], bool]:
    """Press Tab from ``start`` until focus is back on it (True) or ``limit`` presses (False)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    visited = [start]
    for _ in range(limit):
        widget = press(qtbot, Qt.Key.Key_Tab)
        if widget is start:
            return visited, True
        visited.append(widget)
    return visited, False


def region_parts(page, name: str) -> list[QWidget]:
    """The page's parts in the order a reader takes them in (top, then left to right)."""
    if name == "Timeline":
        return [page.filter_bar, page.timeline, page.map, page.list, page.editor]
    if name == "Sources":
        return [page.editor.parentWidget().widget(0), page.editor]
    if name == "Reader":
        return [page.splitter.widget(0), page.side]
    return [page]


def starts_later(a: QRect, b: QRect) -> bool:
    """``b`` comes after ``a`` when read: on a later line, or further right on the same one."""
    return b.top() >= a.bottom() - 4 or (b.top() <= a.bottom() and b.left() >= a.left())


@pytest.mark.parametrize("name", PAGES)
def test_tab_reaches_every_control_in_reading_order_and_comes_back(active_window, qtbot, name):
    page = show(active_window, name)
    stops = tab_stops(page, active_window)
    parts = region_parts(page, name)
    where = {w: QRect(w.mapTo(active_window, QPoint(0, 0)), w.size()) for w in stops}  # before anything scrolls
    events_in_view = len(page.timeline.canvas.frame().events) if name == "Timeline" else 0
    visited, came_back = tab_round(qtbot, stops[0], limit=len(stops) + events_in_view + 10)
    trail = [f"{describe(w)}" for w in visited[-12:]]
    assert came_back, f"Tab never came back to {describe(stops[0])}; last stops: {trail}"
    assert [describe(w) for w in stops if w not in visited] == []
    # Read the round from where Tab enters the page (from the window's tabs), or, when nothing
    # outside the page takes focus, from its top left control.
    inside = [page.isAncestorOf(w) for w in visited]
    entries = [i for i, now in enumerate(inside) if now and not inside[i - 1]]
    assert len(entries) <= 1, f"Tab leaves the page and comes back {len(entries)} times"
    first = entries[0] if entries else min(range(len(visited)), key=lambda i: (where[visited[i]].top(),
                                                                                 where[visited[i]].left()))
    visited = visited[first:] + visited[:first]
    # the page's parts one after the other, each read from the top left
    on_page = [w for i, w in enumerate(visited) if page.isAncestorOf(w) and (i == 0 or visited[i - 1] is not w)]
    part_of = [next(i for i, part in enumerate(parts) if part is w or part.isAncestorOf(w)) for w in on_page]
    assert part_of == sorted(part_of), [describe(w) for w in on_page]
    for a, b, part_a, part_b in zip(on_page, on_page[1:], part_of, part_of[1:]):
        if part_a == part_b and a in where and b in where:
            assert starts_later(where[a], where[b]), f"Tab goes from {describe(a)} back to {describe(b)}"


def test_tab_walks_the_timeline_events_in_time_order_then_leaves(active_window, qtbot):
    """The user guide: on the timeline, Tab and Shift+Tab walk from event to event in time order,
    and Tab leaves the timeline after the last event."""
    page = show(active_window, "Timeline")
    canvas = page.timeline.canvas
    canvas.select_events([])
    in_time_order = [row[0] for row in active_window.session.db.conn.execute(
        "SELECT id FROM events ORDER BY start_s, end_s, id")]
    assert len(canvas.frame().events) == len(in_time_order) > 10  # the whole sample is in view
    canvas.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(canvas.hasFocus)
    edge = QPoint(1, canvas.height() // 2)
    focus_colour = Colours.from_palette(canvas.palette()).selection
    assert canvas.grab().toImage().pixel(edge) == focus_colour.rgb()  # where the keys go shows
    walked = []
    for _ in range(len(in_time_order)):
        assert press(qtbot, Qt.Key.Key_Tab) is canvas
        walked.append(canvas.selected_ids()[-1])
    assert walked == in_time_order
    assert page.list.selected_ids() == in_time_order[-1:]  # the list follows
    assert press(qtbot, Qt.Key.Key_Tab) is page.map.fit_button  # past the last event focus leaves, to the map beside
    assert canvas.grab().toImage().pixel(edge) != focus_colour.rgb()
    assert press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is canvas
    assert press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is canvas
    assert canvas.selected_ids() == in_time_order[-2:-1]


def test_the_highlight_colours_are_one_stop_and_arrows_choose(active_window, qtbot):
    page = show(active_window, "Reader")
    swatches = page.side.swatches
    chosen = swatches.current()
    button = swatches.buttons[chosen]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    moved = press(qtbot, Qt.Key.Key_Right)
    assert moved in swatches.buttons.values() and moved is not button
    press(qtbot, Qt.Key.Key_Space)
    assert swatches.current() != chosen


def alt_key(text: str) -> str | None:
    """The letter after a single "&" (Qt's mnemonic), upper case."""
    text = text.replace("&&", "")
    return text[text.index("&") + 1].upper() if "&" in text else None


@pytest.mark.parametrize("name", ("Timeline", "Sources"))
def test_every_field_label_alt_key_goes_to_its_field(active_window, qtbot, name):
    page = show(active_window, name)
    labels = [label for label in page.findChildren(QLabel)
              if label.isVisibleTo(active_window) and alt_key(label.text())]
    assert len(labels) >= 5
    # one Alt+key, one place: not another label's, not a menu's (Qt would cycle between them)
    keys = [alt_key(label.text()) for label in labels]
    menus = {alt_key(action.text()) for action in active_window.menuBar().actions()}
    assert len(set(keys)) == len(keys) and not set(keys) & menus, (keys, menus)
    missed = []
    for label in labels:
        key = alt_key(label.text())
        target = label.buddy()
        while target is not None and target.focusProxy() is not None:
            target = target.focusProxy()
        page.setFocus()
        qtbot.keyClick(active_window, getattr(Qt.Key, f"Key_{key.upper()}"), Qt.KeyboardModifier.AltModifier)
        if target is None or QApplication.focusWidget() is not target:
            missed.append(f"{label.text()} -> {describe(QApplication.focusWidget())}")
    assert missed == []


# -- colours -----------------------------------------------------------------------------------

def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance (written here, independently of the code under test)."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def ratio(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# (foreground, background) of everything written on the timeline and its overview
TEXT_PAIRS = (("text", "base"), ("text", "band"), ("text", "axis"), ("faint", "base"), ("faint", "band"),
              ("faint", "axis"), ("text", "mark_fill"), ("selection_text", "selection"), ("base", "today"),
              ("base", "contested"))
MARK_PAIRS = (("mark", "base"), ("mark", "band"), ("contested", "base"), ("contested", "band"), ("today", "base"))


def look_palette(app, look: str) -> QPalette:
    if look == "high-contrast":
        return high_contrast_palette()
    if look == "derived dark":  # a dark palette as Qt derives it from one colour: its accent is a grey
        return QPalette(QColor(45, 45, 48))
    theme.apply_theme(app, look)
    return QPalette(app.palette())


@pytest.mark.parametrize("look", ("light", "dark", "high-contrast", "derived dark"))
def test_timeline_colours_keep_their_contrast(qapp, restore_palette, look):
    colours = Colours.from_palette(look_palette(qapp, look))
    needed = 7.0 if look == "high-contrast" else 4.5
    low_text = {f"{fg} on {bg}": round(ratio(getattr(colours, fg), getattr(colours, bg)), 2) for fg, bg in TEXT_PAIRS}
    low_marks = {f"{fg} on {bg}": round(ratio(getattr(colours, fg), getattr(colours, bg)), 2) for fg, bg in MARK_PAIRS}
    assert {pair: value for pair, value in low_text.items() if value < needed} == {}
    assert {pair: value for pair, value in low_marks.items() if value < 3.0} == {}


def count(image: QImage, rect: QRect, colour: QColor, tolerance: int = 40) -> int:
    """Pixels of ``rect`` in ``colour`` give or take ``tolerance`` per channel (text is antialiased:
    a thin stem at a fractional position never covers a whole pixel)."""
    wanted = (colour.red(), colour.green(), colour.blue())
    rect = rect.intersected(image.rect())
    found = 0
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            pixel = QColor(image.pixel(x, y))
            found += max(abs(a - b) for a, b in zip((pixel.red(), pixel.green(), pixel.blue()), wanted)) <= tolerance
    return found


def label_box(canvas, item) -> QRect:
    top = AXIS_H + item.y - canvas.scroll_y() - ROW_H / 2 + 3
    return QRect(round(item.label_x), round(top), round(item.label_w), ROW_H - 6)


def test_high_contrast_timeline_draws_its_labels_in_the_palette_colours(qapp, restore_palette, active_window, qtbot):
    qapp.setPalette(high_contrast_palette())
    page = show(active_window, "Timeline")
    canvas, overview = page.timeline.canvas, page.timeline.overview
    colours = Colours.from_palette(canvas.palette())
    assert colours.base == QColor("black") and colours.text == QColor("white")
    image = canvas.grab().toImage()
    assert count(image, QRect(0, 0, image.width(), AXIS_H), colours.text) > 100  # the axis' years and months
    shown = [item for item in canvas.scene().items
             if QRect(0, AXIS_H, canvas.width(), canvas.height() - AXIS_H).contains(label_box(canvas, item))]
    selected = [item for item in shown if item.id in canvas.selected_ids()]
    plain = [item for item in shown if item.id not in canvas.selected_ids()]
    assert selected and len(plain) > 5
    for item in plain:
        assert count(image, label_box(canvas, item), colours.text) > 15, item.label
    box = label_box(canvas, selected[0])
    assert count(image, box, colours.selection) > box.width() * box.height() // 3
    assert count(image, box, colours.selection_text) > 15
    # the overview's years are written on the strip's own colour, not under the viewport's tint
    strip = overview.grab().toImage()
    year = QRect(2, 2, overview.fontMetrics().horizontalAdvance("2022") + 8, 14)
    assert count(strip, year, colours.faint) > 5
    assert count(strip, year, colours.axis) > year.width() * year.height() // 2


def sourceline_command() -> list[str]:
    script = Path(sys.executable).with_name("sourceline")
    return [str(script)] if script.exists() else [sys.executable, "-c", "import sys; from desktop_app.cli import main; "
                                                  "sys.exit(main())"]


def text_share(image: QImage, colour: QColor, step: int = 2) -> float:
    wanted, rect = colour.rgb(), image.rect()
    points = [(x, y) for x in range(0, rect.width(), step) for y in range(0, rect.height(), step)]
    return sum(image.pixel(x, y) == wanted for x, y in points) / len(points)


def test_the_timeline_at_200_percent_in_high_contrast(qapp, restore_palette, project, tmp_path):
    """`sourceline screenshots --scale 2` renders the window with QT_SCALE_FACTOR=2; the same
    picture at 100 % is taken here by the same code. The big one is twice as large in both
    directions, not blank, and its text grew with it (text takes the same share of it)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_SCALE_FACTOR", None)
    done = subprocess.run([*sourceline_command(), "screenshots", "--scale", "2", "--theme", "high-contrast",
                           "--only", "timeline", "--project", str(project), "--out", str(tmp_path / "200")],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    big = QImage(str(tmp_path / "200" / "timeline.png"))
    assert not big.isNull()

    apply_look(qapp, "high-contrast")
    (tmp_path / "100").mkdir()
    photographer = Photographer(project, tmp_path / "100", tmp_path)
    try:
        small = QImage(str(photographer.shot_timeline()))
        # measured as shot: the page gives the editor room once the shot's event is selected
        logical = photographer.window.page("Timeline").timeline.size()
    finally:
        photographer.close()
    assert (small.width(), small.height()) == (logical.width(), logical.height())
    assert (big.width(), big.height()) == (2 * logical.width(), 2 * logical.height())
    assert len({big.pixel(x, y) for x in range(0, big.width(), 16) for y in range(0, big.height(), 16)}) > 8
    white = QColor("white")
    assert text_share(small, white) > 0.002
    assert text_share(big, white) > 0.7 * text_share(small, white)
