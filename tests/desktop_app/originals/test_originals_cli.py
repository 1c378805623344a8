"""Originals through the command line: kept on import, listed, written back, verified."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from db import ops
from db.sources import add_source
from db.store import open_project
from desktop_app.cli import main

DATA = Path(__file__).resolve().parents[2] / "data" / "import"


@pytest.fixture
def imported(tmp_path, capsys):
    path = str(tmp_path / "p.sourceline")
    assert main(["new", path]) == 0
    files = [tmp_path / name for name in ("accents.bib", "meta.html", "frontmatter.md")]
    for file in files:
        shutil.copyfile(DATA / file.name, file)
    assert main(["import", "--db", path, *map(str, files)]) == 0
    capsys.readouterr()
    return path, files


def sources_json(capsys, path):
    assert main(["sources", "--db", path, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_every_imported_file_is_kept_and_linked_from_its_sources(imported, capsys):
    path, files = imported
    rows = sources_json(capsys, path)
    by_name = {}
    for row in rows:
        by_name.setdefault(row["original_name"], []).append(row)
    assert set(by_name) == {"accents.bib", "meta.html", "frontmatter.md"}
    assert len(by_name["accents.bib"]) == 4  # four entries, one file, one original
    assert len({row["sha256"] for row in by_name["accents.bib"]}) == 1
    assert {by_name["meta.html"][0]["media_type"], by_name["frontmatter.md"][0]["media_type"],
            by_name["accents.bib"][0]["media_type"]} == {"text/html", "text/markdown", "application/x-bibtex"}
    assert by_name["meta.html"][0]["size"] == (DATA / "meta.html").stat().st_size
    assert set(rows[0]) == {"id", "uuid", "title", "type", "issued", "url", "media_type", "pages", "sha256",
                            "original_name", "size", "imported", "highlights", "citing_events",
                            "accessed", "latitude", "longitude"}
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM original_bytes").fetchone()[0] == 3
    connection.close()


def test_the_original_comes_back_byte_identical(imported, capsys, tmp_path):
    path, files = imported
    for row in sources_json(capsys, path):
        out = tmp_path / f"back-{row['id']}"
        assert main(["original", "--db", path, "--source", str(row["id"]), "-o", str(out)]) == 0
        assert out.read_bytes() == (DATA / row["original_name"]).read_bytes()


def test_a_source_without_an_original_or_a_missing_one_is_one_line(imported, capsys, tmp_path):
    path, _ = imported
    db = open_project(path)
    typed = ops.run(db, add_source({"title": "Typed in by hand"}))
    db.close()
    assert main(["original", "--db", path, "--source", str(typed), "-o", str(tmp_path / "x")]) == 1
    assert capsys.readouterr().err.strip() == (f"sourceline: {path}: source {typed} was not imported from a file; "
                                               "it has no original")
    assert main(["original", "--db", path, "--source", "999", "-o", str(tmp_path / "x")]) == 1
    assert capsys.readouterr().err.strip() == f"sourceline: {path}: there is no source 999"
    assert not (tmp_path / "x").exists()


def test_verify_passes_then_catches_one_changed_byte(imported, capsys):
    path, _ = imported
    assert main(["verify", "--db", path]) == 0
    assert capsys.readouterr().out.strip() == "3 originals intact"
    connection = sqlite3.connect(path)
    original_id, name = connection.execute(
        "SELECT id, file_name FROM originals WHERE file_name = 'meta.html'").fetchone()
    blob = connection.blobopen("original_bytes", "data", original_id)
    first = blob.read(1)
    blob.seek(0)
    blob.write(bytes([first[0] ^ 1]))  # one bit of one byte
    blob.close()
    connection.commit()
    connection.close()
    assert main(["verify", "--db", path]) == 1
    out = capsys.readouterr().out
    assert out.startswith("1 of 3 originals altered") and "meta.html" in out and "ALTERED" in out
    assert main(["verify", "--db", path, "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["intact"] == 2 and [a["file_name"] for a in report["altered"]] == [name]


def test_sources_as_csv_and_table(imported, capsys):
    path, _ = imported
    assert main(["sources", "--db", path, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 6 and rows[0]["media_type"] == "application/x-bibtex" and len(rows[0]["sha256"]) == 64
    assert main(["sources", "--db", path]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["id", "title", "type"] and len(table) == 7


def test_the_same_file_imported_twice_is_stored_once(imported, capsys, tmp_path):
    path, files = imported
    copy = tmp_path / "copy of meta.html"
    shutil.copyfile(files[1], copy)
    assert main(["import", "--db", path, "--on-duplicate", "add", str(copy)]) == 0
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM originals").fetchone()[0] == 3
    assert connection.execute("SELECT count(DISTINCT original_id) FROM sources").fetchone()[0] == 3
    connection.close()
