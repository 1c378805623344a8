"""Settling "deleted here, changed there" their way brings the record back, with their changes and
the new rows that hang from it; settling it ours keeps it deleted."""
import shutil

import pytest

from db import authorship, citations, ops
from db import exchange_conflicts as conflicts
from db.authorship import Author
from db.events import delete_events, update_event
from db.store import open_project
from desktop_app.exchange.exchanging import apply_changes, export_changes

ANA = Author("7a1c0000-0000-4000-8000-00000000000a", "Ana Ruiz")
BEN = Author("7a1c0000-0000-4000-8000-00000000000b", "Ben Okafor")


def _opened(path, author):
    db = open_project(path)
    authorship.use(db, author)
    return db


@pytest.fixture
def deleted_here_changed_there(tmp_path, _small_project_file):
    """Ana deleted the minister's event; Ben described it anew and cited a source for it."""
    ana_path, ben_path = tmp_path / "ana.sourceline", tmp_path / "ben.sourceline"
    shutil.copyfile(_small_project_file, ana_path)
    shutil.copyfile(_small_project_file, ben_path)
    ben = _opened(ben_path, BEN)
    minister = ben.conn.execute("SELECT id, uuid FROM events WHERE title = 'Minister resigns'").fetchone()
    source = ben.conn.execute("SELECT id FROM sources").fetchone()[0]
    ops.run(ben, update_event(minister[0], description="He resigned by letter on Monday."))
    ops.run(ben, citations.add_citation(minister[0], source, locator="4", quote="by letter"))
    export_changes(ben, tmp_path / "ben.slchanges")
    ben.close()
    ana = _opened(ana_path, ANA)
    ops.run(ana, delete_events([ana.conn.execute("SELECT id FROM events WHERE uuid = ?", (minister[1],)).fetchone()[0]]))
    applied = apply_changes(ana, tmp_path / "ben.slchanges", "review", lambda op: ops.run(ana, op))
    yield ana, minister[1], applied
    ana.close()


def test_the_conflict_is_listed_with_what_hangs_from_it(deleted_here_changed_there):
    ana, uuid, applied = deleted_here_changed_there
    assert [(c["uuid"], c["field"], c["deleted"], c["mine"], c["theirs"]) for c in applied.conflicts] == [
        (uuid, "(record)", "here", None, {"description": "He resigned by letter on Monday."})]
    kept = conflicts.pending(ana)
    assert len(kept) == 1 and len(kept[0].detail["dependents"]) == 1  # Ben's new citation waits with it
    assert ana.conn.execute("SELECT count(*) FROM events WHERE uuid = ?", (uuid,)).fetchone()[0] == 0


def test_theirs_brings_it_back_with_their_changes_and_new_citation(deleted_here_changed_there):
    ana, uuid, _ = deleted_here_changed_there
    ops.run(ana, conflicts.settle({conflicts.pending(ana)[0].id: "theirs"}))
    row = ana.conn.execute("SELECT id, title, description FROM events WHERE uuid = ?", (uuid,)).fetchone()
    assert row[1:] == ("Minister resigns", "He resigned by letter on Monday.")
    assert ana.conn.execute("SELECT quote FROM citations WHERE event_id = ?", (row[0],)).fetchall() == [("by letter",)]
    assert ana.conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'letter'").fetchone()[0] == 1
    assert ana.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_mine_keeps_it_deleted(deleted_here_changed_there):
    ana, uuid, _ = deleted_here_changed_there
    ops.run(ana, conflicts.settle({conflicts.pending(ana)[0].id: "mine"}))
    assert ana.conn.execute("SELECT count(*) FROM events WHERE uuid = ?", (uuid,)).fetchone()[0] == 0
    assert conflicts.pending_count(ana) == 0
