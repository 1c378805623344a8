"""Bulk writes on the raw connection: what a dataset import (or the benchmark's generator) needs to
put a million rows into one transaction quickly without leaving the store inconsistent.

Row by row, most of an insert's cost is not the row: it is the per-row triggers that keep the
full-text index and the per-day counts, and the SQL defaults of the record columns (a random
uuid built from six ``randomblob`` calls, two timestamps). A bulk writer therefore

- gives each row its uuid and timestamps from Python (:class:`RecordStamps`; the uuids are
  time-ordered UUIDv7, so the unique index on ``uuid`` grows at its end instead of at random
  places all over a large file),
- suspends the derived-data insert triggers inside its transaction
  (:func:`derived_triggers_suspended`) and fills what they would have filled, one id range at a
  time, with one statement each (:func:`index_new_events`, :func:`refresh_first_reported`),
- when it writes more rows than a table holds, drops that table's plain indexes and builds them
  again at the end (:class:`DeferredIndexes`): one sort instead of a million random inserts.

DDL is transactional in SQLite: if the process dies or the transaction rolls back, the triggers
were never dropped. Updates and deletes keep going through the normal triggers.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Callable

from db.connection import Database

from db import change_log, geo_index
from db.derived import FTS_TABLES, day_of, first_reported_values

# The insert triggers whose work a bulk writer does itself, per id range. (event_span_ai alone, a
# subquery per row, was two thirds of the cost of inserting an event.)
DERIVED_INSERT_TRIGGERS = ("events_fts_ai", "event_day_counts_ai", "event_span_ai", "citations_first_reported_ai",
                           geo_index.INSERT_TRIGGER)

# Cache for a bulk write: the indexes of a large project (title, start, external id) take random
# inserts; with SQLite's default 2 MB cache most of them would read pages back from disk.
BULK_CACHE_KIB = 131_072
# With its plain indexes deferred, a bulk write inserts in order and needs little cache, and the
# cache size also bounds SQLite's sorter when it builds them: 32 MB builds them as fast here, and
# a million-row import peaks at ~200 MB of memory instead of ~375 MB.
SORTING_CACHE_KIB = 32_768

_LOW_48 = (1 << 48) - 1


def now_text() -> str:
    """The current time as the schema's defaults write it (``2024-11-19T08:30:00.123Z``)."""
    now = datetime.now(timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


class RecordStamps:
    """Values for the record columns (uuid, created_at, modified_at) of rows written in bulk.

    The uuids are RFC 9562 version 7: the creation time in milliseconds, then a random
    counter that only grows, so every uuid from one ``RecordStamps`` is unique and each is larger
    than the one before (RFC 9562, section 6.2, method 1)."""

    def __init__(self):
        millis = time.time_ns() // 1_000_000
        rand_a = int.from_bytes(os.urandom(2), "big") & 0xFFF
        self._prefix = f"{millis >> 16:08x}-{millis & 0xFFFF:04x}-7{rand_a:03x}-"
        # below 2**61, so that counting on for billions of rows never overflows the 62 bits
        self._counter = int.from_bytes(os.urandom(8), "big") >> 3
        self.now = now_text()

    def uuid(self) -> str:
        self._counter += 1
        x = self._counter
        return f"{self._prefix}{0x8000 | (x >> 48):04x}-{x & _LOW_48:012x}"

    def uuids(self, n: int) -> list[str]:
        return [self.uuid() for _ in range(n)]


def next_id(db: Database, table: str) -> int:
    """The id the next row of ``table`` gets when ids are given explicitly (inside the write
    transaction, so that no other writer can take it first)."""
    return db.conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


@contextmanager
def derived_triggers_suspended(db: Database, names=DERIVED_INSERT_TRIGGERS):
    """Inside a write transaction: drop the named triggers, and create them again as they were
    before the transaction ends. Whoever inserts meanwhile fills what they would have filled."""
    if not db.conn.in_transaction:
        raise RuntimeError("triggers may only be suspended inside a write transaction")
    placeholders = ", ".join("?" * len(names))
    saved = db.conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({placeholders})", list(names)
    ).fetchall()
    for name, _ in saved:
        db.conn.execute(f"DROP TRIGGER {name}")
    try:
        yield
    finally:
        # After a failure the caller rolls back, which restores them anyway; recreating them
        # first keeps a caller that catches the error and commits from losing them.
        if db.conn.in_transaction:
            for _, sql in saved:
                db.conn.execute(sql)


