"""Reversible edits as small objects: ``do(db) -> Changes``, ``undo(db) -> Changes``.

An ``Op`` wraps a plain function that edits the project. The first ``do`` runs it in one write
transaction while the change log records every row it touches; ``undo`` and redo replay that
record backwards and forwards, so any edit — cascades included — is undoable without writing
an inverse by hand. Every run also writes the history table in the same transaction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from db.connection import Database

from db import authorship, change_log, history
from db.store import write_transaction


@dataclass(frozen=True)
class Changes:
    """What an edit touched: table name -> ids of touched rows. An empty set says "rows of this
    table, which ones unknown" (link tables, which have no ids; a bulk import; another program).

    ``initiator`` is who asked for the edit (a widget, or None for undo, redo and the store's own
    work), so that a view can tell its own edit from another's (Anki's ``OpChanges`` handler)."""

    rows: dict[str, frozenset[int]] = field(default_factory=dict)
    initiator: Any = field(default=None, compare=False)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    def touches(self, *tables: str) -> bool:
        return any(t in self.rows for t in tables)

    def may_touch(self, table: str, row_id: int) -> bool:
        """Whether row ``row_id`` of ``table`` may have changed: it is named, or the table is
        touched without ids."""
        ids = self.rows.get(table)
        return ids is not None and (not ids or row_id in ids)

    def by(self, initiator) -> "Changes":
        return Changes(self.rows, initiator)

    @classmethod
    def of(cls, entries: list[change_log.Entry]) -> "Changes":
        rows: dict[str, set[int]] = {}
        for entry in entries:
            row = entry.new or entry.old
            ids = rows.setdefault(entry.table, set())
            if "id" in row:
                ids.add(row["id"])
        return cls({t: frozenset(ids) for t, ids in rows.items()})


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
            history.record(db, self.label, entries)
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
            history.record(db, f"Undo {self.label}", change_log.take(db))
        return Changes.of(self._entries)


def run(db: Database, op: Op) -> Any:
    """Do an op outside any undo stack (the command line) and return its result."""
    op.do(db)
    return op.result
