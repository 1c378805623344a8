"""The timeline widget driven like a user would: wheel, keys, mouse, on real project files."""
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication

from db import events, sources
from db.dates import DAY, seconds_of
from db.events import EventFilter
from db.store import open_project
from desktop_app.session import Session
from desktop_app.timeline import axis
from desktop_app.timeline.frames import DensityFrame, EventsFrame
from desktop_app.timeline.colours import Colours
from desktop_app.timeline.scene import AXIS_H, MARK_H
from desktop_app.timeline.viewport import Viewport



def _show_november(view):
    view.set_viewport(Viewport.fitted(seconds_of(2024, 11, 8), seconds_of(2024, 11, 28), view.canvas.width()))


def _item(view, title):
    return next(i for i in view.canvas.scene().items if i.event["title"] == title)


def _mark_pos(view, title) -> QPoint:
    """Where the user sees an event's mark: x from the viewport, y from its row."""
    item = _item(view, title)
    x = (item.x0 + item.x1) / 2 if item.kind == "bar" else view.viewport().x_of(
        (item.event["start_s"] + item.event["end_s"]) / 2)
    return QPoint(round(x), round(AXIS_H + item.y - view.canvas.scroll_y()))


def _wheel(widget, notches, at: QPointF):
    event = QWheelEvent(at, widget.mapToGlobal(at), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_wheel_zoom_goes_from_years_to_months_to_days_around_the_cursor(view):
    canvas = view.canvas
    view.set_viewport(Viewport.fitted(seconds_of(2015, 1, 1), seconds_of(2030, 1, 1), canvas.width()))
    at = QPointF(300, 200)
    under_cursor = view.viewport().t_of(at.x())
    units = [axis.ticks(view.viewport()).unit]
    for _ in range(40):
        _wheel(canvas, 1, at)
        units.append(axis.ticks(view.viewport()).unit)
    seen = list(dict.fromkeys(units))
    assert seen.index("year") < seen.index("month") < seen.index("day")
    for _ in range(12):
        _wheel(canvas, 1, at)
    assert axis.ticks(view.viewport()).unit == "hour"
    assert all(t.label.endswith(":00") for t in axis.ticks(view.viewport()).minor)
    _wheel(canvas, -12, at)
    assert view.viewport().t_of(at.x()) == pytest.approx(under_cursor, abs=view.viewport().seconds_per_px)
    _wheel(canvas, -40, at)
    assert axis.ticks(view.viewport()).unit == "year"


def test_axis_labels_are_whole_or_absent_at_the_edges(view):
    """A label the edge would cut ("202" for 2025, "ov 1995" pushed out left) is not drawn."""
    canvas = view.canvas
    width = canvas.width()
    november, december = seconds_of(1995, 11, 1), seconds_of(1995, 12, 1)
    spp = (december - november) / (width - 50)  # 1 November at x = 30, 1 December at 20 px from the right
    view.set_viewport(Viewport(november - 30 * spp, spp, width))
    scale = axis.ticks(view.viewport())
    assert scale.unit == "week" and [round(t.x) for t in scale.major if t.label][-2:] == [30, width - 20]
    image = canvas.grab().toImage()
    band = Colours.from_palette(canvas.palette()).axis

    def blank(x0, x1, y0, y1):
        return all(image.pixelColor(x, y) == band for x in range(x0, x1) for y in range(y0, y1))

    assert not blank(34, 120, 2, 20)  # "Nov 1995" is there
    # (the outer 3 px hold the focus frame)
    assert blank(3, 28, 3, 20)  # "Oct 1995", pushed out by it, is gone rather than cut
    assert blank(width - 18, width - 3, 3, 38)  # no "Dec 1995" cut to "De", no minor label cut either


def test_plus_and_minus_keys_zoom(view, qtbot):
    view.set_viewport(Viewport.fitted(seconds_of(2024, 1, 1), seconds_of(2025, 1, 1), view.canvas.width()))
    assert axis.ticks(view.viewport()).unit == "month"
    span = view.viewport().end_s - view.viewport().start_s
    for _ in range(9):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    assert view.viewport().end_s - view.viewport().start_s == pytest.approx(span / 1.5 ** 9)
    assert axis.ticks(view.viewport()).unit == "day"
    for _ in range(9):
        qtbot.keyClick(view, Qt.Key.Key_Minus)  # sent to the view itself: it reaches the canvas
    assert axis.ticks(view.viewport()).unit == "month"


def test_arrow_keys_and_mouse_drag_pan(view, qtbot):
    _show_november(view)
    before = view.viewport()
    with qtbot.waitSignal(view.viewport_changed):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert view.viewport().start_s == pytest.approx(before.start_s + before.width_px / 8 * before.seconds_per_px)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left)
    assert view.viewport().start_s == pytest.approx(before.start_s)
    # drag the empty space below the rows 150 px to the left: later times come into view
    y = view.canvas.height() - 10
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(600, y))
    qtbot.mouseMove(view.canvas, QPoint(520, y))
    qtbot.mouseMove(view.canvas, QPoint(450, y))
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(450, y))
    assert view.viewport().start_s == pytest.approx(before.start_s + 150 * before.seconds_per_px)
    assert view.selected_ids() == []


