"""Real SQLite failures are told apart by their error codes: busy, full, damaged, read-only."""
import errno
import os
import shutil
import sqlite3

import pytest

from db import events, ops
from db.errors import FileProblem
from db.store import create_project
from desktop_app.reliability import problems
from tests.conftest import fill_the_disk


def raised(action) -> BaseException:
    with pytest.raises(Exception) as caught:
        action()
    return caught.value


def test_a_write_that_waited_too_long_is_busy_not_a_bug(tmp_path):
    path = tmp_path / "p.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    problem = problems.classify(raised(lambda: other.execute("BEGIN IMMEDIATE")))
    assert problem.kind == problems.BUSY
    assert "Try again" in problem.message and "Nothing was lost" in problem.message
    assert "locked" not in problem.message


def test_a_full_disk_is_full(tmp_path):
    db = fill_the_disk(create_project(tmp_path / "p.sourceline"))
    error = raised(lambda: ops.run(db, events.add_event("x", "2024", description="y" * 100_000)))
    assert isinstance(error, sqlite3.OperationalError)
    assert problems.classify(error).kind == problems.FULL
    assert problems.classify(OSError(errno.ENOSPC, "No space left on device", "/x/export.csv")).kind == problems.FULL


def test_garbled_pages_and_foreign_files_are_damaged(tmp_path, project):
    garbled = tmp_path / "garbled.sourceline"
    shutil.copyfile(project, garbled)
    with garbled.open("r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(os.urandom(4096 * 6))
    conn = sqlite3.connect(garbled)
    error = raised(lambda: conn.execute("SELECT count(*), group_concat(title) FROM events").fetchall())
    assert problems.classify(error).kind == problems.DAMAGED
    text = tmp_path / "notes.txt"
    text.write_text("x" * 5000)
    error = raised(lambda: sqlite3.connect(text).execute("SELECT * FROM sqlite_master").fetchall())
    assert problems.classify(error).kind == problems.DAMAGED


def test_a_file_that_became_read_only_is_read_only(project):
    conn = sqlite3.connect(f"{project.as_uri()}?mode=ro", uri=True)
    error = raised(lambda: conn.execute("DELETE FROM events"))
    assert problems.classify(error).kind == problems.READ_ONLY


def test_user_errors_are_shown_as_they_are_and_bugs_are_bugs():
    problem = problems.classify(FileProblem("/data/a.bib", 3, "malformed BibTeX entry"))
    assert problem.kind == problems.USER and problem.message == "/data/a.bib:3: malformed BibTeX entry"
    assert problems.classify(KeyError("title")) is None
    assert problems.classify(sqlite3.ProgrammingError("Cannot operate on a closed database.")) is None
    assert problems.classify(raised(lambda: sqlite3.connect(":memory:").execute("SELEC 1"))) is None
