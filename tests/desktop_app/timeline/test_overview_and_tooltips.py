"""The overview strip, tooltips, pinch zoom, the today marker, and a hidden timeline's restraint."""
import time

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QNativeGestureEvent, QPointingDevice
from PySide6.QtWidgets import QApplication, QToolTip

from db import events
from db.dates import DAY, seconds_of
from db.events import EventFilter
from desktop_app.timeline.frames import DensityFrame
from desktop_app.timeline.colours import Colours
from desktop_app.timeline.scene import AXIS_H
from desktop_app.timeline.tooltips import density_tooltip, event_tooltip
from desktop_app.timeline.view import TimelineView
from desktop_app.timeline.viewport import Viewport
from tests.desktop_app.timeline.conftest import MIXED_EVENTS


@pytest.fixture
def view(shown_view, mixed_session):
    return shown_view(mixed_session, 900, 420)


def test_clicking_the_overview_centres_the_view_there(view, qtbot):
    view.set_viewport(Viewport.fitted(seconds_of(2024, 11, 1), seconds_of(2024, 11, 8), view.canvas.width()))
    strip = view.overview
    lo, hi = strip.time_range()
    assert lo <= seconds_of(2024, 1, 1) and hi >= seconds_of(2025, 1, 1)  # the whole extent
    x = round((seconds_of(2024, 3, 1) - lo) / (hi - lo) * strip.width())
    with qtbot.waitSignal(view.viewport_changed):
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, strip.height() // 2))
    assert abs(view.center_time() - seconds_of(2024, 3, 1)) < 2 * DAY
    assert view.viewport().seconds_per_px == pytest.approx(7 * DAY / (0.9 * view.canvas.width()))


def test_the_overview_draws_the_viewport_rectangle(view):
    view.set_viewport(Viewport.fitted(seconds_of(2024, 6, 1), seconds_of(2024, 7, 1), view.canvas.width()))
    strip = view.overview
    lo, hi = strip.time_range()
    image = strip.grab().toImage()
    left = (view.viewport().start_s - lo) / (hi - lo) * strip.width()
    outline = Colours.from_palette(strip.palette()).text  # black on the light default palette
    edge = [image.pixelColor(x, y) for x in range(round(left) - 1, round(left) + 2) for y in range(4, strip.height() - 4)]
    assert min(abs(c.lightness() - outline.lightness()) for c in edge) < 40
    assert image.pixelColor(round(left) - 20, 8) != image.pixelColor(round(left) + 4, 8)  # inside is tinted


def test_the_overview_counts_only_what_the_filter_lets_through(view, mixed_session):
    strip = view.overview
    assert sum(strip._counts) == len(MIXED_EVENTS)
    diplomacy = EventFilter(tags=("diplomacy",))  # three events, 12 to 20 November 2024
    view.set_filter(diplomacy)
    assert strip.where == diplomacy
    assert sum(strip._counts) == events.count_events(mixed_session.db, diplomacy) == 3
    lo, hi = strip.time_range()
    assert seconds_of(2024, 11, 1) < lo and hi < seconds_of(2024, 12, 1)  # not the year of every event
    view.set_filter(EventFilter(text="nothing matches this"))
    assert strip.time_range() is None and strip._counts == []
    view.set_filter(EventFilter())
    assert sum(strip._counts) == len(MIXED_EVENTS)


def test_event_tooltip_says_date_in_words_and_escapes_titles():
    event = {"title": "<img src='file:///etc/passwd'> Strike & counter-strike", "date_edtf": "2024-11-15",
             "start_s": seconds_of(2024, 11, 15), "end_s": seconds_of(2024, 11, 16),
             "contested": 1, "first_reported_s": seconds_of(2024, 11, 17), "first_reported_edtf": "2024-11-17"}
    text = event_tooltip(event, 2)
    assert "<img" not in text and "&lt;img" in text and "&amp; counter-strike" in text
    assert "Friday 15 November 2024" in text and "2 sources" in text
    assert "first reported Sunday 17 November 2024" in text and "contested" in text
    event.update(contested=0, first_reported_s=None, first_reported_edtf=None)
    assert "1 source<" in event_tooltip(event, 1) and "contested" not in event_tooltip(event, 1)
    assert "no sources" in event_tooltip(event, 0)


