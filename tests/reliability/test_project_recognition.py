"""Which files are projects, decided before anything is written (issue 14, items 1, 7, 8).

- A project a full disk left with its header counting pages that are still in the WAL is intact:
  every command works on it (SQLite reads the WAL; no header-versus-size guess calls it damaged).
- Another program's SQLite database, at any user_version, is refused by every command and its
  bytes never change (nor does anything appear beside it); a negative user_version is refused.
- A folder, a named pipe or a device is refused at once (reading a pipe would wait for ever).
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import migrations
from db.store import APPLICATION_ID, create_project, open_project
from desktop_app.cli import main
from tests.reliability.bad_projects import commands, foreign, interrupted_checkpoint

ROOT = Path(__file__).resolve().parents[2]


def one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sourceline: ") and "Traceback" not in err, err
    return err


def state(folder: Path, name: str) -> dict:
    """Every file of ``name`` and beside it (-wal, -shm, -journal), hashed."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.name.startswith(name)}


def test_a_project_left_by_a_full_disk_is_intact_and_every_command_works_on_it(tmp_path, project, capsys):
    state_path = interrupted_checkpoint(project, tmp_path / "full.sourceline")
    with sqlite3.connect(state_path) as conn:  # what SQLite says of it
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    conn.close()
    assert events == 405
    work = tmp_path / "work"
    work.mkdir()
    run = commands(state_path, work)
    for name in [n for n in ("info", "add-event", "import", "import-events", "export", "backup", "search", "check") if n in run]:
        capsys.readouterr()
        assert main(run[name]) == 0, (name, capsys.readouterr().err)
    db = open_project(state_path)
    try:
        assert db.conn.execute("SELECT count(*) FROM events").fetchone()[0] == events + 2  # add-event, import-events
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


def test_projects_are_marked_at_creation_and_older_ones_by_their_migration(tmp_path, project):
    new = create_project(tmp_path / "new.sourceline")
    assert new.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    new.close()
    older = tmp_path / "older.sourceline"
    conn = sqlite3.connect(older)
    conn.close()
    from db.store import connect

    db = connect(older)
    migrations.migrations.apply(db, stop_before="m007_application_id")
    assert db.conn.execute("PRAGMA application_id").fetchone()[0] == 0
    db.close()
    db = open_project(older)  # recognised by its tables and its record of our migrations
    assert db.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


FOREIGN = {
    "v0": lambda path: foreign(path, 0),
    "v2": lambda path: foreign(path, 2),
    "v3": lambda path: foreign(path, 3),
    "v3 in WAL mode": lambda path: foreign(path, 3, wal=True),
    "negative": lambda path: foreign(path, -4),
    "empty": lambda path: sqlite3.connect(path).execute("PRAGMA user_version = 2").connection.close(),
}


@pytest.mark.parametrize("make", FOREIGN.values(), ids=FOREIGN.keys())
def test_another_programs_database_is_refused_by_every_command_and_never_changed(tmp_path, make, capsys):
    path = tmp_path / "places.sqlite"
    make(path)
    before = state(tmp_path, path.name)
    work = tmp_path / "work"
    work.mkdir()
    for name, argv in commands(path, work).items():
        if name in ("backup --list", "restore"):
            continue  # they read the backups folder only (none), not the file
        capsys.readouterr()
        assert main(argv) == 1, name
        assert "not a Sourceline project" in one_line(capsys), name
        assert state(tmp_path, path.name) == before, name


def test_a_negative_schema_version_is_refused_even_on_a_project(tmp_path, project, capsys):
    conn = sqlite3.connect(project)
    conn.execute("PRAGMA user_version = -1")
    conn.close()
    assert main(["info", "--db", str(project)]) == 1
    assert "negative" in one_line(capsys)


@pytest.mark.parametrize("kind", ["folder", "pipe", "device"])
def test_what_is_not_a_file_is_refused_at_once(tmp_path, kind):
    path = {"folder": tmp_path / "folder.sourceline", "pipe": tmp_path / "pipe.sourceline",
            "device": Path("/dev/null")}[kind]
    if kind == "folder":
        path.mkdir()
    elif kind == "pipe":
        os.mkfifo(path)
    work = tmp_path / "work"
    work.mkdir()
    for name in set(commands(path, work)) & {"info", "add-event", "search", "check"}:
        # a child process: before the fix a pipe blocked for ever, and this must fail, not hang
        done = subprocess.run([sys.executable, "-m", "desktop_app.cli", *commands(path, work)[name]], cwd=ROOT,
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 1, (name, done.stderr)
        assert "not a Sourceline project" in done.stderr and "Traceback" not in done.stderr, done.stderr
