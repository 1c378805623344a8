"""Hostile files for the source importer (BibTeX, RIS, CSL-JSON, text, Markdown, HTML): each is
imported whole or refused with a FileProblem naming the file — never another exception, never a
hang, and a refused file writes nothing."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import currently_in_test_context, event, given
from hypothesis import strategies as st

from db import ops
from db.errors import FileProblem
from db.store import create_project
from desktop_app.importing import ADD, plan_import
from tests.reliability.fuzzing import FUZZ, mutated, time_limit

DATA = Path(__file__).resolve().parents[1] / "data"
SHARED = Path(__file__).resolve().parents[3] / "shared"
TABLES = ("sources", "source_creators", "annotations", "citations", "history")
EXTENSIONS = (".bib", ".ris", ".json", ".txt", ".md", ".html", "")


def _samples() -> list[bytes]:
    files = [*(DATA / "import").iterdir(), *(DATA / "formats").iterdir(), *(DATA / "fulltext").iterdir()]
    for name in ("corpus/example_full.ris", "corpus/example_wos.ris", "corpus/example_multiline.ris"):
        if (SHARED / name).is_file():
            files.append(SHARED / name)
    return [f.read_bytes()[:20_000] for f in sorted(files) if f.is_file()]


SAMPLES = _samples()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.sourceline"
    db = create_project(path)
    yield db
    db.close()


def counts(db) -> tuple[int, ...]:
    return tuple(db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)


def note(text: str) -> None:
    """Count outcomes for --hypothesis-show-statistics (only inside a Hypothesis test)."""
    if currently_in_test_context():
        event(text)


def import_or_refuse(db, path: Path) -> None:
    """The importer's contract for one file (see the module docstring); a success is undone."""
    before = counts(db)
    with time_limit():
        plan = plan_import([path], db)
        if plan.problems:
            problem = plan.problems[0]
            assert isinstance(problem, FileProblem) and problem.path == str(path) and problem.problem
            with pytest.raises(FileProblem):
                plan.apply()
            assert counts(db) == before
            note("refused")
            return
        plan.titles_from_file_names()
        op = plan.apply(default=ADD)
        result = ops.run(db, op)
    assert len(result.added) == len(plan.records) and counts(db)[0] == before[0] + len(plan.records)
    op.undo(db)
    assert counts(db)[:4] == before[:4]
    note(f"imported {min(len(plan.records), 3)}+ records")


def write(folder: Path, extension: str, content: bytes, name: str = "fuzzed") -> Path:
    path = folder / f"{name}{extension}"
    path.write_bytes(content)
    return path


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("files")


@FUZZ
@given(extension=st.sampled_from(EXTENSIONS), content=st.binary(max_size=3000))
def test_random_bytes(project, folder, extension, content):
    import_or_refuse(project, write(folder, extension, content))


@FUZZ
@given(extension=st.sampled_from(EXTENSIONS), content=st.text(max_size=2000))
def test_random_text(project, folder, extension, content):
    import_or_refuse(project, write(folder, extension, content.encode("utf-8", "surrogatepass")))


@FUZZ
@given(extension=st.sampled_from(EXTENSIONS), content=mutated(SAMPLES))
def test_valid_files_cut_short_and_mangled(project, folder, extension, content):
    import_or_refuse(project, write(folder, extension, content))


# -- files shaped like each format, with hostile values -----------------------------------------

FIELD_TEXT = st.lists(st.characters(blacklist_categories=("Cs",)) | st.sampled_from(["{", "}", "\\", '"', "#", "@", "%", "$", "~", "\\'",
                                                       "\\textbf{", "{\\", "--", " and ", ","]),
                      max_size=20).map("".join)
BIB_FIELDS = ["title", "author", "editor", "year", "date", "month", "journal", "crossref", "doi", "url",
              "urldate", "pages", "note", "booktitle", "publisher", "keywords", "eprint", "xdata"]


@st.composite
def bibtex(draw) -> bytes:
    entries = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["article", "book", "online", "misc", "string", "comment", "preamble", "set",
                                     "inbook", "Article", "x"]))
        key = draw(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=",{}() \n"), max_size=12))
        fields = []
        for _ in range(draw(st.integers(0, 6))):
            name = draw(st.sampled_from(BIB_FIELDS) | st.text(st.characters(blacklist_categories=("Cs",)), max_size=8))
            enclosed = draw(st.sampled_from(BIB_ENCLOSURES)) % draw(FIELD_TEXT)
            fields.append(f"{name} = {enclosed}")
        entries.append(f"@{kind}{{{key},\n  " + ",\n  ".join(fields) + "\n}\n")
    return "\n".join(entries).encode()


BIB_ENCLOSURES = ["{%s}", '"%s"', "%s", "{{%s}}"]
RIS_TAGS = ["TY", "ER", "AU", "A1", "TI", "T1", "PY", "Y1", "DA", "DO", "UR", "JO", "JF", "SP", "EP", "KW", "N1",
            "AB", "PB", "Y2", "ID", "PT", "SO", "FN", "EF", "XX"]


RIS_LINE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
                   max_size=30)


