"""Events: the edits that make them and the queries every view and command asks.

Queries take an :class:`EventFilter` and never return a whole table: counts, pages of ids, the
events in a time range (with a limit) and per-bucket counts for the zoomed-out timeline.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from db.connection import Database

from db import dates
from db.entities import ensure_entity, ensure_tag
from db.errors import SourcelineError
from db.ops import Op
from db.search import fts_query

EDITABLE = ("title", "description", "date_edtf", "location_name", "latitude", "longitude", "geo_precision")


@dataclass(frozen=True)
class EventFilter:
    """What the filter bar (or the command line) narrows the events to. Empty means all."""

    text: str = ""
    tags: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    start_s: int | None = None  # events ending after this moment
    end_s: int | None = None  # events starting before this moment
    has_sources: bool | None = None
    stance: str | None = None  # events with at least one citation of this stance ("contradicts": contested)
    ids: tuple[int, ...] | None = None

    @property
    def is_empty(self) -> bool:
        return self == EventFilter()

    def within(self, start_s: int, end_s: int) -> "EventFilter":
        lo = start_s if self.start_s is None else max(start_s, self.start_s)
        hi = end_s if self.end_s is None else min(end_s, self.end_s)
        return replace(self, start_s=lo, end_s=hi)

    def where(self) -> tuple[str, list]:
        """SQL conditions on ``events e`` and their parameters."""
        clauses: list[str] = []
        params: list = []
        if self.text.strip():
            match = fts_query(self.text)
            if match:
                # the words, or an entity's name or alias ("Solz" finds the events linked to Olaf Scholz)
                clauses.append("(e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"
                               " OR e.id IN (SELECT ee.event_id FROM event_entities ee WHERE ee.entity_id IN ("
                               " SELECT id FROM entities WHERE name = ? COLLATE NOCASE"
                               " UNION SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE)))")
                params += [match, self.text.strip(), self.text.strip()]
        for tag in self.tags:
            # the tag, or when there is no such tag the tags it begins ("diplo": diplomacy)
            clauses.append(
                "e.id IN (SELECT et.event_id FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name = ?"
                " OR (NOT EXISTS (SELECT 1 FROM tags WHERE name = ?) AND t.name LIKE ? ESCAPE '\\'))"
            )
            prefix = tag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [tag, tag, prefix]
        for entity in self.entities:
            clauses.append(
                "e.id IN (SELECT ee.event_id FROM event_entities ee WHERE ee.entity_id IN ("
                " SELECT id FROM entities WHERE name = ? COLLATE NOCASE"
                " UNION SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE))"
            )
            params += [entity, entity]
        if self.start_s is not None:
            # the longest event bounds the start from below, so the start index serves the window
            clauses.append("e.end_s > ? AND e.start_s >= ? - (SELECT max_span_s FROM event_span)")
            params += [self.start_s, self.start_s]
        if self.end_s is not None:
            clauses.append("e.start_s < ?")
            params.append(self.end_s)
        if self.has_sources is not None:
            clauses.append(("" if self.has_sources else "NOT ") + "EXISTS (SELECT 1 FROM citations c WHERE c.event_id = e.id)")
        if self.stance == "contradicts":  # contested: the sources disagree, by stance or by date
            clauses.append(f"EXISTS (SELECT 1 FROM citations c WHERE c.event_id = e.id AND {DISAGREES})")
        elif self.stance:
            clauses.append("EXISTS (SELECT 1 FROM citations c WHERE c.event_id = e.id AND c.stance = ?)")
            params.append(self.stance)
        if self.ids is not None:
            clauses.append(f"e.id IN ({','.join('?' for _ in self.ids) or 'NULL'})")
            params += list(self.ids)
        return (" AND ".join(clauses) or "1"), params


# -- queries -----------------------------------------------------------------------------------

SORTS = {
    "date": "e.start_s {dir}, e.end_s {dir}, e.id {dir}",
    "title": "e.title COLLATE NOCASE {dir}, e.id {dir}",
    "first_reported": "e.first_reported_s IS NULL, e.first_reported_s {dir}, e.id {dir}",
}
# Sorts whose every term follows the direction, so the other direction is their exact reverse
# (events never reported sort last both ways).
_REVERSIBLE = {"date", "title"}

_DATE_COLUMNS = """
    e.id, e.uuid, e.title, e.date_edtf, e.start_s, e.end_s, e.fuzzy_start_s, e.fuzzy_end_s,
    e.date_precision, e.first_reported_s, e.first_reported_edtf"""
_SOURCE_COUNT = "(SELECT count(*) FROM citations c WHERE c.event_id = e.id) AS source_count"
# A citation disagrees with its event when it contradicts it, or when the date its source gives
# cannot be the event's: the two reaches (approximate ends stretched, open ends unbounded) do not
# overlap. Fuzzy bounds equal the strict ones for exact dates; NULL (open) compares as unknown.
DISAGREES = ("(c.stance = 'contradicts' OR c.claimed_latest_s <= e.fuzzy_start_s"
             " OR c.claimed_earliest_s >= e.fuzzy_end_s)")
_CONTESTED = f"EXISTS (SELECT 1 FROM citations c WHERE c.event_id = e.id AND {DISAGREES}) AS contested"
_TAG_NAMES = """(SELECT group_concat(t.name, ', ') FROM event_tags et JOIN tags t ON t.id = et.tag_id
        WHERE et.event_id = e.id) AS tags"""
_ENTITY_NAMES = """(SELECT group_concat(n.name, ', ') FROM event_entities ee JOIN entities n ON n.id = ee.entity_id
        WHERE ee.event_id = e.id) AS entities"""

# Columns a list shows for an event, with derived counts.
SUMMARY_COLUMNS = ", ".join((_DATE_COLUMNS, _SOURCE_COUNT, _CONTESTED, _TAG_NAMES, _ENTITY_NAMES))


def mark_columns(lanes: str = "none") -> str:
    """What the timeline draws of an event: its dates, title and whether it is contested, and the
    names of its lanes' kind when grouped by tag or entity (the names cost most, so only then)."""
    lane_names = {"none": (), "tag": (_TAG_NAMES,), "entity": (_ENTITY_NAMES,)}[lanes]
    return ", ".join((_DATE_COLUMNS, _CONTESTED, *lane_names))


