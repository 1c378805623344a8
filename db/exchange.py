"""Exchanging changes between copies of one project: what an export holds, what applying does.

An export is a changeset (SQLite's session extension, built with APSW) over the exchange schema,
plus who deleted what; an apply is one edit — undoable, in the history, with the file noted so
that applying it again changes nothing.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, field

import apsw
from db.connection import Database

from db import authorship
from db import exchange_apply, originals
from db.exchange_export import Gathered, gather, last_export
from db.exchange_schema import ExchangeSchema
from db.ops import Op
from db.store import write_transaction


@dataclass(frozen=True)
class ProjectIdentity:
    uuid: str
    key: bytes  # signs change files; every copy of the project has it


def identity(db: Database) -> ProjectIdentity:
    values = dict(db.conn.execute("SELECT key, value FROM project_info WHERE key IN ('uuid', 'exchange_key')"))
    return ProjectIdentity(values["uuid"], bytes.fromhex(values["exchange_key"]))


def schema_connection(db: Database) -> apsw.Connection:
    """An empty in-memory database with the exchange schema (what a changeset is checked against)."""
    connection = apsw.Connection(":memory:")
    for spec in ExchangeSchema(db).tables.values():
        connection.execute(spec.create_sql())
    return connection


def build_changeset(db: Database, gathered: Gathered) -> bytes:
    schema = ExchangeSchema(db)
    builder = apsw.ChangesetBuilder()
    builder.schema(schema_connection(db), "main")
    for change in gathered.changes:
        if change.op == "insert":
            builder.add_insert(change.table, False, change.new)
        elif change.op == "delete":
            builder.add_delete(change.table, False, change.old)
        else:
            cols = schema.tables[change.table].columns
            keys = schema.tables[change.table].key_columns
            old = tuple(v if c in change.changed or c in keys else apsw.no_change for c, v in zip(cols, change.old))
            new = tuple(v if c in change.changed else apsw.no_change for c, v in zip(cols, change.new))
            builder.add_update(change.table, False, old, new)
    return builder.output()


@dataclass
class Export:
    changeset: bytes
    since: int
    upto: int
    counts: dict
    notes: dict  # deleted_by: uuid -> [author id, at]; versions: uuid -> [fingerprint, ...]
    authors: dict  # author id -> name, for every author the changes name
    # sha256 -> ({size, media_type, file_name}, bytes): the original files the changes refer to
    originals: dict = field(default_factory=dict)


def export(db: Database, since: int | None = None) -> Export:
    """Every change since ``since`` (a token an earlier export gave; by default the last export)."""
    token, at = last_export(db)
    if since is None:
        since, since_time = token, (at or "")
    else:
        since_time = _time_of(db, since)
    gathered = gather(db, since, since_time)
    counts: dict[str, int] = {}
    for change in gathered.changes:
        counts[change.op] = counts.get(change.op, 0) + 1
    return Export(build_changeset(db, gathered), since, gathered.upto, counts,
                  {"deleted_by": {u: list(v) for u, v in gathered.deleted_by.items()}, "versions": gathered.versions},
                  authorship.names(db, gathered.author_ids), _originals(db, gathered))


def _originals(db: Database, gathered: Gathered) -> dict:
    """The original files the changed sources refer to, by hash: the receiver keeps those it lacks."""
    schema = ExchangeSchema(db)
    wanted = set()
    for change in gathered.changes:
        columns = schema.tables[change.table].columns
        if change.new is not None and "original_sha256" in columns:
            wanted.add(change.new[columns.index("original_sha256")])
    out = {}
    for sha256 in sorted(w for w in wanted if w):
        original = originals.get(db, originals.find(db, sha256))
        if original is not None:
            out[sha256] = ({"size": original.size, "media_type": original.media_type, "file_name": original.file_name},
                           originals.read_bytes(db, original.id))
    return out


def _time_of(db: Database, token: int) -> str:
    """When history row ``token`` was written ('' for the start): bulk writes after it count too."""
    row = db.conn.execute("SELECT at FROM history WHERE id = ?", (token,)).fetchone()
    return row[0] if row else ""


def record_export(db: Database, file_id: str, upto: int, summary: dict) -> None:
    """Note an export written: the next one starts after ``upto``."""
    with write_transaction(db):
        db.conn.execute("INSERT INTO exchanges (direction, file_id, author_id, upto, summary_json) VALUES"
                        " ('export', ?, ?, ?, ?)", (file_id, authorship.current_id(db), upto, json.dumps(summary)))


def applied_at(db: Database, file_id: str) -> str | None:
    """When the change file ``file_id`` was applied here (None: never)."""
    row = db.conn.execute("SELECT at FROM exchanges WHERE direction = 'apply' AND file_id = ? ORDER BY id LIMIT 1",
                          (file_id,)).fetchone()
    return row[0] if row else None


def check_changeset(db: Database, changeset: bytes) -> None:
    """Raise ``apsw.Error`` (or ValueError) unless ``changeset`` is whole and fits the exchange schema."""
    tables = ExchangeSchema(db).tables
    for change in apsw.Changeset.iter(changeset):
        spec = tables.get(change.name)
        if spec is None:
            raise ValueError(f"a change to an unknown table {change.name!r}")
        if change.column_count != len(spec.columns):
            raise ValueError(f"its {change.name} have {change.column_count} columns where this project's have "
                             f"{len(spec.columns)}: the two copies are at different versions of Sourceline; "
                             "update both")


def apply(changeset: bytes, file_id: str, sender: str, notes: dict, authors: dict, policy: str,
          outcome: list, files: dict | None = None) -> Op:
    """Apply a teammate's changes as one edit; ``outcome`` receives the ``exchange_apply.Outcome``."""
    if policy not in exchange_apply.POLICIES:
        raise ValueError(policy)

    def edit(db: Database) -> exchange_apply.Outcome:
        for author_id, name in authors.items():
            db.conn.execute("INSERT INTO authors (id, name) VALUES (?, ?) ON CONFLICT(id) DO NOTHING", (author_id, name))
        for sha256, (meta, data) in (files or {}).items():  # kept once, whoever sent them
            originals.store(db, io.BytesIO(data), len(data), sha256, meta["media_type"], meta["file_name"])
        result = exchange_apply.apply_changeset(db, changeset, file_id, notes, policy)
        db.conn.execute("INSERT INTO exchanges (direction, file_id, author_id, summary_json) VALUES ('apply', ?, ?, ?)",
                        (file_id, authorship.current_id(db), json.dumps(result.summary())))
        outcome.append(result)
        return result

    return Op(f"Apply changes from {sender}", edit)
