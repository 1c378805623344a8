"""Open, create and migrate a project file: one SQLite file is one project."""
from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import contextmanager
from pathlib import Path

from db.connection import Database

from db import backups
from db import migrations as schema
from db.errors import ProjectFileError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26  # primary result codes: https://www.sqlite.org/rescode.html


def _check_is_project(path: Path) -> None:
    """Refuse, without touching it, a file that is not an SQLite database or was cut short."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise ProjectFileError(f"{path}: cannot be read ({error.strerror})") from error
    if not header.startswith(SQLITE_HEADER):
        raise ProjectFileError(f"{path}: not a Sourceline project (it is not an SQLite database)")
    if len(header) < 100:
        raise ProjectFileError(f"{path}: the file is damaged (cut short); restore it from a backup")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65_536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    # the header's page count is only trusted when it was written by the same change as the file
    trusted = header[24:28] == header[92:96]
    if trusted and path.stat().st_size < page_size * page_count:
        raise ProjectFileError(f"{path}: the file is damaged (cut short); restore it from a backup")
    # (the mode bits too: os.access answers yes to root whatever the permissions say)
    if not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR:
        raise ProjectFileError(f"{path}: the file is read-only; Sourceline saves as you work, so it needs "
                               "write access (copy the file or change its permissions)")


def _cannot_read(path: Path, error: sqlite3.DatabaseError) -> ProjectFileError:
    """Damaged only when SQLite says so (SQLITE_CORRUPT, SQLITE_NOTADB): a disk error, a folder where
    the journal cannot be made, or a lock is no reason to send anyone to their backups."""
    if (getattr(error, "sqlite_errorcode", 0) & 0xFF) in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return ProjectFileError(f"{path}: the file is damaged and cannot be read ({error})")
    return ProjectFileError(f"{path}: cannot be opened just now ({error}); check that the disk is reachable and "
                            "the project's folder can be written to, then try again")


def connect(path: str | Path) -> Database:
    """A connection with the project's pragmas, on an existing file or a new one."""
    conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # recursive triggers stay off (SQLite's default): the *_touch triggers update the row they fire on
    return Database(conn)


def _apply_pragmas(db: Database, path: Path) -> None:
    try:
        db.conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk before the edit is reported done, even across a power cut
        db.conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as error:
        db.close()
        raise ProjectFileError(f"{path}: cannot be opened as a project ({error})") from error


def schema_version(db: Database) -> int:
    return db.conn.execute("PRAGMA user_version").fetchone()[0]


def create_project(path: str | Path) -> Database:
    """A new, empty project at ``path`` (which must not exist yet)."""
    path = Path(path)
    if path.exists():
        raise ProjectFileError(f"{path}: already exists; choose another name or open it")
    try:
        db = connect(path)
    except sqlite3.Error as error:
        raise ProjectFileError(f"{path}: cannot be created ({error})") from error
    _apply_pragmas(db, path)
    schema.migrations.apply(db)
    return db


@contextmanager
def peek(path: str | Path):
    """A read-only connection to the main file alone, to decide how to open it: immutable, so it
    takes no lock and creates no -wal or -shm beside the file."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def is_older_project(path: str | Path) -> bool:
    """Whether ``path`` is a project an older Sourceline wrote, which opening will back up and
    migrate. False when in doubt, leaving ``open_project`` to explain."""
    try:
        with peek(path) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
    except (sqlite3.Error, OSError):
        return False
    return 0 < version < schema.SCHEMA_VERSION


def open_project(path: str | Path) -> Database:
    """Open an existing project, migrating it to the current schema (after a backup).

    A file that is not a project, is damaged, or comes from a newer Sourceline is refused and
    left untouched.
    """
    path = Path(path)
    if not path.exists():
        raise ProjectFileError(f"{path}: no such project file")
    _check_is_project(path)
    try:
        db = connect(path)
        version = schema_version(db)
    except sqlite3.DatabaseError as error:
        raise _cannot_read(path, error) from error
    if version == 0 and db.conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name != '_sqlite_migrations'"
    ).fetchone()[0]:
        db.close()
        raise ProjectFileError(f"{path}: an SQLite database, but not a Sourceline project")
    if version > schema.SCHEMA_VERSION:
        db.close()
        raise ProjectFileError(
            f"{path}: made by a newer Sourceline (schema {version}; this version reads up to "
            f"{schema.SCHEMA_VERSION}); update Sourceline to open it"
        )
    _apply_pragmas(db, path)
    try:
        if version == schema.SCHEMA_VERSION:
            # A file at the last rung has every step (each sets user_version as it ends); reading
            # the record of them is still the first real read, which garbled pages fail.
            db.conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()
            pending = []
        else:
            pending = schema.migrations.pending(db)
    except sqlite3.DatabaseError as error:  # pages garbled past the header: the first real read fails
        db.close()
        raise _cannot_read(path, error) from error
    if pending:
        if version > 0:
            backups.make_backup(db, path, f"before-migration-from-v{version}")
        schema.migrations.apply(db)
    return db


def read_snapshot(db: Database) -> None:
    """Begin a read transaction that lasts until the connection closes: every query after it sees
    the project as it was at the first one (a long export's pages all from one state)."""
    db.conn.execute("BEGIN")


@contextmanager
def write_transaction(db: Database):
    """One write transaction, taken at once (BEGIN IMMEDIATE) so that two writers queue on the
    busy timeout instead of failing with "database is locked" when a read upgrades to a write."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
