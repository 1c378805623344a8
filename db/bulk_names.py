"""Tags, entities and sources found by name as an import meets them, created in bulk when new.

Names match case-insensitively (``str.casefold``: "Kyiv", "KYIV" and "kyiv" are one entity),
against the project and across the file, so a million rows naming the same actor make one entity.
Entities also match their aliases. Sources match only sources the same dataset made (marked with
the CSL variable ``source``, "the database the item comes from"), never the analyst's own.
"""
from __future__ import annotations

import json

from db.connection import Database

from db.bulk import RecordStamps, next_id

_WEB = ("http://", "https://")


class Names:
    """One table's names → ids; new names get ids at once and are written by :meth:`flush`."""

    def __init__(self, db: Database, table: str, insert_sql: str, existing, stamps: RecordStamps):
        self._db = db
        self._insert_sql = insert_sql
        self._stamps = stamps
        self._ids: dict[str, int] = {}  # casefolded name -> id
        for name, row_id in existing:
            self._ids.setdefault(name.strip().casefold(), row_id)
        # names as written -> id: a million rows name the same few thousand, so most lookups
        # stop here, before casefolding
        self.exact: dict[str, int] = {}
        self._next = next_id(db, table)
        self._pending: list[tuple] = []
        self.created = 0

    def id(self, name: str, extra: str = "") -> int:
        known = self.exact.get(name)
        if known is None:
            key = name.casefold()
            known = self._ids.get(key)
            if known is None:
                known = self._ids[key] = self._next
                self._next += 1
                self._pending.append(self._row(known, name, extra))
            self.exact[name] = known
        return known

    def _row(self, row_id: int, name: str, extra: str) -> tuple:
        raise NotImplementedError

    def flush(self) -> None:
        if self._pending:
            self._db.conn.executemany(self._insert_sql, self._pending)
            self.created += len(self._pending)
            self._pending.clear()

    def known_ids(self) -> set[int]:
        return set(self._ids.values())


class TagNames(Names):
    def __init__(self, db: Database, stamps: RecordStamps):
        super().__init__(db, "tags", "INSERT INTO tags (id, name, uuid, created_at, modified_at) VALUES (?, ?, ?, ?, ?)",
                         db.conn.execute("SELECT name, id FROM tags ORDER BY id"), stamps)

    def _row(self, row_id, name, extra):
        return row_id, name, self._stamps.uuid(), self._stamps.now, self._stamps.now


class EntityNames(Names):
    """``extra`` is the kind a new entity gets; an entity already known keeps its own."""

    def __init__(self, db: Database, stamps: RecordStamps):
        existing = db.conn.execute(
            "SELECT name, id FROM entities UNION ALL SELECT alias, entity_id FROM entity_aliases ORDER BY 2")
        super().__init__(db, "entities", "INSERT INTO entities (id, kind, name, uuid, created_at, modified_at)"
                         " VALUES (?, ?, ?, ?, ?, ?)", existing, stamps)

    def _row(self, row_id, name, extra):
        return row_id, extra or "other", name, self._stamps.uuid(), self._stamps.now, self._stamps.now


class SourceNames(Names):
    """Sources a dataset names (``extra`` is the CSL type of a new one); a name that is a web
    address is also the source's URL."""

    def __init__(self, db: Database, stamps: RecordStamps, label: str):
        self._extra = json.dumps({"source": label}, ensure_ascii=False)
        existing = db.conn.execute(
            "SELECT title, id FROM sources WHERE json_extract(csl_extra, '$.source') = ? ORDER BY id", (label,))
        super().__init__(db, "sources", "INSERT INTO sources (id, csl_type, title, url, csl_extra, uuid, created_at,"
                         " modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", existing, stamps)

    def _row(self, row_id, name, extra):
        url = name if name.startswith(_WEB) else None
        return row_id, extra or "document", name, url, self._extra, self._stamps.uuid(), self._stamps.now, \
            self._stamps.now
