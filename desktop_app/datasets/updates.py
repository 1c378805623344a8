"""Re-imported rows: the events a dataset already put in the project, brought up to date.

An event's fields are compared with the row's and written only when they differ, through the
normal update triggers (the full-text index and the day counts follow). Its tags and entities
become the row's; of its citations, only the plain ones (no passage, locator or quote,
"supports") of sources this dataset named are the dataset's to change — the analyst's own
citations stay.
"""
from __future__ import annotations

from db.connection import Database

from db.bulk import RecordStamps
from desktop_app.datasets.names import SourceNames

FIELDS = ("title", "description", "date_edtf", "location_name", "latitude", "longitude", "geo_precision")
_UPDATE = ("UPDATE events SET title = ?, description = ?, date_edtf = ?, start_s = ?, end_s = ?, fuzzy_start_s = ?,"
           " fuzzy_end_s = ?, date_precision = ?, location_name = ?, latitude = ?, longitude = ?, geo_precision = ?"
           " WHERE id = ?")
_CHUNK = 5_000  # ids per IN (...) list


def _chunks(values: list, size: int = _CHUNK):
    for start in range(0, len(values), size):
        yield values[start:start + size]


class EventUpdater:
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

    def update(self, items) -> None:
        """``items``: (existing row from :meth:`existing`, EventRow, (tag ids, entity ids, source ids))."""
        conn = self._db.conn
        ids = [existing[0] for existing, _, _ in items]
        tags = self._pairs("SELECT event_id, tag_id FROM event_tags WHERE event_id IN ({ids})", ids)
        entities = self._pairs("SELECT event_id, entity_id FROM event_entities WHERE event_id IN ({ids})", ids)
        cited: dict[int, dict[int, int]] = {}  # event -> source -> citation, for the dataset's plain citations
        dataset_sources = self._sources.known_ids()
        for chunk in _chunks(ids):
            for citation_id, event_id, source_id in conn.execute(
                    "SELECT id, event_id, source_id FROM citations WHERE annotation_id IS NULL AND locator = ''"
                    f" AND quote = '' AND stance = 'supports' AND event_id IN ({', '.join('?' * len(chunk))})", chunk):
                if source_id in dataset_sources:
                    cited.setdefault(event_id, {})[source_id] = citation_id
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
        conn.executemany(_UPDATE, changed_rows)
        conn.executemany("DELETE FROM event_tags WHERE event_id = ? AND tag_id = ?", tag_drops)
        conn.executemany("INSERT INTO event_tags (event_id, tag_id) VALUES (?, ?)", tag_adds)
        conn.executemany("DELETE FROM event_entities WHERE event_id = ? AND entity_id = ?", entity_drops)
        conn.executemany("INSERT INTO event_entities (event_id, entity_id) VALUES (?, ?)", entity_adds)
        conn.executemany("DELETE FROM citations WHERE id = ?", cite_drops)
        now = self._stamps.now
        conn.executemany("INSERT INTO citations (event_id, source_id, uuid, created_at, modified_at)"
                         " VALUES (?, ?, ?, ?, ?)", [(e, s, self._stamps.uuid(), now, now) for e, s in cite_adds])
