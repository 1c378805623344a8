"""Filtered map frames are counted on a thread of their own: only the latest question's answer is
shown, the last frame stays until it comes, and the counts are the events the filter passes."""
import random

import pytest

from db import bulk, dates, geo
from db.events import EventFilter
from db.geo_index import Box, cell_of
from desktop_app.map.canvas import MapCanvas
from desktop_app.map.frame_worker import FrameFetcher
from desktop_app.map.frames import CellsFrame, MarksFrame
from desktop_app.map.projection import world_view
from tests.desktop_app.map.conftest import write_located


@pytest.fixture
def project(tmp_path):
    """3,000 located events over ten years, some of them spans (a month, a year) that straddle
    a period's edges."""
    path = tmp_path / "located.sourceline"
    rng = random.Random(3)
    stamps = bulk.RecordStamps()
    rows = []
    for i in range(3_000):
        y, m, d = dates.civil_from_days(dates.days_from_civil(2014, 1, 1) + rng.randrange(3650))
        text = rng.choice((f"{y:04d}-{m:02d}-{d:02d}",) * 8 + (f"{y:04d}-{m:02d}", f"{y:04d}"))
        b = dates.bounds(text)
        lat, lon = rng.choice(((50.45, 30.52), (48.0, 37.8), (48.86, 2.35), (40.7, -74.0)))
        rows.append((f"Event {i}", text, b.start, b.end, b.fuzzy_start, b.fuzzy_end, b.precision,
                     lat + rng.gauss(0, 0.5), lon + rng.gauss(0, 0.5), stamps.uuid(), stamps.now, stamps.now))
    session = write_located(path, rows)
    yield session
    session.close()


def _year(year: int) -> EventFilter:
    return EventFilter().within(dates.bounds(str(year)).start, dates.bounds(str(year)).end)


def _expected_cells(db, level: int, where: EventFilter) -> dict:
    """Per cell, the events overlapping the period, counted in Python from every located row."""
    counts: dict = {}
    for lon, lat, start, end in db.conn.execute(
            "SELECT longitude, latitude, start_s, end_s FROM events WHERE latitude IS NOT NULL"):
        if start < where.end_s and end > where.start_s:
            key = cell_of(level, lon, lat)
            counts[key] = counts.get(key, 0) + 1
    return counts


def _ids(db, where: EventFilter) -> set:
    return {i for i, start, end in db.conn.execute("SELECT id, start_s, end_s FROM events WHERE latitude IS NOT NULL")
            if start < where.end_s and end > where.start_s}


def test_a_periods_counts_per_cell_are_the_events_overlapping_it(project):
    where = _year(2019)
    for level in (4, 8, 11):
        got = {(x, y): n for x, y, n in geo.cell_counts(project.db, level, Box(-180, -85, 180, 85), where)}
        assert got == _expected_cells(project.db, level, where)
        assert 0 < sum(got.values()) < 3_000


def test_only_the_latest_questions_answer_is_given(project, qtbot):
    answers = []
    fetcher = FrameFetcher(project.path, lambda frame, where, lanes: answers.append((frame, where)))
    view = world_view(800, 560)
    try:
        fetcher.ask(_year(2016), "none", view)
        fetcher.ask(_year(2017), "none", view)
        newest = fetcher.ask(_year(2020), "none", view)
        qtbot.waitUntil(lambda: not fetcher.busy)
        qtbot.wait(50)  # room for a dropped answer to arrive late: it must not be given
        assert fetcher.latest == newest
        assert [where for _, where in answers] == [_year(2020)]
        frame = answers[0][0]  # a year's few hundred events, drawn one by one
        assert isinstance(frame, MarksFrame)
        assert {e["id"] for e in frame.events} == _ids(project.db, _year(2020))
        # a question forgotten (the events changed) gives nothing
        fetcher.ask(_year(2021), "none", view)
        fetcher.forget()
        qtbot.wait(200)
        assert len(answers) == 1
    finally:
        fetcher.stop()


def test_the_canvas_keeps_its_last_frame_until_the_workers_answer_comes(project, qtbot):
    canvas = MapCanvas(project)
    qtbot.addWidget(canvas)
    canvas.resize(800, 560)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_filter(EventFilter())
    canvas.set_view(world_view(800, 560))
    every = canvas.frame()
    assert isinstance(every, CellsFrame) and sum(n for *_, n in every.cells) == 3_000
    shown = []
    canvas.frame_changed.connect(lambda: shown.append(canvas.frame()))
    canvas.set_filter(_year(2018))
    assert canvas.frame() is every  # drawn meanwhile: the last frame, not an empty map
    canvas.repaint()
    qtbot.waitUntil(lambda: not canvas.fetching)
    year = canvas.frame()
    assert shown == [year] and year is not every
    assert isinstance(year, MarksFrame) and {e["id"] for e in year.events} == _ids(project.db, _year(2018))
    canvas.repaint()
    assert {s.event_id for s in canvas._spots} <= _ids(project.db, _year(2018)) and canvas._spots
    canvas.hide()  # the worker ends with the canvas's showing
    assert canvas._fetcher is None