class DeferredIndexes:
    """Inside a write transaction: the plain (not unique) indexes of ``tables``, dropped on entering
    and built again by :meth:`restore` (called on a clean exit, or earlier by a writer that starts
    to need them for lookups). Unique indexes stay: they are constraints the writer relies on.

    After an error the indexes are not rebuilt, which would only make a cancel slow: the caller
    rolls the transaction back (``db.store.write_transaction`` does), and that brings them back."""

    def __init__(self, db: Database, tables: tuple[str, ...]):
        self._db = db
        self._tables = tables
        self._saved: list[tuple[str, str]] = []
        self.cache_kib = SORTING_CACHE_KIB if tables else BULK_CACHE_KIB  # see large_cache

    def __enter__(self) -> "DeferredIndexes":
        if not self._db.conn.in_transaction:
            raise RuntimeError("indexes may only be deferred inside a write transaction")
        if not self._tables:
            return self
        placeholders = ", ".join("?" * len(self._tables))
        # sql IS NULL: the indexes behind UNIQUE and PRIMARY KEY constraints
        self._saved = self._db.conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({placeholders})"
            " AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'", self._tables).fetchall()
        for name, _ in self._saved:
            self._db.conn.execute(f"DROP INDEX {name}")
        return self

    def restore(self, built: Callable[[int, int], None] | None = None) -> None:
        """Build the indexes again (none when already built); ``built(done, count)`` is told after
        each, and may raise to stop (the caller then rolls back)."""
        for done, (_, sql) in enumerate(self._saved, 1):
            self._db.conn.execute(sql)
            if built is not None:
                built(done, len(self._saved))
        self._saved = []

    def __exit__(self, error_type, error, traceback) -> None:
        if error_type is None:
            self.restore()


def fill_fts(db: Database, fts: str, first_id: int, last_id: int) -> None:
    """Index rows ``first_id``..``last_id`` (inclusive) of the table behind ``fts``, inserted
    while its insert trigger was suspended: one statement, however many rows."""
    table, columns = FTS_TABLES[fts]
    cols = ", ".join(columns)
    db.conn.execute(f"INSERT INTO {fts}(rowid, {cols}) SELECT id, {cols} FROM {table} WHERE id BETWEEN ? AND ?",
                    (first_id, last_id))


def index_new_events(db: Database, first_id: int, last_id: int) -> None:
    """Fill the full-text index, the per-day counts, the longest span and the places for events
    ``first_id``..``last_id`` (inclusive), inserted while their insert triggers were suspended."""
    fill_fts(db, "events_fts", first_id, last_id)
    # the same day arithmetic as the event_day_counts triggers (floor division before 1970)
    db.conn.execute(
        "INSERT INTO event_day_counts(day, n)"
        f" SELECT {day_of('start_s')} AS d, count(*) FROM events"
        " WHERE id BETWEEN ? AND ? GROUP BY d"
        " ON CONFLICT(day) DO UPDATE SET n = n + excluded.n", (first_id, last_id))
    db.conn.execute(
        "UPDATE event_span SET max_span_s = max(max_span_s,"
        " (SELECT coalesce(max(end_s - start_s), 0) FROM events WHERE id BETWEEN ? AND ?))", (first_id, last_id))
    geo_index.index_new_places(db, first_id, last_id)


def refresh_first_reported(db: Database, first_citation_id: int) -> None:
    """Set ``first_reported_*`` of the events cited by citations from ``first_citation_id`` on,
    inserted while the citation trigger was suspended. Only events citing a dated source can
    change, so an import of undated sources costs one indexed lookup."""
    db.conn.execute(f"""
        UPDATE events SET {first_reported_values('events.id')}
        WHERE id IN (SELECT c.event_id FROM citations c JOIN sources s ON s.id = c.source_id
                     WHERE c.id >= ? AND s.issued_start_s IS NOT NULL)""", (first_citation_id,))


@contextmanager
def large_cache(db: Database, kib: int = BULK_CACHE_KIB):
    """A bigger page cache for the duration of a bulk write, then the previous size again."""
    before = db.conn.execute("PRAGMA cache_size").fetchone()[0]
    db.conn.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA cache_size = {before}")


@contextmanager
def unlogged(db: Database):
    """Pause the change log (when this connection has one): a bulk write is not recorded row by row.
    A connection that never ran an op has no log, and pays nothing."""
    installed = db.conn.execute(
        "SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = 'change_log_state'").fetchone()
    if installed is None:
        yield
        return
    with change_log.paused(db):
        yield
