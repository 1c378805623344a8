"""Who did what: the author an edit is made by, stamped on the records it touches.

The author belongs to a connection (``use``): the window's session and each command set it when
they open the project. An edit (``db.ops.Op``) then stamps ``created_by`` / ``modified_by`` on the
records it created or changed and writes the author on its history rows. The stamped values are
folded into the edit's change-log entries, so undo and redo restore them with everything else.
A connection with no author set (another program, a test of the store alone) stamps nothing.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass

from db.connection import Database

from db import change_log
from db.migrations import RECORD_TABLES

# The tables whose records carry created_by / modified_by: the record tables, and the eras since
# m012 (m008, which added the columns to the others, named its tables by RECORD_TABLES).
AUTHORED_TABLES = (*RECORD_TABLES, "eras")

# A change to a link row counts as a change to the record that owns it (tagging an event changes
# the event): link table -> (owner table, column holding the owner's id).
_LINK_OWNERS = {
    "event_tags": ("events", "event_id"),
    "event_entities": ("events", "event_id"),
    "annotation_tags": ("annotations", "annotation_id"),
}


@dataclass(frozen=True)
class Author:
    id: str
    name: str


def use(db: Database, author: Author | None, stamps: bool = True) -> None:
    """Make ``author`` the author of every edit made on this connection from now on (of the
    history rows only, with ``stamps`` false: the edits carry their records' authors themselves)."""
    pending = db.conn.in_transaction
    db.conn.execute("CREATE TEMP TABLE IF NOT EXISTS sourceline_author"
                    " (id TEXT NOT NULL, name TEXT NOT NULL, stamps INTEGER NOT NULL)")
    db.conn.execute("DELETE FROM temp.sourceline_author")
    if author is not None:
        db.conn.execute("INSERT INTO temp.sourceline_author VALUES (?, ?, ?)", (author.id, author.name, int(stamps)))
    if not pending and db.conn.in_transaction:
        # the sqlite3 module opened a transaction for these writes (to the temp schema only): end
        # it, or the next edit's BEGIN IMMEDIATE would find itself inside it
        db.conn.commit()


@contextmanager
def carried(db: Database, author: Author | None):
    """Edits inside keep the authors their records already name (changes received from a
    teammate: Ana's edit stays Ana's); their history rows name ``author``. The connection's own
    author is back afterwards."""
    mine = current(db)
    use(db, author, stamps=False)
    try:
        yield
    finally:
        use(db, mine)


def _stamps(db: Database) -> bool:
    row = db.conn.execute("SELECT stamps FROM temp.sourceline_author").fetchone()
    return bool(row and row[0])


def current(db: Database) -> Author | None:
    """The author set on this connection, if any."""
    try:
        row = db.conn.execute("SELECT id, name FROM temp.sourceline_author").fetchone()
    except sqlite3.OperationalError:  # no author was ever set on this connection
        return None
    return Author(*row) if row else None


def current_id(db: Database) -> str | None:
    author = current(db)
    return author.id if author else None


def names(db: Database, ids) -> dict[str, str]:
    """The names of the authors with these ids (ids not known are left out)."""
    wanted = [i for i in set(ids) if i]
    if not wanted:
        return {}
    rows = db.conn.execute(f"SELECT id, name FROM authors WHERE id IN ({','.join('?' * len(wanted))})", wanted)
    return dict(rows.fetchall())


def record_authors(db: Database, table: str, row_id: int) -> dict | None:
    """Who created and who last changed one record, and when: created_by, created_at,
    modified_by, modified_at (names; None where not recorded). None when there is no such row."""
    if table not in AUTHORED_TABLES:
        raise ValueError(f"{table} holds no records")
    row = db.conn.execute(
        f"""SELECT c.name, r.created_at, m.name, r.modified_at FROM {table} r
            LEFT JOIN authors c ON c.id = r.created_by LEFT JOIN authors m ON m.id = r.modified_by
            WHERE r.id = ?""", (row_id,)).fetchone()
    if row is None:
        return None
    return dict(zip(("created_by", "created_at", "modified_by", "modified_at"), row))


def _row_json(db: Database, table: str, row_ids: list[int]) -> dict[int, dict]:
    """Rows as the change log writes them (SQLite's json_object, so values compare equal)."""
    cols = [row[1] for row in db.conn.execute(f"PRAGMA main.table_info({table})")]
    obj = "json_object(" + ", ".join(f"'{c}', {c}" for c in cols) + ")"
    out = {}
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start:start + 500]
        for rid, text in db.conn.execute(f"SELECT id, {obj} FROM {table} WHERE id IN ({','.join('?' * len(chunk))})",
                                         chunk):
            out[rid] = json.loads(text)
    return out


def _touched(entries: list[change_log.Entry]) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """Record ids changed (table -> ids) and, among them, those created, by these entries."""
    changed: dict[str, set[int]] = {}
    created: dict[str, set[int]] = {}
    for entry in entries:
        if entry.table in AUTHORED_TABLES and entry.action != "delete":
            changed.setdefault(entry.table, set()).add(entry.new["id"])
            if entry.action == "insert":
                created.setdefault(entry.table, set()).add(entry.new["id"])
        elif entry.table in _LINK_OWNERS:
            owner, column = _LINK_OWNERS[entry.table]
            changed.setdefault(owner, set()).add((entry.new or entry.old)[column])
    return changed, created


def stamp(db: Database, entries: list[change_log.Entry]) -> list[change_log.Entry]:
    """Inside an edit's transaction: stamp the connection's author on the records ``entries``
    created or changed, and return the entries with the stamped values folded in (the last entry
    of each stamped row now ends at the row as stored; a row changed only through its links gains
    an update entry of its own)."""
    author = current(db)
    if author is None or not entries or not _stamps(db):
        return entries
    changed, created = _touched(entries)
    if not changed:
        return entries
    db.conn.execute("INSERT INTO authors (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name"
                    " WHERE name != excluded.name", (author.id, author.name))
    entries = list(entries)
    last = {}
    for index, entry in enumerate(entries):
        if entry.table in changed and entry.action != "delete":
            last[(entry.table, entry.new["id"])] = index
    with change_log.paused(db):
        for table, ids in changed.items():
            ids = sorted(ids)
            before = _row_json(db, table, ids)
            new_ids = sorted(created.get(table, ()))
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                db.conn.execute(
                    f"UPDATE {table} SET modified_by = ? WHERE id IN ({','.join('?' * len(chunk))})",
                    [author.id, *chunk])
            for start in range(0, len(new_ids), 500):
                chunk = new_ids[start:start + 500]
                db.conn.execute(
                    f"UPDATE {table} SET created_by = ? WHERE id IN ({','.join('?' * len(chunk))})",
                    [author.id, *chunk])
            after = _row_json(db, table, ids)
            for row_id, row in after.items():
                index = last.get((table, row_id))
                if index is None:
                    entries.append(change_log.Entry(table, "update", before[row_id], row))
                else:
                    entries[index] = change_log.Entry(table, entries[index].action, entries[index].old, row)
    return entries
