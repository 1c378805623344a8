"""Where events happened: the queries the map and the exports ask (events in a box, counts per
cell, the extent), with the same :class:`EventFilter` as the timeline. The index they read is
described in db/geo_index.py."""
from __future__ import annotations

from db.connection import Database

from db.events import DISAGREES, EventFilter
from db.ops import Op
from db.geo_index import CELL_LEVELS, Box, cell_of, cell_sql

# -- queries -----------------------------------------------------------------------------------

# A box wider than this (degrees of longitude) is not worth the R*Tree: most events are in it,
# and reading them through the index costs more than checking each one's coordinates.
_WHOLE_WORLD_LON = 90.0


def _in_box(box: Box) -> tuple[str, list]:
    exact = "e.longitude BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ?"
    exact_params = [box.west, box.east, box.south, box.north]
    if box.east - box.west > _WHOLE_WORLD_LON:
        return exact, exact_params
    return ("e.id IN (SELECT id FROM event_places WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?)"
            f" AND {exact}", [box.west, box.east, box.south, box.north, *exact_params])


def cell_counts(db: Database, level: int, box: Box, where: EventFilter = EventFilter()) -> list[tuple[int, int, int]]:
    """(cx, cy, count) for the cells of ``level`` (see db/geo_index.py) that overlap the box and
    hold events passing the filter, summed in SQL. Unfiltered, it sums the kept counts of the first
    kept level at least as fine (one row per occupied cell); with a filter (a period, words,
    tags…), or finer than any kept level, it groups the matching located events."""
    x0, y0 = cell_of(level, box.west, box.south)
    x1, y1 = cell_of(level, box.east, box.north)
    kept = next((k for k in CELL_LEVELS if k >= level), None)
    if where.is_empty and kept is not None:
        shift = kept - level
        return db.conn.execute(
            "SELECT cx >> ? AS x, cy >> ? AS y, sum(n) FROM event_place_cells"
            " WHERE level = ? AND cx BETWEEN ? AND ? AND cy BETWEEN ? AND ? GROUP BY x, y",
            (shift, shift, kept, x0 << shift, ((x1 + 1) << shift) - 1, y0 << shift, ((y1 + 1) << shift) - 1)).fetchall()
    cx, cy = cell_sql(level, "e.longitude", "e.latitude")
    sql, params = where.where()
    size = 360.0 / (1 << level)
    grown = Box(x0 * size - 180, y0 * size - 90, (x1 + 1) * size - 180, (y1 + 1) * size - 90)
    box_sql, box_params = _in_box(grown)
    return db.conn.execute(
        f"SELECT {cx} AS x, {cy} AS y, count(*) FROM events e WHERE {sql} AND {box_sql} GROUP BY x, y",
        [*params, *box_params]).fetchall()


EXTENT_LEVEL = 10

_PLACE_COLUMNS = f"""e.id, e.title, e.date_edtf, e.start_s, e.end_s, e.location_name, e.latitude, e.longitude,
    e.geo_precision, EXISTS (SELECT 1 FROM citations c WHERE c.event_id = e.id AND {DISAGREES}) AS contested"""
_LANE_NAMES = {
    "none": "",
    "tag": """, (SELECT group_concat(t.name, ', ') FROM event_tags et JOIN tags t ON t.id = et.tag_id
        WHERE et.event_id = e.id) AS tags""",
    "entity": """, (SELECT group_concat(n.name, ', ') FROM event_entities ee JOIN entities n ON n.id = ee.entity_id
        WHERE ee.event_id = e.id) AS entities""",
}


def places_in_box(db: Database, box: Box, where: EventFilter = EventFilter(), limit: int = 2_000,
                  lanes: str = "none") -> list[dict]:
    """Located events in the box passing the filter, earliest first, at most ``limit``; with the
    names of their lanes' kind when the timeline groups by tag or entity (to colour them alike)."""
    sql, params = where.where()
    box_sql, box_params = _in_box(box)
    cursor = db.conn.execute(
        f"SELECT {_PLACE_COLUMNS}{_LANE_NAMES[lanes]} FROM events e WHERE {sql} AND {box_sql}"
        " ORDER BY e.start_s, e.id LIMIT ?", [*params, *box_params, limit])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def count_in_box(db: Database, box: Box, where: EventFilter = EventFilter(), cap: int | None = None) -> int:
    sql, params = where.where()
    box_sql, box_params = _in_box(box)
    inner = f"SELECT 1 FROM events e WHERE {sql} AND {box_sql}" + (" LIMIT ?" if cap is not None else "")
    extra = [cap] if cap is not None else []
    return db.conn.execute(f"SELECT count(*) FROM ({inner})", [*params, *box_params, *extra]).fetchone()[0]


