"""Export a project's sources with `sourceline export`, import the file into a new project with
`sourceline import`: the same sources come back (titles, types, names, dates, URLs)."""
from __future__ import annotations

import pytest

from db import sources
from db.store import open_project
from desktop_app.cli import main

SUFFIX = {"csl-json": ".json", "bibtex": ".bib", "biblatex": ".bib", "ris": ".ris"}
# What a format cannot say and becomes the nearest type it has: BibTeX has no newspaper or
# magazine article and no web page entry (a @misc with a URL reads back as one); none of the
# three has a social-media post.
NEAREST_TYPE = {
    "csl-json": {},
    "biblatex": {"post": "webpage"},
    "ris": {"post": "webpage"},
    "bibtex": {"article-newspaper": "article-journal", "article-magazine": "article-journal", "post": "webpage",
               "document": "webpage"},
}


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


def _round_trip(project, fmt, tmp_path, capsys) -> dict[str, dict]:
    exported = tmp_path / f"out{SUFFIX[fmt]}"
    assert main(["export", "--db", str(project), "--format", fmt, "--all-sources", "-o", str(exported)]) == 0
    fresh = tmp_path / f"fresh-{fmt}.sourceline"
    assert main(["new", str(fresh)]) == 0
    assert main(["import", "--db", str(fresh), str(exported)]) == 0
    capsys.readouterr()
    return _sources(fresh)


@pytest.mark.parametrize("fmt", list(SUFFIX))
def test_special_sources_come_back_the_same(special, fmt, tmp_path, capsys):
    before = _sources(special[0])
    after = _round_trip(special[0], fmt, tmp_path, capsys)
    assert set(after) == set(before)  # every title, with & % $ # _ {braces} and <script> as written
    for title, source in before.items():
        back = after[title]
        assert back["type"] == NEAREST_TYPE[fmt].get(source["type"], source["type"]), title
        for key in ("names", "issued", "accessed", "url", "container"):
            assert back[key] == source[key], (title, key)


@pytest.mark.parametrize("fmt", list(SUFFIX))
def test_sample_sources_come_back_the_same(sample_path, fmt, tmp_path, capsys):
    before = _sources(sample_path)
    after = _round_trip(sample_path, fmt, tmp_path, capsys)
    assert set(after) == set(before)
    for title, source in before.items():
        back = after[title]
        assert back["type"] == NEAREST_TYPE[fmt].get(source["type"], source["type"]), title
        assert (back["names"], back["issued"], back["accessed"], back["url"]) == \
            (source["names"], source["issued"], source["accessed"], source["url"]), title
