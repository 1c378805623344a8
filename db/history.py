"""The history table: what every edit created, changed or deleted, with the values before and
after — one row per record an edit touched — and those rows read back as words.

Writing (``record``, inside the edit's transaction, from ``db.ops``): the change log holds every
row event in order, which undo needs; history wants the record's story in that edit. A record
updated twice in one edit (the edit, then the ``*_touch`` trigger setting ``modified_at``) is one
"update" from its first "before" to its last "after"; a record created and then changed is one
"create" with its final values; created and deleted within the edit, it leaves no row.

Reading: the rows of one edit turned into words: "event “Bridge closed to traffic”: title, date".
The author is named when the project records authors (the ``authors`` table and
``history.author_id``), and left out when it does not.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from db import authorship
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
    """Write the history rows of one edit (inside its transaction), signed by the current author."""
    author = authorship.current_id(db)
    db.conn.executemany(
        "INSERT INTO history (edit, action, table_name, row_id, record_uuid, before_json, after_json, author_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(label, _ACTION[e.action], e.table, (e.new or e.old).get("id"), (e.new or e.old).get("uuid"),
          json.dumps(e.old, ensure_ascii=False) if e.old else None,
          json.dumps(e.new, ensure_ascii=False) if e.new else None, author)
         for e in by_record(entries)])


# What a record is called, and the field that names it.
_RECORDS = {"events": ("event", "title"), "sources": ("source", "title"), "entities": ("entity", "name"),
            "annotations": ("highlight", "exact"), "citations": ("citation", "quote"), "tags": ("tag", "name"),
            "entity_aliases": ("alias", "alias"), "source_creators": ("creator", "family"), "eras": ("era", "name")}
# Link rows change a field of the record they belong to.
_LINKS = {"event_tags": ("events", "event_id", "tags"), "event_entities": ("events", "event_id", "entities"),
          "annotation_tags": ("annotations", "annotation_id", "tags")}
# Columns the store derives or stamps: a change to them is not a change the user made.
_DERIVED = {"id", "uuid", "created_at", "modified_at", "created_by", "modified_by", "start_s", "end_s",
            "fuzzy_start_s", "fuzzy_end_s", "date_precision", "first_reported_s", "first_reported_edtf",
            "claimed_earliest_s", "claimed_latest_s", "issued_start_s", "prefix", "suffix"}
NAME_CHARS = 60
SHOWN_RECORDS = 3


@dataclass(frozen=True)
class EditSummary:
    label: str  # the edit as the undo stack names it ("Edit event")
    records: tuple[str, ...]  # 'event “Bridge closed to traffic”: title, date'
    at: str  # ISO 8601 UTC, as the history table has it
    author: str | None

    def words(self) -> str:
        shown = "; ".join(self.records[:SHOWN_RECORDS])
        more = len(self.records) - SHOWN_RECORDS
        return shown + (f"; and {more} more" if more > 0 else "")


def newest_history_id(db: Database) -> int:
    return db.conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0]


def events_created_since(db: Database, after_id: int) -> tuple[list[int], int]:
    """The events created (or brought back by an undo) in history rows after ``after_id``, and the
    newest history row now (read from the history table: the events' own pages are not touched)."""
    rows = db.conn.execute("SELECT id, row_id, table_name, action FROM history WHERE id > ? ORDER BY id",
                           (after_id,)).fetchall()
    created = [row_id for _, row_id, table, action in rows if table == "events" and action == "create"]
    return created, (rows[-1][0] if rows else after_id)


def edit_since(db: Database, after_id: int) -> EditSummary | None:
    """The edit whose history rows come after row ``after_id`` (None when there are none)."""
    authors = _has_authors(db)
    author = ("(SELECT name FROM authors a WHERE a.id = h.author_id)" if authors else "NULL")
    rows = db.conn.execute(
        f"SELECT edit, action, table_name, row_id, before_json, after_json, at, {author} FROM history h"
        " WHERE id > ? ORDER BY id", (after_id,)).fetchall()
    if not rows:
        return None
    changed: dict[tuple[str, int | None], dict] = {}
    for _, action, table, row_id, before_json, after_json, _, _ in rows:
        before, after = json.loads(before_json or "{}"), json.loads(after_json or "{}")
        if table in _LINKS:
            owner, key, field = _LINKS[table]
            record = changed.setdefault((owner, (after or before).get(key)), {"action": "update", "fields": []})
            _add(record["fields"], field)
            continue
        record = changed.setdefault((table, row_id), {"action": action, "fields": []})
        if action != "update":  # created or deleted: what its links did is part of that
            record["action"] = action
        record["values"] = after or before
        if action == "update":
            for field in after:
                if field not in _DERIVED and after.get(field) != before.get(field):
                    _add(record["fields"], field)
    names = [_describe(db, table, row_id, record) for (table, row_id), record in changed.items()]
    first = rows[0]
    return EditSummary(first[0], tuple(n for n in names if n), first[6], first[7])


def _add(fields: list[str], field: str) -> None:
    words = field.removesuffix("_edtf").replace("_", " ")
    if words not in fields:
        fields.append(words)


def _describe(db: Database, table: str, row_id, record: dict) -> str:
    if table not in _RECORDS:
        return ""
    kind, naming = _RECORDS[table]
    values = record.get("values") or _current(db, table, row_id)
    name = " ".join(str(values.get(naming) or "").split())
    if len(name) > NAME_CHARS:
        name = name[:NAME_CHARS - 1].rstrip() + "…"
    named = f"{kind} “{name}”" if name else kind
    if record["action"] == "create":
        return f"new {named}"
    if record["action"] == "delete":
        return f"deleted {named}"
    return f"{named}: {', '.join(record['fields'])}" if record["fields"] else ""


def _current(db: Database, table: str, row_id) -> dict:
    if row_id is None:
        return {}
    cursor = db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row)) if row else {}


def _has_authors(db: Database) -> bool:
    columns = {row[1] for row in db.conn.execute("PRAGMA table_info(history)")}
    tables = db.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'authors'").fetchone()
    return "author_id" in columns and tables is not None
