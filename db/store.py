"""Open, create and migrate a project file: one SQLite file is one project."""
from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import contextmanager
from pathlib import Path

from db.connection import Database

from db import migrations as schema
from db.errors import DamagedProjectError, ProjectFileError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
SQLITE_BUSY, SQLITE_CORRUPT, SQLITE_NOTADB = 5, 11, 26  # primary result codes: https://www.sqlite.org/rescode.html
DAMAGED_ADVICE = ("the file is damaged; `sourceline check` says what is wrong, and a backup (`sourceline restore`) "
                  "brings it back")


APPLICATION_ID = schema.APPLICATION_ID
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def _check_is_file(path: Path, writable: bool = True) -> None:
    """Refuse at once, without opening it as a database, what cannot be a project: a folder, a
    pipe or a device (reading one would wait for ever), a file without SQLite's header, a
    read-only file. Whether it is damaged is SQLite's to say, not ours (see ``_recognise``)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as error:
        raise ProjectFileError(f"{path}: no such project file") from error
    except OSError as error:
        raise ProjectFileError(f"{path}: cannot be read ({error.strerror})") from error
    for is_kind, kind in _KINDS:
        if is_kind(mode):
            raise ProjectFileError(f"{path}: not a Sourceline project (it is {kind}, not a file)")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ProjectFileError(f"{path}: cannot be read ({error.strerror})") from error
    if header != SQLITE_HEADER:
        raise ProjectFileError(f"{path}: not a Sourceline project (it is not an SQLite database)")
    # (the mode bits too: os.access answers yes to root whatever the permissions say)
    if writable and not os.access(path, os.W_OK) or not mode & stat.S_IWUSR:
        raise ProjectFileError(f"{path}: the file is read-only; Sourceline saves as you work, so it needs "
                               "write access (copy the file or change its permissions)")


def _recognise(path: Path) -> int:
    """The schema version of the project at ``path``, read through a read-only connection that
    sees the WAL; a file that is not ours, is damaged, or is newer is refused before anything
    writes to it (no journal mode change, no migration, no backup)."""
    try:
        with look(path) as conn:
            marker = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            ladder = "_sqlite_migrations" in tables and conn.execute(
                "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", (schema.LADDER,)
            ).fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise _cannot_read(path, error) from error
    # before the marker: the ladder's own record (a file stopped at its first rung has only that)
    ours = marker == APPLICATION_ID or (marker == 0 and version >= 0 and "_sqlite_migrations" in tables and (
        ladder or tables == {"_sqlite_migrations"}))
    if not ours:
        raise ProjectFileError(f"{path}: an SQLite database, but not a Sourceline project (it belongs to another "
                               "program); it was left as it is")
    if version < 0:
        raise ProjectFileError(f"{path}: not a Sourceline project (its schema version, {version}, is negative)")
    if version > schema.SCHEMA_VERSION:
        raise ProjectFileError(
            f"{path}: made by a newer Sourceline (schema {version}; this version reads up to "
            f"{schema.SCHEMA_VERSION}); update Sourceline to open it"
        )
    return version


def _cannot_read(path: Path, error: sqlite3.DatabaseError) -> ProjectFileError:
    """Damaged only when SQLite says so (SQLITE_CORRUPT, SQLITE_NOTADB): a disk error, a folder where
    the journal cannot be made, or a lock is no reason to send anyone to their backups."""
    if (getattr(error, "sqlite_errorcode", 0) & 0xFF) in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DamagedProjectError(f"{path}: {DAMAGED_ADVICE} (SQLite says: {error})")
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
        raise _cannot_read(path, error) from error


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
    # marked as ours first, before the journal and the schema: a file cut short by a crash here is
    # still recognised as a project
    db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _apply_pragmas(db, path)
    schema.migrations.apply(db)
    return db


@contextmanager
def look(path: str | Path):
    """A read-only connection, to decide how to open a file without writing to it.

    An ordinary one, which sees the WAL, whenever a WAL is beside the file: the project may be open
    elsewhere, its latest pages still in the WAL (an ``immutable`` connection would read the main
    file alone — mid-checkpoint, a file SQLite itself calls malformed). Without a WAL beside it, no
    one has the file open in WAL mode and the main file is the whole of it: then ``immutable``, so
    that reading it leaves no -wal and -shm behind (a read-only connection cannot remove them)."""
    path = Path(path).resolve()
    live = Path(f"{path}-wal").exists() or not _in_wal_mode(path)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro{'' if live else '&immutable=1'}", uri=True)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        yield conn
    finally:
        conn.close()


def _in_wal_mode(path: Path) -> bool:
    """The header's file format versions are 2 in WAL mode (https://www.sqlite.org/fileformat2.html)."""
    with path.open("rb") as handle:
        return handle.read(20)[18:20] == b"\x02\x02"


