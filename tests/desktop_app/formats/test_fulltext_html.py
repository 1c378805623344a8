"""HTML full text: the hostile sample page, metadata sources, encodings, and depth limits."""
from pathlib import Path

import pytest

from db.errors import FileProblem
from desktop_app.formats.fulltext import published_edtf, read_fulltext

DATA = Path(__file__).parents[2] / "data" / "fulltext"


def write_html(tmp_path, body: str, name="page.html", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return path


@pytest.fixture(scope="module")
def article():
    return read_fulltext(DATA / "article.html")


def test_article_paragraphs_are_found_in_order(article):
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Ceasefire talks stall as delegations leave Kyiv"
    negotiators = next(p for p in paragraphs if p.startswith("Negotiators left the capital"))
    # Entities decoded, source line breaks folded into one line.
    assert "officials said – the third round of talks to end “without result”." in negotiators
    assert "Mr Erdoğan offered to host a fourth round in Istanbul.\nNo date was set." in paragraphs
    assert paragraphs.index("Delegations: two") + 1 == paragraphs.index("Rounds so far: three")
    assert "\n\n\n" not in article.text


def test_article_text_has_no_clutter_markup_or_local_file(article):
    for clutter in (
        "SCRIPT-TEXT", "STYLE-TEXT", "COMMENT-TEXT", "NAV-TEXT", "HEADER-TEXT", "FOOTER-TEXT",
        "AD-TEXT", "IFRAME-TEXT", "NOSCRIPT-TEXT", "ASIDE-TEXT", "SHARE-TEXT", "FORM-TEXT",
        "HANDLER-TEXT", "stealCookies", "PIXEL-ALT", "tracker.example", "javascript:", "<", ">",
    ):
        assert clutter not in article.text, clutter


def test_external_entity_is_never_expanded(article):
    passwd = Path("/etc/passwd")
    lines = [line for line in passwd.read_text(errors="replace").splitlines() if line] if passwd.exists() else []
    assert "root:" not in article.text
    assert not any(line in article.text for line in lines)
    assert "]>" not in article.text  # the DTD subset's tail is not page text either


def test_article_metadata_prefers_open_graph_and_keeps_json_ld_publisher(article):
    assert article.metadata == {
        "type": "article-newspaper",
        "title": "Ceasefire talks stall as delegations leave Kyiv",
        "container-title": "The Daily Example",
        "publisher": "Daily Example Media Ltd",
        "author": [{"family": "Kovalenko", "given": "Olena"}],
        "issued_edtf": "2024-11-19",
        "URL": "https://daily.example/world/2024/11/19/ceasefire-talks",
        "language": "en-GB",
    }
    assert article.missing == []


def test_published_edtf_reads_the_meta_date():
    assert published_edtf(DATA / "article.html") == "2024-11-19"


def test_json_ld_supplies_what_meta_tags_do_not(tmp_path):
    page = write_html(tmp_path, """<html><head><script type="application/ld+json">
      {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Not the article"},
        {"@type": ["NewsArticle"], "headline": "Grain corridor reopens",
         "datePublished": "2023-07-14T22:10:00+03:00", "inLanguage": "uk",
         "url": "https://kyiv.example/grain",
         "author": [{"@type": "Person", "name": "Taras Shevchuk"},
                    {"@type": "Organization", "name": "Kyiv Bureau"}],
         "publisher": {"@type": "Organization", "name": "Kyiv Example"}}]}
      </script></head><body><p>The corridor reopened.</p></body></html>""")
    metadata = read_fulltext(page).metadata
    assert metadata["title"] == "Grain corridor reopens"
    assert metadata["issued_edtf"] == "2023-07-14"  # the publisher's own calendar day
    assert metadata["author"] == [{"family": "Shevchuk", "given": "Taras"}, {"literal": "Kyiv Bureau"}]
    assert metadata["publisher"] == metadata["container-title"] == "Kyiv Example"
    assert metadata["type"] == "article-newspaper"
    assert metadata["language"] == "uk"
    assert metadata["URL"] == "https://kyiv.example/grain"


def test_malformed_or_absurdly_nested_json_ld_is_ignored(tmp_path):
    nested = "[" * 100_000 + "]" * 100_000
    page = write_html(tmp_path, f"""<html><head><title>Plain page</title>
      <script type="application/ld+json">{{"@type": "NewsArticle", "headline": </script>
      <script type="application/ld+json">{nested}</script></head>
      <body><p>Body text.</p></body></html>""")
    result = read_fulltext(page)
    assert result.metadata["title"] == "Plain page"
    assert result.text == "Body text."


def test_a_page_without_metadata_is_a_webpage_that_asks_for_everything(tmp_path):
    page = write_html(tmp_path, "<p>Only a paragraph.</p>")
    result = read_fulltext(page)
    assert result.metadata == {"type": "webpage"}
    assert result.missing == ["title", "author", "issued"]


def test_title_tag_loses_its_site_suffix_and_time_element_dates_the_page(tmp_path):
    page = write_html(tmp_path, """<html><head><title>Port reopens – Harbour News</title>
      <meta property="og:site_name" content="Harbour News">
      <link rel="canonical" href="javascript:alert(1)"></head>
      <body><time datetime="2020-01-01">banner date</time>
      <article><time datetime="2022-03-05T10:00">5 March</time><p>The port reopened.</p></article></body></html>""")
    metadata = read_fulltext(page).metadata
    assert metadata["title"] == "Port reopens"
    assert metadata["issued_edtf"] == "2022-03-05"  # the article's dateline, not the banner's
    assert "URL" not in metadata  # a javascript: address is not a source URL


def test_without_article_or_main_the_story_is_found_and_the_sidebar_is_not(tmp_path):
    story = [f"Shelling continued overnight in district {n}, the governor said, and {n * 3} homes lost power. "
             "Repair crews were sent at dawn, but the roads were blocked by debris." for n in range(1, 6)]
    page = write_html(tmp_path, f"""<html><body>
      <div id="sidebar"><p>Most read</p><p>Weather</p></div>
      <div id="story">{"".join(f"<p>{p}</p>" for p in story[:3])}<div>{"".join(f"<p>{p}</p>" for p in story[3:])}</div></div>
      </body></html>""")
    assert read_fulltext(page).text == "\n\n".join(story)


def test_declared_charset_is_honoured(tmp_path):
    page = write_html(tmp_path, '<html><head><meta charset="windows-1251"></head><body><p>Київ, вівторок</p></body></html>', encoding="cp1251")
    assert read_fulltext(page).text == "Київ, вівторок"


def test_utf7_declaration_is_refused_so_markup_cannot_be_smuggled(tmp_path):
    page = write_html(tmp_path, '<html><head><meta charset="utf-7"></head><body><p>a +ADw-b+AD4- c</p></body></html>')
    assert read_fulltext(page).text == "a +ADw-b+AD4- c"


@pytest.mark.parametrize("charset", ["rot13", "base64", "undefined", "no-such-charset"])
def test_a_charset_that_is_no_character_set_is_ignored(tmp_path, charset):
    page = write_html(tmp_path, f'<html><head><meta charset="{charset}"></head><body><p>Erdoğan</p></body></html>')
    assert read_fulltext(page).text == "Erdoğan"


def test_ten_thousand_nested_divs_are_refused_not_a_crash(tmp_path):
    page = write_html(tmp_path, "<html><body>" + "<div>" * 10_000 + "<p>deep</p>" + "</div>" * 10_000 + "</body></html>")
    with pytest.raises(FileProblem, match="nests elements deeper than 256 levels"):
        read_fulltext(page)


def test_a_text_run_past_the_parser_limit_is_refused_not_read_as_empty(tmp_path):
    page = write_html(tmp_path, "<p>" + "x" * (11 * 1024 * 1024) + "</p>")
    with pytest.raises(FileProblem, match="over 10 MB"):
        read_fulltext(page)


def test_a_saved_page_with_a_huge_embedded_image_is_read(tmp_path):
    image = "data:image/png;base64," + "iVBORw0KGgo" * (12 * 1024 * 1024 // 11)
    page = write_html(tmp_path, f'<html><body><p>Before.</p><img src="{image}"><p>After.</p></body></html>')
    assert read_fulltext(page).text == "Before.\n\nAfter."


def test_moderate_nesting_is_read(tmp_path):
    page = write_html(tmp_path, "<html><body>" + "<div>" * 200 + "<p>two hundred deep</p>" + "</div>" * 200 + "</body></html>")
    assert read_fulltext(page).text == "two hundred deep"


@pytest.mark.parametrize("body", ["", "   \n", "<html><body><script>x()</script></body></html>"])
def test_a_page_with_no_readable_text_is_refused(tmp_path, body):
    page = write_html(tmp_path, body, name="blank.htm")
    with pytest.raises(FileProblem, match="empty|no readable text"):
        read_fulltext(page)


def test_a_page_with_metadata_but_no_body_keeps_its_metadata_and_says_so(tmp_path):
    page = write_html(tmp_path, "<html><head><title>T</title></head><body><script>x()</script></body></html>")
    result = read_fulltext(page)
    assert result.text == ""
    assert result.metadata == {"type": "webpage", "title": "T"}
    assert result.note.startswith("no article text was found in the page")
