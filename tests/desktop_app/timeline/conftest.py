"""Real projects on disk for the timeline tests: a small mixed one and a large one."""
from __future__ import annotations

import random

import pytest

from db import citations, dates, ops, sources
from db.events import add_event
from db.store import create_project, write_transaction
from desktop_app.session import Session

# (title, EDTF date, tags): points, bars, approximate and open dates, long titles
MIXED_EVENTS = [
    ("Ceasefire announced in the capital", "2024-11-15", ("diplomacy",)),
    ("Convoy reported at the border crossing", "2024-11-18", ("military",)),
    ("Strike on the power plant", "2024-11-18", ("military", "infrastructure")),
    ("Talks resume", "2024-11-20", ("diplomacy",)),
    ("Blackout across the eastern region", "2024-11", ("infrastructure",)),
    ("Harvest season disrupted", "2024-23", ()),
    ("Election year", "2024", ("politics",)),
    ("About when the bridge was damaged", "2024-11-10~", ("infrastructure",)),
    ("Siege, end date uncertain", "2024-10-01/2024-10-20?", ("military",)),
    ("Occupation of the airport (still ongoing)", "2024-11-05/..", ("military",)),
    ("A very long title that goes on and on describing every detail of what happened at the "
     "meeting in the afternoon, far longer than any label can show", "2024-11-12", ("diplomacy",)),
    ("Disputed shelling of the market", "2024-11-22", ("military",)),
    ("Evacuation order at 06:30", "2024-11-25T06:30:00Z", ()),
]


@pytest.fixture
def mixed_session(tmp_path, qapp):
    path = tmp_path / "mixed.sourceline"
    db = create_project(path)
    ids = {}
    for title, edtf, tags in MIXED_EVENTS:
        ids[title] = ops.run(db, add_event(title, edtf, tags=tags, entities=("Army",) if "military" in tags else ()))
    wire = ops.run(db, sources.add_source({"title": "Wire report", "type": "article-newspaper"}, "2024-11-28"))
    denial = ops.run(db, sources.add_source({"title": "Official denial"}, "2024-11-23"))
    ops.run(db, citations.add_citation(ids["Disputed shelling of the market"], wire))
    ops.run(db, citations.add_citation(ids["Disputed shelling of the market"], denial, stance="contradicts"))
    ops.run(db, citations.add_citation(ids["Strike on the power plant"], wire))
    session = Session(db, path)
    session.ids = ids
    yield session
    session.close()


def insert_many(db, n: int, first_year: int = 2000, years: int = 20, seed: int = 7) -> None:
    """``n`` day events spread over ``years``, inserted in one transaction (the day-counts
    table is kept by the store's triggers)."""
    rnd = random.Random(seed)
    base = dates.days_from_civil(first_year, 1, 1)
    rows = []
    for i in range(n):
        y, m, d = dates.civil_from_days(base + rnd.randrange(years * 365))
        edtf = f"{y:04d}-{m:02d}-{d:02d}"
        b = dates.bounds(edtf)
        rows.append((f"Event {i}", edtf, b.start, b.end, b.fuzzy_start, b.fuzzy_end, b.precision))
    db.conn.execute("PRAGMA cache_size = -100000")  # the random uuid index wants a big cache
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO events (title, date_edtf, start_s, end_s, fuzzy_start_s, fuzzy_end_s, date_precision)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


@pytest.fixture
def many_events():
    """The function that bulk-inserts day events: ``many_events(db, n, first_year, years)``."""
    return insert_many


@pytest.fixture(scope="session")
def big_project(tmp_path_factory):
    """A 100,000-event project file, built once per test session (and xdist worker)."""
    path = tmp_path_factory.mktemp("big") / "big.sourceline"
    db = create_project(path)
    insert_many(db, 100_000)
    db.close()
    return path


@pytest.fixture
def shown_view(qtbot):
    """Shows a timeline of ``session``, ``width`` × ``height``, and returns it."""
    from desktop_app.timeline.view import TimelineView

    def show(session, width: int = 1000, height: int = 480) -> TimelineView:
        widget = TimelineView(session)
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget
    return show


@pytest.fixture
def view(shown_view, mixed_session):
    """The small mixed project's timeline, 1000 × 480."""
    return shown_view(mixed_session)


def painted(scene, width: int, height: int, colours):
    """The picture ``paint_items`` makes of ``scene`` on ``colours.base``, nothing selected."""
    from PySide6.QtGui import QImage, QPainter

    from desktop_app.timeline.painting import paint_items

    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(colours.base)
    painter = QPainter(image)
    paint_items(painter, scene, width, height, colours, set(), 0)
    painter.end()
    return image
