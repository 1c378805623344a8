"""Events written in bulk by a dataset import: new rows with their links, and rows the project
already has (by the dataset's own id) brought up to date.

New events take explicit ids, uuids and timestamps (``db.bulk``) and their derived data is filled
per batch (``bulk.index_new_events``) by the caller, which suspends the insert triggers. Updates go
through the normal update triggers (the full-text index and the day counts follow).

An updated event's fields are compared with the row's and written only when they differ. Its tags
and entities become the row's; of its citations, only the plain ones (no passage, locator or
quote, "supports") of sources this dataset named are the dataset's to change — the analyst's own
citations stay.
"""
from __future__ import annotations

import sqlite3

from db.connection import Database

from db.bulk import RecordStamps
from db.bulk_names import SourceNames

# An event row as insert_events takes it.
EVENT_COLUMNS = ("id", "title", "description", "date_edtf", "start_s", "end_s", "fuzzy_start_s", "fuzzy_end_s",
                 "date_precision", "location_name", "latitude", "longitude", "geo_precision", "dataset",
                 "external_id", "uuid", "created_at", "modified_at")
_INSERT_EVENT = f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
# The fields a dataset row sets, as EventUpdater compares them.
FIELDS = ("title", "description", "date_edtf", "location_name", "latitude", "longitude", "geo_precision")
_UPDATE = ("UPDATE events SET title = ?, description = ?, date_edtf = ?, start_s = ?, end_s = ?, fuzzy_start_s = ?,"
           " fuzzy_end_s = ?, date_precision = ?, location_name = ?, latitude = ?, longitude = ?, geo_precision = ?"
           " WHERE id = ?")
_CHUNK = 5_000  # ids per IN (...) list


def has_dataset_events(db: Database, dataset: str) -> bool:
    """Whether the project holds events with an id from ``dataset`` (a re-import then updates)."""
    return db.conn.execute("SELECT 1 FROM events WHERE dataset = ? AND external_id IS NOT NULL LIMIT 1",
                           (dataset,)).fetchone() is not None


def insert_events(db: Database, rows: list[tuple], known_ids_possible: bool = True) -> bool:
    """Insert event rows (values in ``EVENT_COLUMNS`` order). False, and nothing written, when the
    project already has one of their (dataset, external id) and ``known_ids_possible``; without
    it, that is an error (the caller looked the ids up first)."""
    db.conn.execute("SAVEPOINT dataset_batch")
    try:
        db.conn.executemany(_INSERT_EVENT, rows)
    except sqlite3.IntegrityError as error:
        db.conn.execute("ROLLBACK TO dataset_batch")
        db.conn.execute("RELEASE dataset_batch")
        if "external_id" in str(error) and known_ids_possible:
            return False
        raise
    db.conn.execute("RELEASE dataset_batch")
    return True


def link_events(db: Database, tags: list[tuple[int, int]], entities: list[tuple[int, int]]) -> None:
    """Add (event id, tag id) and (event id, entity id) links."""
    db.conn.executemany("INSERT INTO event_tags (event_id, tag_id) VALUES (?, ?)", tags)
    db.conn.executemany("INSERT INTO event_entities (event_id, entity_id) VALUES (?, ?)", entities)


def cite_plainly(db: Database, pairs: list[tuple[int, int]], stamps: RecordStamps) -> None:
    """Add a plain citation (no passage, locator or quote; "supports") per (event id, source id)."""
    db.conn.executemany("INSERT INTO citations (event_id, source_id, uuid, created_at, modified_at)"
                        " VALUES (?, ?, ?, ?, ?)", [(e, s, stamps.uuid(), stamps.now, stamps.now) for e, s in pairs])


def _chunks(values: list, size: int = _CHUNK):
    for start in range(0, len(values), size):
        yield values[start:start + size]


