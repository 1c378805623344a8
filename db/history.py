"""The history table: what every edit created, changed or deleted, with the values before and
after — one row per record an edit touched.

The change log holds every row event in order, which undo needs; history wants the record's
story in that edit. A record updated twice in one edit (the edit, then the ``*_touch`` trigger
setting ``modified_at``) is one "update" from its first "before" to its last "after"; a record
created and then changed is one "create" with its final values; created and deleted within the
edit, it leaves no row.
"""
from __future__ import annotations

import json

from db.change_log import Entry
from db.connection import Database

_ACTION = {"insert": "create", "update": "update", "delete": "delete"}


def _key(entry: Entry) -> tuple:
    row = entry.new or entry.old
    # link tables have no id: their whole row is their key
    return (entry.table, row["id"]) if "id" in row else (entry.table, tuple(sorted(row.items())))


def by_record(entries: list[Entry]) -> list[Entry]:
    """One entry per record touched, in the order they were first touched."""
    merged: dict[tuple, Entry] = {}
    for entry in entries:
        key = _key(entry)
        first = merged.get(key)
        if first is None:
            merged[key] = entry
            continue
        action = first.action
        if entry.action == "delete":
            action = None if first.action == "insert" else "delete"
        elif first.action == "delete":  # deleted, then put back: a change from before to after
            action = "update"
        merged[key] = Entry(entry.table, action, first.old, entry.new)
    return [entry for entry in merged.values() if entry.action is not None and not _unchanged(entry)]


def _unchanged(entry: Entry) -> bool:
    return entry.action == "update" and entry.old == entry.new


def record(db: Database, label: str, entries: list[Entry]) -> None:
    """Write the history rows of one edit (inside its transaction)."""
    db.conn.executemany(
        "INSERT INTO history (edit, action, table_name, row_id, record_uuid, before_json, after_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(label, _ACTION[e.action], e.table, (e.new or e.old).get("id"), (e.new or e.old).get("uuid"),
          json.dumps(e.old, ensure_ascii=False) if e.old else None,
          json.dumps(e.new, ensure_ascii=False) if e.new else None)
         for e in by_record(entries)])
