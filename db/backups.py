"""Rotating backups of a project, taken with SQLite's online backup API.

A backup is a complete project file in the user's data folder (``SOURCELINE_DATA_DIR`` overrides
it), beside a small JSON note of when, why, and what it held. They are taken on opening, daily
while open, and before a migration, a bulk import or a bulk delete; the last ``keep`` are kept.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import platformdirs
from db.connection import Database

from db.errors import DamagedProjectError, ProjectFileError

DEFAULT_KEEP = 10
# More than this many events deleted, or sources imported, at once is a bulk change: backed up first.
BULK_THRESHOLD = 100
COUNTED = ("events", "sources", "annotations", "citations")


def data_dir() -> Path:
    """Where settings, backups and logs live (the platform's user data folder)."""
    override = os.environ.get("SOURCELINE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("Sourceline", appauthor=False))


def backup_dir(project_path: str | Path) -> Path:
    """One folder per project file, named so a person can tell which project it belongs to."""
    project_path = Path(project_path).resolve()
    digest = hashlib.sha1(str(project_path).encode()).hexdigest()[:8]
    return data_dir() / "backups" / f"{project_path.stem}-{digest}"


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime
    reason: str
    counts: dict

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def record_counts(conn: sqlite3.Connection) -> dict:
    """How many of each counted record the file on ``conn`` holds."""
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


def make_backup(db: Database, project_path: str | Path, reason: str, keep: int | None = DEFAULT_KEEP) -> Backup | None:
    """Back the project up now, then keep only the newest ``keep`` (None: prune nothing).

    Returns None (and writes nothing) when the disk has too little room: a backup must never be
    what fills the disk."""
    return _backup(db.conn, project_path, reason, keep)


def before_bulk_change(db: Database, project_path: str | Path, count: int, reason: str) -> Backup | None:
    """A backup before a change of more than ``BULK_THRESHOLD`` records (an import, a delete):
    the undo history ends with the session, a backup does not. None when the change is small."""
    return make_backup(db, project_path, reason) if count > BULK_THRESHOLD else None


def make_backup_of_file(project_path: str | Path, reason: str, keep: int | None = DEFAULT_KEEP) -> Backup | None:
    """As :func:`make_backup`, through a read-only connection of its own: for a thread other than
    the one that has the project open (a large project takes seconds to copy). The WAL journal lets
    it read a consistent state while the project is being edited."""
    source = sqlite3.connect(f"file:{Path(project_path).resolve()}?mode=ro", uri=True)
    try:
        return _backup(source, project_path, reason, keep)
    finally:
        source.close()


def _backup(source: sqlite3.Connection, project_path: str | Path, reason: str, keep: int | None) -> Backup | None:
    folder = backup_dir(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_partials(folder)
    size = Path(project_path).stat().st_size
    if shutil.disk_usage(folder).free < 2 * size + 50 * 1_048_576:
        return None
    now = datetime.now(timezone.utc)
    stem = f"{now:%Y%m%d-%H%M%S-%f}-{reason}"
    target = folder / f"{stem}.sourceline"
    partial = folder / f"{stem}.partial"
    try:
        with sqlite3.connect(partial) as copy:
            source.backup(copy)
            counts = record_counts(copy)
        copy.close()
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    note = {"created": now.isoformat(), "reason": reason, "project": str(Path(project_path).resolve()), "counts": counts}
    target.with_suffix(".json").write_text(json.dumps(note, indent=2))
    if keep is not None:
        prune(project_path, keep)
    return Backup(target, now, reason, counts)


def _overwritten(project_path: Path) -> bool:
    """A regular file that is no SQLite database any more (a project of ours, as its backups say)."""
    from db.store import SQLITE_HEADER

    if not project_path.is_file():
        return False
    with project_path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER


def _remove_stale_partials(folder: Path, older_than_s: float = 6 * 3600) -> None:
    """A backup cut short by the application's exit leaves its ``.partial`` copy (and the copy's
    ``.partial-journal``); one that old is not being written any more."""
    cutoff = datetime.now().timestamp() - older_than_s
    for partial in folder.glob("*.partial*"):
        try:
            if partial.stat().st_mtime < cutoff:
                partial.unlink()
        except OSError:
            continue


def list_backups(project_path: str | Path) -> list[Backup]:
    """The project's backups, newest first."""
    found = []
    for note_path in backup_dir(project_path).glob("*.json"):
        path = note_path.with_suffix(".sourceline")
        if not path.exists():
            continue
        try:
            note = json.loads(note_path.read_text())
            found.append(Backup(path, datetime.fromisoformat(note["created"]), note["reason"], note["counts"]))
        except (ValueError, KeyError):
            continue  # a damaged note: the backup is still listed by the folder, not by us
    return sorted(found, key=lambda b: b.created, reverse=True)


def prune(project_path: str | Path, keep: int = DEFAULT_KEEP) -> None:
    for old in list_backups(project_path)[max(1, keep):]:
        old.path.unlink(missing_ok=True)
        old.path.with_suffix(".json").unlink(missing_ok=True)


def latest_backup_age_s(project_path: str | Path) -> float | None:
    backups = list_backups(project_path)
    return (datetime.now(timezone.utc) - backups[0].created).total_seconds() if backups else None


def restore(backup_path: str | Path, project_path: str | Path, keep: int = DEFAULT_KEEP) -> None:
    """Replace the project's content with a backup's, after backing up the current state.

    Works on a damaged project too: then the current file is set aside as ``*.damaged`` instead. The
    current state is always kept: a file that is not a damaged project (another program's, a newer
    Sourceline's) is refused, and so is a restore when there is no room to back the current state up."""
    from db.store import open_project

    backup_path, project_path = Path(backup_path), Path(project_path)
    if not backup_path.is_file():
        raise ProjectFileError(f"{backup_path}: no such backup")
    source = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
    try:
        try:
            healthy = source.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            healthy = False
        if not healthy:
            raise ProjectFileError(f"{backup_path}: this backup is damaged or not a project; choose another")
        try:
            db = open_project(project_path)
        except ProjectFileError as error:
            if not (isinstance(error, DamagedProjectError) or _overwritten(project_path)):
                raise
            damaged = project_path.with_name(project_path.name + f".damaged-{datetime.now():%Y%m%d-%H%M%S}")
            for suffix in ("", "-wal", "-shm"):
                candidate = Path(str(project_path) + suffix)
                if candidate.exists():
                    os.replace(candidate, str(damaged) + suffix)
            target = sqlite3.connect(project_path)
            source.backup(target)
            target.close()
            return
        try:
            # pruned only afterwards: the backup being restored may be the oldest
            if make_backup(db, project_path, "before-restore", keep=None) is None:
                raise ProjectFileError(f"{project_path}: not enough free disk space to keep the current state "
                                       "first; nothing was restored")
            source.backup(db.conn)
        finally:
            db.close()
    finally:
        source.close()
    prune(project_path, keep)
