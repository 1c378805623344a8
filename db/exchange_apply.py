"""Applying a teammate's changes: SQLite's session extension finds what applies and what conflicts.

The changes arrive as a changeset over the exchange schema (uuid keys, see ``exchange_schema``).
The records they touch are copied, in exchange form, into an in-memory *mirror*; the changeset is
applied to the mirror with a conflict handler while a session records what really changed there.
SQLite calls the handler exactly where this copy differs from the base the sender edited from:

- an update whose old values are not ours (DATA): per column, ours unchanged since the base takes
  theirs, equal values agree, and a column both sides changed differently is a **conflict**;
- a delete of a record we changed since (DATA): a conflict, "deleted there, changed here";
- an update of a record we deleted (NOTFOUND, with a deletion in our history): a conflict,
  "deleted here, changed there";
- an insert of a record we have (CONFLICT): we have it already.

The session's changeset of the mirror is then what to do here, done in one edit through ids of
this copy. Conflicts are kept (``review``), or settled for ours or theirs, never silently.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import apsw
from db.connection import Database

from db import exchange_conflicts as conflicts
from db.exchange_schema import TABLES, ExchangeSchema, MissingParent, NATURAL_KEYS

POLICIES = ("review", "mine", "theirs")
RECORD = conflicts.RECORD


@dataclass
class Outcome:
    created: int = 0
    changed: int = 0
    deleted: int = 0
    unknown: int = 0  # changes to records this copy never had
    conflicts: list[conflicts.Conflict] = field(default_factory=list)

    def summary(self) -> dict:
        return {"created": self.created, "changed": self.changed, "deleted": self.deleted, "unknown": self.unknown,
                "conflicts": len(self.conflicts)}


def _keys(changeset: bytes) -> dict[str, set[tuple]]:
    out: dict[str, set[tuple]] = {}
    for change in apsw.Changeset.iter(changeset):
        row = change.new if change.op == "INSERT" else change.old
        out.setdefault(change.name, set()).add(tuple(row[i] for i in sorted(change.pk_columns)))
    return out


_UNKNOWN = object()  # a base value nobody knows: differs from every value


class _Merge:
    """The mirror and the conflict handler's findings."""

    def __init__(self, schema: ExchangeSchema, file_id: str, notes: dict):
        self.schema = schema
        self.file_id = file_id
        self.deleted_by = {u: tuple(v) for u, v in notes.get("deleted_by", {}).items()}
        self.versions = {u: set(v) for u, v in notes.get("versions", {}).items()}
        self.mirror = apsw.Connection(":memory:")
        self.takes: list[tuple[str, tuple, dict]] = []  # (table, key, column -> theirs)
        self.conflicts: list[conflicts.Conflict] = []
        self.unknown = 0
        self.deleted: set[tuple[str, str]] = set()  # (table, uuid) of the records the changes delete

    def load(self, changeset: bytes) -> None:
        self.deleted = {(c.name, c.old[0]) for c in apsw.Changeset.iter(changeset) if c.op == "DELETE"}
        for table, keys in _keys(changeset).items():
            spec = self.schema.tables.get(table)
            if spec is None:
                continue
            self.mirror.execute(spec.create_sql())
            rows = self.schema.current_rows(table, list(keys))
            marks = ", ".join("?" for _ in spec.columns)
            self.mirror.executemany(f'INSERT INTO "{table}" VALUES ({marks})', list(rows.values()))

    def handle(self, reason: int, change: apsw.TableChange) -> int:
        spec = self.schema.tables.get(change.name)
        if spec is None or spec.is_link:
            return apsw.SQLITE_CHANGESET_OMIT  # a link is there or not: both sides agree on that
        if reason == apsw.SQLITE_CHANGESET_DATA and change.op == "UPDATE":
            self._compare(spec, change.old, change.new, change.conflict)
        elif reason == apsw.SQLITE_CHANGESET_CONFLICT and change.op == "INSERT":
            # a record we have already (made before the copies parted, or sent before): what
            # differs is compared with the last version both copies had
            self._compare(spec, self._common_version(spec, change.conflict), change.new, change.conflict)
        elif reason == apsw.SQLITE_CHANGESET_DATA and change.op == "DELETE":
            if not self._deleted_there(spec, change):
                return apsw.SQLITE_CHANGESET_REPLACE  # nothing of ours would be lost: delete it
        elif reason == apsw.SQLITE_CHANGESET_NOTFOUND and change.op == "UPDATE":
            self._deleted_here(spec, change)
        # else: a delete of a record we deleted too: nothing to do
        return apsw.SQLITE_CHANGESET_OMIT

    def admit(self, change: apsw.TableChange) -> bool:
        """Whether SQLite should apply a change to the mirror as it is. A record we deleted comes
        back only by a choice: if they changed it since the last version both had, that is a
        conflict ("deleted here, changed there"); if not, it stays deleted."""
        spec = self.schema.tables.get(change.name)
        if spec is None:
            return False
        if change.op == "DELETE":
            # a row deleted with its parent goes with the parent here too, by the cascade, and
            # stays if the parent's deletion is a conflict kept for review
            old = dict(zip(spec.columns, change.old))
            return not any((fk.parent, old[fk.exchange_column]) in self.deleted for fk in spec.foreign_keys)
        if change.op != "INSERT" or spec.is_link:
            return True
        uuid = change.new[0]
        deletion = conflicts.deletion_here(self.schema.db, uuid)
        if deletion is None or self.schema.id_of(spec.name, uuid) is not None:
            return True
        theirs = tuple(change.new)
        base = self._common_version(spec, None, uuid)
        if base is not None and spec.fingerprint(base) == spec.fingerprint(theirs):
            return False
        changed = {c: v for c, v, b in zip(spec.columns, theirs, base or (_UNKNOWN,) * len(theirs))
                   if c in spec.compared and v != b}
        values = dict(zip(spec.columns, theirs))
        self.conflicts.append(conflicts.Conflict(
            spec.name, uuid, RECORD, None, changed, deletion[0], deletion[1], values.get("modified_by"),
            values.get("modified_at"), {"deleted": "here", "values": values}, self.file_id))
        return False

    def _common_version(self, spec, mine: tuple | None, uuid: str | None = None) -> tuple | None:
        """Our record as it was in the last version the sender also had (found by its
        fingerprint among theirs); None when there is none."""
        uuid = mine[0] if mine is not None else uuid
        theirs = self.versions.get(uuid, set())
        if mine is not None and spec.fingerprint(mine) in theirs:
            return mine
        for text in conflicts.versions_here(self.schema.db, uuid):
            row = self.schema.to_exchange(spec.name, json.loads(text))
            if spec.fingerprint(row) in theirs:
                return row
        return None

    def _compare(self, spec, old: tuple | None, new: tuple, mine: tuple) -> None:
        """Per column: ours unchanged since ``old`` (the base) takes theirs; the same change is
        nothing; different changes on both sides are a conflict (always, without a base)."""
        cols = spec.columns
        old = old or (_UNKNOWN,) * len(cols)
        key = tuple(mine[cols.index(c)] for c in spec.key_columns)
        take: dict = {}
        mine_row = dict(zip(cols, mine))
        their_at, their_by = (new[cols.index(c)] for c in ("modified_at", "modified_by"))
        their_at = None if their_at is apsw.no_change else their_at
        their_by = None if their_by is apsw.no_change else their_by
        for i, column in enumerate(cols):
            if new[i] is apsw.no_change or column not in spec.compared or mine[i] == new[i] or new[i] == old[i]:
                continue  # theirs unchanged since the base, or the same as ours
            if mine[i] == old[i]:
                take[column] = new[i]
                take.update({f: new[cols.index(f)] for f in spec.followers_of(column)
                             if new[cols.index(f)] is not apsw.no_change})
            else:
                followers = {f: new[cols.index(f)] for f in spec.followers_of(column)
                             if new[cols.index(f)] is not apsw.no_change}
                self.conflicts.append(conflicts.Conflict(
                    spec.name, key[0], column, mine[i], new[i], mine_row.get("modified_by"), mine_row.get("modified_at"),
                    their_by, their_at, {"followers": followers}, self.file_id))
        if take and (their_at or "") > (mine_row.get("modified_at") or ""):
            take.update(modified_at=their_at, modified_by=their_by)
        if take:
            self.takes.append((spec.name, key, take))

    def _deleted_there(self, spec, change) -> bool:
        """Whether their deletion of a record we changed since is a conflict (recorded if so)."""
        cols = spec.columns
        mine = dict(zip(cols, change.conflict))
        base = dict(zip(cols, change.old))
        if spec.fingerprint(change.conflict) in self.versions.get(mine["uuid"], ()):
            return False  # they had the very version we hold, and deleted it
        ours = {c: mine[c] for c in spec.compared if mine[c] != base[c]}
        if not ours and mine.get("modified_at") == base.get("modified_at"):
            return False
        by, at = self.deleted_by.get(mine["uuid"], (None, None))
        self.conflicts.append(conflicts.Conflict(
            spec.name, mine["uuid"], RECORD, ours or "changed", None, mine.get("modified_by"), mine.get("modified_at"),
            by, at, {"deleted": "there"}, self.file_id))
        return True

    def _deleted_here(self, spec, change) -> None:
        cols = spec.columns
        uuid = change.old[cols.index("uuid")]
        deletion = conflicts.deletion_here(self.schema.db, uuid)
        if deletion is None:
            self.unknown += 1
            return
        theirs = {c: v for c, v in zip(cols, change.new) if v is not apsw.no_change and c in spec.compared}
        values = {c: v for c, v in zip(cols, change.new) if v is not apsw.no_change}
        self.conflicts.append(conflicts.Conflict(
            spec.name, uuid, RECORD, None, theirs, deletion[0], deletion[1],
            values.get("modified_by"), values.get("modified_at"), {"deleted": "here", "values": values}, self.file_id))


