"""Saved web pages that defeated the old hand-written extractor, read with trafilatura/htmldate.

Each page in tests/data/web_pages/ was built for one failure seen on real sites; ``NAME.body.txt``
is the article's text as a reader sees it (empty for the page that has none).
"""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from desktop_app.formats.fulltext import read_fulltext
from desktop_app.formats.fulltext_html import read_web_page
from desktop_app.importing.reading import read_records

PAGES = Path(__file__).parents[2] / "data" / "web_pages"
BOILERPLATE = ("Most popular", "You might also like", "Subscribe", "transport correspondent", "Home", "cookies",
               "All rights reserved", "__VIEWSTATE", "wEPDwUKMTY1")


def body(name: str) -> list[str]:
    return (PAGES / f"{name}.body.txt").read_text(encoding="utf-8").strip().split("\n\n")


def paragraphs(name: str) -> list[str]:
    return read_fulltext(PAGES / f"{name}.html").text.split("\n\n")


def test_a_page_inside_one_asp_net_form_is_read_whole():
    found = paragraphs("aspnet-form")
    story = body("aspnet-form")
    assert [p for p in found if p in story] == story  # every paragraph, in order
    assert not any(word in p for p in found for word in BOILERPLATE)


def test_class_names_that_merely_contain_ad_do_not_delete_the_body():
    # m-advertisement-off-canvas--pusher and Page-ad-margins wrap the whole page, non-ad-column
    # the story. (trafilatura then falls back to its baseline reading, which also keeps the two
    # one-line advertisements' text: a known cost, far smaller than losing the article.)
    found = paragraphs("ad-class-names")
    story = body("ad-class-names")[1:]  # the headline sits outside the story's block here
    assert [p for p in found if p in story] == story


def test_a_teaser_article_card_is_not_taken_for_the_body():
    text = read_fulltext(PAGES / "teaser-article.html").text
    for paragraph in body("teaser-article")[1:]:
        assert paragraph in text
    assert "Automation and jobs" not in text and "In a long interview" not in text


def test_menus_most_popular_related_links_author_bio_and_subscribe_are_dropped():
    assert paragraphs("boilerplate-blocks") == body("boilerplate-blocks")


def test_a_json_ld_placeholder_date_is_no_date_and_the_visible_dateline_is_found():
    article = read_fulltext(PAGES / "json-ld-placeholder-date.html")
    assert article.metadata["issued_edtf"] == "2024-03-14"  # from "Published 14 March 2024" (htmldate)
    assert article.metadata["author"] == [{"family": "Ek", "given": "Jonas"}]  # JSON-LD still read


def test_a_page_without_a_body_is_imported_for_its_metadata_with_a_warning():
    records, warnings = read_records(PAGES / "no-body.html")
    (record,) = records
    assert record.full_text == ""
    assert record.title == "Dock workers call 48-hour strike"
    assert record.issued_edtf == "2024-03-14"
    assert record.item["author"] == [{"family": "Ek", "given": "Jonas"}]
    assert warnings == ["no-body.html: no article text was found in the page (it may be drawn by scripts, "
                        "or be an index of links); only its metadata is imported"]
    assert "JavaScript" not in record.full_text  # the <noscript> notice is no body


def test_htmldate_does_not_take_a_copyright_year_for_the_publication_day(tmp_path):
    page = tmp_path / "page.html"
    page.write_text((PAGES / "teaser-article.html").read_text(encoding="utf-8"), encoding="utf-8")
    assert "© 2024" in page.read_text(encoding="utf-8")
    assert "issued_edtf" not in read_fulltext(page).metadata


def test_read_web_page_takes_text_or_bytes_and_the_address_it_was_saved_from():
    html = (PAGES / "teaser-article.html").read_text(encoding="utf-8")
    url = "https://port.example/news/2024/03/14/dock-strike"
    from_text = read_web_page(html, url=url)
    from_bytes = read_web_page(html.encode("utf-8"), url=url)
    assert from_text == from_bytes
    assert from_text.text == "\n\n".join(body("teaser-article")[1:])
    assert from_text.metadata["URL"] == url
    assert from_text.metadata["issued_edtf"] == "2024-03-14"  # the address dates the page (htmldate)
    assert read_web_page(html, url="javascript:alert(1)").metadata["URL"] is None


@pytest.fixture
def no_network(monkeypatch):
    """Every attempt to open a connection or resolve a name, recorded and refused."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use in a test of offline reading")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.mark.parametrize("content", [
    "http://tracker.example/page",  # htmldate downloads a string like this one if handed it
    "<html><head><link rel=canonical href='http://tracker.example/a'></head><body>"
    "<p>See <a href='http://tracker.example/b'>this</a>.</p><img src='http://tracker.example/c.gif'></body></html>",
])
def test_nothing_a_page_names_is_ever_fetched(tmp_path, no_network, content):
    page = tmp_path / "page.html"
    page.write_text(content, encoding="utf-8")
    read_fulltext(page)
    read_web_page(content, url="http://tracker.example/saved-from")
    assert no_network == []
