"""The map's derived data, kept by triggers on ``events`` and filled per id range by bulk writers:

- ``event_places``, an R*Tree over each located event's longitude and latitude: the events in a
  box, by the index, whatever the project's size;
- ``event_place_cells``: how many located events fall in each cell of a grid of squares in degrees
  (a cell of level L is 360/2^L degrees wide), for every level in :data:`CELL_LEVELS`. A map of a
  million events sums a few thousand of these rows instead of counting a million points.

The cell arithmetic uses + - * / and CAST only, so the triggers run in any SQLite (the sqlite3
shell, Datasette), not only in builds with the optional math functions. Defined once here, used by
the migration step, the bulk writers and the queries (db/geo.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from db.connection import Database

CELL_LEVELS = (2, 4, 6, 8, 10, 12, 14)  # 90° … about 2.4 km (0.022°) cells


@dataclass(frozen=True)
class Box:
    """A box in degrees, west <= east (the map does not wrap around the antimeridian)."""

    west: float
    south: float
    east: float
    north: float


def cell_of(level: int, lon: float, lat: float) -> tuple[int, int]:
    """The cell of a point at a level, as the triggers compute it."""
    n = 1 << level
    cx = min(int((lon + 180.0) * n / 360.0), n - 1)
    cy = min(int((lat + 90.0) * n / 360.0), n // 2 - 1 if n > 1 else 0)
    return cx, cy


def cell_box(level: int, cx: int, cy: int) -> Box:
    size = 360.0 / (1 << level)
    return Box(cx * size - 180.0, cy * size - 90.0, (cx + 1) * size - 180.0, min(90.0, (cy + 1) * size - 90.0))


def cell_sql(level: int, lon: str, lat: str) -> tuple[str, str]:
    """SQL for the cell of (lon, lat) at ``level``: the same arithmetic as :func:`cell_of`
    (lon + 180 is never negative, so CAST's truncation is the floor)."""
    n = 1 << level
    return (f"min(CAST(({lon} + 180.0) * {n} / 360.0 AS INTEGER), {n - 1})",
            f"min(CAST(({lat} + 90.0) * {n} / 360.0 AS INTEGER), {max(n // 2 - 1, 0)})")


def _add_cells(row: str, when: str = "1") -> str:
    statements = []
    for level in CELL_LEVELS:
        cx, cy = cell_sql(level, f"{row}.longitude", f"{row}.latitude")
        # (an upsert needs a WHERE after a SELECT, or the parser takes ON for a join's)
        statements.append(f"INSERT INTO event_place_cells(level, cx, cy, n) SELECT {level}, {cx}, {cy}, 1 WHERE {when}"
                          " ON CONFLICT(level, cx, cy) DO UPDATE SET n = n + 1;")
    return "\n".join(statements)


def _remove_cells(row: str, when: str = "1") -> str:
    statements = []
    for level in CELL_LEVELS:
        cx, cy = cell_sql(level, f"{row}.longitude", f"{row}.latitude")
        where = f"level = {level} AND cx = {cx} AND cy = {cy} AND {when}"
        statements.append(f"UPDATE event_place_cells SET n = n - 1 WHERE {where};")
        statements.append(f"DELETE FROM event_place_cells WHERE {where} AND n <= 0;")
    return "\n".join(statements)


def place_index_statements() -> list[str]:
    """SQL statements creating the spatial index, the cell counts and their triggers, and filling
    them from the events already located (the migration step runs them). A list, not a script:
    each runs in the step's transaction, and splitting this long a script costs seconds."""
    located = "{row}.latitude IS NOT NULL AND {row}.longitude IS NOT NULL"
    new_located, old_located = located.format(row="new"), located.format(row="old")
    return [
        "CREATE VIRTUAL TABLE event_places USING rtree(id, min_lon, max_lon, min_lat, max_lat)",
        """CREATE TABLE event_place_cells (
            level INTEGER NOT NULL, cx INTEGER NOT NULL, cy INTEGER NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (level, cx, cy)
        ) WITHOUT ROWID""",
        f"""CREATE TRIGGER event_places_ai AFTER INSERT ON events WHEN {new_located} BEGIN
            INSERT INTO event_places VALUES (new.id, new.longitude, new.longitude, new.latitude, new.latitude);
            {_add_cells("new")}
        END""",
        f"""CREATE TRIGGER event_places_ad AFTER DELETE ON events WHEN {old_located} BEGIN
            DELETE FROM event_places WHERE id = old.id;
            {_remove_cells("old")}
        END""",
        f"""CREATE TRIGGER event_places_au AFTER UPDATE OF latitude, longitude ON events BEGIN
            DELETE FROM event_places WHERE id = old.id;
            {_remove_cells("old", old_located)}
            INSERT INTO event_places SELECT new.id, new.longitude, new.longitude, new.latitude, new.latitude
                WHERE {new_located};
            {_add_cells("new", new_located)}
        END""",
        *_fill_statements("latitude IS NOT NULL AND longitude IS NOT NULL"),
    ]


# The insert trigger a bulk writer suspends, doing its work per id range with index_new_places.
INSERT_TRIGGER = "event_places_ai"


def _fill_statements(where: str) -> list[str]:
    statements = [f"INSERT INTO event_places SELECT id, longitude, longitude, latitude, latitude FROM events WHERE {where}"]
    for level in CELL_LEVELS:
        cx, cy = cell_sql(level, "longitude", "latitude")
        statements.append(
            f"INSERT INTO event_place_cells(level, cx, cy, n) SELECT {level}, {cx} AS x, {cy} AS y, count(*)"
            f" FROM events WHERE {where} GROUP BY x, y ON CONFLICT(level, cx, cy) DO UPDATE SET n = n + excluded.n")
    return statements


def index_new_places(db: Database, first_id: int, last_id: int) -> None:
    """Index events ``first_id``..``last_id`` (inclusive) inserted while the insert trigger was
    suspended: one statement per structure, however many rows."""
    for statement in _fill_statements("latitude IS NOT NULL AND longitude IS NOT NULL AND id BETWEEN ? AND ?"):
        db.conn.execute(statement, (first_id, last_id))
