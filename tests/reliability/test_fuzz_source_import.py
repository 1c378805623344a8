"""Hostile files for the source importer (BibTeX, RIS, CSL-JSON, text, Markdown, HTML): each is
imported whole or refused with a FileProblem naming the file — never another exception, never a
hang; a refused file writes nothing, and the file itself is never changed."""
from __future__ import annotations

import codecs
import json
import os
import re
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
    """The importer's contract for one file (see the module docstring); a success is undone. The
    file itself is only read: its bytes are the same afterwards."""
    given = path.read_bytes()
    _import_or_refuse(db, path)
    assert path.read_bytes() == given


def _import_or_refuse(db, path: Path) -> None:
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
    """Records (TY … ER) of random tags and values; now and then a line out of place, a tag said
    twice, a line that continues the one before, or the lines shuffled."""
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        lines.append(f"TY  - {draw(st.sampled_from(['JOUR', 'BOOK', 'ELEC', 'NEWS', 'GEN', 'CHAP', '??']) | RIS_LINE)}")
        for _ in range(draw(st.integers(0, 8))):
            lines.append(f"{draw(st.sampled_from(RIS_TAGS[2:]))}  - {draw(RIS_LINE)}")
        lines.append("ER  - ")
    for _ in range(draw(st.integers(0, 2))):
        lines.insert(draw(st.integers(0, len(lines))), f"{draw(st.sampled_from(RIS_TAGS))}  - {draw(RIS_LINE)}")
    for _ in range(draw(st.integers(0, 3))):  # repeated lines and continuation lines
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(lines) | RIS_LINE | st.just("")))
    if draw(st.integers(0, 5)) == 0:
        lines = draw(st.permutations(lines))
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
    text = json.dumps(items if draw(st.integers(0, 9)) else draw(JSON_VALUES))
    if draw(st.integers(0, 5)) == 0:  # a value JSON allows, or Python reads, that no project can keep
        token = draw(st.sampled_from(["9" * 4_400, "-" + "1" * 5_000, "NaN", "-Infinity", "1e999", '"\\ud800"',
                                      '"a\\udfffb"', '"\\ud83d\\ude00"']))
        text = re.sub(r'(?<=: )("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|null|true|false)', lambda _: token, text, count=1)
    return text.encode()


# The same texts as another program may save them: other line ends, UTF-16 or UTF-32 with a mark.
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"]


def resaved(content: bytes, newline: str, encoding: str) -> bytes:
    text = content.decode("utf-8", "surrogatepass").replace("\n", newline)
    if encoding == "utf-16-be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be", "surrogatepass")
    return text.encode(encoding, "surrogatepass")


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


@FUZZ
@given(file=st.one_of(bibtex().map(lambda content: (".bib", content)), ris().map(lambda content: (".ris", content)),
                      csl_json().map(lambda content: (".json", content))),
       newline=st.sampled_from(["\n", "\r\n", "\r"]), encoding=st.sampled_from(ENCODINGS))
def test_bibliographies_saved_by_other_programs(project, folder, file, newline, encoding):
    extension, content = file
    import_or_refuse(project, write(folder, extension, resaved(content, newline, encoding)))


# -- what fuzzing found, kept as fixed cases --------------------------------------------------------

FOUND = {
    # rispy's Web of Science parser raised KeyError on a tag it has no name for
    "wos-unknown-tag.ris": b"FN Clarivate Analytics Web of Science\nPT J\nAU Doe, J\nTI A title\nXY odd\nER\nEF\n",
    "wos-without-header.ris": b"PT J\nAU X\nXX odd\nER\n",
    # issue 14: rispy's TypeError (a repeated tag, then a continuation), KeyError 'access_date'
    # (a later record continuing the last tag of the one before), CR-only line ends
    "repeated-tag.ris": b"TY  - JOUR\nAU  - A, B\nAU  - C, D\nTI  - One\nTI  - Two\nand more\nER  - \n",
    "continued-across-records.ris": b"TY  - NEWS\nY2  - 2024/11/15\nER  - \n\nTY  - JOUR\n\nTI  - x\nER  - \n",
    "text-after-type.ris": b"TY  - NEWS\nY2  - 2024/11/15\nER  - \nTY  - JOUR\nstray\nER  - \n",
    "old-mac.ris": b"TY  - JOUR\rTI  - One\rER  - \rTY  - BOOK\rTI  - Two\rER  - \r",
    "typo-type.ris": b"TYPO\nTY  - JOUR\nTI  - One\nER  - \n",
    "utf16.ris": codecs.BOM_UTF16_LE + "TY  - JOUR\nTI  - \u00dcber\nER  - \n".encode("utf-16-le"),
    # CSL-JSON: Python's 4,300-digit limit, lone surrogates, numbers JSON cannot write back
    "bignum.json": b'[{"type": "book", "title": "T", "volume": ' + b"9" * 5_000 + b"}]",
    "surrogate.json": b'[{"type": "book", "title": "\\ud800"}]',
    "nan.json": b'[{"type": "book", "title": "T", "custom": {"x": NaN}}]',
    "huge-float.json": b'[{"type": "book", "title": "T", "custom": {"x": 1e999}}]',
    "utf16.json": codecs.BOM_UTF16_BE + '[{"type": "book", "title": "T"}]'.encode("utf-16-be"),
    # BibTeX: a value never closed; \\href (pylatexenc's IndexError); a long value
    "unclosed.bib": b"@article{k,\n  title = {A title},\n  author = {Smith, John,\n  year = {2020}\n}\n",
    "href.bib": b"@misc{k, title = {\\href{http://x.org}{Page}}, author = {\\href{http://x.org}{Org}}}\n",
    "long-value.bib": b"@misc{k, title = {" + b"word \\emph{x} -- " * 2_000 + b"}}\n",
    "utf16.bib": codecs.BOM_UTF16_LE + "@misc{k, title = {\u00dcber}}\n".encode("utf-16-le"),
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_cases_found_by_fuzzing(project, folder, name):
    stem, extension = os.path.splitext(name)
    import_or_refuse(project, write(folder, extension, FOUND[name], stem))
