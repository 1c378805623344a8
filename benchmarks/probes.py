"""What the benchmark measures inside child processes (so each has its own peak memory):
``python -m benchmarks.probes import|generate|gui ARGS...`` prints one JSON object.

- ``generate PROJECT EVENTS SOURCES``: the synthetic project, through the bulk path.
- ``import PROJECT CSV``: an ACLED-style CSV through the real importer, into a new project, with
  the time spent inside SQLite calls (writes, index builds, commit) counted apart from Python's.
- ``gui PROJECT``: the main window on the project (offscreen): timeline frames at three zooms,
  map frames, the event list scrolled to its end, and searches.
- ``map PROJECT``: the map frames alone.
"""
from __future__ import annotations

import json
import statistics
import sys
import time

FRAMES = 7  # frames rendered per zoom; the median is reported
SEARCHES = 50
WIDTH, HEIGHT = 1200, 500
MAP_WIDTH, MAP_HEIGHT = 800, 560


def _generate(project: str, events: str, sources: str) -> dict:
    from benchmarks.project import build_project

    started = time.perf_counter()
    build_project(project, int(events), int(sources))
    return {"seconds": time.perf_counter() - started}


class _TimedConnection:
    """A sqlite3 connection that adds up the time its statements take (SQLite's own work: the
    Python that builds their parameters runs before the call)."""

    def __init__(self, conn):
        self._conn = conn
        self.seconds = 0.0

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def _timed(self, method, args):
        started = time.perf_counter()
        try:
            return method(*args)
        finally:
            self.seconds += time.perf_counter() - started

    def execute(self, *args):
        return self._timed(self._conn.execute, args)

    def executemany(self, *args):
        return self._timed(self._conn.executemany, args)


def _import(project: str, csv_path: str) -> dict:
    from db.store import create_project
    from desktop_app.datasets import ACLED, DatasetImport

    db = create_project(project)
    db.conn = timed = _TimedConnection(db.conn)
    try:
        report = DatasetImport(db, csv_path, ACLED).run()
    finally:
        db.close()
    return {"rows": report.rows, "added": report.added, "seconds": report.seconds, "sqlite_seconds": timed.seconds}


