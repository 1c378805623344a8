"""Two copies of one project edited apart, in separate processes, then exchanged both ways.

Every edit and every exchange runs in a child process (`python -m desktop_app.cli ...`, or a short
script through the same ops as the window); the parent only reads the files and compares them.
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from db import exchange_conflicts, ops
from db.exchange_schema import ExchangeSchema
from db.store import create_project, open_project

ROOT = Path(__file__).resolve().parents[3]
# Highlights and citations have no command of their own: a script does them through the ops.
HIGHLIGHT_AND_CITE = """
import sys
from db import annotations, authorship, citations, ops
from db.store import open_project
path, author, event_title, quote, stance = sys.argv[1:6]
db = open_project(path)
authorship.use(db, authorship.Author(*author.split("|")))
source_id, text = db.conn.execute("SELECT id, full_text FROM sources WHERE title = 'Daily News report'").fetchone()
start = text.index(quote)
annotation = ops.run(db, annotations.add_annotation(source_id, start, start + len(quote), note=f"{author} read this"))
event = db.conn.execute("SELECT id FROM events WHERE title = ?", (event_title,)).fetchone()[0]
ops.run(db, citations.add_citation(event, source_id, annotation, locator="2", stance=stance))
db.close()
"""
ANA = "7a1c0000-0000-4000-8000-00000000000a|Ana Ruiz"
BEN = "7a1c0000-0000-4000-8000-00000000000b|Ben Okafor"
FULL_TEXT = "The bridge was closed on Friday. Ferries ran all weekend. Protesters gathered on Monday."


def cli(*args, expect=0):
    done = subprocess.run([sys.executable, "-m", "desktop_app.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == expect, (args, done.stdout, done.stderr)
    return done


def script(code, *args):
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr


def uuid_of(path, title):
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT uuid FROM events WHERE title = ?", (title,)).fetchone()[0]


def snapshot(path):
    """Every exchanged record, by table and uuid (link rows by their records' uuids), with the
    fields a person edits."""
    db = open_project(path)
    try:
        schema = ExchangeSchema(db)
        out = {}
        for table, spec in schema.tables.items():
            cursor = db.conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            rows = {}
            for row in cursor.fetchall():
                values = schema.to_exchange(table, dict(zip(names, row)))
                record = dict(zip(spec.columns, values))
                key = values if spec.is_link else values[0]
                rows[key] = {c: record[c] for c in spec.compared + ("created_by",) if c in record}
            out[table] = rows
        return out
    finally:
        db.close()


def whole(path):
    """The file's content (every table's rows, history included) — to show nothing changed."""
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


@pytest.fixture(scope="module")
def edited_copies(tmp_path_factory, _small_project_file):
    """Ana's and Ben's copies of one small project, with one source to highlight, each edited in
    its own processes (made once; each test works on copies of them)."""
    tmp_path = tmp_path_factory.mktemp("copies")
    with pytest.MonkeyPatch.context() as patch:  # (the autouse data folder is set per test, after this)
        patch.setenv("SOURCELINE_DATA_DIR", str(tmp_path / "user-data"))
        return _edit_apart(tmp_path, _small_project_file)


def _edit_apart(tmp_path, small_project):
    base = tmp_path / "base.sourceline"
    shutil.copyfile(small_project, base)
    db = open_project(base)
    db.conn.execute("UPDATE sources SET full_text = ? WHERE title = 'Daily News report'", (FULL_TEXT,))
    db.conn.commit()
    db.close()
    a, b = tmp_path / "ana.sourceline", tmp_path / "ben.sourceline"
    shutil.copyfile(base, a)
    shutil.copyfile(base, b)
    ana, ben = ("--author", ANA.split("|")[1]), ("--author", BEN.split("|")[1])
    bridge = uuid_of(a, "Bridge closed to traffic")
    cli("edit-event", "--db", a, "--id", bridge, "--title", "Bridge shut", *ana)
    cli("edit-event", "--db", a, "--id", uuid_of(a, "Minister resigns"), "--description", "He resigned by letter.", *ana)
    cli("add-event", "--db", a, "--date", "2024-11-16", "--title", "Ferry service starts", "--tag", "transport", *ana)
    cli("delete-event", "--db", a, "--id", uuid_of(a, "Spring storms flood the valley"), *ana)
    script(HIGHLIGHT_AND_CITE, a, ANA, "Ferry service starts", "Ferries ran all weekend.", "supports")
    note = tmp_path / "ferry-notice.txt"
    note.write_text("Ferry notice\n\nThe ferry will run every hour from Saturday.\n", encoding="utf-8")
    cli("import", "--db", a, note, *ana)  # a source with its original file
    cli("add-era", "--db", a, "--name", "Bridge works", "--date", "2024-11-15/2024-12", *ana)

    cli("edit-event", "--db", b, "--id", bridge, "--title", "Bridge closed for repairs", *ben)
    cli("edit-event", "--db", b, "--id", uuid_of(b, "Protest at the square"), "--date", "2024-11-19/2024-11-22", *ben)
    cli("add-event", "--db", b, "--date", "2024-11-25", "--title", "Council meets in emergency session",
        "--tag", "politics", "--tag", "emergency", *ben)
    cli("edit-event", "--db", b, "--id", uuid_of(b, "Spring storms flood the valley"), "--description",
        "Storms in April.", *ben)
    cli("delete-event", "--db", b, "--id", uuid_of(b, "Council votes to close the bridge"), *ben)
    script(HIGHLIGHT_AND_CITE, b, BEN, "Protest at the square", "Protesters gathered on Monday.", "contradicts")
    cli("add-era", "--db", b, "--name", "Protest week", "--date", "2024-11-18/2024-11-24", "--color", "#aa3300", *ben)
    return base, a, b


@pytest.fixture
def copies(tmp_path, edited_copies):
    for path in edited_copies:
        shutil.copyfile(path, tmp_path / path.name)
    return tmp_path / edited_copies[1].name, tmp_path / edited_copies[2].name


def export(path, out, who):
    cli("changes", "export", "--db", path, "-o", out, "--author", who)
    return out


def apply(path, change_file, who, expect=0, on_conflict="review"):
    done = cli("changes", "apply", "--db", path, change_file, "--author", who, "--format", "json",
               "--on-conflict", on_conflict, expect=expect)
    return json.loads(done.stdout)


def conflicts_of(result):
    return sorted((c["table"], c["uuid"], c["field"], json.dumps(c["mine"]), json.dumps(c["theirs"]), c["deleted"])
                  for c in result["conflicts"])


def settle(path, choose):
    """Settle every kept conflict: ``choose(conflict) -> 'mine' | 'theirs'`` (as the window does)."""
    db = open_project(path)
    try:
        ops.run(db, exchange_conflicts.settle({c.id: choose(c) for c in exchange_conflicts.pending(db)}))
    finally:
        db.close()


def test_two_copies_exchanged_both_ways_agree_and_lose_nothing(copies, tmp_path):
    a, b = copies
    bridge, storms = uuid_of(a, "Bridge shut"), uuid_of(b, "Spring storms flood the valley")
    from_ana = export(a, tmp_path / "ana-1.slchanges", "Ana Ruiz")
    from_ben = export(b, tmp_path / "ben-1.slchanges", "Ben Okafor")

    at_ben = apply(b, from_ana, "Ben Okafor", expect=3)
    assert at_ben["from"]["name"] == "Ana Ruiz"
    # the conflicts, exactly: the title both changed; the event Ana deleted and Ben changed
    assert conflicts_of(at_ben) == sorted([
        ("events", bridge, "title", '"Bridge closed for repairs"', '"Bridge shut"', None),
        ("events", storms, "(record)", json.dumps({"description": "Storms in April."}), "null", "there"),
    ])
    title = next(c for c in at_ben["conflicts"] if c["field"] == "title")
    assert (title["my_author"], title["their_author"]) == ("Ben Okafor", "Ana Ruiz") and title["my_at"] and title["their_at"]

    at_ana = apply(a, from_ben, "Ana Ruiz", expect=3)
    assert [(c[1], c[2], c[5]) for c in conflicts_of(at_ana)] == sorted([(bridge, "title", None), (storms, "(record)", "here")])

    # nothing is decided silently: the conflicting values are as each side left them
    assert snapshot(b)["events"][bridge]["title"] == "Bridge closed for repairs"
    assert snapshot(a)["events"][bridge]["title"] == "Bridge shut"
    # the team agrees: Ana's title; the storm event stays deleted
    settle(a, lambda c: "mine")
    settle(b, lambda c: "theirs")

    ana, ben = snapshot(a), snapshot(b)
    assert ana == ben  # the same uuids, the same values, in every table
    events = {r["title"] for r in ana["events"].values()}
    assert {"Ferry service starts", "Council meets in emergency session", "Bridge shut"} <= events
    assert not {"Spring storms flood the valley", "Council votes to close the bridge"} & events
    assert len(ana["annotations"]) == 2 and len(ana["citations"]) == 4  # both highlights, both citations
    # Ana's imported file arrived whole: the same bytes under the same hash
    kept = {}
    for path in (a, b):
        with closing(sqlite3.connect(path)) as conn:
            kept[path] = conn.execute("SELECT o.sha256, b.data FROM sources s JOIN originals o ON o.id = s.original_id"
                                      " JOIN original_bytes b ON b.original_id = o.id").fetchall()
    assert len(kept[a]) == 1 and kept[a] == kept[b]
    assert kept[b][0][0] == hashlib.sha256(kept[b][0][1]).hexdigest()
    for path in (a, b):
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            # derived data followed: day counts, the full-text index, first report, contested
            assert conn.execute("SELECT sum(n) FROM event_day_counts").fetchone()[0] == \
                conn.execute("SELECT count(*) FROM events").fetchone()[0]
            conn.execute("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)")
        found = json.loads(cli("search", "--db", path, "ferry", "--format", "json").stdout)
        assert ("event", "Ferry service starts") in {(hit["kind"], hit["title"]) for hit in found}
        found = json.loads(cli("search", "--db", path, "protesters gathered", "--format", "json").stdout)
        assert "annotation" in {hit["kind"] for hit in found}  # Ben's highlight, on Ana's side too
        listed = cli("events", "--db", path, "--search", "emergency session", "--format", "json").stdout
        assert [e["title"] for e in json.loads(listed)] == ["Council meets in emergency session"]
        listed = cli("events", "--db", path, "--search", "ferry", "--format", "json").stdout
        assert [e["title"] for e in json.loads(listed)] == ["Ferry service starts"]
        db = open_project(path)
        try:
            protest = db.conn.execute("SELECT id FROM events WHERE title = 'Protest at the square'").fetchone()[0]
            from db.events import EventFilter, event_page
            contested = {e["id"] for e in event_page(db, EventFilter(stance="contradicts"))}
            assert protest in contested
            creators = dict(db.conn.execute(
                "SELECT e.title, a.name FROM events e JOIN authors a ON a.id = e.created_by").fetchall())
            assert creators["Ferry service starts"] == "Ana Ruiz"
            assert creators["Council meets in emergency session"] == "Ben Okafor"
            # eras travel too, with their dates' bounds and their authors
            eras = {row[0]: row[1:] for row in db.conn.execute(
                "SELECT r.name, r.date_edtf, r.start_s, r.end_s, r.color, a.name FROM eras r"
                " JOIN authors a ON a.id = r.created_by")}
            assert set(eras) == {"Bridge works", "Protest week"}
            assert eras["Protest week"][0] == "2024-11-18/2024-11-24" and eras["Protest week"][3:] == ("#aa3300", "Ben Okafor")
            assert eras["Bridge works"][4] == "Ana Ruiz" and eras["Bridge works"][1] < eras["Bridge works"][2]
        finally:
            db.close()


def test_applying_a_file_twice_changes_nothing(copies, tmp_path):
    a, b = copies
    from_ana = export(a, tmp_path / "ana-1.slchanges", "Ana Ruiz")
    apply(b, from_ana, "Ben Okafor", expect=3)
    before = whole(b)
    again = apply(b, from_ana, "Ben Okafor")
    assert again["already_applied"] and again["conflicts"] == []
    assert whole(b) == before


def test_a_chain_a_to_b_to_c_carries_a_s_changes(copies, tmp_path):
    a, b = copies
    c = tmp_path / "chen.sourceline"
    shutil.copyfile(tmp_path / "base.sourceline", c)
    apply(b, export(a, tmp_path / "ana-1.slchanges", "Ana Ruiz"), "Ben Okafor", expect=3)
    settle(b, lambda conflict: "theirs")
    from_ben = export(b, tmp_path / "ben-1.slchanges", "Ben Okafor")
    at_chen = apply(c, from_ben, "Chen Wei")
    assert at_chen["conflicts"] == []
    titles = {r["title"] for r in snapshot(c)["events"].values()}
    assert {"Ferry service starts", "Bridge shut", "Council meets in emergency session"} <= titles
    # Ana's own file, arriving at Chen after Ben's, finds its work done
    late = apply(c, tmp_path / "ana-1.slchanges", "Chen Wei")
    assert late["conflicts"] == [] and late["created"] == 0
    assert snapshot(c)["events"] == snapshot(b)["events"]


def test_the_next_export_holds_only_what_changed_since(copies, tmp_path):
    a, _ = copies
    export(a, tmp_path / "ana-1.slchanges", "Ana Ruiz")
    cli("add-event", "--db", a, "--date", "2024-12-01", "--title", "Later event", "--author", "Ana Ruiz")
    second = cli("changes", "export", "--db", a, "-o", tmp_path / "ana-2.slchanges", "--author", "Ana Ruiz").stdout
    assert "1 inserted" in second


def test_a_change_file_of_another_project_is_refused_in_one_line(copies, tmp_path):
    a, _ = copies
    other = tmp_path / "other.sourceline"
    create_project(other).close()
    before = whole(other)
    done = cli("changes", "apply", "--db", other, export(a, tmp_path / "ana-1.slchanges", "Ana Ruiz"), expect=1)
    assert "another project" in done.stderr and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert whole(other) == before


def _rewrite(path, change):
    """Write the zip again with ``change(name, data) -> data`` applied (valid checksums: only the
    signature can tell)."""
    with zipfile.ZipFile(path) as archive:
        members = [(name, archive.read(name)) for name in archive.namelist()]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members:
            archive.writestr(name, change(name, data))


@pytest.mark.parametrize("damage", ["truncated", "changeset", "header", "not a zip"])
def test_a_truncated_or_tampered_change_file_is_refused_and_changes_nothing(copies, tmp_path, damage):
    a, b = copies
    path = export(a, tmp_path / "ana-1.slchanges", "Ana Ruiz")
    if damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) * 2 // 3])
    elif damage == "changeset":
        _rewrite(path, lambda name, data: data.replace(b"Ferry service starts", b"Ferry service stopps")
                 if name == "changes.changeset" else data)
    elif damage == "header":
        _rewrite(path, lambda name, data: data.replace(b"Ana Ruiz", b"Eve Mallory") if name.endswith(".json") else data)
    else:
        path.write_text("hello")
    before = whole(b)
    done = cli("changes", "apply", "--db", b, path, expect=1)
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr and str(path) in done.stderr
    assert whole(b) == before
