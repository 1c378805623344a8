"""Reports on cited captures: the evidence table and the chronology give a cited web capture's or
photograph's SHA-256 (short form) and capture time; citation lists give a capture its URL and
accessed date. Read back with csv, json and the chronology's own text."""
from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest

from desktop_app.cli import main
from tests.capture_making import article, photo, warc


@pytest.fixture
def cited(tmp_path, capsys):
    path = str(tmp_path / "p.sourceline")
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc([("https://example.org/news/bridge", article("Bridge closed"), "2024-11-16T09:30:00Z")]))
    picture = tmp_path / "scene.jpg"
    photo(picture, offset="+02:00")
    note = tmp_path / "note.txt"
    note.write_text("The bridge was closed to traffic on Friday.\n")
    assert main(["new", path]) == 0
    assert main(["import", "--db", path, str(archive), str(picture), str(note)]) == 0
    assert main(["add-event", "--db", path, "--title", "Bridge closed", "--date", "2024-11-15"]) == 0
    for source, quote in ((1, "closed to traffic on Friday morning"), (3, "closed to traffic on Friday")):
        assert main(["cite", "--db", path, "--event", "1", "--source", str(source), "--quote", quote]) == 0
    assert main(["annotate", "--db", path, "--source", "2", "--region", "0,0,10,10"]) == 0
    assert main(["cite", "--db", path, "--event", "1", "--source", "2", "--annotation", "3"]) == 0
    capsys.readouterr()
    return path, {name: hashlib.sha256(file.read_bytes()).hexdigest() for name, file in
                  (("warc", archive), ("photo", picture))}


def test_the_evidence_table_gives_hash_and_capture_time(cited, capsys):
    path, digests = cited
    assert main(["export", "--db", path, "--format", "evidence"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(row["source_title"], row["original_sha256"], row["captured"]) for row in rows] == [
        ("Bridge closed", digests["warc"][:12], "2024-11-16T09:30:00Z"),
        ("The bridge was closed to traffic on Friday.", "", ""),  # a text file's original is no capture
        ("scene", digests["photo"][:12], "2008-10-22T16:28:39+02:00"),
    ]


def test_the_chronology_gives_hash_and_capture_time(cited, capsys):
    path, digests = cited
    assert main(["export", "--db", path, "--format", "chronology"]) == 0
    text = capsys.readouterr().out
    assert f"captured Saturday 16 November 2024, 09:30 UTC · SHA-256 {digests['warc'][:12]}" in text
    assert f"taken Wednesday 22 October 2008, 16:28 +0200 · SHA-256 {digests['photo'][:12]}" in text
    assert "region 0,0,10,10" in text


def test_citation_lists_give_a_capture_its_url_and_accessed_date(cited, capsys):
    path, _ = cited
    assert main(["export", "--db", path, "--format", "csl-json"]) == 0
    items = {item["title"]: item for item in json.loads(capsys.readouterr().out)}
    assert items["Bridge closed"]["URL"] == "https://example.org/news/bridge"
    assert items["Bridge closed"]["accessed"]["date-parts"] == [[2024, 11, 16]]
    assert main(["export", "--db", path, "--format", "bibtex"]) == 0
    bibtex = capsys.readouterr().out
    assert "https://example.org/news/bridge" in bibtex and "2024-11-16" in bibtex