class EventUpdater:
    """Brings events a dataset put in the project up to date; counts ``updated`` and ``unchanged``."""

    def __init__(self, db: Database, dataset: str, sources: SourceNames, stamps: RecordStamps):
        self._db = db
        self._dataset = dataset
        self._sources = sources
        self._stamps = stamps
        self.updated = 0
        self.unchanged = 0

    def existing(self, external_ids: list[str]) -> dict[str, tuple]:
        """external id -> (event id, *FIELDS) for the ids the project already has."""
        found: dict[str, tuple] = {}
        for chunk in _chunks(external_ids):
            found.update((row[0], row[1:]) for row in self._db.conn.execute(
                f"SELECT external_id, id, {', '.join(FIELDS)} FROM events"
                f" WHERE dataset = ? AND external_id IN ({', '.join('?' * len(chunk))})", [self._dataset, *chunk]))
        return found

    def _pairs(self, sql: str, ids: list[int]) -> dict[int, set]:
        linked: dict[int, set] = {}
        for chunk in _chunks(ids):
            for event_id, other in self._db.conn.execute(sql.format(ids=", ".join("?" * len(chunk))), chunk):
                linked.setdefault(event_id, set()).add(other)
        return linked

    def _dataset_citations(self, ids: list[int]) -> dict[int, dict[int, int]]:
        """event -> source -> citation, for the dataset's plain citations of these events."""
        cited: dict[int, dict[int, int]] = {}
        dataset_sources = self._sources.known_ids()
        for chunk in _chunks(ids):
            for citation_id, event_id, source_id in self._db.conn.execute(
                    "SELECT id, event_id, source_id FROM citations WHERE annotation_id IS NULL AND locator = ''"
                    f" AND quote = '' AND stance = 'supports' AND event_id IN ({', '.join('?' * len(chunk))})", chunk):
                if source_id in dataset_sources:
                    cited.setdefault(event_id, {})[source_id] = citation_id
        return cited

    def update(self, items) -> None:
        """``items``: (existing row from :meth:`existing`, EventRow, (tag ids, entity ids, source ids))."""
        ids = [existing[0] for existing, _, _ in items]
        tags = self._pairs("SELECT event_id, tag_id FROM event_tags WHERE event_id IN ({ids})", ids)
        entities = self._pairs("SELECT event_id, entity_id FROM event_entities WHERE event_id IN ({ids})", ids)
        cited = self._dataset_citations(ids)
        changed_rows, tag_drops, tag_adds, entity_drops, entity_adds, cite_drops, cite_adds = ([] for _ in range(7))
        for existing, row, (want_tags, want_entities, want_sources) in items:
            event_id = existing[0]
            fields = (row.title, row.description, row.date[0], row.location_name, row.latitude, row.longitude,
                      row.geo_precision)
            changed = fields != tuple(existing[1:])
            if changed:
                changed_rows.append((row.title, row.description, *row.date, row.location_name, row.latitude,
                                     row.longitude, row.geo_precision, event_id))
            have_tags, have_entities = tags.get(event_id, set()), entities.get(event_id, set())
            have_sources = cited.get(event_id, {})
            tag_drops += [(event_id, t) for t in have_tags - want_tags]
            tag_adds += [(event_id, t) for t in want_tags - have_tags]
            entity_drops += [(event_id, n) for n in have_entities - want_entities]
            entity_adds += [(event_id, n) for n in want_entities - have_entities]
            cite_drops += [(have_sources[s],) for s in have_sources.keys() - want_sources]
            cite_adds += [(event_id, s) for s in want_sources - have_sources.keys()]
            links_changed = (have_tags != want_tags or have_entities != want_entities
                             or have_sources.keys() != want_sources)
            if changed or links_changed:
                self.updated += 1
            else:
                self.unchanged += 1
        conn = self._db.conn
        conn.executemany(_UPDATE, changed_rows)
        conn.executemany("DELETE FROM event_tags WHERE event_id = ? AND tag_id = ?", tag_drops)
        conn.executemany("DELETE FROM event_entities WHERE event_id = ? AND entity_id = ?", entity_drops)
        conn.executemany("DELETE FROM citations WHERE id = ?", cite_drops)
        link_events(self._db, tag_adds, entity_adds)
        cite_plainly(self._db, cite_adds, self._stamps)
