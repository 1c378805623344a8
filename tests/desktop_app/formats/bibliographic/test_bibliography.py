"""Bibliographies and citations through pandoc's citeproc, checked by structure, not exact strings."""
from html.parser import HTMLParser

import pytest

from db.errors import FileProblem
from desktop_app.formats import bibliography

ITEMS = [
    {"id": "week", "type": "webpage", "title": "Conference week report", "author": [{"family": "Dupont", "given": "Jean-Luc"}],
     "issued": {"date-parts": [[2024, 11, 18], [2024, 11, 21]]}, "URL": "https://example.org/week"},
    {"id": "spring", "type": "article-journal", "title": "Seasonal migrations", "author": [{"family": "Zeta", "given": "Anna"}],
     "container-title": "Bird Review", "volume": "3", "page": "1-9", "issued": {"date-parts": [[2022]], "season": 1}},
    {"id": "circa", "type": "book", "title": "Approximately dated", "author": [{"family": "Orwell", "given": "George"}],
     "publisher": "Secker", "issued": {"date-parts": [[1984]], "circa": True}},
    {"id": "who", "type": "report", "title": "Tags <script>alert(1)</script> & co", "author": [{"literal": "World Health Organization"}],
     "publisher": "WHO", "issued": {"date-parts": [[2020]]}},
    {"id": "umlaut", "type": "book", "title": "Straße der Zeit", "author": [{"family": "Müller", "given": "Jörg"}],
     "publisher": "Verlag", "issued": {"date-parts": [[2019]]}},
]
AUTHORS = ["Dupont", "Zeta", "Orwell", "World Health Organization", "Müller"]
YEARS = ["2024", "2022", "1984", "2020", "2019"]
TITLE_WORDS = ["conference week report", "seasonal migrations", "approximately dated", "alert(1)", "straße der zeit"]
AUTHOR_DATE = {"Chicago (author-date)", "APA", "Harvard (Cite Them Right)"}


class Entries(HTMLParser):
    """The text of each CSL entry of pandoc's HTML bibliography, and every tag seen."""

    def __init__(self):
        super().__init__()
        self.entries, self.tags, self._depth = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "div" and "csl-entry" in (dict(attrs).get("class") or ""):
            self.entries.append("")
            self._depth = 1
        elif tag == "div" and self._depth:
            self._depth += 1

    def handle_endtag(self, tag):
        if tag == "div" and self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.entries[-1] += data


def test_the_promised_styles_are_there():
    assert {"Chicago (author-date)", "Chicago (notes and bibliography)", "APA", "MLA",
            "Harvard (Cite Them Right)"} <= set(bibliography.STYLES)
    assert all(path.is_file() for path in bibliography.STYLES.values())


@pytest.mark.parametrize("style", list(bibliography.STYLES))
def test_html_bibliography_has_one_entry_per_source_with_names_years_titles(style):
    parser = Entries()
    parser.feed(bibliography.render(ITEMS, style, "html"))
    assert len(parser.entries) == len(ITEMS)
    assert "script" not in parser.tags  # the title's markup is text, escaped
    for author, year, words in zip(AUTHORS, YEARS, TITLE_WORDS):
        (entry,) = [text for text in parser.entries if author in text]
        assert year in entry
        assert words in " ".join(entry.split()).lower()
    (who,) = [text for text in parser.entries if "World Health" in text]
    assert "<script>alert(1)</script>".lower() in who.lower() and "&" in who


@pytest.mark.parametrize("fmt", ["markdown", "plain"])
@pytest.mark.parametrize("style", list(bibliography.STYLES))
def test_text_bibliographies_hold_one_paragraph_per_source(style, fmt):
    text = bibliography.render(ITEMS, style, fmt)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert len(paragraphs) == len(ITEMS)
    assert "<div" not in text and ":::" not in text
    for author, year in zip(AUTHORS, YEARS):
        (paragraph,) = [p for p in paragraphs if author in p]
        assert year in paragraph


@pytest.mark.parametrize("style", list(bibliography.STYLES))
def test_citations_one_per_source_in_order(style):
    citations = bibliography.render_citations(ITEMS, style)
    assert len(citations) == len(ITEMS)
    for citation, author, year in zip(citations, AUTHORS, YEARS):
        assert author in citation
        if style in AUTHOR_DATE:
            assert year in citation and citation.startswith("(") and citation.endswith(")")


def test_style_by_file_name_or_path_and_unknown_styles():
    assert bibliography.style_path("apa") == bibliography.STYLES["APA"]
    assert bibliography.style_path(str(bibliography.STYLES["MLA"])) == bibliography.STYLES["MLA"]
    with pytest.raises(ValueError):
        bibliography.style_path("no-such-style")
    with pytest.raises(ValueError):
        bibliography.render(ITEMS, "APA", "docx")
    assert bibliography.render([], "APA") == "" and bibliography.render_citations([], "APA") == []


def test_same_author_and_year_are_told_apart_and_any_id_works():
    twins = [{"id": "odd } id, with [brackets]", "type": "book", "title": "First", "author": [{"family": "Smith"}],
              "issued": {"date-parts": [[2024]]}},
             {"id": "odd } id, with [brackets]", "type": "book", "title": "Second", "author": [{"family": "Smith"}],
              "issued": {"date-parts": [[2024]]}}]
    first, second = bibliography.render_citations(twins, "APA")
    assert first != second and "Smith" in first and "2024" in second


def test_a_broken_style_file_of_the_users_is_a_file_problem(tmp_path):
    style = tmp_path / "mine.csl"
    style.write_text('<?xml version="1.0"?><nonsense/>', encoding="utf-8")
    with pytest.raises(FileProblem) as raised:
        bibliography.render(ITEMS, str(style), "plain")
    assert raised.value.path == str(style)
