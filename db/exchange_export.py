"""What this copy changed since a point in its history, as uuid-keyed changes.

The history table holds every edit's rows before and after. For each record touched since the
token, the change runs from the record as it was before its first edit since then (the *base*
the other copy may still hold) to the record as it is now: created, changed (only the columns
that differ, with their base values, so the receiver can tell a conflict) or deleted. Records
an import wrote in bulk, which the history does not hold, are found by their creation time.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from db.connection import Database

from db.exchange_schema import ExchangeSchema

CHUNK = 500


@dataclass
class Change:
    table: str
    op: str  # insert, update, delete
    key: tuple
    old: tuple | None  # exchange columns, in order; for an update, None where the column did not change
    new: tuple | None
    changed: tuple[str, ...] = ()  # an update's changed columns


@dataclass
class Gathered:
    changes: list[Change] = field(default_factory=list)
    upto: int = 0  # the last history row covered: the next export's token
    deleted_by: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # uuid -> (author id, at)
    author_ids: set[str] = field(default_factory=set)
    # uuid -> the fingerprint of every version the record had here in the range: for a record
    # created or deleted in it, the receiver finds among them the last version both copies had
    # (the base it was changed from), since a copy made from this file may hold it already
    versions: dict[str, list[str]] = field(default_factory=dict)


def last_export(db: Database) -> tuple[int, str | None]:
    """The token (last history row) and time of this copy's last export: (0, None) if none."""
    row = db.conn.execute("SELECT upto, at FROM exchanges WHERE direction = 'export' ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0] or 0, row[1]) if row else (0, None)


def history_end(db: Database) -> int:
    return db.conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0]


def gather(db: Database, since: int, since_time: str | None) -> Gathered:
    """Every change to exchanged tables after history row ``since`` (and, with ``since_time``,
    records written in bulk after it)."""
    schema = ExchangeSchema(db)
    out = Gathered(upto=history_end(db))
    base: dict[tuple[str, tuple], tuple | None] = {}  # (table, key) -> row before the first edit (None: created)
    last: dict[tuple[str, tuple], tuple] = {}  # (table, key) -> the row as deleted
    rows = db.conn.execute(
        "SELECT table_name, action, record_uuid, before_json, after_json, author_id, at FROM history"
        " WHERE id > ? AND id <= ? ORDER BY id", (since, out.upto))
    for table, action, uuid, before, after, author, at in rows:
        spec = schema.tables.get(table)
        if spec is None:
            continue
        if spec.is_link:
            key = schema.to_exchange(table, json.loads(before or after))
        else:
            key = (uuid,)
            seen = out.versions.setdefault(uuid, [])
            seen.extend(spec.fingerprint(schema.to_exchange(table, json.loads(v))) for v in (before, after) if v)
        if (table, key) not in base:
            base[(table, key)] = None if action == "create" else schema.to_exchange(table, json.loads(before))
        if action == "delete":
            last[(table, key)] = schema.to_exchange(table, json.loads(before))
            if not spec.is_link:
                out.deleted_by[uuid] = (author, at)
                if author:
                    out.author_ids.add(author)
    if since_time is not None:
        _bulk_created(db, schema, since_time, base)
    by_table: dict[str, list[tuple]] = {}
    for table, key in base:
        by_table.setdefault(table, []).append(key)
    for table in schema.tables:
        keys = by_table.get(table, [])
        now: dict[tuple, tuple] = {}
        for start in range(0, len(keys), CHUNK):
            now.update(schema.current_rows(table, keys[start:start + CHUNK]))
        for key in keys:
            change = _change(schema, table, key, base[(table, key)], now.get(key), last.get((table, key)))
            if change is not None:
                out.changes.append(change)
                for row in (change.old, change.new):
                    out.author_ids.update(_authors(schema, table, row))
    # versions matter only where the receiver has no base to compare with
    wanted = {c.key[0] for c in out.changes if c.op != "update" and not schema.tables[c.table].is_link}
    out.versions = {u: sorted(set(v)) for u, v in out.versions.items() if u in wanted}
    return out


def _bulk_created(db: Database, schema: ExchangeSchema, since_time: str, base: dict) -> None:
    """Records (with their links) written after ``since_time`` that no history row names: what a
    dataset import wrote in bulk."""
    for table, spec in schema.tables.items():
        if spec.is_link:
            continue
        for (uuid,) in db.conn.execute(f"SELECT uuid FROM {table} WHERE created_at > ?", (since_time,)):
            base.setdefault((table, (uuid,)), None)
    new_records = {(t, k[0]) for (t, k), b in base.items() if b is None and not schema.tables[t].is_link}
    for table, spec in schema.tables.items():
        if not spec.is_link:
            continue
        fk = spec.foreign_keys[0]  # the owner: event_tags.event_id, annotation_tags.annotation_id
        owners = [schema.id_of(fk.parent, uuid) for t, uuid in new_records if t == fk.parent]
        for start in range(0, len(owners), CHUNK):
            chunk = [o for o in owners[start:start + CHUNK] if o is not None]
            cursor = db.conn.execute(f"SELECT * FROM {table} WHERE {fk.column} IN ({','.join('?' * len(chunk))})", chunk)
            names = [d[0] for d in cursor.description]
            for row in cursor.fetchall():
                base.setdefault((table, schema.to_exchange(table, dict(zip(names, row)))), None)


def _authors(schema: ExchangeSchema, table: str, row: tuple | None) -> set[str]:
    if row is None:
        return set()
    cols = schema.tables[table].columns
    return {v for c, v in zip(cols, row) if c in ("created_by", "modified_by") and v}


def _change(schema: ExchangeSchema, table: str, key: tuple, before: tuple | None, now: tuple | None,
            deleted: tuple | None) -> Change | None:
    spec = schema.tables[table]
    if before is None and now is None:
        # made and unmade since the token: a copy taken meanwhile may have it, so say it went
        return Change(table, "delete", key, deleted, None) if deleted is not None else None
    if before is None:
        return Change(table, "insert", key, None, now)
    if now is None:
        return Change(table, "delete", key, before, None)
    changed = tuple(c for c, a, b in zip(spec.columns, before, now) if a != b)
    if not set(changed) - {"modified_at", "modified_by"}:
        return None  # back as it was (an edit and its undo)
    old = tuple(v if c in changed or c in spec.key_columns else None for c, v in zip(spec.columns, before))
    new = tuple(v if c in changed else None for c, v in zip(spec.columns, now))
    return Change(table, "update", key, old, new, changed)
