"""Importing PDFs: text by page with boxes, labels, metadata, refusals in one line, all or nothing."""
from __future__ import annotations

import json
import sqlite3

import pytest

from db import pdf_pages
from db.store import open_project
from desktop_app.cli import main
from desktop_app.formats.pdf_text import PAGE_BREAK
from tests.pdf_making import LEFT, SIZE, TOP, make_pdf


@pytest.fixture
def project(tmp_path):
    path = str(tmp_path / "p.sourceline")
    assert main(["new", path]) == 0
    return path


def imported(project, pdf, capsys, *extra) -> int:
    assert main(["import", "--db", project, *extra, str(pdf)]) == 0
    out = capsys.readouterr().out
    return int(out.split("added ")[2].split()[0]), out


def test_text_is_read_page_by_page_with_labels_metadata_and_words_whole(project, report_pdf, capsys):
    source_id, out = imported(project, report_pdf, capsys)
    assert "page ii has no text layer" in out and "imported as pictures" in out
    db = open_project(project)
    try:
        source = db.conn.execute("SELECT title, issued_edtf, full_text, csl_type FROM sources WHERE id = ?",
                                 (source_id,)).fetchone()
        assert source[:2] == ("Bridge inspection report", "2024-11-16")
        text = source[2]
        assert "The official report of 15 November 2024 said" in text.replace("\n", " ")  # fi ligature, hyphen
        paged = pdf_pages.pages(db, source_id)
        assert [p.label for p in paged] == ["i", "ii", "A-3"]
        assert [p.has_text for p in paged] == [True, False, True]
        assert text[paged[2].start:paged[2].end].startswith("Annex: the ferry")
        assert text[paged[0].end:paged[1].start] == PAGE_BREAK
        boxes = pdf_pages.page_boxes(db, source_id, 0)
        assert len(boxes) == 4 * (paged[0].end - paged[0].start)  # a box for every character
        left, bottom, right, top = boxes[:4]  # "T", drawn at (LEFT, TOP) in SIZE-point Helvetica
        assert left == pytest.approx(LEFT, abs=0.5) and bottom < TOP < top and top - bottom >= SIZE * 0.9
        authors = db.conn.execute("SELECT family, given FROM source_creators WHERE source_id = ? ORDER BY position",
                                  (source_id,)).fetchall()
        assert authors == [("Doe", "Jane"), ("Smith", "John")]
    finally:
        db.close()


def test_search_covers_pdf_text_and_says_the_page(project, report_pdf, capsys):
    imported(project, report_pdf, capsys)
    assert main(["search", "--db", project, "ferry", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["kind"] == "source" and hits[0]["page_label"] == "A-3"
    assert main(["search", "--db", project, "ferry"]) == 0
    assert "p. A-3" in capsys.readouterr().out


def test_sources_lists_the_pdf_with_its_pages(project, report_pdf, capsys):
    imported(project, report_pdf, capsys)
    assert main(["sources", "--db", project, "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["media_type"], row["pages"], row["original_name"]) == ("application/pdf", 3, "report.pdf")
    assert row["size"] == report_pdf.stat().st_size


@pytest.mark.parametrize("content, says", [
    (b"", "is empty"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "is damaged or not a PDF that can be read"),
    (b"%PDF-1.4\n" + b"\x00" * 100, "is damaged or not a PDF that can be read"),
])
def test_an_empty_or_broken_pdf_is_refused_in_one_line(project, tmp_path, capsys, content, says):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    assert main(["import", "--db", project, str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"sourceline: {bad}: {says}") and "nothing was imported" in err
    assert sqlite3.connect(project).execute("SELECT count(*) FROM sources").fetchone()[0] == 0


def test_an_encrypted_pdf_needs_its_password(project, tmp_path, capsys):
    locked = tmp_path / "locked.pdf"
    make_pdf(locked, [["The minutes of the closed meeting."]], password="s3cret")
    assert main(["import", "--db", project, str(locked)]) == 1
    assert capsys.readouterr().err == (f"sourceline: {locked}: is protected by a password; give it with --password "
                                       "(nothing was imported)\n")
    assert main(["import", "--db", project, "--password", "wrong", str(locked)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the one given is not it" in err
    source_id, _ = imported(project, locked, capsys, "--password", "s3cret")
    text = sqlite3.connect(project).execute("SELECT full_text FROM sources WHERE id = ?", (source_id,)).fetchone()[0]
    assert text == "The minutes of the closed meeting."


def test_the_pdf_is_kept_byte_identical(project, report_pdf, capsys, tmp_path):
    source_id, _ = imported(project, report_pdf, capsys)
    out = tmp_path / "back.pdf"
    assert main(["original", "--db", project, "--source", str(source_id), "-o", str(out)]) == 0
    assert out.read_bytes() == report_pdf.read_bytes()
    assert main(["verify", "--db", project]) == 0


def test_importing_the_same_pdf_again_is_a_duplicate(project, report_pdf, capsys):
    imported(project, report_pdf, capsys)
    assert main(["import", "--db", project, str(report_pdf)]) == 0
    assert "skipped" in capsys.readouterr().out.splitlines()[-1]
    assert sqlite3.connect(project).execute("SELECT count(*) FROM sources").fetchone()[0] == 1
