"""`sourceline publish` and File → Publish…: every page parsed (lxml), every link followed on disk,
every event there, nothing executable from the project's text; `sourceline serve` asked for JSON."""
import hashlib
import io
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from db import annotations, authorship, citations, ops, originals
from db.events import add_event
from db.sources import add_source
from db.store import open_project
from desktop_app.cli import main

ROOT = Path(__file__).resolve().parents[3]
HOSTILE = '<script src="http://evil.test/x.js"></script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile_project(tmp_path, sample_path):
    """The sample project plus an event and a source whose text is markup and whose address is
    a javascript: one, cited and highlighted."""
    path = tmp_path / "sample.sourceline"
    shutil.copyfile(sample_path, path)
    db = open_project(path)
    authorship.use(db, authorship.Author("7a1c0000-0000-4000-8000-00000000000a", "Ana <b>Ruiz</b>"))
    event = ops.run(db, add_event(f"Hostile {HOSTILE}", "2024-11-20", description=f"Said {HOSTILE}", tags=["x<y"]))
    source = ops.run(db, add_source({"title": f"Source {HOSTILE}", "URL": "javascript:alert(document.cookie)"},
                                    "2024-11-20", full_text=f"Quote {HOSTILE} end."))
    highlight = ops.run(db, annotations.add_annotation(source, 0, 20, note=HOSTILE))
    ops.run(db, citations.add_citation(event, source, highlight, locator="2", stance="contradicts"))
    kept = b"the file the source was read from"
    digest = hashlib.sha256(kept).hexdigest()
    ops.run(db, ops.Op("Keep original", lambda d: originals.set_source_original(
        d, source, originals.store(d, io.BytesIO(kept), len(kept), digest, "text/plain", "source.txt"))))
    db.close()
    return path


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _check_site(site: Path) -> dict[Path, lxml.html.HtmlElement]:
    parsed = {page: lxml.html.fromstring(page.read_bytes()) for page in _pages(site)}
    for page, tree in parsed.items():
        assert not tree.xpath("//script"), page  # no script at all, let alone one from the network
        assert not tree.xpath("//*[@onerror or @onload or @onclick]"), page
        for element, _attribute, link, _ in tree.iterlinks():
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                assert element.tag == "a", (page, link)  # only a source's address, never a resource
                continue
            assert not parts.scheme, (page, link)  # no javascript:, no file:, no data:
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), (page, link)
            if parts.fragment:
                assert parsed[target].get_element_by_id(parts.fragment) is not None, (page, link)
    return parsed


def test_the_site_is_whole_every_link_resolves_and_nothing_runs(hostile_project, tmp_path, capsys, qapp):
    # (qapp: the picture is drawn by Qt, in the test process's one QApplication)
    site = tmp_path / "site"
    assert main(["publish", "--db", str(hostile_project), "--out", str(site), "--title", "War <i>diary</i>"]) == 0
    assert "published" in capsys.readouterr().out
    parsed = _check_site(site)
    db = open_project(hostile_project)
    try:
        events = dict(db.conn.execute("SELECT uuid, title FROM events"))
        sources = dict(db.conn.execute("SELECT uuid, title FROM sources"))
        contested = db.conn.execute("SELECT count(*) FROM events e WHERE EXISTS (SELECT 1 FROM citations c WHERE "
                                    "c.event_id = e.id AND c.stance = 'contradicts')").fetchone()[0]
        quote = db.conn.execute("SELECT quote FROM citations WHERE quote != '' LIMIT 1").fetchone()[0]
    finally:
        db.close()
    chronology = [tree for page, tree in parsed.items() if page.name.startswith("chronology")]
    shown = {div.get("id")[2:]: div for tree in chronology for div in tree.find_class("event")}
    assert set(shown) == set(events)  # every event, once
    for uuid, title in events.items():
        assert title in shown[uuid].find(".//h2").text_content()  # the text as typed, markup and all, shown as text
    assert len([d for d in shown.values() if d.find_class("contested")]) >= contested
    assert any(quote.split()[0] in div.text_content() for div in shown.values())  # quotes are there
    for uuid, title in sources.items():
        page = parsed[site / "sources" / f"{uuid}.html"]
        assert page.findtext(".//h1") == (title or "Untitled source")
    hostile = next(tree for page, tree in parsed.items() if page.parent.name == "sources"
                   and "Source <script" in tree.findtext(".//h1"))
    assert "javascript:alert(document.cookie)" in hostile.text_content()
    assert not [a for a in hostile.iter("a") if "javascript" in (a.get("href") or "")]
    assert "Ana <b>Ruiz</b>" in hostile.text_content()  # who highlighted it, as text
    assert hashlib.sha256(b"the file the source was read from").hexdigest() in hostile.text_content()
    index = parsed[site / "index.html"]
    assert index.findtext(".//h1") == "War <i>diary</i>"
    assert index.xpath("//img/@src") == ["timeline.svg"]
    svg = lxml.etree.parse(str(site / "timeline.svg"))
    assert svg.getroot().tag.endswith("svg") and not svg.xpath("//*[local-name()='script']")


