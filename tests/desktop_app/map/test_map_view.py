"""The map driven like a user drives it: wheel, drag, click, lasso, on the sample project in the
real window (with the timeline and the list in step), and on 100,000 events in density mode."""
import random
import shutil

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from db import bulk, dates
from db.events import EventFilter
from desktop_app.map.canvas import MapCanvas
from tests.desktop_app.map.conftest import write_located
from desktop_app.map.frames import CellsFrame, MarksFrame


@pytest.fixture
def sample_window(qtbot, tmp_path, sample_path, settings, qapp):
    from desktop_app.app import open_session
    from desktop_app.main_window.window import MainWindow

    path = tmp_path / "sample.sourceline"
    shutil.copyfile(sample_path, path)
    window = MainWindow(open_session(path), settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    page = window.page("Timeline")
    page.map.whole_period.setChecked(True)
    page.map.canvas.fit_to_events()
    yield window, page
    window.set_session(None)


def _wheel(widget, pos: QPointF, notches: int):
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _spot(canvas, title):
    event = next(e for e in canvas.frame().events if e["title"] == title)
    return next(s for s in canvas._spots if s.event_id == event["id"]), event["id"]


def test_the_map_shows_the_sample_projects_located_events(sample_window, qtbot):
    _, page = sample_window
    canvas = page.map.canvas
    canvas.repaint()
    frame = canvas.frame()
    located = page.session.db.conn.execute("SELECT count(*) FROM events WHERE latitude IS NOT NULL").fetchone()[0]
    assert isinstance(frame, MarksFrame) and len(frame.events) == located > 0
    assert len(canvas._spots) == located  # every one drawn inside the fitted view
    assert "with a place" in page.map.shown.text()


def test_wheel_zooms_around_the_pointer_and_drag_pans(sample_window, qtbot):
    _, page = sample_window
    canvas = page.map.canvas
    pos = QPointF(canvas.width() * 0.3, canvas.height() * 0.6)
    under = canvas.view().from_screen(pos.x(), pos.y())
    scale = canvas.view().scale
    _wheel(canvas, pos, 2)
    assert canvas.view().scale == pytest.approx(scale * 1.25 ** 2)
    assert canvas.view().from_screen(pos.x(), pos.y()) == pytest.approx(under, abs=1e-6)
    before = canvas.view().from_screen(200, 150)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(200, 150))
    qtbot.mouseMove(canvas, QPoint(230, 160))
    qtbot.mouseMove(canvas, QPoint(260, 170))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(260, 170))
    assert canvas.view().from_screen(260, 170) == pytest.approx(before, abs=1e-6)
    assert canvas.selected_ids() == []  # a drag is no click


def test_a_click_on_a_mark_selects_it_in_the_list_and_on_the_timeline_and_back(sample_window, qtbot):
    _, page = sample_window
    canvas = page.map.canvas
    canvas.repaint()
    spot, event_id = _spot(canvas, "Ukraine's incursion into Russia's Kursk region")
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(spot.x), round(spot.y)))
    assert canvas.selected_ids() == [event_id]
    assert page.list.selected_ids() == [event_id]
    assert page.timeline.selected_ids() == [event_id]
    assert page.editor.event_id == event_id
    # two events in Berlin sit on one spot: a click there takes both
    berlin = sorted(e["id"] for e in canvas.frame().events if e["location_name"] == "Berlin")
    spot, _ = _spot(canvas, "Germany's governing coalition collapses")
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(spot.x), round(spot.y)))
    assert sorted(canvas.selected_ids()) == berlin and len(berlin) == 2
    assert sorted(page.list.selected_ids()) == berlin
    # Ctrl+click adds a place's events
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     QPoint(round(_spot(canvas, "Ukraine's incursion into Russia's Kursk region")[0].x),
                            round(_spot(canvas, "Ukraine's incursion into Russia's Kursk region")[0].y)))
    assert sorted(canvas.selected_ids()) == sorted([*berlin, event_id])
    # and from the list (or a search) to the map
    page.select_events([event_id])
    assert canvas.selected_ids() == [event_id]
    # a click on open water clears it
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(3, canvas.height() - 3))
    assert canvas.selected_ids() == [] and page.list.selected_ids() == []


def test_a_lasso_selects_the_marks_it_encloses(sample_window, qtbot):
    _, page = sample_window
    canvas = page.map.canvas
    canvas.repaint()
    spots = canvas._spots
    chosen = sorted(spots, key=lambda s: s.x)[: max(2, len(spots) // 2)]
    left = min(s.x for s in chosen) - 8
    right = max(s.x for s in chosen) + 8
    expected = sorted(s.event_id for s in spots if left <= s.x <= right)
    corners = [QPoint(round(left), 2), QPoint(round(right), 2), QPoint(round(right), canvas.height() - 2),
               QPoint(round(left), canvas.height() - 2)]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, corners[0])
    for corner in corners[1:]:
        qtbot.mouseMove(canvas, corner)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, corners[-1])
    assert sorted(canvas.selected_ids()) == expected and len(expected) >= 2
    assert sorted(page.list.selected_ids()) == expected