def test_click_selects_ctrl_click_toggles_double_click_activates(view, qtbot, mixed_session):
    _show_november(view)
    talks, strike = mixed_session.ids["Talks resume"], mixed_session.ids["Strike on the power plant"]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=_mark_pos(view, "Talks resume"))
    assert blocker.args == [[talks]]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         pos=_mark_pos(view, "Strike on the power plant"))
    assert blocker.args == [[talks, strike]]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         pos=_mark_pos(view, "Talks resume"))
    assert blocker.args == [[strike]]
    with qtbot.waitSignal(view.event_activated) as blocker:
        qtbot.mouseDClick(view.canvas, Qt.MouseButton.LeftButton, pos=_mark_pos(view, "Talks resume"))
    assert blocker.args == [talks]
    with qtbot.waitSignal(view.event_activated) as blocker:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert blocker.args == [talks]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(500, view.canvas.height() - 10))
    assert blocker.args == [[]]


def test_tab_walks_through_events_in_time(view, qtbot, mixed_session):
    _show_november(view)
    view.select_events([mixed_session.ids["Ceasefire announced in the capital"]])
    titles = []
    for _ in range(3):
        with qtbot.waitSignal(view.selection_changed) as blocker:
            qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)
        titles.append(events.get_event(mixed_session.db, blocker.args[0][0])["title"])
    # 15 Nov, then the November bar's neighbours in start order: 18 Nov twice
    starts = [events.get_event(mixed_session.db, mixed_session.ids[t])["start_s"] for t in titles]
    assert starts == sorted(starts) and starts[0] >= seconds_of(2024, 11, 15)
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Backtab)
    assert blocker.args == [[mixed_session.ids[titles[1]]]]


def test_select_events_reveals_without_announcing(view, qtbot, mixed_session):
    _show_november(view)
    election = mixed_session.ids["Election year"]
    siege = mixed_session.ids["Siege, end date uncertain"]
    view.set_viewport(Viewport.fitted(seconds_of(2030, 1, 1), seconds_of(2030, 2, 1), view.canvas.width()))
    with qtbot.assertNotEmitted(view.selection_changed):
        view.select_events([siege], reveal=True)
    assert view.selected_ids() == [siege]
    assert view.viewport().contains(seconds_of(2024, 10, 1), seconds_of(2024, 10, 21))
    view.select_events([election, siege])
    view.zoom_to_selection()
    assert view.viewport().contains(seconds_of(2024, 1, 1), seconds_of(2025, 1, 1))
    view.zoom_to_fit()
    assert view.viewport().contains(seconds_of(2024, 1, 1), seconds_of(2025, 1, 1))
    assert view.viewport().end_s - view.viewport().start_s < 1.2 * 366 * DAY
    assert seconds_of(2024, 1, 1) < view.center_time() < seconds_of(2025, 1, 1)


