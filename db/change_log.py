"""Every row an edit touches, recorded by temporary triggers (the technique of sqlite.org/undoredo).

The triggers live in the ``temp`` schema of one connection, so other programs reading the file
(the sqlite3 shell, Datasette, a second Sourceline) never see them. Each entry holds the row
before and after as JSON, which is all that undo, redo and the history table need — including
rows removed by ``ON DELETE CASCADE`` and values kept by the schema's own triggers.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass

from db.connection import Database

# Tables holding the analyst's work. Derived tables (FTS indexes, day counts) follow by their own
# triggers; the history table is written from this log and is never itself logged.
LOGGED_TABLES = (
    "events", "sources", "source_creators", "annotations", "citations", "entities",
    "entity_aliases", "tags", "event_tags", "event_entities", "annotation_tags", "source_pages", "eras",
    # an applied change file and the conflicts it left go with its undo
    "exchanges", "exchange_conflicts",
)


@dataclass(frozen=True)
class Entry:
    table: str
    action: str  # insert, update or delete
    old: dict | None
    new: dict | None


def _columns(db: Database, table: str) -> list[str]:
    return [row[1] for row in db.conn.execute(f"PRAGMA main.table_info({table})")]


def primary_key(db: Database, table: str) -> list[str]:
    return [row[1] for row in sorted(db.conn.execute(f"PRAGMA main.table_info({table})"), key=lambda r: r[5]) if row[5]]


def install(db: Database) -> None:
    """Create the log and its triggers on this connection, once: later calls find them there (one
    lookup in the connection's temp schema)."""
    last = f"log_{LOGGED_TABLES[-1]}_delete"  # made last: present only when all of it is
    if db.conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = ?", (last,)).fetchone():
        return
    db.conn.executescript("""
        CREATE TEMP TABLE IF NOT EXISTS change_log (
            seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, action TEXT NOT NULL, old TEXT, new TEXT);
        CREATE TEMP TABLE IF NOT EXISTS change_log_state (recording INTEGER NOT NULL);
    """)
    if db.conn.execute("SELECT count(*) FROM temp.change_log_state").fetchone()[0] == 0:
        db.conn.execute("INSERT INTO temp.change_log_state VALUES (1)")
    when = "WHEN (SELECT recording FROM temp.change_log_state)"
    for table in LOGGED_TABLES:
        cols = _columns(db, table)
        new = "json_object(" + ", ".join(f"'{c}', new.{c}" for c in cols) + ")"
        old = "json_object(" + ", ".join(f"'{c}', old.{c}" for c in cols) + ")"
        db.conn.executescript(f"""
            CREATE TEMP TRIGGER IF NOT EXISTS log_{table}_insert AFTER INSERT ON main.{table} {when}
            BEGIN INSERT INTO change_log(tbl, action, new) VALUES ('{table}', 'insert', {new}); END;
            CREATE TEMP TRIGGER IF NOT EXISTS log_{table}_update AFTER UPDATE ON main.{table} {when}
            BEGIN INSERT INTO change_log(tbl, action, old, new) VALUES ('{table}', 'update', {old}, {new}); END;
            CREATE TEMP TRIGGER IF NOT EXISTS log_{table}_delete AFTER DELETE ON main.{table} {when}
            BEGIN INSERT INTO change_log(tbl, action, old) VALUES ('{table}', 'delete', {old}); END;
        """)


@contextmanager
def paused(db: Database):
    """Bulk paths (a dataset import of a million rows) are undone as a whole, not row by row."""
    db.conn.execute("UPDATE temp.change_log_state SET recording = 0")
    try:
        yield
    finally:
        db.conn.execute("UPDATE temp.change_log_state SET recording = 1")


def take(db: Database) -> list[Entry]:
    """The entries recorded since the last take, removed from the log."""
    rows = db.conn.execute("SELECT tbl, action, old, new FROM temp.change_log ORDER BY seq").fetchall()
    db.conn.execute("DELETE FROM temp.change_log")
    return [Entry(t, a, json.loads(o) if o else None, json.loads(n) if n else None) for t, a, o, n in rows]


def _where(db: Database, table: str, row: dict) -> tuple[str, list]:
    keys = primary_key(db, table)
    return " AND ".join(f"{k} = ?" for k in keys), [row[k] for k in keys]


def _insert(db: Database, table: str, row: dict) -> None:
    cols = list(row)
    db.conn.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )


def _update(db: Database, table: str, match: dict, values: dict) -> None:
    where, params = _where(db, table, match)
    changed = {c: v for c, v in values.items() if match.get(c) != v}
    if not changed:
        return
    sets = ", ".join(f"{c} = ?" for c in changed)
    db.conn.execute(f"UPDATE {table} SET {sets} WHERE {where}", [*changed.values(), *params])


def _delete(db: Database, table: str, row: dict) -> None:
    where, params = _where(db, table, row)
    db.conn.execute(f"DELETE FROM {table} WHERE {where}", params)


def apply_forward(db: Database, entries: list[Entry]) -> None:
    """Redo: make every entry happen again, in order."""
    _replay(db, [(e.table, e.action, e.old, e.new) for e in entries])


_REVERSED = {"insert": "delete", "update": "update", "delete": "insert"}


def apply_backward(db: Database, entries: list[Entry]) -> None:
    """Undo: reverse every entry, last first."""
    _replay(db, [(e.table, _REVERSED[e.action], e.new, e.old) for e in reversed(entries)])


def _replay(db: Database, steps: list[tuple[str, str, dict | None, dict | None]]) -> None:
    """Make each (table, action, row before, row after) happen. Foreign keys are checked at commit,
    because a cascade may have logged a child's deletion before its parent's."""
    db.conn.execute("PRAGMA defer_foreign_keys = ON")
    for table, action, before, after in steps:
        if action == "insert":
            _insert(db, table, after)
        elif action == "update":
            _update(db, table, before, after)
        else:
            _delete(db, table, before)
