"""Is a project sound, and rebuild what can be rebuilt (`sourceline check`, Tools → Check Project…).

What is checked: SQLite's ``integrity_check``; that every table, index and trigger the migrations
create is there; each full-text index's own ``integrity-check`` against the table it indexes; and
the derived data — events per day, the longest span, each event's first-reported date.

What ``repair`` rebuilds is only what is derived from the analyst's rows: a dropped table, index
or trigger is created again from the migrations' own definitions (read from a new in-memory
project, so the SQL is written once), the full-text indexes and the day counts are filled again
by the same statements the bulk importer uses. A file SQLite says is damaged is not written to:
its remedy is a backup.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

from db import bulk
from db.connection import Database

FTS_INDEXES = tuple(bulk.FTS_TABLES)
_DAY = "start_s / 86400 - (start_s % 86400 < 0)"  # as the event_day_counts triggers compute it


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict:
        return {"ok": self.ok, "problems": self.problems, "repaired": self.repaired}


@lru_cache(maxsize=1)
def reference_schema() -> dict[str, tuple[str, str, str]]:
    """name -> (type, table, sql) of every object the migrations create, FTS shadow tables included."""
    from db import migrations
    from db.store import connect

    db = connect(":memory:")
    try:
        migrations.migrations.apply(db)
        rows = db.conn.execute("SELECT name, type, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                               "AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'").fetchall()
    finally:
        db.close()
    return {name: (kind, table, sql) for name, kind, table, sql in rows}


def missing_objects(db: Database) -> list[str]:
    present = {name for (name,) in db.conn.execute("SELECT name FROM sqlite_master")}
    return [name for name in reference_schema() if name not in present]


def check(db: Database, repair: bool = False) -> Report:
    """What is wrong with the project; with ``repair``, rebuild what is derivable first."""
    report = Report()
    damage = _integrity(db)
    if damage:
        report.problems += damage
        return report  # never write into a file SQLite calls damaged
    found = _derived_problems(db)
    if repair and found:
        _repair(db, found)
        report.repaired = [text for text, _ in found]
        found = _derived_problems(db)
    report.problems += [text for text, _ in found]
    return report


def _integrity(db: Database) -> list[str]:
    try:
        rows = [row for (row,) in db.conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as error:
        return [f"SQLite cannot read the file: {error}"]
    return [] if rows == ["ok"] else [f"SQLite: {row}" for row in rows]


def _derived_problems(db: Database) -> list[tuple[str, str]]:
    """(what is wrong, which repair) pairs."""
    found = []
    missing = missing_objects(db)
    if missing:
        found.append((f"missing from the schema: {', '.join(missing)}", "schema"))
    present = {name for (name,) in db.conn.execute("SELECT name FROM sqlite_master")}
    for fts in FTS_INDEXES:
        if fts in missing or not set(_shadows(fts)) <= present:
            continue  # rebuilt with the schema
        try:
            db.conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as error:
            found.append((f"the search index {fts} does not match its table ({error})", fts))
        finally:
            db.conn.rollback()  # the check is written as an INSERT, which opened a transaction; it changed nothing
    if "event_day_counts" not in missing and db.conn.execute(f"""
            SELECT count(*) FROM (SELECT day, n FROM event_day_counts
                                  EXCEPT SELECT {_DAY}, count(*) FROM events GROUP BY 1
                                  UNION ALL
                                  SELECT {_DAY}, count(*) FROM events GROUP BY 1
                                  EXCEPT SELECT day, n FROM event_day_counts)""").fetchone()[0]:
        found.append(("the events-per-day counts of the timeline do not match the events", "events"))
    if "event_span" not in missing and not db.conn.execute(
            "SELECT (SELECT count(*) FROM event_span) = 1 AND (SELECT max_span_s FROM event_span) >= "
            "(SELECT coalesce(max(end_s - start_s), 0) FROM events)").fetchone()[0]:
        found.append(("the longest event's span, which bounds time-window queries, is wrong", "events"))
    wrong = db.conn.execute("""
        SELECT count(*) FROM events e WHERE e.first_reported_s IS NOT (
            SELECT min(s.issued_start_s) FROM citations c JOIN sources s ON s.id = c.source_id
            WHERE c.event_id = e.id AND s.issued_start_s IS NOT NULL)""").fetchone()[0]
    if wrong:
        found.append((f"{wrong:,} events' first-reported dates do not match their sources", "first_reported"))
    return found


def _shadows(fts: str) -> tuple[str, ...]:
    return tuple(f"{fts}_{part}" for part in ("data", "idx", "docsize", "config"))


def _repair(db: Database, found: list[tuple[str, str]]) -> None:
    from db.store import write_transaction

    kinds = {kind for _, kind in found}
    with write_transaction(db):
        rebuilt = _rebuild_schema(db) if "schema" in kinds else set()
        if "events" in kinds or rebuilt & {"events_fts", "event_day_counts", "event_span"}:
            _refill_event_derived(db)
        for fts in FTS_INDEXES:
            if fts != "events_fts" and (fts in kinds or fts in rebuilt):
                db.conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        if "events_fts" in kinds and "events" not in kinds:
            db.conn.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
        if "first_reported" in kinds:
            db.conn.execute("UPDATE events SET first_reported_s = NULL, first_reported_edtf = NULL "
                            "WHERE first_reported_s IS NOT NULL")
            bulk.refresh_first_reported(db, 0)


def _rebuild_schema(db: Database) -> set[str]:
    """Create what is missing, tables first (an FTS index whose shadow tables went is made anew)."""
    reference = reference_schema()
    missing = set(missing_objects(db))
    for fts in FTS_INDEXES:
        if fts not in missing and missing & set(_shadows(fts)):
            db.conn.execute(f"DROP TABLE {fts}")
            missing.add(fts)
    missing -= {name for fts in FTS_INDEXES if fts in missing for name in _shadows(fts)}
    order = {"table": 0, "index": 1, "trigger": 2}
    for name in sorted(missing, key=lambda n: order.get(reference[n][0], 3)):
        db.conn.execute(reference[name][2])
    if "event_span" in missing:
        db.conn.execute("INSERT INTO event_span VALUES (0)")
    return missing


def _refill_event_derived(db: Database) -> None:
    """The events' search index, day counts and span again, by the bulk importer's own statements."""
    db.conn.execute("INSERT INTO events_fts(events_fts) VALUES ('delete-all')")
    db.conn.execute("DELETE FROM event_day_counts")
    db.conn.execute("DELETE FROM event_span")
    db.conn.execute("INSERT INTO event_span VALUES (0)")
    first, last = db.conn.execute("SELECT min(id), max(id) FROM events").fetchone()
    if first is not None:
        bulk.index_new_events(db, first, last)