def test_density_when_zoomed_out_on_100k_events_and_marks_at_a_day(shown_view, big_project):
    session = Session(open_project(big_project), big_project)
    view = shown_view(session)
    view.zoom_to_fit()
    frame = view.canvas.frame()
    assert isinstance(frame, DensityFrame)
    assert frame.in_view(view.viewport()) == 100_000
    queries = view.canvas.source.queries
    view.canvas.repaint()  # painting reads the cached frame only
    view.set_viewport(view.viewport().panned(5))  # a small pan reuses it
    view.canvas.repaint()
    assert view.canvas.source.queries == queries
    view.set_viewport(Viewport.fitted(seconds_of(2010, 6, 1), seconds_of(2010, 6, 2), view.canvas.width()))
    assert isinstance(view.canvas.frame(), EventsFrame)
    items = view.canvas.scene().items
    assert items and all(i.event["start_s"] < view.viewport().end_s for i in items)
    # the benchmark's cold frame (FrameSource, layout and paint without the view's cache) draws the counts
    image = view.canvas.render_frame(Viewport.fitted(seconds_of(2000, 1, 1), seconds_of(2020, 1, 1), 800), 300)
    assert (image.width(), image.height()) == (800, 300)
    bar = Colours.from_palette(view.canvas.palette()).mark.rgb()
    # the bottom row of the bars: twenty years of events fill most of the width with count bars
    columns_with_a_bar = {x for x in range(800) if image.pixel(x, 300 - 9) == bar}
    assert len(columns_with_a_bar) > 400
    session.close()


def _pixel(image, x, y) -> QColor:
    return image.pixelColor(round(x), round(y))


def _differs(a: QColor, b: QColor, by: int = 12) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) >= by


def test_uncertain_end_fades_while_exact_end_is_crisp(view):
    view.set_viewport(Viewport.fitted(seconds_of(2024, 10, 1), seconds_of(2024, 11, 3), view.canvas.width()))
    image = view.canvas.grab().toImage()
    background = view.canvas.palette().color(QPalette.ColorRole.Base)
    siege = _item(view, "Siege, end date uncertain")  # 2024-10-01/2024-10-20?: the end may stretch
    assert siege.fx1 > siege.x1 + 40
    y = AXIS_H + siege.y - MARK_H / 2 + 3
    bar = _pixel(image, siege.x1 - 4, y)
    fading = [_pixel(image, siege.x1 + (siege.fx1 - siege.x1) * f, y) for f in (0.2, 0.5, 0.8)]
    assert _differs(bar, background)
    assert all(_differs(c, bar) and _differs(c, background, by=3) for c in fading[1:2])
    assert fading[0].lightness() < fading[1].lightness() < fading[2].lightness()  # fading out
    assert _pixel(image, siege.fx1 + 3, y) == background
    blackout = _item(view, "Blackout across the eastern region")  # November: both ends exact
    y = AXIS_H + blackout.y - MARK_H / 2 + 3
    assert _pixel(image, blackout.x0 - 3, y) == background
    assert _differs(_pixel(image, blackout.x0 + 4, y), background)


def test_dark_palette_draws_light_on_dark(view):
    palette = QPalette()
    for role, colour in (("Window", "#2b2b2b"), ("WindowText", "#e6e6e6"), ("Base", "#1e1e1e"),
                         ("AlternateBase", "#262626"), ("Text", "#e6e6e6"), ("Highlight", "#3d7ab8"),
                         ("HighlightedText", "#ffffff"), ("Accent", "#4a90d9")):
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    view.setPalette(palette)
    _show_november(view)
    image = view.canvas.grab().toImage()
    minor = axis.ticks(view.viewport()).minor
    between_grid_lines = (minor[0].x + minor[1].x) / 2
    assert _pixel(image, between_grid_lines, view.canvas.height() - 5) == QColor("#1e1e1e")
    talks = _item(view, "Talks resume")
    mark = _pixel(image, _mark_pos(view, "Talks resume").x(), _mark_pos(view, "Talks resume").y())
    assert mark.lightness() > 100
    text = [_pixel(image, x, AXIS_H + talks.y) for x in range(round(talks.label_x), round(talks.label_x + talks.label_w))]
    assert max(c.lightness() for c in text) > 180  # light text on the dark base