def apply_changeset(db: Database, changeset: bytes, file_id: str, notes: dict, policy: str) -> Outcome:
    """Inside an edit: apply ``changeset`` (exchange schema) to this copy. Conflicts are settled
    by ``policy`` (mine, theirs) or kept for review."""
    schema = ExchangeSchema(db)
    merge = _Merge(schema, file_id, notes)
    merge.load(changeset)
    session = apsw.Session(merge.mirror, "main")
    session.attach()
    apsw.Changeset.apply(changeset, merge.mirror, filter_change=merge.admit, conflict=merge.handle)
    for table, key, values in merge.takes:
        spec = schema.tables[table]
        sets = ", ".join(f'"{c}" = ?' for c in values)
        where = " AND ".join(f'"{c}" = ?' for c in spec.key_columns)
        merge.mirror.execute(f'UPDATE "{table}" SET {sets} WHERE {where}', [*values.values(), *key])
    net = session.changeset()
    session.close()
    outcome = Outcome(unknown=merge.unknown)
    dependents: dict[tuple[str, str], list] = {}
    _do_here(schema, net, outcome, dependents)
    found = merge.conflicts + _dependent_conflicts(db, schema, dependents, merge.conflicts, file_id, outcome)
    outcome.conflicts = found
    if policy == "theirs":
        for conflict in found:
            conflicts.take_theirs(db, schema, conflict)
    elif policy == "review":
        conflicts.keep(db, found)
    return outcome


