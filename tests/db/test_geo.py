"""The map's store: the R*Tree and per-cell counts kept by triggers, bulk fills and undo alike, and
the queries (box, filter, period, cells) checked against counting the events in Python."""
import random

import pytest

from db import bulk, events, geo, ops
from db.events import EventFilter
from db.geo_index import CELL_LEVELS, Box, cell_box, cell_of, place_index_statements
from db.store import write_transaction

PLACES = {"Kyiv": (50.4547, 30.5238), "Kursk": (51.7269, 36.1846), "Pokrovsk": (48.2801, 37.1771),
          "Paris": (48.8566, 2.3522), "Lima": (-12.0464, -77.0428)}


def _add(db, title, place, date="2024-05-01", **fields):
    lat, lon = PLACES[place]
    return ops.run(db, events.add_event(title, date, latitude=lat, longitude=lon, location_name=place, **fields))


def _kept(db):
    return sorted(db.conn.execute("SELECT level, cx, cy, n FROM event_place_cells").fetchall())


def _expected(db):
    """The cell counts computed from scratch in Python."""
    counts = {}
    for lat, lon in db.conn.execute("SELECT latitude, longitude FROM events WHERE latitude IS NOT NULL"):
        for level in CELL_LEVELS:
            key = (level, *cell_of(level, lon, lat))
            counts[key] = counts.get(key, 0) + 1
    return sorted((*key, n) for key, n in counts.items())


def test_triggers_keep_the_index_and_the_cells_through_edits_and_undo(db):
    kyiv = _add(db, "Shelling", "Kyiv")
    kursk = _add(db, "Incursion", "Kursk")
    nowhere = ops.run(db, events.add_event("Somewhere", "2024-05-02"))
    assert _kept(db) == _expected(db)
    assert {r[0] for r in db.conn.execute("SELECT id FROM event_places")} == {kyiv, kursk}

    ops.run(db, events.update_event(kursk, latitude=48.2801, longitude=37.1771))
    ops.run(db, events.update_event(nowhere, latitude=-12.0464, longitude=-77.0428))
    cleared = events.update_event(kyiv, latitude=None, longitude=None)
    ops.run(db, cleared)
    assert _kept(db) == _expected(db)
    assert {r[0] for r in db.conn.execute("SELECT id FROM event_places")} == {kursk, nowhere}
    cleared.undo(db)  # undo replays the row; the triggers put it back on the map
    assert _kept(db) == _expected(db)
    assert {r[0] for r in db.conn.execute("SELECT id FROM event_places")} == {kyiv, kursk, nowhere}
    ops.run(db, events.delete_events([kursk, kyiv]))
    assert _kept(db) == _expected(db)
    assert db.conn.execute("SELECT count(*) FROM event_places").fetchone()[0] == 1


def test_the_bulk_fill_gives_what_the_triggers_give(db):
    rng = random.Random(7)
    rows = [(f"E{i}", rng.uniform(-60, 70), rng.uniform(-179.9, 179.9)) for i in range(300)]
    with write_transaction(db), bulk.derived_triggers_suspended(db):
        first = bulk.next_id(db, "events")
        for title, lat, lon in rows:
            events.insert_event(db, title, "2020-01-01", latitude=lat, longitude=lon)
        bulk.index_new_events(db, first, first + len(rows) - 1)
    assert db.conn.execute("SELECT count(*) FROM event_places").fetchone()[0] == 300
    assert _kept(db) == _expected(db)
    # the insert trigger is back, and does the same
    _add(db, "After", "Paris")
    assert _kept(db) == _expected(db)


def test_an_older_project_gets_its_located_events_indexed_by_the_migration(db):
    _add(db, "Shelling", "Kyiv")
    db.conn.executescript("DROP TABLE event_places; DROP TABLE event_place_cells; DROP TRIGGER event_places_ai;"
                     " DROP TRIGGER event_places_ad; DROP TRIGGER event_places_au;")
    for statement in place_index_statements():
        db.conn.execute(statement)
    assert _kept(db) == _expected(db)


@pytest.fixture
def scattered(db):
    rng = random.Random(3)
    with write_transaction(db):
        for i in range(400):
            place = rng.choice(list(PLACES))
            lat, lon = PLACES[place]
            year = rng.choice((2022, 2023, 2024))
            events.insert_event(db, f"{place} {i}", f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                                tags=(("shelling",) if i % 3 == 0 else ()), latitude=lat + rng.uniform(-1, 1),
                                longitude=lon + rng.uniform(-1, 1))
    return db


def _python_cells(db, level, box, where=EventFilter()):
    sql, params = where.where()
    counts = {}
    for lat, lon in db.conn.execute(f"SELECT latitude, longitude FROM events e WHERE {sql} AND latitude IS NOT NULL",
                                    params):
        cell = cell_of(level, lon, lat)
        b = cell_box(level, *cell)
        if b.east > box.west and b.west <= box.east and b.north > box.south and b.south <= box.north:
            counts[cell] = counts.get(cell, 0) + 1
    return counts


@pytest.mark.parametrize("level", [1, 3, 6, 9, 14, 17])
@pytest.mark.parametrize("where", [EventFilter(), EventFilter(tags=("shelling",)),
                                   EventFilter(start_s=1672531200, end_s=1704067200)])
def test_cell_counts_equal_counting_the_events(scattered, level, where):
    for box in (Box(-180, -90, 180, 90), Box(25, 45, 40, 55)):
        got = {(cx, cy): n for cx, cy, n in geo.cell_counts(scattered, level, box, where)}
        assert got == _python_cells(scattered, level, box, where)


def test_events_in_a_box_with_the_timeline_filter(scattered):
    box = Box(28, 48, 40, 53)  # Kyiv, Kursk, Pokrovsk; not Paris or Lima
    period = EventFilter(tags=("shelling",)).within(1640995200, 1672531200)  # 2022
    rows = geo.places_in_box(scattered, box, period, limit=10_000, lanes="tag")
    expected = {r[0] for r in scattered.conn.execute(
        "SELECT e.id FROM events e JOIN event_tags et ON et.event_id = e.id WHERE e.longitude BETWEEN 28 AND 40"
        " AND e.latitude BETWEEN 48 AND 53 AND e.start_s >= 1640995200 AND e.start_s < 1672531200")}
    assert {r["id"] for r in rows} == expected and expected
    assert all(r["tags"] == "shelling" for r in rows)
    assert [r["start_s"] for r in rows] == sorted(r["start_s"] for r in rows)
    assert geo.count_in_box(scattered, box, period) == len(expected)
    assert geo.count_in_box(scattered, box, period, cap=3) == 3


def test_the_extent_holds_every_located_event(scattered):
    box = geo.place_extent(scattered)
    lats, lons = zip(*scattered.conn.execute("SELECT latitude, longitude FROM events"))
    assert box.west <= min(lons) and box.east >= max(lons) and box.south <= min(lats) and box.north >= max(lats)
    assert box.east - box.west < (max(lons) - min(lons)) + 1  # no wider than a cell more
    only = geo.place_extent(scattered, EventFilter(text="Lima"))
    assert -80 < only.west and only.east < -75
    assert geo.located_count(scattered) == 400


def test_geo_precision_is_stored_and_checked(db):
    event = _add(db, "Somewhere near Pokrovsk", "Pokrovsk", geo_precision=3)
    assert db.conn.execute("SELECT geo_precision FROM events WHERE id = ?", (event,)).fetchone()[0] == 3
    with pytest.raises(Exception, match="CHECK"):
        ops.run(db, events.update_event(event, geo_precision=7))
