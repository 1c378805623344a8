"""Plain text, the file checks every format shares, metadata helpers, and a fuzz test."""
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.errors import FileProblem
from desktop_app.formats.fulltext import MAX_FILE_BYTES, NO_BODY_NOTE, FullText, published_edtf, read_fulltext
from desktop_app.formats.fulltext_metadata import ASKED_FOR, csl_names, edtf_date

DATA = Path(__file__).parents[2] / "data" / "fulltext"


def test_utf8_with_bom_keeps_paragraphs_and_line_breaks():
    result = read_fulltext(DATA / "bom.txt")
    assert result.text == "Talks in Kyiv\n\nNegotiators left on Tuesday.\nThey will return.\n\nErdoğan spoke «briefly»."
    assert result.metadata == {"type": "webpage", "title": "Talks in Kyiv"}
    assert result.missing == ["author", "issued"]


def test_latin1_text_is_read_as_windows_1252():
    result = read_fulltext(DATA / "latin1.txt")
    assert result.text == "Café talks\n\nThe délégation arrived at the Hôtel; prices in £ and ¥ rose."
    assert result.metadata["title"] == "Café talks"


def test_windows_1252_punctuation_is_decoded(tmp_path):
    path = tmp_path / "quotes.txt"
    path.write_bytes("“Quoted” – 5 €".encode("cp1252"))
    assert read_fulltext(path).text == "“Quoted” – 5 €"


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Київ\n\nтекст".encode("utf-16"))
    assert read_fulltext(path).text == "Київ\n\nтекст"


def test_a_long_or_wrapped_first_paragraph_is_no_title(tmp_path):
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text("Negotiators left the capital on Tuesday\nwithout an agreement.\n\nMore.\n", encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_text("word " * 60 + "\n", encoding="utf-8")
    for path in (wrapped, long):
        result = read_fulltext(path)
        assert "title" not in result.metadata
        assert result.missing == ["title", "author", "issued"]


def test_plain_text_without_a_date_line_has_no_published_date(tmp_path):
    assert published_edtf(DATA / "bom.txt") is None


def test_empty_and_binary_files_are_refused():
    with pytest.raises(FileProblem, match="is empty"):
        read_fulltext(DATA / "empty.txt")
    with pytest.raises(FileProblem, match="binary"):
        read_fulltext(DATA / "binary.txt")


def test_undecodable_bytes_name_their_line(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"fine\nstill fine\nbad \x81\x8d here\n")  # undefined in UTF-8 and in Windows-1252
    with pytest.raises(FileProblem, match="neither UTF-8 nor Windows-1252") as raised:
        read_fulltext(path)
    assert raised.value.line == 3
    assert str(path) in str(raised.value)


def test_unsupported_extension_is_refused(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    with pytest.raises(FileProblem, match="unsupported file type '.pdf'"):
        read_fulltext(path)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as file:
        file.truncate(200 * 1024 * 1024)  # sparse: 200 MB of NUL bytes that take no disk space
    tracemalloc.start()
    try:
        with pytest.raises(FileProblem, match="is 200 MB; files over 50 MB") as raised:
            read_fulltext(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, f"{peak} bytes held: the file was read"
    assert raised.value.path == str(path)
    assert MAX_FILE_BYTES == 50 * 1024 * 1024


def test_folders_missing_files_and_pipes_are_refused(tmp_path):
    folder = tmp_path / "folder.html"
    folder.mkdir()
    with pytest.raises(FileProblem, match="folder"):
        read_fulltext(folder)
    with pytest.raises(FileProblem, match="cannot be read"):
        read_fulltext(tmp_path / "absent.md")
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe.txt"
        os.mkfifo(pipe)
        with pytest.raises(FileProblem, match="not a regular file"):
            read_fulltext(pipe)  # would block forever if the pipe were opened for a blocking read


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-19T08:30:00Z", "2024-11-19"),
        ("2024-11-19 23:59:59-05:00", "2024-11-19"),
        ("2024-11", "2024-11"),
        ("2024", "2024"),
        ("2024-11~", "2024-11~"),
        ("19 November 2024", "2024-11-19"),
        ("Tue, 19 Nov 2024 08:30:00 GMT", "2024-11-19"),
        ("November 2024", "2024-11"),
        ("2024-02-30", None),
        ("03/04/2024", None),
        ("0001-01-01T00:00:00", None),  # .NET's DateTime.MinValue: a CMS with no date
        ("1970-01-01T00:00:00Z", None),  # the Unix epoch, likewise
        ("0999-05-01", None),
        ("1970-01", "1970-01"),
        ("Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_metadata_dates_become_edtf_only_when_unambiguous(value, expected):
    assert edtf_date(value) == expected


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Jane Doe", [{"family": "Doe", "given": "Jane"}]),
        ("By Jane Doe and John Smith", [{"family": "Doe", "given": "Jane"}, {"family": "Smith", "given": "John"}]),
        ("Doe, Jane", [{"family": "Doe", "given": "Jane"}]),
        ("Jane Doe, John Smith", [{"family": "Doe", "given": "Jane"}, {"family": "Smith", "given": "John"}]),
        ("Reuters", [{"literal": "Reuters"}]),
        ("https://news.example/staff/jane-doe", []),
    ],
)
def test_bylines_become_csl_names(byline, names):
    assert csl_names(byline) == names


# Fragments that steer random input towards the parsers' interesting corners.
_MARKUP = st.sampled_from([
    "<p>", "</p>", "<div class='ad'>", "</div>", "<script>", "<!--", "-->", "<!DOCTYPE html [",
    "<!ENTITY x SYSTEM 'file:///etc/passwd'>", "]>", "&x;", "&amp;", "<meta name=author content='",
    "<meta property='article:published_time' content='", "<time datetime='", "2024-11-19", "'>",
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": [", "---\n",
    "title: ", "date: ", "author:\n  - ", "\n", "\n\n", "> ", "- ", "# ", "![a](", "[", "](", ")",
    "| a | b |\n|---|---|\n", "```", "\x00", "\ufeff", "\r", "é", "«", "Київ",
])
_TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(_MARKUP, st.text(max_size=8)), max_size=40).map("".join))
_CONTENT = st.one_of(st.binary(max_size=300), _TEXT.map(lambda text: text.encode("utf-8")))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=_CONTENT, suffix=st.sampled_from([".txt", ".md", ".markdown", ".html", ".htm"]))
def test_any_input_is_read_or_refused_with_a_file_problem(tmp_path_factory, content, suffix):
    path = tmp_path_factory.getbasetemp() / f"fuzz{suffix}"
    path.write_bytes(content)
    try:
        result = read_fulltext(path)
    except FileProblem:
        return
    assert isinstance(result, FullText)
    # text, or a page with no body imported for its metadata with the note that says so
    assert (result.text.strip() or result.note == NO_BODY_NOTE) and "\n\n\n" not in result.text
    assert result.metadata["type"] in ("article-newspaper", "webpage")
    assert set(result.missing) <= set(ASKED_FOR)
    assert published_edtf(path) == result.metadata.get("issued_edtf")


