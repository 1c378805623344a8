"""A 100,000-event project, written through the bulk path, opens in the main window and the
timeline draws it as density at full zoom-out (timings are the benchmark's, not this test's)."""
from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QColor

from db import bulk, dates
from db.store import create_project, write_transaction
from desktop_app.timeline.frames import DensityFrame
from tests.desktop_app.datasets.conftest import assert_derived_data_consistent

EVENTS = 100_000


@pytest.fixture(scope="module")
def large_project(tmp_path_factory):
    path = tmp_path_factory.mktemp("large") / "large.sourceline"
    db = create_project(path)
    rng = random.Random(5)
    first_day, days = dates.days_from_civil(1995, 1, 1), 30 * 365
    stamps = bulk.RecordStamps()
    rows = []
    for n in range(1, EVENTS + 1):
        day = first_day + min(days - 1, int(abs(rng.gauss(0, days / 3)))) if n % 3 else first_day + rng.randrange(days)
        y, m, d = dates.civil_from_days(day)
        edtf = f"{y:04d}-{m:02d}-{d:02d}" if n % 10 else f"{y:04d}-{m:02d}"
        b = dates.bounds(edtf)
        rows.append((n, f"Event {n} in region {n % 97}", edtf, b.start, b.end, b.fuzzy_start, b.fuzzy_end, b.precision,
                     stamps.uuid(), stamps.now, stamps.now))
    with bulk.large_cache(db), write_transaction(db), bulk.derived_triggers_suspended(db):
        db.conn.executemany(
            "INSERT INTO events (id, title, date_edtf, start_s, end_s, fuzzy_start_s, fuzzy_end_s, date_precision,"
            " uuid, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        bulk.index_new_events(db, 1, EVENTS)
    db.close()
    return path


def test_bulk_written_project_is_consistent(large_project):
    assert_derived_data_consistent(large_project)


def test_opens_in_the_window_with_the_timeline_in_density_mode(qtbot, settings, large_project):
    from desktop_app.app import open_session
    from desktop_app.main_window.window import MainWindow

    window = MainWindow(open_session(large_project), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.page("Timeline")
    assert page.model.rowCount() == EVENTS
    canvas = page.timeline.canvas
    canvas.zoom_to_fit()
    frame = canvas.frame()
    assert isinstance(frame, DensityFrame)
    assert sum(frame.counts) == EVENTS  # every event is in some bar at full zoom-out
    image = canvas.grab().toImage()
    row = int(image.height() * 0.85)  # just above the bars' baseline
    coloured = [QColor(image.pixel(x, row)) for x in range(image.width())]
    bars = sum(c.blue() - c.red() > 60 for c in coloured)  # the density bars' blue
    assert bars > image.width() // 3  # bars (with gaps between them) stand across the thirty years
    window.set_session(None)

