"""BibTeX/BibLaTeX import: an awkward file written for the purpose, biblatex's own example
database, and malformed input that must give a FileProblem with a line, never a traceback."""
import bibtexparser
import pytest

from db.errors import FileProblem
from desktop_app.formats import bibtex
from tests.desktop_app.formats.bibliographic.conftest import problem_reading, shared_file


@pytest.fixture(scope="module")
def awkward(request):
    from pathlib import Path
    path = Path(request.fspath).resolve().parents[3] / "data" / "formats" / "awkward.bib"
    return {item["id"]: item for item in bibtex.read(path)}


def test_string_macros_accents_and_case_braces_become_plain_unicode(awkward):
    item = awkward["aksin2006"]
    assert item["type"] == "article-journal"
    assert [n["family"] for n in item["author"]] == ["Aksın", "Türkmen", "Çetinkaya"]
    assert item["author"][0]["given"] == "Özge"
    assert item["title"] == "Effect of Pd-N-heterocyclic carbenes in Mizoroki-Heck reactions"
    assert item["container-title"] == "J. Organomet. Chem."  # @string, ~ as a space
    assert (item["volume"], item["issue"], item["page"]) == ("691", "13", "3027–3036")
    assert item["citation-key"] == "aksin2006"


def test_corporate_author_escapes_concatenation_and_month_macro(awkward):
    item = awkward["who2020"]
    assert item["author"] == [{"literal": "World Health Organization"}]
    assert item["title"] == "Rock & Roll at 100%: $5 for #1 _underscored_ {braced}"
    assert item["publisher"] == "World Health Organization Press (Geneva)"  # macro # {text}
    assert item["issued"] == {"date-parts": [[2020, 3]]}
    assert item["URL"] == "https://www.who.int/publications/i/item/a_b%20c"  # verbatim


def test_missing_date_particles_suffixes_and_others(awkward):
    item = awkward["nodate"]
    assert "issued" not in item
    assert item["type"] == "webpage"
    assert item["author"] == [
        {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
        {"family": "Smith", "given": "John", "suffix": "Jr"},
        {"family": "Zeta", "given": "Anna"},  # "and others" is for styles to say
    ]
    assert item["accessed"] == {"date-parts": [[2024, 11, 15]]}


def test_newspaper_subtype_range_date_and_language(awkward):
    item = awkward["newspaper"]
    assert item["type"] == "article-newspaper"
    assert item["issued"] == {"date-parts": [[2024, 11, 18], [2024, 11, 21]]}
    assert item["language"] == "fr"


def test_classic_bibtex_web_page_with_access_date_in_the_note(awkward):
    item = awkward["webmisc"]
    assert item["type"] == "webpage"
    assert item["URL"] == "https://example.org/classic"
    assert item["accessed"] == {"date-parts": [[2024, 11, 15]]}
    assert "note" not in item


def test_crossref_child_inherits_the_proceedings(awkward):
    paper = awkward["paper2019"]
    assert paper["type"] == "paper-conference"
    assert paper["container-title"] == "Proceedings of the Timeline Workshop"
    assert paper["editor"] == [{"family": "Brown", "given": "Alice"}]
    assert paper["publisher"] == "ACM"
    assert paper["issued"] == {"date-parts": [[2019, 5]]}


def test_thesis_season_math_and_approximate_date(awkward):
    thesis = awkward["thesis"]
    assert thesis["type"] == "thesis" and thesis["genre"] == "PhD thesis"
    assert thesis["title"] == "Season of α-decay"
    assert thesis["issued"] == {"date-parts": [[2022]], "season": 1}
    assert thesis["author"] == [{"family": "Østergaard", "given": "Søren"}]
    circa = awkward["circa"]
    assert circa["issued"] == {"date-parts": [[1984]], "circa": True}
    assert circa["author"] == [{"literal": "Ministry of Truth"}]
    assert (circa["DOI"], circa["ISBN"]) == ("10.1000/xyz_123", "978-3-16-148410-0")


def test_biblatex_examples_all_import_with_sensible_types_and_titles():
    path = shared_file("corpus/biblatex-examples.bib")
    items = bibtex.read(path)
    # Independent count: every entry bibtexparser sees, less the @set groups of other entries.
    entries = [e for e in bibtexparser.parse_file(str(path)).entries if e.entry_type.lower() != "set"]
    assert len(items) == len(entries) == 90
    assert all(item["title"] and "\\" not in item["title"] and "{" not in item["title"] for item in items)
    by_id = {item["id"]: item for item in items}
    expected_types = {"aksin": "article-journal", "knuth:ct:a": "book", "westfahl:space": "chapter",
                      "moraux": "paper-conference", "ctan": "webpage", "padhye": "report",
                      "loh": "thesis", "almendro": "patent", "jcg": "periodical",
                      "kant:kpv": "chapter", "jaffe": "book", "cms": "book"}
    assert {key: by_id[key]["type"] for key in expected_types} == expected_types
    assert by_id["aksin"]["author"][0] == {"family": "Aksın", "given": "Özge"}
    assert by_id["nietzsche:ksa"]["publisher"] == "Deutscher Taschenbuch-Verlag and Walter de Gruyter"
    assert by_id["jaffe"]["issued"] == {"date-parts": [[1885], [1888]]}
    assert by_id["westfahl:space"]["container-title"].startswith("Space and Beyond")  # crossref
    assert by_id["ctan"]["accessed"] == {"date-parts": [[2006, 10, 1]]}
    assert sum("issued" in item for item in items) >= 85


@pytest.mark.parametrize("text, line, words", [
    ("@article{ok, title={Fine}}\n\n@article{broken, title={No end\n\n@book{next, title={x}}\n",
     3, "the value of 'title' opened on this line is never closed"),
    ("@article{x title={A}}\n", 1, "comma"),
    ("@article{a, title={One}}\n@article{a, title={Two}}\n", 2, "duplicate"),
    ("@article{a, title={One}, title={Two}}\n", 1, "duplicate"),
    ("% a truncated file\n@book{cut, title={The beginning", 2, "never closed"),
    ("@article{a,\n  title = {One}\n@article{b, title = {Two}}\n", 1, "a '}' is missing before the next entry"),
])
def test_malformed_bibtex_names_the_line(tmp_path, text, line, words):
    path = tmp_path / "bad.bib"
    problem = problem_reading(bibtex.read, path, text)
    assert problem.line == line
    assert words in problem.problem.lower()
    assert str(path) in str(problem)


@pytest.mark.parametrize("content, words", [
    (b"", "empty"), (b"  \n\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"just some prose, no entries", "no bibtex entries"), (b"@book{x, title={caf\xe9}}", "utf-8"),
])
def test_files_that_are_not_bibtex(tmp_path, content, words):
    assert words in problem_reading(bibtex.read, tmp_path / "not.bib", content).problem.lower()


def test_missing_file_is_a_file_problem(tmp_path):
    with pytest.raises(FileProblem):
        bibtex.read(tmp_path / "absent.bib")
