"""The command line meets a full disk, a failing disk or a project busy in another program: one
line saying so (as the window's message does), status 1, never a traceback — and the project and
any previous export as they were."""
from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import store
from db.store import create_project
from desktop_app.cli import main
from tests.conftest import fill_the_disk

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.sourceline"
    create_project(path).close()
    assert main(["add-event", "--db", str(path), "--date", "2024-11-15", "--title", "Before"]) == 0
    return path


def counts(path) -> tuple[int, int, int]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("events", "sources", "history"))
    finally:
        conn.close()


@pytest.fixture
def full_disk(monkeypatch):
    """Every project the command opens cannot grow past the pages it has (SQLite's own limit,
    ``max_page_count``: the next page it needs fails with SQLITE_FULL, as on a full disk)."""
    real = store.connect
    monkeypatch.setattr(store, "connect", lambda path: fill_the_disk(real(path)))


def one_line(capsys, *expected: str) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sourceline: ") and "Traceback" not in err, err
    for text in expected:
        assert text in err, err
    return err


def test_an_edit_on_a_full_disk(project, full_disk, capsys):
    before = counts(project)
    capsys.readouterr()
    assert main(["add-event", "--db", str(project), "--date", "2024", "--title", "Too big",
                 "--description", "x" * 200_000]) == 1
    one_line(capsys, str(project), "disk holding the project is full", "Nothing was lost")
    assert counts(project) == before


def test_imports_on_a_full_disk(project, full_disk, tmp_path, capsys):
    before = counts(project)
    events_csv = tmp_path / "events.csv"
    events_csv.write_text("date,title\n" + "".join(f"2024-11-{1 + n % 28:02d},Event {n} {'x' * 80}\n" for n in range(3000)))
    assert main(["import-events", "--db", str(project), str(events_csv), "--quiet"]) == 1
    one_line(capsys, "disk holding the project is full")
    bib = tmp_path / "library.bib"
    bib.write_text("".join(f"@book{{k{n}, title = {{Book {n} {'x' * 200}}}, year = {{2001}}}}\n" for n in range(300)))
    assert main(["import", "--db", str(project), str(bib)]) == 1
    one_line(capsys, "disk holding the project is full")
    assert counts(project) == before


def test_a_project_busy_past_the_wait(project, monkeypatch, capsys):
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(project, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a long write
    try:
        capsys.readouterr()
        assert main(["add-event", "--db", str(project), "--date", "2024", "--title", "Waits"]) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = one_line(capsys, "busy writing to this project", "Try again")
    assert "locked" not in err
    assert counts(project)[0] == 1


def test_an_export_the_disk_refuses(project, tmp_path, monkeypatch, capsys):
    target = tmp_path / "events.csv"
    target.write_text("the previous export")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    for fmt in ("csv", "evidence", "chronology", "timelinejs", "csl-json", "bibtex", "ris", "bibliography"):
        assert main(["export", "--db", str(project), "--format", fmt, "-o", str(target)]) == 1, fmt
        one_line(capsys, str(target), "No space left on device", "nothing was changed")
    assert target.read_text() == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if "events" in p.name) == ["events.csv"]


WRITE_PAST_A_LIMIT = """
import resource, signal, sys
from desktop_app.cli import main
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE and SIGXFSZ are Linux's")
def test_writes_cut_short_by_the_file_system(project, tmp_path):
    """A real write failing part-way (a file-size limit: what a full disk looks like to a writer),
    in a child process: the edit is not applied and the export leaves the previous file."""
    def run(limit, *args):
        return subprocess.run([sys.executable, "-c", WRITE_PAST_A_LIMIT, str(limit), *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    before = counts(project)
    # (the limit is per file: the write-ahead log, where an edit goes first, stops at 64 KiB)
    done = run(65_536, "add-event", "--db", str(project), "--date", "2024", "--title", "Big",
               "--description", "x" * 100_000)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert "could not be read or written" in done.stderr and "Nothing was lost" in done.stderr
    assert counts(project) == before
    for n in range(40):
        assert main(["add-event", "--db", str(project), "--date", "2024", "--title", f"Event {n}",
                     "--description", "y" * 2000]) == 0
    target = tmp_path / "chronology.md"
    target.write_text("the previous export")
    done = run(40_000, "export", "--db", str(project), "--format", "chronology", "-o", str(target))
    assert done.returncode == 1 and "Traceback" not in done.stderr and "nothing was changed" in done.stderr, done.stderr
    assert target.read_text() == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if "chronology" in p.name) == ["chronology.md"]
    # too little room even for the shared-memory index (32 KiB) beside the project: a disk error
    # on opening, which is no reason to call the file damaged and send the user to a backup
    done = run(20_000, "info", "--db", str(project))
    assert done.returncode == 1 and "cannot be opened just now (disk I/O error)" in done.stderr, done.stderr
    assert "damaged" not in done.stderr


def test_the_message_for_a_failure_does_not_load_qt(project, tmp_path):
    code = ("import sqlite3, sys\n"
            "from db import store\n"
            "store.BUSY_TIMEOUT_MS = 50\n"
            f"holder = sqlite3.connect({str(project)!r}, isolation_level=None)\n"
            "holder.execute('BEGIN IMMEDIATE')\n"
            "from desktop_app.cli import main\n"
            f"assert main(['add-event', '--db', {str(project)!r}, '--date', '2024', '--title', 'x']) == 1\n"
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "busy writing to this project" in done.stderr