def recognise_for_reading(path: str | Path) -> int:
    """The schema version of the project at ``path``, for work that only reads it (a read-only file
    will do); refused in one line, untouched, when it is not a project, is damaged or is newer."""
    _check_is_file(Path(path), writable=False)
    return _recognise(Path(path))


def is_older_project(path: str | Path) -> bool:
    """Whether ``path`` is a project an older Sourceline wrote, which opening will back up and
    migrate. False when in doubt, leaving ``open_project`` to explain."""
    try:
        _check_is_file(Path(path))
        return 0 < _recognise(Path(path)) < schema.SCHEMA_VERSION
    except ProjectFileError:
        return False


def open_project(path: str | Path, verify: bool = False) -> Database:
    """Open an existing project, migrating it to the current schema (after a backup).

    A file that is not a project, is damaged, or comes from a newer Sourceline is refused and
    left untouched. With ``verify``, SQLite's ``quick_check`` reads every page first (a second or
    so per hundred megabytes): for work that writes, which must not write into a file garbled
    where this work does not look, and for a backup, which must not rotate a good one out.
    """
    path = Path(path)
    _check_is_file(path)
    version = _recognise(path)
    try:
        db = connect(path)
    except sqlite3.DatabaseError as error:
        raise _cannot_read(path, error) from error
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
    if verify:
        _verify(db, path)
    if pending:
        if version > 0:
            from db import backups  # (its imports are more than opening an up-to-date project costs)

            backups.make_backup(db, path, f"before-migration-from-v{version}")
        schema.migrations.apply(db)
    return db


def quick_check_fails(conn: sqlite3.Connection) -> bool:
    """Whether SQLite's quick check finds damage in the file on ``conn``."""
    return conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"


def stop_writing(db: Database) -> None:
    """Refuse every write on this connection from now on (a damaged file is not made worse)."""
    db.conn.execute("PRAGMA query_only = ON")


def read_snapshot(db: Database) -> None:
    """Begin a read transaction that lasts until the connection closes: every query after it sees
    the project as it was at the first one (a long export's pages all from one state)."""
    db.conn.execute("BEGIN")


def _verify(db: Database, path: Path) -> None:
    try:
        verdict = db.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        db.close()
        raise _cannot_read(path, error) from error
    if verdict != "ok":
        db.close()
        raise DamagedProjectError(f"{path}: {DAMAGED_ADVICE} (SQLite says: {verdict})")


def _begin(db: Database) -> None:
    """BEGIN IMMEDIATE, waiting up to the busy timeout for another writer. A connection with an
    ``on_wait(waiting: bool)`` (the window's) is told when it has to wait and when the wait is
    over, so that it can say so instead of freezing in silence."""
    on_wait = getattr(db, "on_wait", None)
    if on_wait is None:
        db.conn.execute("BEGIN IMMEDIATE")
        return
    db.conn.execute("PRAGMA busy_timeout = 0")
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        return
    except sqlite3.OperationalError as error:
        if getattr(error, "sqlite_errorcode", 0) & 0xFF != SQLITE_BUSY:
            raise
    finally:
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    on_wait(True)
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    finally:
        on_wait(False)


@contextmanager
def write_transaction(db: Database):
    """One write transaction, taken at once (BEGIN IMMEDIATE) so that two writers queue on the
    busy timeout instead of failing with "database is locked" when a read upgrades to a write."""
    _begin(db)
    try:
        # Read the schema once the lock is ours: when another connection changed the schema while
        # this one waited (a dataset import drops and rebuilds indexes and triggers), SQLite 3.40
        # failed the first statement prepared after the wait with "no such table" (SQLITE_SCHEMA).
        db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