def _queries(db) -> list[str]:
    """Half common words (in a large share of rows), half rare ones, some of them two words or
    typed halfway (a prefix), as someone searching would."""
    from benchmarks.vocabulary import COMMON_WORDS, Vocabulary

    words = Vocabulary(1).words
    rare = words[len(COMMON_WORDS) + 2_000::97][:SEARCHES // 2]
    common = list(COMMON_WORDS[:12])
    queries = []
    for n in range(SEARCHES // 2):
        queries.append(common[n % len(common)] + ("" if n % 3 else f" {common[(n + 5) % len(common)]}"))
        queries.append(rare[n % len(rare)][: -2 if n % 4 == 0 else None])
    return queries


def _window(project: str):
    """The main window on the project, shown offscreen, with settings of the benchmark's own."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import make_application, open_session
    from desktop_app.main_window.window import MainWindow

    make_application()
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "SourcelineBench", "bench")
    settings.clear()
    session = open_session(project)
    window = MainWindow(session, settings)
    window.resize(1400, 900)
    window.show()
    QApplication.processEvents()
    return session, window


def _gui(project: str) -> dict:
    from db import events as event_queries
    from db.dates import DAY
    from db.search import search
    from desktop_app.timeline.viewport import Viewport

    session, window = _window(project)
    page = window.page("Timeline")
    timeline, db = page.timeline, session.db

    first, last = event_queries.extent(db)
    # the busiest day (drawn as density once it holds too many events to draw one by one) and a
    # day of median business (drawn as marks): the two paths a frame can take
    busiest = db.conn.execute("SELECT day FROM event_day_counts ORDER BY n DESC LIMIT 1").fetchone()[0] * DAY
    days = db.conn.execute("SELECT count(*) FROM event_day_counts").fetchone()[0]
    typical = db.conn.execute("SELECT day FROM event_day_counts ORDER BY n LIMIT 1 OFFSET ?",
                              (days // 2,)).fetchone()[0] * DAY
    views = {
        "all": Viewport.fitted(first, last, WIDTH),
        "month": Viewport.fitted(busiest - 15 * DAY, busiest + 15 * DAY, WIDTH, margin=0),
        "day": Viewport.fitted(busiest, busiest + DAY, WIDTH, margin=0),
        "typical week": Viewport.fitted(typical - 3 * DAY, typical + 4 * DAY, WIDTH, margin=0),
        "typical day": Viewport.fitted(typical, typical + DAY, WIDTH, margin=0),
    }
    frames = {name: statistics.median(timeline.render_frame_ms(view, HEIGHT) for _ in range(FRAMES))
              for name, view in views.items()}
    map_frames = _map_frames(page.map, first, last)

    table = page.list.table
    page.model.refresh()  # drop cached pages: the last page is read from the store
    started = time.perf_counter()
    table.scrollToBottom()
    table.viewport().repaint()
    list_end_ms = (time.perf_counter() - started) * 1000

    latencies = []
    for query in _queries(db):
        started = time.perf_counter()
        search(db, query)
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    shown = page.model.rowCount()
    window.close()
    session.close()
    return {"frames_ms": frames, "map_frames_ms": map_frames, "list_end_ms": list_end_ms, "search_median_ms": statistics.median(latencies),
            "search_p95_ms": latencies[int(0.95 * len(latencies)) - 1], "events_listed": shown}


MAP_VIEWS = {  # (west, south, east, north)
    "zoomed out": None,  # the world
    "a region": (35.0, 46.8, 40.0, 49.6),  # Donbas and the Azov coast
    "a city": (30.35, 50.38, 30.70, 50.52),  # Kyiv
}


def _map_frames(panel, first: int, last: int) -> dict:
    """Map frames at three zooms, over every date (the timeline zoomed to fit: the period holds
    every event) and over the last year: the median of FRAMES cold frames (a new zoom: the store
    asked, the basemap drawn again) as {query, paint} × {wall clock, processor time}. Over every
    date the GUI thread does both (kept per-cell counts); over a period the query runs on the map's
    worker thread and the GUI thread only paints. And frames while panning a region: the frame
    and the basemap kept, the GUI thread only paints."""
    from db.events import EventFilter
    from db.geo_index import Box
    from desktop_app.map.basemap_layer import BasemapLayer
    from desktop_app.map.projection import fit, world_view

    canvas = panel.canvas
    size = (MAP_WIDTH, MAP_HEIGHT)
    year = EventFilter().within(last - 365 * 86400, last)
    frames = {}
    for name, box in MAP_VIEWS.items():
        view = world_view(*size) if box is None else fit(Box(*box), *size, margin_px=0)
        for period, where in (("", EventFilter()), (", the last year", year)):
            canvas.source.set_filter(where)
            frames[name + period] = _medians([canvas.render_frame_times(view) for _ in range(FRAMES)])
    canvas.source.set_filter(EventFilter())
    layer = BasemapLayer()
    view = fit(Box(*MAP_VIEWS["a region"]), *size, margin_px=0)
    canvas.render_frame_times(view, layer)
    frames["panning"] = _medians([canvas.render_frame_times(view.panned(15 * step, 10 * step), layer)
                                  for step in range(1, FRAMES + 1)])
    return frames


def _medians(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def _map(project: str) -> dict:
    """Only the map frames (for a project generated once and measured again)."""
    from db import events as event_queries

    session, window = _window(project)
    first, last = event_queries.extent(session.db)
    frames = _map_frames(window.page("Timeline").map, first, last)
    window.close()
    session.close()
    return {"map_frames_ms": frames}


def main(argv: list[str]) -> int:
    probes = {"generate": _generate, "import": _import, "gui": _gui, "map": _map}
    print(json.dumps(probes[argv[0]](*argv[1:])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
