"""Save a Copy As: a consistent copy of the open project, made with SQLite's online backup.

Copying the file itself would miss what still sits in the write-ahead log (and could catch a
half-written page); the backup API copies the database as one transaction sees it.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from db.connection import Database

from db.errors import ProjectFileError


def save_copy(db: Database, destination: str | Path) -> Path:
    """Write the whole project to ``destination`` (replacing it) and return the path."""
    destination = Path(destination)
    if destination.exists() and destination.resolve() == Path(db.conn.execute("PRAGMA database_list").fetchone()[2]).resolve():
        raise ProjectFileError(f"{destination}: this is the open project; choose another name for the copy")
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        target = sqlite3.connect(str(partial))
        try:
            db.conn.backup(target)
            # A single self-contained file: the copy should not need a -wal beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        for suffix in ("-wal", "-shm"):  # leftovers of an older file of that name would be replayed
            Path(str(destination) + suffix).unlink(missing_ok=True)
        os.replace(partial, destination)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise ProjectFileError(f"{destination}: the copy could not be written ({error})") from error
    return destination
