"""`sourceline dates` end to end: files in a temporary folder, the JSON read back."""
from __future__ import annotations

import json

import edtf
import pytest

from db.store import open_project
from desktop_app.cli import main
from desktop_app.formats.fulltext import read_fulltext

ARTICLE = (
    "Ukraine fired the missiles on Tuesday, officials said.\n\n"
    "The war began on 24 February 2022. Ministers will meet next week."
)


def run_json(capsys, *args) -> list[dict]:
    assert main(["dates", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_lists_every_expression_with_offsets_into_the_text(article, capsys):
    hits = run_json(capsys, str(article), "--published", "2024-11-20")
    assert all(set(hit) == {"text", "start", "end", "edtf", "sentence"} for hit in hits)
    assert [(h["text"], h["edtf"]) for h in hits] == [
        ("Tuesday", "2024-11-19"), ("24 February 2022", "2022-02-24"), ("next week", "2024-11-25/2024-12-01")]
    text = read_fulltext(article).text
    for hit in hits:
        assert text[hit["start"]:hit["end"]] == hit["text"]
        assert hit["text"] in hit["sentence"]
        edtf.parse_edtf(hit["edtf"])
    assert hits[1]["sentence"] == "The war began on 24 February 2022."


def test_without_a_publication_date_relative_expressions_are_null(article, capsys):
    hits = run_json(capsys, str(article))
    assert [(h["text"], h["edtf"]) for h in hits] == [
        ("Tuesday", None), ("24 February 2022", "2022-02-24"), ("next week", None)]


def test_the_html_metadata_date_is_used(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2024-11-22T08:00:00+00:00">'
        "<title>Missile strike</title></head><body><article><p>Putin spoke last night about the strike "
        "on Thursday.</p></article></body></html>", encoding="utf-8")
    hits = run_json(capsys, str(page))
    assert [(h["text"], h["edtf"]) for h in hits] == [("last night", "2024-11-21"), ("Thursday", "2024-11-21")]


def test_the_markdown_front_matter_date_is_used_unless_published_is_given(tmp_path, capsys):
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: Talks\ndate: 2025-01-02\n---\n\nInflation rose last month.\n", encoding="utf-8")
    assert [h["edtf"] for h in run_json(capsys, str(note))] == ["2024-12"]
    assert [h["edtf"] for h in run_json(capsys, str(note), "--published", "2024-06-15")] == ["2024-05"]


def test_text_format_is_a_readable_table(article, capsys):
    assert main(["dates", str(article), "--published", "2024-11-20"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "published 2024-11-20 (as given)"
    assert out[1].split() == ["offsets", "text", "EDTF", "reads", "as", "sentence"]
    assert "24 February 2022" in out[3] and "2022-02-24" in out[3] and "The war began" in out[3]
    assert len(out) == 5


def test_text_format_says_when_the_publication_date_is_unknown(article, capsys):
    assert main(["dates", str(article)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("publication date unknown")
    assert "unresolved" in out


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "2024-11", "2023-02-29"])
def test_a_bad_published_date_is_a_one_line_error(article, capsys, bad):
    assert main(["dates", str(article), "--published", bad]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "--published" in captured.err and bad in captured.err


def test_a_missing_file_is_a_one_line_error(tmp_path, capsys):
    assert main(["dates", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_a_source_of_a_project_is_read_with_its_issued_date(project, capsys):
    db = open_project(project)
    try:
        source_id = db.conn.execute("SELECT id FROM sources").fetchone()[0]
    finally:
        db.close()
    hits = run_json(capsys, str(source_id), "--db", str(project))
    assert [(h["text"], h["edtf"]) for h in hits] == [("Friday", "2024-11-15")]  # issued Saturday 16 November
    assert main(["dates", "999", "--db", str(project)]) == 1
    assert "no source 999" in capsys.readouterr().err


def test_a_source_issued_in_a_month_places_its_dates_but_not_its_weekdays(empty_project, capsys):
    from db import ops
    from db.sources import add_source

    db = open_project(empty_project)
    try:
        source_id = ops.run(db, add_source({"title": "Monthly report"}, issued_edtf="2024-11",
                                           full_text="The missile struck on 6 November, on Friday and last month."))
    finally:
        db.close()
    hits = run_json(capsys, str(source_id), "--db", str(empty_project))
    assert [(h["text"], h["edtf"]) for h in hits] == [("6 November", "2024-11-06"), ("Friday", None),
                                                      ("last month", "2024-10")]
    assert main(["dates", str(source_id), "--db", str(empty_project)]) == 0
    assert capsys.readouterr().out.startswith(f"published 2024-11 (from source {source_id}'s issued date)")


def test_a_saved_page_without_article_text_is_said_to_have_none(tmp_path, capsys):
    page = tmp_path / "shell.html"
    page.write_text("<html><head><title>Dock strike</title></head><body><div id='app'></div></body></html>", encoding="utf-8")
    assert main(["dates", str(page)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "shell.html" in err and "no article text was found" in err
