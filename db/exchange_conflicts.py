"""Conflicts between this copy and a teammate's changes: kept for review, settled one by one.

A conflict is one field both sides changed differently, or a whole record (``field`` is
``(record)``) one side deleted while the other changed it. Each carries both values, both
authors and times, and what taking theirs needs (the columns that follow a date; their values
and the new rows hanging from a record deleted here, to restore it with).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from db.connection import Database

from db.errors import SourcelineError
from db.exchange_schema import ExchangeSchema, MissingParent
from db.ops import Op

RECORD = "(record)"
MINE, THEIRS = "mine", "theirs"


@dataclass
class Conflict:
    table: str
    uuid: str
    field: str
    mine: object  # our value; for a record: our changed values, or None when we deleted it
    theirs: object  # their value; for a record: their changed values, or None when they deleted it
    my_author: str | None
    my_at: str | None
    their_author: str | None
    their_at: str | None
    detail: dict = field(default_factory=dict)
    file_id: str = ""
    id: int | None = None  # once kept

    def as_json(self, names: dict[str, str] | None = None) -> dict:
        names = names or {}
        return {
            "id": self.id, "table": self.table, "uuid": self.uuid, "field": self.field,
            "mine": self.mine, "theirs": self.theirs,
            "deleted": self.detail.get("deleted"),
            "my_author": names.get(self.my_author, self.my_author), "my_at": self.my_at,
            "their_author": names.get(self.their_author, self.their_author), "their_at": self.their_at,
        }


def keep(db: Database, found: list[Conflict]) -> None:
    """Inside an edit: keep conflicts for review (a conflict already kept is replaced)."""
    for conflict in found:
        db.conn.execute("DELETE FROM exchange_conflicts WHERE table_name = ? AND record_uuid = ? AND field = ?",
                        (conflict.table, conflict.uuid, conflict.field))
        conflict.id = db.conn.execute(
            "INSERT INTO exchange_conflicts (file_id, table_name, record_uuid, field, mine_json, theirs_json,"
            " my_author_id, my_at, their_author_id, their_at, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (conflict.file_id, conflict.table, conflict.uuid, conflict.field, json.dumps(conflict.mine),
             json.dumps(conflict.theirs), conflict.my_author, conflict.my_at, conflict.their_author, conflict.their_at,
             json.dumps(conflict.detail)),
        ).lastrowid


def pending(db: Database) -> list[Conflict]:
    """The conflicts waiting for review, oldest first."""
    rows = db.conn.execute(
        "SELECT id, file_id, table_name, record_uuid, field, mine_json, theirs_json, my_author_id, my_at,"
        " their_author_id, their_at, detail_json FROM exchange_conflicts ORDER BY id").fetchall()
    return [Conflict(t, u, f, json.loads(m), json.loads(th), ma, mat, ta, tat, json.loads(d or "{}"), fid, cid)
            for cid, fid, t, u, f, m, th, ma, mat, ta, tat, d in rows]


def pending_count(db: Database) -> int:
    return db.conn.execute("SELECT count(*) FROM exchange_conflicts").fetchone()[0]


def record_title(db: Database, table: str, uuid: str) -> str:
    """What a person calls the record: an event's title, a source's, a highlight's quote..."""
    column = {"events": "title", "sources": "title", "annotations": "exact", "citations": "quote", "entities": "name",
              "tags": "name", "entity_aliases": "alias"}.get(table)
    if column:
        row = db.conn.execute(f"SELECT {column} FROM {table} WHERE uuid = ?", (uuid,)).fetchone()
        if row is not None:
            return row[0]
    deletion = db.conn.execute("SELECT before_json FROM history WHERE record_uuid = ? AND action = 'delete'"
                               " ORDER BY id DESC LIMIT 1", (uuid,)).fetchone()
    if deletion and column:
        return json.loads(deletion[0]).get(column) or uuid
    return uuid


def deletion_here(db: Database, uuid: str) -> tuple[str | None, str] | None:
    """Who deleted the record with this uuid here, and when (None: it was never deleted here)."""
    row = db.conn.execute("SELECT author_id, at FROM history WHERE record_uuid = ? AND action = 'delete'"
                          " ORDER BY id DESC LIMIT 1", (uuid,)).fetchone()
    return (row[0], row[1]) if row else None


def versions_here(db: Database, uuid: str):
    """Every version of a record this copy's history holds (JSON, the project's form), newest first."""
    for before, after in db.conn.execute("SELECT before_json, after_json FROM history WHERE record_uuid = ?"
                                         " ORDER BY id DESC", (uuid,)):
        yield from (text for text in (after, before) if text)