def test_a_plain_texts_byline_date_line_and_title_are_read(tmp_path):
    """The text as saved from a news site: title, "By …" with a footnote mark, a date line with a
    time; the byline is the author (not the title), the date line the issued date."""
    path = tmp_path / "champion.txt"
    path.write_text("Russia Pounds Ukraine's Power Grid Ahead of Winter\n\nBy Marc Champion*\n\n"
                    "November 20, 2024 at 5:00 AM GMT\n\n"
                    "Russia launched one of its largest air attacks of the war on Sunday, hitting power plants\n"
                    "across Ukraine.\n\nOn 19 November 2024 the talks resumed.\n", encoding="utf-8")
    result = read_fulltext(path)
    assert result.metadata["title"] == "Russia Pounds Ukraine's Power Grid Ahead of Winter"
    assert result.metadata["author"] == [{"family": "Champion", "given": "Marc"}]
    assert result.missing == []
    assert published_edtf(path) == "2024-11-20"
    bylined = tmp_path / "bylined.txt"
    bylined.write_text("By Jane Doe and John Smith | Wire\n\nPublished: 19 Nov 2024\n\nTalks in Kyiv\n\n"
                       "Negotiators met for six hours\nand agreed on nothing.\n", encoding="utf-8")
    result = read_fulltext(bylined)
    assert result.metadata["author"] == [{"family": "Doe", "given": "Jane"}, {"family": "Smith", "given": "John"}]
    assert (result.metadata["title"], published_edtf(bylined)) == ("Talks in Kyiv", "2024-11-19")
    body_date = tmp_path / "body.txt"  # a date after the body has begun is what it reports
    body_date.write_text("Talks\n\nNegotiators met\nfor hours.\n\n19 November 2024\n", encoding="utf-8")
    assert published_edtf(body_date) is None and read_fulltext(body_date).metadata["title"] == "Talks"
