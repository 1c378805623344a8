"""A child process editing or importing is killed with SIGKILL at random moments, many times; the
file must stay intact, keep every edit it reported done, and hold nothing of a half-done import."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from db.store import create_project

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

KILLS = int(os.environ.get("CRASH_KILLS", "8"))

EDITOR = """
import sys
from db import events, ops
from db.store import open_project
db = open_project(sys.argv[1])
start = int(sys.argv[2])
for i in range(start, start + 100000):
    ops.run(db, events.add_event(f"edit {i}", "2024-11-15", description="x" * 200, tags=["t%d" % (i % 7)]))
    print(i, flush=True)
"""

IMPORTER = """
import sys
from db import events, ops
from db.ops import Op
from db.store import open_project
db = open_project(sys.argv[1])
def bulk(db):
    for i in range(200000):
        events.insert_event(db, f"imported {i}", "2024-11-%02d" % (1 + i % 28), tags=["imported"])
print("started", flush=True)
ops.run(db, Op("Import events", bulk))
print("finished", flush=True)
"""


def _spawn(script, *args):
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True,
                            cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))


def _check_intact(path):
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for fts in ("events_fts", "sources_fts", "annotations_fts"):
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    return conn


def test_killed_editor_keeps_every_edit_it_reported(tmp_path):
    path = str(tmp_path / "p.sourceline")
    create_project(path).close()
    rng = random.Random(1234)
    reported = set()
    next_edit = 0
    for _ in range(KILLS):
        child = _spawn(EDITOR, path, str(next_edit))
        deadline = time.monotonic() + rng.uniform(0.6, 1.5)
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            reported.add(int(line))
        child.send_signal(signal.SIGKILL)
        child.wait()
        reported.update(int(line) for line in child.stdout.read().split())
        next_edit = max(reported, default=-1) + 1000
        conn = _check_intact(path)
        stored = {int(t.split()[1]) for (t,) in conn.execute("SELECT title FROM events")}
        conn.close()
        assert reported <= stored, f"edits reported done but lost: {sorted(reported - stored)[:5]}"
    assert len(reported) > KILLS  # the children did work between kills


def test_killed_import_leaves_nothing_behind(tmp_path):
    path = str(tmp_path / "p.sourceline")
    create_project(path).close()
    rng = random.Random(99)
    for _ in range(max(3, KILLS // 2)):
        child = _spawn(IMPORTER, path)
        assert child.stdout.readline().strip() == "started"
        time.sleep(rng.uniform(0.05, 0.8))
        child.send_signal(signal.SIGKILL)
        child.wait()
        conn = _check_intact(path)
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM tags").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM event_day_counts").fetchone()[0] == 0
        conn.close()