# -- writing rows (the apply and the settling of conflicts) ----------------------------------------

def insert_row(db: Database, table: str, local: dict) -> None:
    cols = list(local)
    db.conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                    [local[c] for c in cols])


def update_row(db: Database, table: str, row_id: int, local: dict) -> None:
    if not local or row_id is None:
        return
    sets = ", ".join(f"{c} = ?" for c in local)
    db.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*local.values(), row_id])


def restore(db: Database, schema: ExchangeSchema, table: str, uuid: str) -> int:
    """Inside an edit: bring back a record deleted here, as it was when deleted (its parents too,
    if they went with it). Returns its id."""
    present = schema.id_of(table, uuid)
    if present is not None:
        return present
    row = db.conn.execute("SELECT before_json FROM history WHERE record_uuid = ? AND action = 'delete'"
                          " ORDER BY id DESC LIMIT 1", (uuid,)).fetchone()
    if row is None:
        raise SourcelineError(f"cannot bring back {table} {uuid}: this copy never had it")
    local = json.loads(row[0])
    spec = schema.tables[table]
    for fk in spec.foreign_keys:
        parent_uuid = schema.uuid_of(fk.parent, local.get(fk.column))
        if parent_uuid is not None:
            local[fk.column] = restore(db, schema, fk.parent, parent_uuid)
    if db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (local["id"],)).fetchone():
        del local["id"]  # its id was taken since
    local = {c: v for c, v in local.items() if c in spec.local_columns or c == "id"}
    insert_row(db, table, local)
    row_id = db.conn.execute(f"SELECT id FROM {table} WHERE uuid = ?", (uuid,)).fetchone()[0]
    schema.remember(table, uuid, row_id)
    return row_id


def take_theirs(db: Database, schema: ExchangeSchema, conflict: Conflict) -> None:
    """Inside an edit: settle one conflict their way."""
    if conflict.field != RECORD:
        row_id = schema.id_of(conflict.table, conflict.uuid)
        values = {conflict.field: conflict.theirs, **conflict.detail.get("followers", {})}
        if conflict.their_author:
            values.update(modified_by=conflict.their_author, modified_at=conflict.their_at)
        update_row(db, conflict.table, row_id, schema.to_local(conflict.table, values))
    elif conflict.detail.get("deleted") == "there":
        db.conn.execute(f"DELETE FROM {conflict.table} WHERE uuid = ?", (conflict.uuid,))
        schema.forget(conflict.table, conflict.uuid)
    else:
        row_id = restore(db, schema, conflict.table, conflict.uuid)
        values = {c: v for c, v in conflict.detail.get("values", {}).items() if c != "uuid"}
        try:
            update_row(db, conflict.table, row_id, schema.to_local(conflict.table, values))
            for table, row in conflict.detail.get("dependents", []):
                _insert_dependent(db, schema, table, row)
        except MissingParent as missing:
            raise SourcelineError(f"cannot bring back {conflict.table} {conflict.uuid}: "
                                  f"it needs {missing.table} {missing.uuid}, which this copy never had") from missing


def _insert_dependent(db: Database, schema: ExchangeSchema, table: str, row: dict) -> None:
    spec = schema.tables[table]
    for fk in spec.foreign_keys:
        if row.get(fk.exchange_column) is not None and schema.id_of(fk.parent, row[fk.exchange_column]) is None:
            restore(db, schema, fk.parent, row[fk.exchange_column])
    local = schema.to_local(table, row)
    if spec.is_link:
        names = list(local)
        db.conn.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                        list(local.values()))
    elif schema.id_of(table, row["uuid"]) is None:
        insert_row(db, table, local)


def settle(choices: dict[int, str]) -> Op:
    """Settle kept conflicts (id -> mine or theirs) in one undoable step."""
    bad = {c for c in choices.values() if c not in (MINE, THEIRS)}
    if bad:
        raise SourcelineError(f"a conflict is settled as mine or theirs, not {', '.join(sorted(bad))}")

    def edit(db: Database) -> int:
        schema = ExchangeSchema(db)
        kept = {c.id: c for c in pending(db)}
        unknown = set(choices) - set(kept)
        if unknown:
            raise SourcelineError(f"no conflict {min(unknown)} is waiting for review")
        for conflict_id, choice in sorted(choices.items()):
            if choice == THEIRS:
                take_theirs(db, schema, kept[conflict_id])
            db.conn.execute("DELETE FROM exchange_conflicts WHERE id = ?", (conflict_id,))
        return len(choices)

    count = len(choices)
    return Op(f"Settle {count} conflict{'s' if count != 1 else ''}", edit)
