"""Export a project's sources with `sourceline export`, import the file into a new project with
`sourceline import`: the same sources come back (titles, types, names, dates, URLs), checked
for every special case in every format."""
from __future__ import annotations

import pytest

from db import sources
from db.store import open_project
from desktop_app.cli import main

FORMATS = {"csl-json": ".json", "bibtex": ".bib", "biblatex": ".bib", "ris": ".ris"}
# What a format cannot say and becomes the nearest type it has: RIS has no social-media post.
# BibTeX and BibLaTeX say every type: what the entry type cannot say rides in `entrysubtype`.
NEAREST_TYPE = {
    "csl-json": {},
    "biblatex": {},
    "ris": {"post": "webpage"},
    "bibtex": {},
}
CASES = ["organisation", "no-date", "circa", "season", "range", "non-ascii", "braces", "ampersand", "percent",
         "dollar", "hash", "underscore", "hostile"]


def _sources(path) -> dict[str, dict]:
    db = open_project(path)
    try:
        found = {}
        for (source_id,) in db.conn.execute("SELECT id FROM sources"):
            source = sources.get_source(db, source_id)
            found[source["title"]] = {
                "type": source["csl_type"], "issued": source["issued_edtf"], "accessed": source["accessed_edtf"],
                "url": source["url"], "container": source["container_title"], "names": source["creators"]}
        return found
    finally:
        db.close()


def _round_trip(project, fmt, folder) -> dict[str, dict]:
    exported = folder / f"out{FORMATS[fmt]}"
    assert main(["export", "--db", str(project), "--format", fmt, "--all-sources", "-o", str(exported)]) == 0
    fresh = folder / f"fresh-{fmt}.sourceline"
    assert main(["new", str(fresh)]) == 0
    assert main(["import", "--db", str(fresh), str(exported)]) == 0
    return _sources(fresh)


@pytest.fixture(scope="module")
def special_round_trips(special_path, tmp_path_factory):
    """Each format's round trip of the special project, made once: (before, {format: after})."""
    folder = tmp_path_factory.mktemp("round-trips")
    return _sources(special_path), {fmt: _round_trip(special_path, fmt, folder) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_source_comes_back_once(special_round_trips, fmt):
    before, after = special_round_trips
    assert sorted(after[fmt]) == sorted(before)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_special_case_comes_back_the_same(special_round_trips, cases, fmt, case):
    before, after = special_round_trips
    title = cases.sources[case]["title"]  # found by its exact title: & % $ # _ {braces} <script>
    source, back = before[title], after[fmt][title]
    assert back["type"] == NEAREST_TYPE[fmt].get(source["type"], source["type"])
    for key in ("names", "issued", "accessed", "url", "container"):
        assert back[key] == source[key], key


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_sample_sources_come_back_the_same(sample_path, fmt, tmp_path, capsys):
    before = _sources(sample_path)
    after = _round_trip(sample_path, fmt, tmp_path)
    capsys.readouterr()
    assert set(after) == set(before)
    for title, source in before.items():
        back = after[title]
        assert back["type"] == NEAREST_TYPE[fmt].get(source["type"], source["type"]), title
        assert (back["names"], back["issued"], back["accessed"], back["url"]) == \
            (source["names"], source["issued"], source["accessed"], source["url"]), title


def test_every_special_case_of_the_project_is_checked(cases):
    assert CASES == cases.names