def test_publishing_again_replaces_the_site_and_a_foreign_folder_is_refused(project, tmp_path, capsys, qapp):
    site = tmp_path / "site"
    assert main(["publish", "--db", str(project), "--out", str(site)]) == 0
    (site / "chronology-9.html").write_text("left over")  # a page an earlier, longer project had
    assert main(["publish", "--db", str(project), "--out", str(site)]) == 0
    assert not (site / "chronology-9.html").exists()
    _check_site(site)
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "letter.txt").write_text("mine")
    capsys.readouterr()
    assert main(["publish", "--db", str(project), "--out", str(documents)]) == 1
    err = capsys.readouterr().err
    assert "not empty" in err and err.count("\n") == 1
    assert [p.name for p in documents.iterdir()] == ["letter.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".documents")]  # no half-built folder left


def test_file_publish_writes_the_site_from_the_window(window, tmp_path):
    from desktop_app.teamwork.publish_action import publish_to

    done = publish_to(window, tmp_path / "published")
    assert done.events == 5 and (tmp_path / "published" / "index.html").is_file()
    _check_site(tmp_path / "published")
    assert "Published 5 events" in window.statusBar().currentMessage()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_answers_a_canned_query_read_only(project, tmp_path):
    pytest.importorskip("datasette")
    port = _free_port()
    before = project.read_bytes()
    server = subprocess.Popen([sys.executable, "-m", "desktop_app.cli", "serve", "--db", str(project), "--port", str(port)],
                              cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}/{project.stem}"
        rows = None
        deadline = time.monotonic() + 90
        while rows is None:
            try:
                with urllib.request.urlopen(f"{base}/contested_events.json?_shape=array", timeout=10) as answer:
                    rows = json.load(answer)
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.communicate()
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.5)
        assert [row["title"] for row in rows] == ["Protest at the square"]
        assert "Daily News report (contradicts)" in rows[0]["disagreeing_sources"]
        with urllib.request.urlopen(f"{base}/events_by_period.json?_shape=array&from=2024-11-01&to=2024-11-16",
                                    timeout=10) as answer:
            titles = [row["title"] for row in json.load(answer)]
        assert titles == ["Council votes to close the bridge", "Bridge closed to traffic"]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/metadata.json", timeout=10) as answer:
            described = json.load(answer)["databases"][project.stem]
        assert set(described["queries"]) == {"events_by_period", "contested_events", "sources_with_citing_events",
                                             "highlights_by_tag"}
        assert described["tables"]["events"]["description"]
        # read-only: a write through the query page is refused
        request = urllib.request.Request(f"{base}.json?sql=DELETE+FROM+events", method="GET")
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=10)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert project.read_bytes() == before


def test_serve_refuses_a_file_that_is_not_a_project(tmp_path, capsys):
    other = tmp_path / "notes.sourceline"
    other.write_text("not a database")
    assert main(["serve", "--db", str(other)]) == 1
    assert "not a Sourceline project" in capsys.readouterr().err


def test_serve_refuses_another_programs_database_and_leaves_it_as_it_was(tmp_path, capsys):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("PRAGMA user_version = 2")
    before = other.read_bytes()
    assert main(["serve", "--db", str(other)]) == 1
    assert "not a Sourceline project" in capsys.readouterr().err
    assert other.read_bytes() == before
