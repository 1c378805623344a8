"""The project as two copies can compare it: every row keyed by uuid, never by integer id.

Two copies of a project number their rows independently, and SQLite's session extension keys a
changeset by primary key, so change sets are built over an *exchange schema* derived from the
project's own: each record table keyed by its ``uuid``, each foreign key ``x_id`` carried as the
parent's uuid ``x_uuid``, each link table keyed by the uuids of the two records it links. Columns
kept by triggers (``first_reported_*``) are left out: they follow on the receiving side.

This module reads the project's schema (so a column another step adds travels too) and
translates rows between the two forms.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property

from db.connection import Database

# Parents before children: inserts go in this order, and a child's parent is always known first.
TABLES = ("sources", "source_creators", "annotations", "events", "citations", "entities", "entity_aliases", "tags",
          "event_tags", "event_entities", "annotation_tags", "eras")
# Kept by the project's triggers from other rows: never exchanged.
TRIGGER_KEPT = {"events": ("first_reported_s", "first_reported_edtf")}
# Columns computed from another when it is written; they travel with it and are not compared alone.
FOLLOWERS = {
    "events": {"date_edtf": ("start_s", "end_s", "fuzzy_start_s", "fuzzy_end_s", "date_precision")},
    "sources": {"issued_edtf": ("issued_start_s",)},
    "citations": {"claimed_edtf": ("claimed_earliest_s", "claimed_latest_s")},
    "eras": {"date_edtf": ("start_s", "end_s", "fuzzy_start_s", "fuzzy_end_s")},
}
# Who changed a record last, and when: they change with every edit and are never a conflict.
BOOKKEEPING = ("modified_at", "modified_by")
# Tables referred to but not exchanged row by row, and the column that names a row in every copy:
# an original is the same file wherever its SHA-256 is (its bytes travel beside the changes).
KEYED_ELSEWHERE = {"originals": "sha256"}
# Tables whose records a person names: a new one matches an existing record of the same name
# (``tags.name`` is unique; an entity named twice would be one person entered twice).
NATURAL_KEYS = {"tags": "name", "entities": "name", "eras": "name"}


@dataclass(frozen=True)
class ForeignKey:
    column: str  # in the project: event_id
    parent: str  # events
    exchange_column: str  # in the exchange schema: event_uuid
    key: str = "uuid"  # what names the parent in every copy


@dataclass(frozen=True)
class Table:
    name: str
    local_columns: tuple[str, ...]  # the project's columns that are exchanged (id excluded)
    foreign_keys: tuple[ForeignKey, ...]
    is_link: bool  # a link table (no uuid of its own)

    @cached_property
    def columns(self) -> tuple[str, ...]:
        """The exchange schema's columns, the key first."""
        renamed = {fk.column: fk.exchange_column for fk in self.foreign_keys}
        cols = tuple(renamed.get(c, c) for c in self.local_columns)
        return cols if self.is_link else ("uuid", *(c for c in cols if c != "uuid"))

    @cached_property
    def key_columns(self) -> tuple[str, ...]:
        return self.columns if self.is_link else ("uuid",)

    @cached_property
    def compared(self) -> tuple[str, ...]:
        """The columns a person edits: those two sides can disagree on."""
        followers = {f for group in FOLLOWERS.get(self.name, {}).values() for f in group}
        return tuple(c for c in self.columns if c not in self.key_columns and c not in BOOKKEEPING
                     and c not in followers and c not in ("created_at", "created_by"))

    def fingerprint(self, row: tuple) -> str:
        """What a person made of the record in this version (the compared columns), in short:
        two copies holding one version of a record agree on it."""
        values = [v for c, v in zip(self.columns, row) if c in self.compared]
        return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode()).hexdigest()[:20]

    def followers_of(self, column: str) -> tuple[str, ...]:
        return FOLLOWERS.get(self.name, {}).get(column, ())

    def create_sql(self) -> str:
        cols = ", ".join(f'"{c}"' for c in self.columns)
        key = ", ".join(f'"{c}"' for c in self.key_columns)
        return f'CREATE TABLE "{self.name}" ({cols}, PRIMARY KEY ({key}))'


