"""A child process editing or importing is killed with SIGKILL at random moments, many times; the
file must stay intact, keep every edit it reported done, and hold nothing of a half-done import."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import events, ops
from db.store import create_project, open_project

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

# The real imports, as the window's workers and the command line run them (with the backup first),
# printing their progress so that a kill can land anywhere from the backup to the commit.
DATASET_IMPORTER = """
import sys
from db.store import open_project
from desktop_app.datasets import import_dataset
from desktop_app.datasets.csv_file import CsvFile
from desktop_app.datasets.mapping import guess_mapping
db = open_project(sys.argv[1])
csv_file = CsvFile.open(sys.argv[2])
print("started", flush=True)
import_dataset(db, csv_file, guess_mapping(csv_file.header), "skip", project_path=sys.argv[1],
               progress=lambda done, total: print("rows", done, flush=True))
print("finished", flush=True)
"""

SOURCE_IMPORTER = """
import sys
from db import backups, ops
from db.store import open_project
from desktop_app.importing import ADD, plan_import
db = open_project(sys.argv[1])
plan = plan_import([sys.argv[2]], db)
assert not plan.problems, plan.problems
print("started", flush=True)
backups.make_backup(db, sys.argv[1], "before-import")
ops.run(db, plan.apply(default=ADD, progress=lambda done, total: done % 200 or print("sources", done, flush=True)))
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


def _schema(conn):
    """Tables, indexes and triggers: a bulk import drops some triggers inside its transaction."""
    return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


def _counts(conn, tables):
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}


def _kill_imports(tmp_path, script, data, total, tables, seed):
    """Run the import ``KILLS // 2`` times (at least 3), each killed at a random point: when its
    progress passes a random count (or during the backup before it, or about the commit), plus up
    to 0.3 s. After each kill the file is intact and holds either the whole import or none of it.
    Progress, not time, picks the moment, so a faster machine kills at the same points."""
    path = str(tmp_path / "p.sourceline")  # (its backups go to tmp_path too: see tests/conftest.py)
    create_project(path).close()
    conn = sqlite3.connect(path)
    schema = _schema(conn)
    conn.close()
    rng = random.Random(seed)
    killed_mid_way = 0
    for _ in range(max(3, KILLS // 2)):
        conn = sqlite3.connect(path)
        before = _counts(conn, tables)
        conn.close()
        child = _spawn(script, path, str(data))
        assert child.stdout.readline().strip() == "started"
        target = rng.uniform(-0.15 * total, 1.05 * total)  # below 0: during the backup; past the end: the commit
        for line in child.stdout if target > 0 else ():
            words = line.split()
            if words[0] == "finished" or int(words[1]) >= target:
                break
        time.sleep(rng.uniform(0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait()
        conn = _check_intact(path)
        assert _schema(conn) == schema  # the triggers a bulk import suspends are back
        after = _counts(conn, tables)
        first = tables[0]
        if after[first] == before[first]:
            assert after == before, "a killed import left rows behind"
            killed_mid_way += 1
            conn.close()
        else:
            assert after[first] == before[first] + total, f"{after[first] - before[first]} of {total} imported"
            conn.close()
            for suffix in ("", "-wal", "-shm"):  # the next run starts afresh: a dataset imports once
                Path(path + suffix).unlink(missing_ok=True)
            create_project(path).close()
    assert killed_mid_way  # most kills land before the commit
    _still_works(path)


def _still_works(path):
    """An edit after the kills: the triggers fill the derived tables as before."""
    db = open_project(path)
    ops.run(db, events.add_event("After the kills", "2024-11-15", tags=["after"]))
    assert db.conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'kills'").fetchone()[0] == 1
    assert db.conn.execute("SELECT sum(n) FROM event_day_counts").fetchone()[0] == events.count_events(db)
    db.close()


def test_a_killed_dataset_import_leaves_nothing_behind(tmp_path):
    rows = 30_000
    data = tmp_path / "events.csv"
    with data.open("w") as handle:
        handle.write("id,date,title,tags,actor1\n")
        for n in range(rows):
            handle.write(f"E{n},2024-{1 + n % 12:02d}-{1 + n % 28:02d},Event number {n},tag{n % 50},Actor {n % 300}\n")
    _kill_imports(tmp_path, DATASET_IMPORTER, data, rows, seed=99,
                  tables=("events", "tags", "entities", "event_tags", "event_entities", "event_day_counts",
                          "events_fts", "sources", "citations"))


def test_a_killed_source_import_leaves_nothing_behind(tmp_path):
    items = 3_000
    data = tmp_path / "library.json"
    data.write_text(json.dumps([{"id": f"k{n}", "type": "article-journal", "title": f"Article number {n} on things",
                                 "author": [{"family": f"Author{n}", "given": "A."}],
                                 "issued": {"date-parts": [[2000 + n % 25, 1 + n % 12]]}} for n in range(items)]))
    _kill_imports(tmp_path, SOURCE_IMPORTER, data, items, seed=7,
                  tables=("sources", "source_creators", "sources_fts", "history"))
