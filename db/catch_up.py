"""What another program changed in the project since we last looked, told as table -> row ids.

Every edit made through an op (by any Sourceline: another window, the ``sourceline`` command)
writes the history table, so the history rows past our mark name the rows it touched. Rows added
without history (a dataset import) are caught by a table's largest id having moved; which rows
is then unknown (an empty set). A commit that neither explains (the sqlite3 shell, a re-import
that only updates) is told as every analyst table, rows unknown. Taking a mark costs a few
primary-key lookups, so the window takes one after each of its own edits (not as a project
opens: with no mark yet, news is told as :func:`everything`).
"""
from __future__ import annotations

from dataclasses import dataclass

from db.connection import Database

from db.change_log import LOGGED_TABLES

# Link tables have no rowid and no history ids: the history names them, rows unknown.
_ROWID_TABLES = tuple(t for t in LOGGED_TABLES if t not in ("event_tags", "event_entities", "annotation_tags"))


@dataclass(frozen=True)
class Mark:
    """Where we stood: the last history row, and each analyst table's largest id."""

    history_id: int
    largest_ids: tuple[int, ...]


def data_version(db: Database) -> int:
    """A number that changes whenever *another* connection commits to the file (never for this
    connection's own commits): one tiny query to tell whether there is news at all."""
    return db.conn.execute("PRAGMA data_version").fetchone()[0]


def mark(db: Database) -> Mark:
    largest = tuple(db.conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
                    for table in _ROWID_TABLES)
    return Mark(db.conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0], largest)


def changes_since(db: Database, since: Mark) -> tuple[dict[str, frozenset[int]], Mark]:
    """The rows changed since ``since`` (table -> ids, empty when unknown) and the new mark."""
    now = mark(db)
    rows: dict[str, set[int]] = {}
    for table, row_id in db.conn.execute(
            "SELECT table_name, row_id FROM history WHERE id > ? ORDER BY id", (since.history_id,)):
        ids = rows.setdefault(table, set())
        if row_id is not None:
            ids.add(row_id)
    for table, before, after in zip(_ROWID_TABLES, since.largest_ids, now.largest_ids):
        named = sum(1 for row_id in rows.get(table, ()) if before < row_id <= after)
        if named < after - before:
            rows[table] = set()  # rows came without history: which ones is unknown
    if not rows:
        return everything(), now
    return {table: frozenset(ids) for table, ids in rows.items()}, now


def everything() -> dict[str, frozenset[int]]:
    """Every analyst table, rows unknown: the news when nothing says what changed."""
    return {table: frozenset() for table in LOGGED_TABLES}