def test_dragging_a_day_event_is_one_undoable_edit_and_escape_cancels(view, qtbot, mixed_session):
    view.set_viewport(Viewport.fitted(seconds_of(2024, 11, 10), seconds_of(2024, 12, 5), view.canvas.width()))
    talks = mixed_session.ids["Talks resume"]
    day_px = DAY / view.viewport().seconds_per_px
    start = _mark_pos(view, "Talks resume")
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 4):
        qtbot.mouseMove(view.canvas, start + QPoint(round(day_px * step), 0))
    assert events.get_event(mixed_session.db, talks)["date_edtf"] == "2024-11-20"  # nothing written yet
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(round(day_px * 3), 0))
    assert events.get_event(mixed_session.db, talks)["date_edtf"] == "2024-11-23"
    assert mixed_session.undo_stack.count() == 1
    assert _item(view, "Talks resume").event["date_edtf"] == "2024-11-23"  # redrawn from the store
    mixed_session.undo_stack.undo()
    assert events.get_event(mixed_session.db, talks)["date_edtf"] == "2024-11-20"
    start = _mark_pos(view, "Talks resume")
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.canvas, start + QPoint(round(day_px), 0))
    qtbot.mouseMove(view.canvas, start + QPoint(round(day_px * 2), 0))
    qtbot.keyClick(view.canvas, Qt.Key.Key_Escape)
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(round(day_px * 2), 0))
    assert events.get_event(mixed_session.db, talks)["date_edtf"] == "2024-11-20"
    assert mixed_session.undo_stack.count() == 1 and mixed_session.undo_stack.index() == 0


def test_requeries_only_for_changes_that_concern_it(view, mixed_session):
    _show_november(view)
    queries = view.canvas.source.queries
    mixed_session.push(sources.add_source({"title": "Unrelated report"}, "2024-12-01"))
    assert view.canvas.source.queries == queries
    new_id = mixed_session.push(events.add_event("Second ceasefire", "2024-11-24", tags=("diplomacy",)))
    assert view.canvas.source.queries == queries + 1
    assert _item(view, "Second ceasefire").id == new_id


def test_filter_and_lanes(view, mixed_session):
    _show_november(view)
    view.set_lane_mode("tag")
    lanes = [lane.label for lane in view.canvas.scene().lanes]
    assert lanes[:3] == ["diplomacy", "infrastructure", "military"] and lanes[-1] == "(no tag)"
    strike_rows = [i.y for i in view.canvas.scene().items if i.event["title"] == "Strike on the power plant"]
    assert len(strike_rows) == 2  # in the infrastructure lane and the military lane
    view.set_filter(EventFilter(tags=("diplomacy",)))
    titles = sorted(i.event["title"] for i in view.canvas.scene().items)
    assert titles[:2] == ["A very long title that goes on and on describing every detail of what happened at the "
                          "meeting in the afternoon, far longer than any label can show",
                          "Ceasefire announced in the capital"] and titles[2:] == ["Talks resume"]
    view.set_lane_mode("none")
    assert [lane.label for lane in view.canvas.scene().lanes] == [""]
    with pytest.raises(ValueError):
        view.set_lane_mode("colour")
    view.set_filter(EventFilter(text="nothing matches this"))
    assert view.canvas.empty_message().startswith("No events match the filter — Clear")



def test_colours_are_worked_out_once_per_palette_and_follow_a_change(view):
    from PySide6.QtGui import QColor, QPalette

    palette = view.canvas.palette()
    assert Colours.from_palette(palette) is Colours.from_palette(QPalette(palette))  # a copy: same key
    darker = QPalette(palette)
    darker.setColor(QPalette.ColorRole.Base, QColor("#101010"))
    assert Colours.from_palette(darker).base == QColor("#101010") != Colours.from_palette(palette).base