class ExchangeSchema:
    """The exchange form of this project's tables, and the translation of rows to and from it."""

    def __init__(self, db: Database):
        self.db = db
        self.tables: dict[str, Table] = {}
        for name in TABLES:
            info = db.conn.execute(f"PRAGMA main.table_info({name})").fetchall()
            if not info:
                continue
            has_uuid = any(row[1] == "uuid" for row in info)
            links = db.conn.execute(f"PRAGMA main.foreign_key_list({name})").fetchall()
            fks = tuple(ForeignKey(row[3], row[2], row[3][:-3] + "_uuid") for row in links
                        if row[3].endswith("_id") and row[2] in TABLES)
            fks += tuple(ForeignKey(row[3], row[2], f"{row[3][:-3]}_{KEYED_ELSEWHERE[row[2]]}", KEYED_ELSEWHERE[row[2]])
                         for row in links if row[3].endswith("_id") and row[2] in KEYED_ELSEWHERE)
            # an id of a row in a table that is not exchanged means nothing in another copy
            local_only = {row[3] for row in links} - {fk.column for fk in fks}
            kept = TRIGGER_KEPT.get(name, ())
            cols = tuple(row[1] for row in info if row[1] != "id" and row[1] not in kept and row[1] not in local_only)
            self.tables[name] = Table(name, cols, tuple(sorted(fks, key=lambda f: cols.index(f.column))), not has_uuid)
        self._uuid_cache: dict[tuple[str, int], str | None] = {}
        self._id_cache: dict[tuple[str, str], int | None] = {}

    # -- ids and uuids ---------------------------------------------------------------------------

    def uuid_of(self, table: str, row_id: int | None) -> str | None:
        """The uuid of a row by its id in this copy; for a row since deleted, the uuid the history
        last knew under that id. (For a table keyed elsewhere, its key: an original's SHA-256.)"""
        if row_id is None:
            return None
        key = (table, row_id)
        if key not in self._uuid_cache:
            column = KEYED_ELSEWHERE.get(table, "uuid")
            row = self.db.conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)).fetchone()
            if row is None and table not in KEYED_ELSEWHERE:
                row = self.db.conn.execute(
                    "SELECT record_uuid FROM history WHERE table_name = ? AND row_id = ? AND record_uuid IS NOT NULL"
                    " ORDER BY id DESC LIMIT 1", (table, row_id)).fetchone()
            self._uuid_cache[key] = row[0] if row else None
        return self._uuid_cache[key]

    def id_of(self, table: str, uuid: str | None) -> int | None:
        """The id in this copy of the record with this uuid (None: not here)."""
        if uuid is None:
            return None
        key = (table, uuid)
        if self._id_cache.get(key) is None:
            column = KEYED_ELSEWHERE.get(table, "uuid")
            row = self.db.conn.execute(f"SELECT id FROM {table} WHERE {column} = ?", (uuid,)).fetchone()
            self._id_cache[key] = row[0] if row else None
        return self._id_cache[key]

    def forget(self, table: str, uuid: str) -> None:
        self._id_cache.pop((table, uuid), None)

    def remember(self, table: str, uuid: str, row_id: int) -> None:
        self._id_cache[(table, uuid)] = row_id
        self._uuid_cache[(table, row_id)] = uuid

    # -- rows ------------------------------------------------------------------------------------

    def to_exchange(self, table: str, row: dict) -> tuple:
        """A project row (a dict with ids) as a tuple in the exchange schema's column order."""
        spec = self.tables[table]
        values = dict(row)
        for fk in spec.foreign_keys:
            values[fk.exchange_column] = self.uuid_of(fk.parent, values.pop(fk.column, None))
        return tuple(values.get(c) for c in spec.columns)

    def current_rows(self, table: str, keys) -> dict[tuple, tuple]:
        """The rows of ``table`` in this copy whose exchange keys are ``keys``, in exchange form."""
        spec = self.tables[table]
        out = {}
        for key in keys:
            if spec.is_link:
                ids = [self.id_of(fk.parent, uuid) for fk, uuid in zip(spec.foreign_keys, key)]
                if None in ids:
                    continue
                where = " AND ".join(f"{fk.column} = ?" for fk in spec.foreign_keys)
                row = self.db.conn.execute(f"SELECT 1 FROM {table} WHERE {where}", ids).fetchone()
                if row is not None:
                    out[key] = key
                continue
            cursor = self.db.conn.execute(f"SELECT * FROM {table} WHERE uuid = ?", (key[0],))
            row = cursor.fetchone()
            if row is not None:
                out[key] = self.to_exchange(table, dict(zip([d[0] for d in cursor.description], row)))
        return out

    def to_local(self, table: str, values: dict) -> dict:
        """Exchange values (column -> value) as project columns, parents' uuids as their ids here.
        Raises ``MissingParent`` when a parent is not in this copy."""
        spec = self.tables[table]
        local = {c: v for c, v in values.items() if c in spec.local_columns}
        for fk in spec.foreign_keys:
            if fk.exchange_column in values:
                uuid = values[fk.exchange_column]
                row_id = self.id_of(fk.parent, uuid)
                if uuid is not None and row_id is None:
                    raise MissingParent(fk.parent, uuid)
                local[fk.column] = row_id
        return local


class MissingParent(Exception):
    """A row refers to a record this copy does not have (deleted here, or never received)."""

    def __init__(self, table: str, uuid: str):
        super().__init__(f"{table} {uuid}")
        self.table = table
        self.uuid = uuid
