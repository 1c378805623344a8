"""Malformed and odd bibliography and dataset files that once raised tracebacks (issue 14, items
11-14): each is now read as the user meant it, or refused with one line naming the file, the line
and the problem — and a refused import writes nothing."""
from __future__ import annotations

import codecs
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.errors import FileProblem
from db.store import create_project
from desktop_app.cli import main
from desktop_app.datasets.csv_file import FIELD_LIMIT, CsvFile
from desktop_app.formats import bibtex, csl_json, ris

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("sources", "source_creators", "events", "tags", "entities", "history")


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.sourceline"
    create_project(path).close()
    return path


def counts(path) -> tuple[int, ...]:
    conn = sqlite3.connect(path)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES)
    finally:
        conn.close()


def refused_in_one_line(capsys, project, command: str, path, *expected: str) -> str:
    """Run ``sourceline COMMAND --db PROJECT PATH``: status 1, one line on stderr naming the file
    and what is expected, no traceback, the project unchanged."""
    before = counts(project)
    capsys.readouterr()
    assert main([command, "--db", str(project), str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"sourceline: {path}") and "Traceback" not in err, err
    for text in expected:
        assert text in err, err
    assert counts(project) == before
    return err


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# -- 11. RIS ------------------------------------------------------------------------------------

def test_a_repeated_tag_followed_by_a_continuation_line(tmp_path):
    # rispy raised TypeError joining the continuation onto the list the repeated tag had become
    path = write(tmp_path, "dup.ris", "TY  - JOUR\nTI  - First title\nTI  - Second title\n"
                                      "that runs on\nAU  - Smith, John\nER  - \n")
    [item] = ris.read(path)
    assert item["title"] == "First title"
    assert item["author"] == [{"family": "Smith", "given": "John"}]


def test_a_blank_line_right_after_the_type_line_of_a_later_record(tmp_path):
    # rispy continued the previous record's last tag (Y2, access_date) in a record without it
    path = write(tmp_path, "blank.ris", "TY  - JOUR\nTI  - One\nY2  - 2024/11/15\nER  - \n\n"
                                        "TY  - BOOK\n\nTI  - Two\nER  - \n")
    one, two = ris.read(path)
    assert one["accessed"] == {"date-parts": [[2024, 11, 15]]} and "accessed" not in two
    assert (one["title"], two["title"], two["type"]) == ("One", "Two", "book")


def test_text_belonging_to_no_tag_is_refused_with_its_line(tmp_path, project, capsys):
    path = write(tmp_path, "stray.ris", "TY  - JOUR\nTI  - One\nY2  - 2024/11/15\nER  - \n"
                                        "TY  - BOOK\nstray words\nTI  - Two\nER  - \n")
    with pytest.raises(FileProblem) as refused:
        ris.read(path)
    assert refused.value.line == 6 and "no tag" in refused.value.problem
    refused_in_one_line(capsys, project, "import", path, f"{path}:6:")


def test_a_line_that_only_starts_like_the_type_tag_starts_no_record(tmp_path):
    # rispy started a record at any line beginning "TY"; the line scan did not: their counts differed
    path = write(tmp_path, "typo.ris", "TYPOGRAPHY notes before the records\nTY  - JOUR\nTI  - One\nER  - \n")
    assert [item["title"] for item in ris.read(path)] == ["One"]


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"], ids=["old-mac", "windows", "unix"])
def test_every_kind_of_line_ending(tmp_path, newline):
    text = "TY  - JOUR\nTI  - One\nAU  - Doe, Jane\nER  - \nTY  - BOOK\nTI  - Two\nER  - \n"
    path = write(tmp_path, "ends.ris", text.replace("\n", newline))
    one, two = ris.read(path)
    assert (one["title"], one["author"], two["title"]) == ("One", [{"family": "Doe", "given": "Jane"}], "Two")


def test_a_line_separator_inside_a_value_is_not_a_line_end(tmp_path):
    # str.splitlines() splits at U+2028 and U+0085; rispy does not: the counts disagreed
    path = write(tmp_path, "sep.ris", "TY  - JOUR\nTI  - One\u2028ER  - \x85two\nER  - \n")
    [item] = ris.read(path)
    assert item["title"].startswith("One")


def test_a_repeated_tag_in_a_web_of_science_record(tmp_path):
    path = write(tmp_path, "wos.ris", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Doe, J\n"
                                      "TI A title\n   on two lines\nTI Again\n   and again\nER\n\nPT J\n"
                                      "TI Second\nER\nEF\n")
    first, second = ris.read(path)
    assert first["title"].startswith("A title") and second["title"] == "Second"


def test_stray_text_in_a_web_of_science_record_is_refused_at_its_own_line(tmp_path):
    path = write(tmp_path, "wos.ris", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI One\nER\n\n"
                                      "PT J\n   stray\nTI Second\nER\nEF\n")
    with pytest.raises(FileProblem) as refused:
        ris.read(path)
    assert refused.value.line == 8


# -- 12. CSL-JSON -------------------------------------------------------------------------------

def test_an_integer_too_long_for_python_is_refused_with_its_line(tmp_path, project, capsys):
    text = '[\n  {"type": "book", "title": "Fine", "id": "a"},\n  {"type": "book",\n   "title": "Big",\n' \
           f'   "volume": {"9" * 5000}}}\n]\n'
    path = write(tmp_path, "bignum.json", text)
    with pytest.raises(FileProblem) as refused:
        csl_json.read(path)
    assert refused.value.line == 5 and "5000 digits" in refused.value.problem
    refused_in_one_line(capsys, project, "import", path, f"{path}:5:", "digits")


@pytest.mark.parametrize("number", ["NaN", "-Infinity", "1e999"])
def test_numbers_json_cannot_write_back_are_refused_with_their_line(tmp_path, project, capsys, number):
    # the store keeps each item's JSON: json.dumps wrote them as NaN/Infinity, which SQLite's
    # json_valid() refuses (IntegrityError, found by fuzzing)
    path = write(tmp_path, "nan.json", f'[{{"type": "book", "title": "T",\n  "custom": {{"x": {number}}}}}]')
    refused_in_one_line(capsys, project, "import", path, f"{path}:2:", number)


def test_a_long_but_readable_number_is_kept(tmp_path):
    path = write(tmp_path, "long.json", f'[{{"type": "book", "title": "T", "volume": {"1" * 400}}}]')
    [item] = csl_json.read(path)
    assert str(item["volume"]) == "1" * 400


def test_a_lone_surrogate_is_refused_with_its_line(tmp_path, project, capsys):
    # json.loads reads "\ud800" as a lone surrogate, which no UTF-8 text (nor SQLite) can hold
    text = '[\n  {"type": "book", "title": "Fine"},\n  {"type": "book",\n   "title": "Bad \\ud800 text"}\n]\n'
    path = write(tmp_path, "surrogate.json", text)
    with pytest.raises(FileProblem) as refused:
        csl_json.read(path)
    assert refused.value.line == 4 and "\\ud800" in refused.value.problem
    refused_in_one_line(capsys, project, "import", path, f"{path}:4:", "surrogate")


def test_a_surrogate_pair_is_one_character(tmp_path):
    path = write(tmp_path, "pair.json", '[{"type": "book", "title": "Smile \\ud83d\\ude00"}]')
    [item] = csl_json.read(path)
    assert item["title"] == "Smile \U0001F600"


# -- 13. CSV datasets ---------------------------------------------------------------------------

def test_a_50_mb_header_is_refused_with_its_line(tmp_path, project, capsys):
    path = tmp_path / "one-field.csv"
    with path.open("wb") as handle:
        for _ in range(50):
            handle.write(b"x" * (1024 * 1024))
        handle.write(b"\n")
    with pytest.raises(FileProblem) as refused:
        CsvFile.open(path)
    assert refused.value.line == 1 and "1 MB" in refused.value.problem
    refused_in_one_line(capsys, project, "import-events", path, f"{path}:1:", "longer than 1 MB")


def test_a_field_over_the_limit_is_refused_with_its_line(tmp_path, project, capsys):
    path = write(tmp_path, "long.csv", "date,title\n2024-11-20,short\n2024-11-20," + "x" * (FIELD_LIMIT + 10) + "\n")
    refused_in_one_line(capsys, project, "import-events", path, f"{path}:3:", "a field longer than 1 MB")


def test_a_nul_byte_in_a_name_is_dropped_not_a_crash(tmp_path, project):
    # SQLite's length() stops at a NUL: the tag "\0\0" failed the CHECK (length(trim(name)) > 0)
    path = write(tmp_path, "nul.csv", "date,title,tags,actor1\n2024-11-15,Event one,tag1;\x00\x00,Act\x00or\n"
                                      "2024-11-16,Event\x00 two,\x00,A\n")
    assert main(["import-events", "--db", str(project), str(path)]) == 0
    conn = sqlite3.connect(project)
    try:
        titles = [row[0] for row in conn.execute("SELECT title FROM events ORDER BY id")]
        tags = [row[0] for row in conn.execute("SELECT name FROM tags ORDER BY id")]
        names = [row[0] for row in conn.execute("SELECT name FROM entities ORDER BY id")]
    finally:
        conn.close()
    assert titles == ["Event one", "Event two"] and tags == ["tag1"] and "Actor" in names


# -- 14. UTF-16 with a byte-order mark; bibtexparser's own log lines -----------------------------

BIB = "@article{key,\n  author = {M\u00fcller, J\u00f6rg},\n  title = {\u00dcber Quellen},\n  year = 2024\n}\n"
RIS = "TY  - JOUR\nAU  - M\u00fcller, J\u00f6rg\nTI  - \u00dcber Quellen\nPY  - 2024\nER  - \n"
CSL = json.dumps([{"type": "article-journal", "title": "\u00dcber Quellen",
                   "author": [{"family": "M\u00fcller", "given": "J\u00f6rg"}]}], ensure_ascii=False)
BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE, "utf-8": codecs.BOM_UTF8}