def place_extent(db: Database, where: EventFilter = EventFilter()) -> Box | None:
    """The box around every located event passing the filter (for "fit to events")."""
    if where.is_empty:
        # from the kept counts of a middle level (a cell is 0.35°, a margin the map adds anyway):
        # min() over the R*Tree would read all of it
        level = EXTENT_LEVEL
        row = db.conn.execute("SELECT min(cx), min(cy), max(cx) + 1, max(cy) + 1 FROM event_place_cells WHERE level = ?",
                              (level,)).fetchone()
        if row[0] is None:
            return None
        size = 360.0 / (1 << level)
        return Box(row[0] * size - 180, max(-90.0, row[1] * size - 90), row[2] * size - 180, min(90.0, row[3] * size - 90))
    else:
        sql, params = where.where()
        row = db.conn.execute(
            f"SELECT min(e.longitude), min(e.latitude), max(e.longitude), max(e.latitude) FROM events e"
            f" WHERE {sql} AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL", params).fetchone()
    return None if row[0] is None else Box(*row)


def located_count(db: Database) -> int:
    """How many events have coordinates (from the coarsest kept counts: a handful of rows)."""
    return db.conn.execute("SELECT coalesce(sum(n), 0) FROM event_place_cells WHERE level = ?",
                           (CELL_LEVELS[0],)).fetchone()[0]


# -- edits -------------------------------------------------------------------------------------

def place_events(placements: list[tuple[int, float, float, str]]) -> Op:
    """One edit giving events coordinates: ``(event_id, latitude, longitude, place name)`` each; an
    event without a location name takes the place's."""
    def edit(db: Database) -> None:
        for event_id, latitude, longitude, name in placements:
            db.conn.execute(
                "UPDATE events SET latitude = ?, longitude = ?,"
                " location_name = coalesce(nullif(trim(location_name), ''), ?) WHERE id = ?",
                (latitude, longitude, name, event_id))

    count = len(placements)
    return Op(f"Place {count} event{'s' if count != 1 else ''} on the map", edit)


def places_of(db: Database, event_ids: list[int]) -> dict[int, dict]:
    """Event id -> latitude, longitude, location_name and geo_precision, for the located ones."""
    found: dict[int, dict] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start:start + 500]
        for row in db.conn.execute(
                "SELECT id, latitude, longitude, location_name, geo_precision FROM events"
                f" WHERE id IN ({','.join('?' * len(chunk))}) AND latitude IS NOT NULL AND longitude IS NOT NULL", chunk):
            found[row[0]] = {"latitude": row[1], "longitude": row[2], "location_name": row[3], "geo_precision": row[4]}
    return found


def unlocated_with_places(db: Database, limit: int = 2_000) -> list[int]:
    """Events without coordinates that name a place (or an entity of kind other), newest first."""
    return [r[0] for r in db.conn.execute(
        "SELECT e.id FROM events e WHERE e.latitude IS NULL AND EXISTS (SELECT 1 FROM event_entities ee"
        " JOIN entities n ON n.id = ee.entity_id WHERE ee.event_id = e.id AND n.kind IN ('place', 'other'))"
        " ORDER BY e.start_s DESC LIMIT ?", (limit,))]


def title_if_unplaced(db: Database, event_id: int) -> str | None:
    """The event's title if it has no coordinates; None if it has, or if there is no such event."""
    row = db.conn.execute("SELECT title, latitude FROM events WHERE id = ?", (event_id,)).fetchone()
    return row[0] if row is not None and row[1] is None else None


def place_names(db: Database, event_id: int) -> list[tuple[str, list[str]]]:
    """The event's entities of kind place (and, failing any, of kind other), each with its aliases."""
    rows = db.conn.execute(
        "SELECT n.id, n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id"
        " WHERE ee.event_id = ? AND n.kind IN ('place', 'other') ORDER BY n.kind = 'other', n.name",
        (event_id,)).fetchall()
    return [(name, [a for (a,) in db.conn.execute(
                "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY id", (entity_id,))])
            for entity_id, name in rows]
