"""CSL-JSON import (structure checked, lines named) and export valid against the official schema."""
import json
from pathlib import Path

import pytest

from desktop_app.formats import bibtex, csl_json, ris
from tests.desktop_app.formats.bibliographic.conftest import problem_reading, shared_file

DATA = Path(__file__).resolve().parents[3] / "data" / "formats"


def test_awkward_file_imports_clean_items(csl_validator):
    items = csl_json.read(DATA / "awkward.json")
    assert [item["type"] for item in items] == ["report", "article-journal", "webpage", "book", "document"]
    who, article, page, circa, _ = items
    assert who["author"] == [{"literal": "World Health Organization"}]
    assert who["issued"] == {"date-parts": [["2020", "3"]]}
    assert article["author"][1] == {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}
    assert article["issued"] == {"date-parts": [[2022]], "season": 1}
    assert "unknown-field" not in article
    assert page["issued"] == {"date-parts": [[2024, 11, 18], [2024, 11, 21]]}  # from an EDTF string
    assert circa["issued"]["circa"] is True
    for item in items:
        item.setdefault("id", "made-up")
        csl_validator.validate([item])


@pytest.mark.parametrize("text, line, words", [
    ('[\n  {"type": "book", "title": "A"},\n  {"type": "book", "title": "B",}\n]', 3, "not valid json"),
    ('{"type": "book", "title": "A"}', 1, "list of items"),
    ('[\n {"type": "book", "title": "A"},\n\n 42\n]', 4, "item 2"),
    ('[{"type": "book", "id": "a"},\n {"title": "no type"}]', 2, "no \"type\""),
    ('[{"type": "book", "id": "a"},\n {"type": "book"}]', 2, "neither"),
    ('[\n{"type": "book", "id": "a",\n "author": "Smith"}]', 2, "list of names"),
    ('[\n{"type": "book", "id": "a", "author": [{"given": 3}]}]', 2, "name part"),
    ('[\n{"type": "book", "id": "a", "issued": [2024]}]', 2, "date object"),
    ('[\n{"type": "book", "id": "a", "issued": {"date-parts": [2024]}}]', 2, "date-parts"),
    ('[\n{"type": "book", "id": "a", "title": ["x"]}]', 2, "must be text"),
])
def test_malformed_csl_json_names_the_item_and_line(tmp_path, text, line, words):
    problem = problem_reading(csl_json.read, tmp_path / "bad.json", text)
    assert problem.line == line
    assert words in problem.problem.lower()


@pytest.mark.parametrize("content, words", [(b"", "empty"), (b"\x00\x00\x00", "binary"),
                                            (b'[{"type": "book", "title": "cut', "not valid json")])
def test_files_that_are_not_csl_json(tmp_path, content, words):
    assert words in problem_reading(csl_json.read, tmp_path / "not.json", content).problem.lower()


def test_export_is_valid_against_the_official_schema_with_ids(csl_validator, special_items):
    data = json.loads(csl_json.dumps(special_items))
    csl_validator.validate(data)
    assert len({entry["id"] for entry in data}) == len(special_items)
    assert data[0]["id"] == "world2020organisation"


def test_imports_from_every_format_export_as_valid_csl_json(csl_validator):
    items = bibtex.read(shared_file("corpus/biblatex-examples.bib"))
    items += ris.read(shared_file("corpus/example_wos.ris")) + ris.read(DATA / "awkward.ris")
    csl_validator.validate(json.loads(csl_json.dumps(items)))


def test_existing_ids_are_kept_and_duplicates_renamed():
    items = [{"id": "a", "type": "book", "title": "One"}, {"id": "a", "type": "book", "title": "Two"},
             {"id": 7, "type": "book", "title": "Three"}]
    assert [entry["id"] for entry in json.loads(csl_json.dumps(items))] == ["a", "two", 7]


def test_round_trip_keeps_everything(tmp_path, special_items):
    path = tmp_path / "export.json"
    path.write_text(csl_json.dumps(special_items), encoding="utf-8")
    back = csl_json.read(path)
    for item in back:
        item.pop("id")
    assert back == special_items
