"""RIS import (awkward file, rispy's samples, Web of Science) and export read back by rispy."""
from pathlib import Path

import pytest
import rispy

from desktop_app.formats import ris
from tests.desktop_app.formats.bibliographic.conftest import date_key, name_keys, problem_reading, shared_file

AWKWARD = Path(__file__).resolve().parents[3] / "data" / "formats" / "awkward.ris"


@pytest.fixture(scope="module")
def awkward():
    return ris.read(AWKWARD)


def test_bom_crlf_repeated_and_multiline_tags(awkward):
    article = awkward[0]
    assert article["type"] == "article-journal"  # "Journal Article", a spelled-out type
    assert article["author"] == [{"family": "Müller", "given": "Jörg"},
                                 {"family": "Østergaard", "given": "Søren"},
                                 {"literal": "World Health Organization"},
                                 {"family": "Smith", "given": "John", "suffix": "Jr."}]
    assert article["title"] == "Wie man Quellen prüft"
    assert article["container-title"] == "Zeitschrift für Chronologie"
    assert article["keyword"] == "chronology, sources, Überprüfung"
    assert article["note"] == "first line\nsecond line"
    assert article["abstract"] == "An abstract that runs over two lines."
    assert article["issued"] == {"date-parts": [[2024, 11, 15]]}  # DA is more precise than PY
    assert article["accessed"] == {"date-parts": [[2024, 12, 1]]}
    assert (article["page"], article["volume"], article["issue"]) == ("12-34", "7", "2")
    assert (article["ISSN"], article["DOI"], article["URL"]) == ("1234-5678", "10.1000/abc", "https://example.org/a")
    assert article["language"] == "de"


def test_undated_web_page_by_an_organisation(awkward):
    page = awkward[1]
    assert page["type"] == "webpage"
    assert page["author"] == [{"literal": "Ministry of Truth"}]
    assert "issued" not in page


def test_newspaper_range_in_the_other_part_and_chapter_isbn(awkward):
    news, chapter = awkward[2], awkward[3]
    assert news["type"] == "article-newspaper"
    assert news["issued"] == {"date-parts": [[2024, 11, 18], [2024, 11, 21]]}
    assert chapter["type"] == "chapter"
    assert chapter["editor"] == [{"family": "Brown", "given": "Alice"}]
    assert chapter["ISBN"] == "978-3-16-148410-0"


@pytest.mark.parametrize("name, count", [("example_bom.ris", 1), ("example_full.ris", 2),
                                         ("example_multiline.ris", 3), ("example_utf_chars.ris", 1)])
def test_rispy_samples_import(name, count):
    items = ris.read(shared_file(f"corpus/{name}"))
    assert len(items) == count
    assert all(item["type"] in ("article-journal",) for item in items)
    if name == "example_bom.ris":
        assert items[0]["DOI"] == "10.1186/s40981-020-0316-0"
    if name == "example_full.ris":
        assert [item["title"] for item in items] == ["Title of reference", "The title of the reference"]
        assert items[0]["author"][0] == {"family": "Marx", "given": "Karl"}
        assert items[0]["issued"] == {"date-parts": [[2014]]}
    if name == "example_multiline.ris":
        assert all(item["abstract"] == "first line, ER then second line and at the end the last line"
                   for item in items)
    if name == "example_utf_chars.ris":
        assert items[0]["title"].startswith("Состояние рецепторного аппарата")
        assert items[0]["note"] == "Ä,Ö,Ü,ä,ö,ü,ß"
        assert items[0]["page"] == "52-57"


def test_web_of_science_export_is_imported():
    items = ris.read(shared_file("corpus/example_wos.ris"))
    assert len(items) == 2
    first = items[0]
    assert first["type"] == "article-journal"
    assert first["title"].startswith("Interactions stabilizing the structure of the core light-harvesting complex")
    assert first["author"][0] == {"family": "Parkes-Loach", "given": "PS"}
    assert len(first["author"]) == 4
    assert first["container-title"] == "BIOCHEMISTRY"
    assert first["issued"] == {"date-parts": [[2004, 6, 8]]}  # PD "JUN 8" with PY 2004
    assert (first["DOI"], first["page"], first["volume"]) == ("10.1021/bi049798f", "7003-7016", "43")


@pytest.mark.parametrize("text, line, words", [
    ("TY  - JOUR\nTI  - First\nTY  - BOOK\nTI  - Second\nER  - \n", 3, "before the record from line 1"),
    ("TY  - JOUR\nTI  - Cut short\n", 1, "no 'er' end line"),
    ("TI  - No type\nER  - \n", 1, "outside a record"),
    ("TY  - JOUR\nER  - \nER  - \n", 3, "without a record"),
    ("TY  - \nTI  - x\nER  - \n", 1, "empty type"),
    ("PT J\nTI A title\n", 1, "no 'er' end line"),
])
def test_malformed_ris_names_the_line(tmp_path, text, line, words):
    problem = problem_reading(ris.read, tmp_path / "bad.ris", text)
    assert problem.line == line
    assert words in problem.problem.lower()


@pytest.mark.parametrize("content, words", [(b"", "empty"), (b"\x00\x01binary", "binary"),
                                            (b"Dear reader,\nthis is a letter.\n", "not an ris file")])
def test_files_that_are_not_ris(tmp_path, content, words):
    assert words in problem_reading(ris.read, tmp_path / "not.ris", content).problem.lower()


def test_export_is_read_by_rispy_one_record_per_source(special_items):
    text = ris.dumps(special_items)
    records = rispy.loads(text)
    assert len(records) == len(special_items)
    assert [r["title"] for r in records] == [i["title"] for i in special_items]
    assert records[0]["authors"] == ["World Health Organization"]
    assert records[5]["authors"] == ["Müller, Jörg", "Østergaard, Søren", "Çetinkaya, Bekir"]
    assert records[0]["type_of_reference"] == "RPRT" and records[4]["type_of_reference"] == "ELEC"
    assert records[0]["date"] == "2020/03/05/" and records[0]["year"] == "2020"
    assert records[4]["access_date"] == "2024/12/01/"
    assert records[4]["urls"] == ["https://example.org/week?a=1&b=2"]
    assert records[3]["secondary_title"] == "Seasonal Review"
    assert text.startswith("TY  - RPRT\n")


def test_values_never_break_lines():
    text = ris.dumps([{"type": "book", "title": "Two\nlines\nER  - fake", "note": "a\nb"}])
    (record,) = rispy.loads(text)
    assert record["title"] == "Two lines ER - fake"


@pytest.mark.parametrize("index", range(12))
def test_each_special_case_round_trips(tmp_path, special_items, index):
    item = special_items[index]
    path = tmp_path / "export.ris"
    path.write_text(ris.dumps([item]), encoding="utf-8")
    (back,) = ris.read(path)
    assert (back["type"], back["title"]) == (item["type"], item["title"])
    assert name_keys(back.get("author")) == name_keys(item.get("author"))
    assert date_key(back.get("issued")) == date_key(item.get("issued"))
    assert date_key(back.get("accessed")) == date_key(item.get("accessed"))
    assert back.get("URL") == item.get("URL")


def test_round_trip_of_the_common_types(tmp_path):
    types = ["article-journal", "article-newspaper", "article-magazine", "webpage", "post-weblog",
             "report", "book", "chapter", "paper-conference", "thesis", "patent", "dataset", "map"]
    items = [{"type": kind, "title": kind} for kind in types]
    path = tmp_path / "types.ris"
    path.write_text(ris.dumps(items), encoding="utf-8")
    assert [item["type"] for item in ris.read(path)] == types