@st.composite
def ris(draw) -> bytes:
    """Records (TY … ER) of random tags and values; now and then a line out of place."""
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        lines.append(f"TY  - {draw(st.sampled_from(['JOUR', 'BOOK', 'ELEC', 'NEWS', 'GEN', 'CHAP', '??']) | RIS_LINE)}")
        for _ in range(draw(st.integers(0, 8))):
            lines.append(f"{draw(st.sampled_from(RIS_TAGS[2:]))}  - {draw(RIS_LINE)}")
        lines.append("ER  - ")
    for _ in range(draw(st.integers(0, 2))):
        lines.insert(draw(st.integers(0, len(lines))), f"{draw(st.sampled_from(RIS_TAGS))}  - {draw(RIS_LINE)}")
    return "\n".join(lines).encode()


CSL_KEYS = ["id", "type", "title", "author", "editor", "issued", "accessed", "container-title", "DOI", "URL",
            "page", "volume", "citation-key", "custom", "categories", "note", "language"]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(CSL_KEYS + ["family", "given", "literal", "date-parts", "raw", "season", "circa"]) | st.text(max_size=6),
        children, max_size=5),
    max_leaves=20)


NAMES = st.lists(st.fixed_dictionaries({}, optional={
    "family": st.text(max_size=10), "given": st.text(max_size=10), "literal": st.text(max_size=10),
    "non-dropping-particle": st.text(max_size=4), "suffix": st.text(max_size=4)}), max_size=3)
DATES = st.fixed_dictionaries({}, optional={
    "date-parts": st.lists(st.lists(st.integers(-10_000, 100_000) | st.text(max_size=4), min_size=1, max_size=3),
                           min_size=1, max_size=2),
    "raw": st.text(max_size=12), "literal": st.text(max_size=12), "season": st.integers(-1, 8), "circa": JSON_VALUES})


@st.composite
def csl_json(draw) -> bytes:
    """Lists of items with the variables CSL-JSON has, holding odd values (now and then any JSON)."""
    items = []
    for _ in range(draw(st.integers(0, 4))):
        item = draw(st.fixed_dictionaries(
            {"type": st.sampled_from(["article-journal", "book", "webpage", "", "x"]), "title": st.text(max_size=20)},
            optional={"id": st.text(max_size=8) | st.integers(), "author": NAMES, "editor": NAMES, "issued": DATES,
                      "accessed": DATES | st.text(max_size=12), "DOI": st.text(max_size=12),
                      "URL": st.text(max_size=12), "page": st.text(max_size=6) | st.integers(),
                      "custom": JSON_VALUES, "categories": JSON_VALUES}))
        if draw(st.integers(0, 5)) == 0:
            item.update(draw(st.dictionaries(st.sampled_from(CSL_KEYS), JSON_VALUES, max_size=3)))
        items.append(item)
    return json.dumps(items if draw(st.integers(0, 9)) else draw(JSON_VALUES)).encode()


@st.composite
def markup(draw) -> tuple[str, bytes]:
    pieces = draw(st.lists(st.sampled_from(
        ["<p>", "</p>", "<div>", "<article>", "<script>alert(1)</script>", "<img src='file:///etc/passwd'>",
         "<meta name='citation_title' content='", "<meta property='article:published_time' content='2024-11-19'>",
         "<title>", "</title>", "<h1>", "# ", "## ", "---\n", "title: ", "date: ", "> ", "- ", "1. ", "```", "\n",
         "\n\n", "[link](javascript:alert(1))", "<!--", "-->", "<![CDATA[", "&amp;", "&#x0;", "&nbsp;", "<style>",
         "<svg onload=alert(1)>", "<base href='http://evil/'>", "*", "_", "|a|b|\n|-|-|\n", "<table><tr><td>"])
        | st.text(max_size=15), max_size=60))
    return draw(st.sampled_from([".html", ".md"])), "".join(pieces).encode("utf-8", "surrogatepass")


@FUZZ
@given(content=bibtex())
def test_bibtex_shaped(project, folder, content):
    import_or_refuse(project, write(folder, ".bib", content))


@FUZZ
@given(content=ris())
def test_ris_shaped(project, folder, content):
    import_or_refuse(project, write(folder, ".ris", content))


@FUZZ
@given(content=csl_json())
def test_csl_json_shaped(project, folder, content):
    import_or_refuse(project, write(folder, ".json", content))


@FUZZ
@given(file=markup())
def test_html_and_markdown_shaped(project, folder, file):
    import_or_refuse(project, write(folder, *file))


# -- what fuzzing found, kept as fixed cases --------------------------------------------------------

FOUND = {
    # rispy's Web of Science parser raised KeyError on a tag it has no name for
    "wos-unknown-tag.ris": b"FN Clarivate Analytics Web of Science\nPT J\nAU Doe, J\nTI A title\nXY odd\nER\nEF\n",
    "wos-without-header.ris": b"PT J\nAU X\nXX odd\nER\n",
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_cases_found_by_fuzzing(project, folder, name):
    stem, extension = os.path.splitext(name)
    import_or_refuse(project, write(folder, extension, FOUND[name], stem))