def test_density_tooltip_names_the_bucket():
    frame = DensityFrame(seconds_of(2024, 11, 1), 3 * DAY, (4, 1, 0))
    assert density_tooltip(frame, seconds_of(2024, 11, 2)) == "<qt>4 events starting 1 Nov 2024 – 3 Nov 2024</qt>"
    assert "1 event starting" in density_tooltip(frame, seconds_of(2024, 11, 5))
    assert density_tooltip(frame, seconds_of(2024, 12, 5)) is None


def test_hovering_a_mark_shows_its_tooltip(view, mixed_session):
    view.set_viewport(Viewport.fitted(seconds_of(2024, 11, 8), seconds_of(2024, 11, 28), view.canvas.width()))
    item = next(i for i in view.canvas.scene().items if i.event["title"] == "Talks resume")
    pos = QPoint(round(item.x0), round(AXIS_H + item.y))
    QApplication.sendEvent(view.canvas, QHelpEvent(QEvent.Type.ToolTip, pos, view.canvas.mapToGlobal(pos)))
    assert "Talks resume" in QToolTip.text() and "Wednesday 20 November 2024" in QToolTip.text()
    assert "no sources" in QToolTip.text()
    item = next(i for i in view.canvas.scene().items if i.event["title"] == "Disputed shelling of the market")
    pos = QPoint(round(item.x0), round(AXIS_H + item.y))
    QApplication.sendEvent(view.canvas, QHelpEvent(QEvent.Type.ToolTip, pos, view.canvas.mapToGlobal(pos)))
    assert "2 sources" in QToolTip.text() and "contested" in QToolTip.text()
    QToolTip.hideText()


def test_pinch_zooms_around_the_fingers(view):
    view.set_viewport(Viewport.fitted(seconds_of(2024, 1, 1), seconds_of(2025, 1, 1), view.canvas.width()))
    before = view.viewport()
    at = QPointF(200, 150)
    pinch = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(), 2,
                                at, at, view.canvas.mapToGlobal(at), 0.5, QPointF(0, 0))
    QApplication.sendEvent(view.canvas, pinch)
    assert view.viewport().seconds_per_px == pytest.approx(before.seconds_per_px / 1.5)
    assert view.viewport().t_of(200) == pytest.approx(before.t_of(200))


def test_today_is_marked(view):
    now = time.time()
    view.set_viewport(Viewport.fitted(now - 10 * DAY, now + 10 * DAY, view.canvas.width()))
    image = view.canvas.grab().toImage()
    x = round(view.viewport().x_of(time.time()))
    today = Colours.from_palette(view.canvas.palette()).today
    column = [image.pixelColor(dx, y) for dx in (x - 1, x, x + 1) for y in range(AXIS_H + 5, view.canvas.height() - 5)]
    assert sum(1 for c in column if abs(c.hue() - today.hue()) < 20 and c.saturation() > 40) > 20
    assert view.canvas.empty_message() == "No events in this period — press Ctrl+0 to see them all"


def test_double_click_on_density_zooms_in(qtbot, tmp_path, many_events, qapp):
    from db.store import create_project
    from desktop_app.session import Session
    db = create_project(tmp_path / "dense.sourceline")
    many_events(db, 3_000, first_year=2020, years=2)
    session = Session(db, tmp_path / "dense.sourceline")
    view = TimelineView(session)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    assert isinstance(view.canvas.frame(), DensityFrame)
    before = view.viewport()
    qtbot.mouseDClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 200))
    assert view.viewport().seconds_per_px == pytest.approx(before.seconds_per_px / 1.5 ** 2)
    session.close()


def test_a_hidden_timeline_reads_changes_only_when_shown_again(view, mixed_session):
    view.set_viewport(Viewport.fitted(seconds_of(2024, 11, 8), seconds_of(2024, 11, 28), view.canvas.width()))
    queries = view.canvas.source.queries
    view.hide()
    for day in (21, 22, 23):
        mixed_session.push(events.add_event(f"Hidden {day}", f"2024-11-{day}"))
    assert view.canvas.source.queries == queries
    view.show()
    assert view.canvas.source.queries == queries + 1
    assert {f"Hidden {d}" for d in (21, 22, 23)} <= {i.event["title"] for i in view.canvas.scene().items}