def test_the_map_follows_the_filter_and_the_period_in_view(sample_window, qtbot):
    _, page = sample_window
    canvas = page.map.canvas
    page.apply_filter(EventFilter(tags=("Kursk",)))
    qtbot.waitUntil(lambda: not canvas.fetching)  # a filtered frame is counted on the worker's thread
    titles = {e["title"] for e in canvas.frame().events}
    expected = {r[0] for r in page.session.db.conn.execute(
        "SELECT e.title FROM events e JOIN event_tags et ON et.event_id = e.id JOIN tags t ON t.id = et.tag_id"
        " WHERE t.name = 'Kursk' AND e.latitude IS NOT NULL")}
    assert titles == expected and expected
    page.apply_filter(EventFilter())
    # the period: only 2022 on the timeline, the map follows once the whole-period box is unticked
    page.map.whole_period.setChecked(False)
    start, end = dates.bounds("2022").start, dates.bounds("2022").end
    from desktop_app.timeline.viewport import Viewport
    page.timeline.set_viewport(Viewport.fitted(start, end, page.timeline.canvas.width(), margin=0))
    qtbot.waitUntil(lambda: canvas.source.where.start_s is not None and canvas.source.where == page.map.where()
                    and not canvas.fetching)
    shown = {e["id"] for e in canvas.frame().events}
    in_2022 = {r[0] for r in page.session.db.conn.execute(
        "SELECT id FROM events WHERE latitude IS NOT NULL AND start_s < ? AND end_s > ?",
        (page.map.where().end_s, page.map.where().start_s))}
    assert shown == in_2022 and 0 < len(shown) < 14
    page.map.whole_period.setChecked(True)
    assert len(canvas.frame().events) == 14


def _many_events(path, n=100_000, seed=5):
    """n located day events, 60 % around towns of Ukraine, the rest around the world, written by
    the bulk path the dataset importer uses."""
    rng = random.Random(seed)
    towns = [(50.45, 30.52), (49.99, 36.23), (48.28, 37.18), (46.48, 30.73), (47.84, 35.14), (51.73, 36.18)]
    world = [(48.86, 2.35), (40.71, -74.0), (-23.55, -46.63), (35.68, 139.69), (-33.87, 151.21), (30.04, 31.24)]
    rows = []
    stamps = bulk.RecordStamps()
    for i in range(n):
        lat, lon = rng.choice(towns) if rng.random() < 0.6 else rng.choice(world)
        day = dates.days_from_civil(2015, 1, 1) + rng.randrange(3650)
        y, m, d = dates.civil_from_days(day)
        b = dates.bounds(f"{y:04d}-{m:02d}-{d:02d}")
        rows.append((f"Event {i}", f"{y:04d}-{m:02d}-{d:02d}", b.start, b.end, b.start, b.end, b.precision,
                     lat + rng.gauss(0, 0.3), lon + rng.gauss(0, 0.3), stamps.uuid(), stamps.now, stamps.now))
    return write_located(path, rows)


def test_a_hundred_thousand_events_are_drawn_as_counts_per_square_until_zoomed_in(qtbot, tmp_path, qapp):
    session = _many_events(tmp_path / "many.sourceline")
    canvas = MapCanvas(session)
    qtbot.addWidget(canvas)
    canvas.resize(1024, 700)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.fit_to_events()
    frame = canvas.frame()
    assert isinstance(frame, CellsFrame)
    assert sum(n for _, _, n in frame.cells) == 100_000  # every event counted once, in SQL
    queries = canvas.source.queries
    canvas.repaint()
    _wheel(canvas, QPointF(512, 350), 0)
    assert canvas.source.queries == queries  # painting never asks the store
    # a tooltip over a cell gives its count
    box, n = max(frame.boxes(), key=lambda item: item[1])
    x, y = canvas.view().to_screen((box.west + box.east) / 2, (box.south + box.north) / 2)
    assert f"{n:,} events" in canvas._tooltip_at(QPointF(x, y))
    # a lasso over cells selects nothing (there are no marks to take)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(10, 10))
    for point in (QPoint(1000, 10), QPoint(1000, 690), QPoint(10, 690)):
        qtbot.mouseMove(canvas, point)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(10, 690))
    assert canvas.selected_ids() == []
    # zoomed into a street of Kyiv's outskirts, few enough to draw one by one
    lat, lon = session.db.conn.execute("SELECT latitude, longitude FROM events WHERE id = 17").fetchone()
    from desktop_app.map.projection import MapView, project
    canvas.set_view(MapView(*project(lon, lat), scale=float(1 << 22), width_px=1024, height_px=700))
    assert isinstance(canvas.frame(), MarksFrame) and 17 in {e["id"] for e in canvas.frame().events}
    canvas.update()
    qtbot.waitUntil(lambda: any(s.event_id == 17 for s in canvas._spots))
    spot = next(s for s in canvas._spots if s.event_id == 17)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(spot.x), round(spot.y)))
    assert canvas.selected_ids() == [17]
    canvas.close()
    session.close()



def test_the_first_paint_does_not_wait_for_the_town_names(sample_window, qtbot, monkeypatch):
    """Placing the gazetteer's towns takes a second or more: the map is drawn at once without
    them, the index is built in a thread of its own, and the map repaints with them when it is."""
    import desktop_app.map.canvas as canvas_module
    from desktop_app.map import labels

    monkeypatch.setattr(labels, "_index", None)
    monkeypatch.setattr(labels, "_builder", None)
    drawn_with = []
    real = canvas_module.paint_map

    def paint_map(painter, view, frame, colours, places, *rest, **options):
        drawn_with.append(places)
        return real(painter, view, frame, colours, places, *rest, **options)

    monkeypatch.setattr(canvas_module, "paint_map", paint_map)
    canvas = sample_window[1].map.canvas
    canvas.repaint()
    assert drawn_with[0] is None  # drawn without waiting for the names
    qtbot.waitUntil(lambda: drawn_with[-1] is not None, timeout=60_000)  # and again once they are there
    assert any(True for _ in drawn_with[-1].in_view(canvas._view))  # towns in the fitted view