def source_count(db: Database, event_id: int) -> int:
    return db.conn.execute("SELECT count(*) FROM citations WHERE event_id = ?", (event_id,)).fetchone()[0]


def _rows(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def count_events(db: Database, where: EventFilter = EventFilter()) -> int:
    if where.is_empty:
        # Every event is counted on its start day by the triggers (and the bulk writers) that keep
        # event_day_counts: a few thousand rows to sum, where counting a million index entries
        # reads the whole index (~150 ms cold). max(rowid)-style shortcuts lie after deletes.
        return db.conn.execute("SELECT coalesce(sum(n), 0) FROM event_day_counts").fetchone()[0]
    sql, params = where.where()
    return db.conn.execute(f"SELECT count(*) FROM events e WHERE {sql}", params).fetchone()[0]


def event_page(
    db: Database, where: EventFilter = EventFilter(), sort: str = "date", descending: bool = False,
    offset: int = 0, limit: int = 200, total: int | None = None,
) -> list[dict]:
    """One page of event summaries in list order. Given ``total`` (how many pass the filter), a
    page in the second half is read from the other end: an OFFSET walks the index from its start,
    so the last page of a million events would walk all of them."""
    sql, params = where.where()
    from_end = total is not None and offset > total // 2 and sort in _REVERSIBLE
    if from_end:
        limit = max(0, min(limit, total - offset))
        offset, descending = total - offset - limit, not descending
    order = SORTS[sort].format(dir="DESC" if descending else "ASC")
    cursor = db.conn.execute(
        f"SELECT {SUMMARY_COLUMNS} FROM events e WHERE {sql} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    rows = _rows(cursor)
    return rows[::-1] if from_end else rows


def row_of_event(db: Database, event_id: int, where: EventFilter = EventFilter(), sort: str = "date",
                 descending: bool = False) -> int | None:
    """The position of an event in the list order (to scroll the list to a timeline selection)."""
    event = db.conn.execute("SELECT start_s, end_s, title, first_reported_s FROM events WHERE id = ?", (event_id,)).fetchone()
    if event is None:
        return None
    sql, params = where.where()
    if db.conn.execute(f"SELECT 1 FROM events e WHERE e.id = ? AND {sql}", [event_id, *params]).fetchone() is None:
        return None
    start_s, end_s, title, first = event
    op = ">" if descending else "<"
    before = {
        "date": (f"(e.start_s, e.end_s, e.id) {op} (?, ?, ?)", [start_s, end_s, event_id]),
        "title": (f"(e.title COLLATE NOCASE, e.id) {op} (?, ?)", [title, event_id]),
        "first_reported": (
            f"(e.first_reported_s IS NULL, coalesce(e.first_reported_s, 0), e.id) {op} (?, ?, ?)",
            [first is None, first or 0, event_id],
        ),
    }[sort]
    return db.conn.execute(f"SELECT count(*) FROM events e WHERE {sql} AND {before[0]}", [*params, *before[1]]).fetchone()[0]


def events_in_range(db: Database, start_s: int, end_s: int, where: EventFilter = EventFilter(),
                    limit: int = 2_000, columns: str = SUMMARY_COLUMNS) -> list[dict]:
    """Events overlapping [start_s, end_s), earliest first, at most ``limit`` of them."""
    sql, params = where.within(start_s, end_s).where()
    cursor = db.conn.execute(
        f"SELECT {columns} FROM events e WHERE {sql} ORDER BY e.start_s, e.end_s, e.id LIMIT ?",
        [*params, limit],
    )
    return _rows(cursor)


def count_in_range(db: Database, start_s: int, end_s: int, where: EventFilter = EventFilter(), cap: int | None = None) -> int:
    """How many events overlap the range; with ``cap``, counting stops there (cheap 'more than N?')."""
    sql, params = where.within(start_s, end_s).where()
    if cap is None:
        return db.conn.execute(f"SELECT count(*) FROM events e WHERE {sql}", params).fetchone()[0]
    return db.conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM events e WHERE {sql} LIMIT ?)", [*params, cap]).fetchone()[0]


def density(db: Database, start_s: int, end_s: int, buckets: int, where: EventFilter = EventFilter()) -> list[int]:
    """Event counts per equal time bucket over [start_s, end_s), by each event's start.

    Unfiltered, it sums the per-day counts table (a few thousand rows whatever the project size);
    with a filter it groups the matching events.
    """
    width = max(1, (end_s - start_s) / buckets)
    counts = [0] * buckets
    if where.is_empty and width >= dates.DAY:
        rows = db.conn.execute(
            "SELECT CAST((day * 86400 - ?) / ? AS INTEGER) AS b, sum(n) FROM event_day_counts"
            " WHERE day >= ? AND day < ? AND day * 86400 >= ? GROUP BY b",
            (start_s, width, start_s // dates.DAY, -(-end_s // dates.DAY), start_s),
        )
        for index, n in rows:
            if 0 <= index < buckets:
                counts[index] += n
        return counts
    sql, params = where.where()
    rows = db.conn.execute(
        f"SELECT CAST((e.start_s - ?) / ? AS INTEGER) AS b, count(*) FROM events e"
        f" WHERE {sql} AND e.start_s >= ? AND e.start_s < ? GROUP BY b",
        [start_s, width, *params, start_s, end_s],
    )
    for index, n in rows:
        if 0 <= index < buckets:
            counts[index] += n
    return counts


def extent(db: Database, where: EventFilter = EventFilter()) -> tuple[int, int] | None:
    """The earliest start and latest end among the events (for zoom to fit)."""
    sql, params = where.where()
    if where.is_empty:
        first = db.conn.execute("SELECT min(start_s) FROM events").fetchone()[0]
        last = db.conn.execute(
            "SELECT max(end_s) FROM events WHERE start_s >= "
            "(SELECT max(start_s) FROM events) - (SELECT max_span_s FROM event_span)").fetchone()[0]
    else:
        first, last = db.conn.execute(f"SELECT min(e.start_s), max(e.end_s) FROM events e WHERE {sql}", params).fetchone()
    return None if first is None else (first, last)


def existing_ids(db: Database, event_ids) -> list[int]:
    """Those of ``event_ids`` that are events of the project, in the order given."""
    wanted = list(dict.fromkeys(event_ids))
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found.update(i for (i,) in db.conn.execute(
            f"SELECT id FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return [i for i in wanted if i in found]


def descriptions(db: Database, event_ids: list[int]) -> dict[int, str]:
    """event id -> description, for these events (one query)."""
    marks = ",".join("?" * len(event_ids)) or "NULL"
    return dict(db.conn.execute(f"SELECT id, description FROM events WHERE id IN ({marks})", event_ids))


def find_event_id(db: Database, ref: str) -> int | None:
    """The id of the event ``ref`` names: its id in this file, or its uuid (the same in every copy)."""
    ref = ref.strip()
    column = "id" if ref.isdigit() else "uuid"
    row = db.conn.execute(f"SELECT id FROM events WHERE {column} = ?", (int(ref) if ref.isdigit() else ref.lower(),)).fetchone()
    return row[0] if row else None


def events_dated(db: Database, date_edtf: str, limit: int = 20) -> list[dict]:
    """The events whose date spans exactly what ``date_edtf`` spans (the same day, month, range…),
    as summaries; none for a date that is not EDTF."""
    try:
        b = dates.bounds(date_edtf)
    except dates.InvalidDate:
        return []
    return _rows(db.conn.execute(
        f"SELECT {SUMMARY_COLUMNS} FROM events e WHERE e.start_s = ? AND e.end_s = ? ORDER BY e.id LIMIT ?",
        (b.start, b.end, limit)))


def get_event(db: Database, event_id: int) -> dict | None:
    """One event in full: its fields, tags, entities and citations."""
    cursor = db.conn.execute("SELECT * FROM events WHERE id = ?", (event_id,))
    rows = _rows(cursor)
    if not rows:
        return None
    event = rows[0]
    event["tags"] = [r[0] for r in db.conn.execute(
        "SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE et.event_id = ? ORDER BY t.name", (event_id,))]
    event["entities"] = [r[0] for r in db.conn.execute(
        "SELECT n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id WHERE ee.event_id = ? ORDER BY n.name",
        (event_id,))]
    event["citations"] = _rows(db.conn.execute(
        f"""SELECT c.id, c.source_id, c.annotation_id, c.locator_type, c.locator, c.quote, c.stance, c.claimed_edtf,
                   {DISAGREES} AS disagrees, s.title AS source_title, s.issued_edtf AS source_issued
            FROM citations c JOIN sources s ON s.id = c.source_id JOIN events e ON e.id = c.event_id
            WHERE c.event_id = ? ORDER BY c.id""", (event_id,)))
    return event


# -- edits -------------------------------------------------------------------------------------

def _date_columns(date_edtf: str) -> dict:
    b = dates.bounds(date_edtf)
    return {
        "date_edtf": date_edtf.strip(), "start_s": b.start, "end_s": b.end,
        "fuzzy_start_s": b.fuzzy_start, "fuzzy_end_s": b.fuzzy_end, "date_precision": b.precision,
    }


def _check_title(title: str) -> str:
    if not title or not title.strip():
        raise SourcelineError("an event needs a title")
    return title.strip()


def _set_links(db: Database, event_id: int, tags=None, entities=None) -> None:
    if tags is not None:
        _link_only(db, "event_tags", "tag_id", event_id, {ensure_tag(db, t) for t in tags if t.strip()})
    if entities is not None:
        _link_only(db, "event_entities", "entity_id", event_id, {ensure_entity(db, n) for n in entities if n.strip()})


def _link_only(db: Database, table: str, column: str, event_id: int, wanted: set[int]) -> None:
    """Link the event to exactly the ``wanted`` ids of ``table``: the others unlinked, the missing added."""
    db.conn.execute(
        f"DELETE FROM {table} WHERE event_id = ? AND {column} NOT IN ({','.join('?' * len(wanted)) or 'SELECT NULL WHERE 0'})",
        [event_id, *wanted])
    db.conn.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?, ?)", [(event_id, i) for i in wanted])


def insert_event(db: Database, title: str, date_edtf: str, description: str = "", tags=(), entities=(),
                 **fields) -> int:
    """Inside an edit: insert one event with its links and return its id."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise SourcelineError(f"unknown event fields: {', '.join(sorted(unknown))}")
    values = {"title": _check_title(title), "description": description or "", **_date_columns(date_edtf), **fields}
    cols = ", ".join(values)
    event_id = db.conn.execute(
        f"INSERT INTO events ({cols}) VALUES ({', '.join('?' * len(values))})", list(values.values())
    ).lastrowid
    _set_links(db, event_id, tags, entities)
    return event_id


def add_event(title: str, date_edtf: str, description: str = "", tags=(), entities=(), **fields) -> Op:
    return Op(f"Add event “{title.strip()}”",
              lambda db: insert_event(db, title, date_edtf, description, tags, entities, **fields))


def update_event(event_id: int, tags=None, entities=None, **fields) -> Op:
    """Change some fields of an event; ``tags``/``entities`` given replace the event's links."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise SourcelineError(f"unknown event fields: {', '.join(sorted(unknown))}")

    def edit(db: Database) -> None:
        if db.conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is None:
            raise SourcelineError(f"there is no event {event_id}")
        values = dict(fields)
        if "title" in values:
            values["title"] = _check_title(values["title"])
        if "date_edtf" in values:
            values.update(_date_columns(values["date_edtf"]))
        if values:
            sets = ", ".join(f"{c} = ?" for c in values)
            db.conn.execute(f"UPDATE events SET {sets} WHERE id = ?", [*values.values(), event_id])
        _set_links(db, event_id, tags, entities)

    what = "date of event" if set(fields) == {"date_edtf"} and tags is None and entities is None else "event"
    return Op(f"Edit {what}", edit)


def delete_events(event_ids) -> Op:
    ids = list(event_ids)

    def edit(db: Database) -> None:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            db.conn.execute(f"DELETE FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk)

    return Op(f"Delete {len(ids)} event{'s' if len(ids) != 1 else ''}", edit)
