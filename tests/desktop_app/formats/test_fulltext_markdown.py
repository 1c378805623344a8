"""Markdown full text: front matter, the body as plain text, and refusals that name the line."""
from pathlib import Path

import pytest

from db.errors import FileProblem
from desktop_app.formats.fulltext import MAX_MARKDOWN_BYTES, published_edtf, read_fulltext

DATA = Path(__file__).parents[2] / "data" / "fulltext"


def write_md(tmp_path, text: str, name="note.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def article():
    return read_fulltext(DATA / "article.md")


def test_front_matter_becomes_csl_metadata(article):
    assert article.metadata == {
        "type": "article-newspaper",
        "title": "Kyiv talks: «no result», says Erdoğan",
        "author": [{"family": "Kovalenko", "given": "Olena"}, {"family": "Doe", "given": "Jane"}],
        "issued_edtf": "2024-11-19",
        "container-title": "Daily Example",
        "URL": "https://daily.example/world/2024/11/19/ceasefire-talks",
        "language": "en-GB",
    }
    assert article.missing == []


def test_body_is_plain_text_paragraphs(article):
    assert article.text.split("\n\n") == [
        "Kyiv talks end without result",
        "Negotiators left Kyiv on Tuesday, calling the outcome «no result». "
        "Mr Erdoğan offered to host a fourth round in Istanbul.",
        "Delegations: two",
        "Rounds so far: three",
        "City\tRound",
        "Kyiv\t3",
        "quoted code stays as text",
        "A raw HTML note.",
        "Inline markup and gone.",
    ]


def test_body_keeps_no_markup_image_address_or_script(article):
    for markup in ("**", "*", "](", "![", "|", "```", "<", "file:", "SCRIPT-TEXT", "photo of the delegations", "tags"):
        assert markup not in article.text, markup


def test_published_edtf_reads_front_matter_only(tmp_path):
    assert published_edtf(DATA / "article.md") == "2024-11-19"
    dated_in_body = write_md(tmp_path, "# Report\n\nThe talks ended on 2024-11-19.\n")
    assert published_edtf(dated_in_body) is None


def test_without_front_matter_the_first_heading_is_the_title(tmp_path):
    note = write_md(tmp_path, "Intro line\n\n## Section\n\n# Real title\n\nBody.\n", name="note.markdown")
    result = read_fulltext(note)
    assert result.metadata["title"] == "Real title"
    assert result.metadata["type"] == "webpage"
    assert result.missing == ["author", "issued"]


def test_front_matter_forms(tmp_path):
    note = write_md(tmp_path, """---
title: >
  A folded title
  over two lines
author: [Taras Shevchuk, 'Reuters']
published: 19 November 2024
source: https://clipped.example/page
publisher: Example Press
lang: English
aliases:
  nested: maps of other tools are skipped
---
Body.
""")
    metadata = read_fulltext(note).metadata
    assert metadata["title"] == "A folded title over two lines"
    assert metadata["author"] == [{"family": "Shevchuk", "given": "Taras"}, {"literal": "Reuters"}]
    assert metadata["issued_edtf"] == "2024-11-19"
    assert metadata["URL"] == "https://clipped.example/page"  # a clipper's "source" is an address
    assert metadata["container-title"] == metadata["publisher"] == "Example Press"
    assert "language" not in metadata  # "English" is not a language tag


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("title: ok\nthis line has no colon\n", 3, "expected 'key: value'"),
        ("title: ok\ndate: the day after\n", 3, "not a date"),
        ("date: 03/04/2024\n", 2, "not a date"),  # day-first or month-first? refused, not guessed
        ("url: file:///etc/passwd\n", 2, "not an http"),
        ("author:\n  name: Jane\n", 3, "nested values under 'author'"),
        ("  - stray item\n", 2, "does not belong"),
    ],
)
def test_bad_front_matter_names_its_line(tmp_path, front, line, message):
    note = write_md(tmp_path, f"---\n{front}---\nBody.\n")
    with pytest.raises(FileProblem, match=message) as raised:
        read_fulltext(note)
    assert raised.value.line == line


def test_unclosed_front_matter_points_at_line_one(tmp_path):
    note = write_md(tmp_path, "---\ntitle: never closed\n\nBody.\n")
    with pytest.raises(FileProblem, match="never closed") as raised:
        read_fulltext(note)
    assert raised.value.line == 1


def test_deep_nesting_is_refused_rather_than_silently_cut(tmp_path):
    note = write_md(tmp_path, "---\ntitle: Deep\n---\nFine.\n\n" + ">" * 10_000 + " deep quote\n\nafter\n")
    with pytest.raises(FileProblem, match="nested more than 10 levels") as raised:
        read_fulltext(note)
    assert raised.value.line == 6


def test_deep_raw_html_inside_markdown_is_refused_too(tmp_path):
    note = write_md(tmp_path, "Intro.\n\n" + "<div>" * 1000 + "deep" + "</div>" * 1000 + "\n")
    with pytest.raises(FileProblem, match="nests elements deeper than 256 levels"):
        read_fulltext(note)


def test_ordinary_nesting_is_read(tmp_path):
    note = write_md(tmp_path, "> quoted\n> - item\n>   - sub item\n")
    assert read_fulltext(note).text == "quoted\n\nitem\n\nsub item"


def test_front_matter_alone_is_no_text(tmp_path):
    note = write_md(tmp_path, "---\ntitle: Only metadata\n---\n\n")
    with pytest.raises(FileProblem, match="no readable text"):
        read_fulltext(note)


def test_markdown_over_its_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.md"
    with open(big, "wb") as file:
        file.truncate(MAX_MARKDOWN_BYTES + 1)  # sparse: no data is written or read
    with pytest.raises(FileProblem, match="over 2 MB"):
        read_fulltext(big)