@pytest.mark.parametrize("encoding", sorted(BOMS))
@pytest.mark.parametrize("name, text, reader", [("a.bib", BIB, bibtex), ("a.ris", RIS, ris), ("a.json", CSL, csl_json)],
                         ids=["bibtex", "ris", "csl-json"])
def test_unicode_with_a_byte_order_mark_is_decoded_by_it(tmp_path, name, text, reader, encoding):
    path = write(tmp_path, name, BOMS[encoding] + text.encode(encoding))
    [item] = reader.read(path)
    assert item["title"] == "\u00dcber Quellen"
    assert item["author"] == [{"family": "M\u00fcller", "given": "J\u00f6rg"}]


def test_utf16_with_a_broken_character_names_its_line(tmp_path):
    data = codecs.BOM_UTF16_LE + "TY  - JOUR\nTI  - x\n".encode("utf-16-le") + b"\x00\xd8" + "\nER  - \n".encode("utf-16-le")
    path = write(tmp_path, "bad16.ris", data)
    with pytest.raises(FileProblem) as refused:
        ris.read(path)
    assert refused.value.line == 3 and "UTF-16" in refused.value.problem


def test_a_broken_bibtex_file_says_one_line_without_the_parser_s_log(tmp_path, project):
    # a real process: pytest's log capture would hide what logging prints to a real stderr
    path = write(tmp_path, "broken.bib", "@article{a,\n  title = {One}\n@article{b,\n  title = {Two}\n}\n")
    done = subprocess.run([sys.executable, "-m", "desktop_app.cli", "import", "--db", str(project), str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(f"sourceline: {path}:1:"), done.stderr


# -- issue 21, item 18: the line of an unclosed brace ------------------------------------------

@pytest.mark.parametrize("text, line, field", [
    ("@article{key,\n  title = {A title},\n  author = {Smith, John,\n  year = {2020}\n}\n", 3, "author"),
    ("@article{key,\n  title = {A title},\n  author = {Smith, John,\n  year = {2020}\n}\n\n@book{b,\n  title = {B}\n}\n",
     3, "author"),
    ('@article{key,\n  title = {A title},\n  author = "Smith, John,\n  year = {2020}\n}\n', 3, "author"),
    ("@misc{one, title = {Fine}}\n\n@article{key,\n  title = {A {nested title},\n  year = {2020}\n}\n", 4, "title"),
], ids=["braces", "before-another-entry", "quotes", "nested"])
def test_an_unclosed_value_is_reported_at_its_own_line(tmp_path, text, line, field):
    path = write(tmp_path, "unclosed.bib", text)
    with pytest.raises(FileProblem) as refused:
        bibtex.read(path)
    assert refused.value.line == line, refused.value
    assert f"'{field}'" in refused.value.problem and "never closed" in refused.value.problem
