"""Citation lists read back by independent parsers: jsonschema (the official CSL-JSON schema),
bibtexparser and pandoc (BibTeX, BibLaTeX), rispy (RIS), and pandoc's bibliography by style."""
from __future__ import annotations

import json
import re
import subprocess

import bibtexparser
import pypandoc
import pytest
import rispy

from db.events import EventFilter
from desktop_app.exporting.citation_lists import citation_list, short_citations
from desktop_app.exporting.exports import ExportOptions, export_file
from desktop_app.exporting.selection import Selection, source_ids


def _all(special_db) -> list[int]:
    return source_ids(special_db, Selection(all_sources=True))


def _pandoc(text: str, reader: str) -> list[dict]:
    run = subprocess.run([pypandoc.get_pandoc_path(), f"--from={reader}", "--to=csljson"], input=text,
                         capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(run.stdout)


def _by_title(items) -> dict[str, dict]:
    return {item["title"]: item for item in items}


def test_csl_json_of_every_special_case_is_valid_against_the_official_schema(special_db, csl_validator, cases):
    items = json.loads(citation_list(special_db, _all(special_db), "csl-json"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in csl_validator.iter_errors(items)]
    assert errors == []
    assert sorted(item["title"] for item in items) == sorted(s["title"] for s in cases.sources.values())
    assert len({item["id"] for item in items}) == len(items)  # distinct, readable keys, not uuids
    assert not any(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-.+", str(item["id"])) for item in items)


def test_csl_json_of_the_sample_project_is_valid_against_the_official_schema(sample_db, csl_validator):
    items = json.loads(citation_list(sample_db, source_ids(sample_db, Selection(all_sources=True)), "csl-json"))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in csl_validator.iter_errors(items)] == []
    assert {item["type"] for item in items} >= {"article-newspaper", "article-magazine", "webpage", "post", "report"}


@pytest.fixture(scope="module")
def special_csl(special_path):
    from db.store import open_project

    db = open_project(special_path)
    try:
        return _by_title(json.loads(citation_list(db, _all(db), "csl-json")))
    finally:
        db.close()


@pytest.mark.parametrize("case", ["organisation", "no-date", "circa", "season", "range", "non-ascii", "braces",
                                  "ampersand", "percent", "dollar", "hash", "underscore", "hostile"])
def test_csl_json_says_each_special_case_as_csl_does(special_csl, cases, case):
    # Runs without ../shared: the schema checks the shape, this checks the content. Names are
    # family/given or one literal (organisations); dates are date-parts with season or circa.
    source = cases.sources[case]
    item = special_csl[source["title"]]
    for variable in ("type", "title", "author", "issued", "accessed", "URL", "container-title"):
        assert item.get(variable) == source.get(variable), variable


def test_sources_cited_by_a_filter_in_first_cited_order_or_the_whole_library(special_db, special, cases):
    _, ids = special
    cited = source_ids(special_db, Selection(EventFilter(tags=("strikes",))))
    assert cited == [ids["sources"][case] for case in ("hostile", "organisation", "season", "circa")]
    assert len(source_ids(special_db, Selection(EventFilter(tags=("strikes",)), all_sources=True))) == len(cases.sources)
    assert source_ids(special_db, Selection(EventFilter(tags=("history",)))) == []
    assert citation_list(special_db, [], "bibliography") == ""


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
def test_bib_files_read_back_by_bibtexparser_and_pandoc(special_db, dialect, cases):
    text = citation_list(special_db, _all(special_db), dialect)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert len(library.entries) == len(cases.sources)
    read = _by_title(_pandoc(text, "biblatex" if dialect == "biblatex" else "bibtex"))
    for case in cases.names:
        source = cases.sources[case]
        item = read[source["title"]]  # pandoc gives back the exact title: & % $ # _ { } survive
        assert [n.get("family", n.get("literal")) for n in item["author"]] == \
            [n.get("family", n.get("literal")) for n in source["author"]], case
        if "issued" in source:
            assert item["issued"]["date-parts"][0][0] == source["issued"]["date-parts"][0][0], case
        else:
            assert "issued" not in item
    assert read["A conference week"]["URL"] == "https://example.org/week?a=1&b=2"
    assert read["Organisation as author"]["author"] == [{"literal": "World Health Organization"}]


def test_ris_read_back_by_rispy(special_db, cases):
    records = rispy.loads(citation_list(special_db, _all(special_db), "ris"))
    by_title = {r["title"]: r for r in records}
    assert set(by_title) == {s["title"] for s in cases.sources.values()}
    assert by_title["Straße, Øre und Ça va"]["authors"] == ["Müller, Jörg", "Østergaard, Søren", "Шевченко, Тарас"]
    assert by_title["Organisation as author"]["authors"] == ["World Health Organization"]
    assert by_title["A conference week"]["urls"] == ["https://example.org/week?a=1&b=2"]
    assert by_title["No date at all"].get("year") in (None, "")


@pytest.mark.parametrize("style, expected", [
    ("chicago-author-date", "Müller, Jörg, Søren Østergaard, and Тарас Шевченко. 2023."),
    ("apa", "Müller, J., Østergaard, S., & Шевченко, Т. (2023)."),
    ("mla", "Müller, Jörg, et al."),
    ("harvard", "Müller, J., Østergaard, S. and Шевченко, Т. (2023)"),
    ("chicago-notes-bibliography", "Müller, Jörg, Søren Østergaard, and Тарас Шевченко."),
])
def test_bibliography_in_each_style(special_db, special, style, expected):
    text = citation_list(special_db, [special[1]["sources"]["non-ascii"]], "bibliography", style, "plain")
    assert text.startswith(expected)


def test_bibliography_html_escapes_hostile_titles(special_db, special):
    html = citation_list(special_db, [special[1]["sources"]["hostile"]], "bibliography", None, "html")
    # CSL styles may capitalise the title ("<Script>"); either way it is text, never a tag.
    assert "<script" not in html.lower()
    assert re.search(r"&lt;script&gt;alert\(1\)&lt;/script&gt;", html, re.IGNORECASE)


def test_bibliography_file_is_a_standalone_page_by_its_suffix(special_db, tmp_path):
    target = tmp_path / "refs.html"
    export_file(target, special_db, "bibliography", Selection(all_sources=True),
                ExportOptions(title="References <draft>", bib_format="html"))
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<title>References &lt;draft&gt;</title>" in page and "csl-entry" in page


def test_short_citations_in_one_run_tell_same_author_same_year_apart(sample_db):
    cited = source_ids(sample_db, Selection())
    texts = short_citations(sample_db, cited)
    assert len(texts) == len(cited)
    weber = sorted(t for t in texts.values() if t.startswith("(Weber 2024"))
    assert weber == ["(Weber 2024a)", "(Weber 2024b)"]