def _ordered(net: bytes) -> list[tuple[str, str, tuple | None, tuple | None]]:
    """The mirror's net changes as (table, op, old, new): parents' inserts and updates first,
    then deletes."""
    changes = [(c.name, c.op, c.old, c.new) for c in apsw.Changeset.iter(net)]
    order = {t: i for i, t in enumerate(TABLES)}
    writes = sorted((c for c in changes if c[1] != "DELETE"), key=lambda c: order.get(c[0], len(order)))
    deletes = sorted((c for c in changes if c[1] == "DELETE"), key=lambda c: -order.get(c[0], 0))
    return writes + deletes


def _do_here(schema: ExchangeSchema, net: bytes, outcome: Outcome, dependents: dict) -> None:
    db = schema.db
    for table, op, old, new in _ordered(net):
        spec = schema.tables[table]
        cols = spec.columns
        if op == "INSERT":
            values = dict(zip(cols, new))
            try:
                if spec.is_link:
                    ids = [schema.id_of(fk.parent, values[fk.exchange_column]) for fk in spec.foreign_keys]
                    missing = [(fk.parent, values[fk.exchange_column]) for fk, i in zip(spec.foreign_keys, ids) if i is None]
                    if missing:
                        raise MissingParent(*missing[0])
                    names = ", ".join(fk.column for fk in spec.foreign_keys)
                    db.conn.execute(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({', '.join('?' for _ in ids)})", ids)
                    continue
                if _matched_by_name(schema, table, values):
                    continue
                local = schema.to_local(table, values)
            except MissingParent as missing:
                dependents.setdefault((missing.table, missing.uuid), []).append([table, values])
                continue
            conflicts.insert_row(db, table, local)
            schema.remember(table, values["uuid"], db.conn.execute(f"SELECT id FROM {table} WHERE uuid = ?",
                                                                    (values["uuid"],)).fetchone()[0])
            outcome.created += 1
        elif op == "UPDATE":
            values = {c: v for c, v in zip(cols, new) if v is not apsw.no_change}
            row_id = schema.id_of(table, old[cols.index("uuid")])
            try:
                local = schema.to_local(table, values)
            except MissingParent:
                outcome.unknown += 1
                continue
            conflicts.update_row(db, table, row_id, local)
            outcome.changed += 1
        else:
            values = dict(zip(cols, old))
            if spec.is_link:
                ids = [schema.id_of(fk.parent, values[fk.exchange_column]) for fk in spec.foreign_keys]
                where = " AND ".join(f"{fk.column} = ?" for fk in spec.foreign_keys)
                db.conn.execute(f"DELETE FROM {table} WHERE {where}", ids)
                continue
            if db.conn.execute(f"DELETE FROM {table} WHERE uuid = ?", (values["uuid"],)).rowcount:
                outcome.deleted += 1
            schema.forget(table, values["uuid"])


def _matched_by_name(schema: ExchangeSchema, table: str, values: dict) -> bool:
    """A new tag or entity whose name this copy already has is that record here."""
    column = NATURAL_KEYS.get(table)
    if column is None:
        return False
    row = schema.db.conn.execute(f"SELECT id FROM {table} WHERE {column} = ? COLLATE NOCASE",
                                 (values[column],)).fetchone()
    if row is None:
        return False
    schema.remember(table, values["uuid"], row[0])
    return True


def _dependent_conflicts(db, schema, dependents: dict, found: list, file_id: str, outcome: Outcome) -> list:
    """New rows hanging from a record deleted here (a citation of an event we deleted) join that
    record's "deleted here" conflict, made for them if their sender did not change it."""
    extra = []
    by_record = {(c.table, c.uuid): c for c in found if c.field == RECORD and c.detail.get("deleted") == "here"}
    for (table, uuid), rows in dependents.items():
        # rows we deleted with their parent (its links, its citations) stay deleted with it
        rows = [(t, row) for t, row in rows
                if not schema.tables[t].is_link and conflicts.deletion_here(db, row["uuid"]) is None]
        if not rows:
            continue
        conflict = by_record.get((table, uuid))
        if conflict is None:
            deletion = conflicts.deletion_here(db, uuid)
            if deletion is None:
                outcome.unknown += len(rows)
                continue
            conflict = conflicts.Conflict(table, uuid, RECORD, None, {}, deletion[0], deletion[1],
                                          rows[0][1].get("created_by"), rows[0][1].get("created_at"),
                                          {"deleted": "here", "values": {}}, file_id)
            by_record[(table, uuid)] = conflict
            extra.append(conflict)
        conflict.detail.setdefault("dependents", []).extend(rows)
    return extra


def encode(value) -> str:
    return json.dumps(value, ensure_ascii=False)
