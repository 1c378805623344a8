"""Reversible edits as small objects: ``do(db) -> Changes``, ``undo(db) -> Changes``.

An ``Op`` wraps a plain function that edits the project. The first ``do`` runs it in one write
transaction while the change log records every row it touches; ``undo`` and redo replay that
record backwards and forwards, so any edit — cascades included — is undoable without writing
an inverse by hand. Every run also writes the history table in the same transaction.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable

from db.connection import Database

from db import authorship, change_log
from db.store import write_transaction


@dataclass(frozen=True)
class Changes:
    """What an edit touched: table name -> ids of touched rows (empty for link tables)."""

    rows: dict[str, frozenset[int]] = field(default_factory=dict)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    def touches(self, *tables: str) -> bool:
        return any(t in self.rows for t in tables)

    @classmethod
    def of(cls, entries: list[change_log.Entry]) -> "Changes":
        rows: dict[str, set[int]] = {}
        for entry in entries:
            row = entry.new or entry.old
            ids = rows.setdefault(entry.table, set())
            if "id" in row:
                ids.add(row["id"])
        return cls({t: frozenset(ids) for t, ids in rows.items()})


_HISTORY_ACTION = {"insert": "create", "update": "update", "delete": "delete"}


def _write_history(db: Database, label: str, entries: list[change_log.Entry]) -> None:
    author = authorship.current_id(db)
    db.conn.executemany(
        "INSERT INTO history (edit, action, table_name, row_id, record_uuid, before_json, after_json, author_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                label,
                _HISTORY_ACTION[e.action],
                e.table,
                (e.new or e.old).get("id"),
                (e.new or e.old).get("uuid"),
                json.dumps(e.old, ensure_ascii=False) if e.old else None,
                json.dumps(e.new, ensure_ascii=False) if e.new else None,
                author,
            )
            for e in entries
        ],
    )


class Op:
    """One undoable edit. ``result`` holds what the edit function returned (e.g. a new id)."""

    def __init__(self, label: str, edit: Callable[[Database], Any]):
        self.label = label
        self._edit = edit
        self._entries: list[change_log.Entry] | None = None
        self.result: Any = None

    def do(self, db: Database) -> Changes:
        change_log.install(db)
        with write_transaction(db):
            change_log.take(db)  # drop anything a failed edit left behind
            if self._entries is None:
                self.result = self._edit(db)
                entries = authorship.stamp(db, change_log.take(db))
            else:
                change_log.apply_forward(db, self._entries)
                entries = change_log.take(db)
            _write_history(db, self.label, entries)
        if self._entries is None:
            self._entries = entries
        return Changes.of(self._entries)

    def undo(self, db: Database) -> Changes:
        if self._entries is None:
            raise RuntimeError(f"cannot undo {self.label!r}: it was never done")
        change_log.install(db)
        with write_transaction(db):
            change_log.take(db)
            change_log.apply_backward(db, self._entries)
            _write_history(db, f"Undo {self.label}", change_log.take(db))
        return Changes.of(self._entries)


def run(db: Database, op: Op) -> Any:
    """Do an op outside any undo stack (the command line) and return its result."""
    op.do(db)
    return op.result
