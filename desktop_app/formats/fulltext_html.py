"""Readable article text and citation metadata from a saved web page, parsed by lxml.

The page is untrusted. libxml2's HTML parser is told never to touch the network, never to
decompress, and to keep its resource limits (``huge_tree`` off); it has no entity-loading option
because the HTML parser never loads a DTD or an external entity at all — an internal DTD subset
(the XXE trick) is cut off before parsing and an ``&xxe;`` reference stays inert text. Nothing
the page links to (images, frames, stylesheets) is ever fetched: only the tree is read.
"""
from __future__ import annotations

import codecs
import json
import re

from lxml import etree, html

from db.errors import FileProblem
from desktop_app.formats import fulltext_metadata as meta
from desktop_app.formats.fulltext_text import decode, join_blocks

# Elements that are never article text: code, embedded content, page furniture.
_CLUTTER_TAGS = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "svg", "math", "canvas", "nav", "header", "footer", "aside", "form", "button", "select",
    "textarea", "dialog", "head",
)
# Class or id words that mark advertising and page furniture (the readability heuristic).
_CLUTTER_WORDS = re.compile(
    r"\b(?:ad|ads|advert|advertisement|banner|cookie|cookies|newsletter|promo|related|share|"
    r"sharing|social|sponsor|sponsored|subscribe|comments?|popup|modal)\b",
    re.IGNORECASE,
)
_NEVER_CLUTTER = {"html", "body", "article", "main"}
_BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr",
    "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
    "thead", "tr", "ul",
}
_CELL_TAGS = {"td", "th"}
_SPACES = re.compile(r"\s+")
_SPACES_AROUND_BREAKS = re.compile(r"[ \t]*\n[ \t]*")
# An internal DTD subset is where an XXE payload lives; the HTML parser would not expand it, but
# would leave its tail ("]>") as page text.
_DOCTYPE_SUBSET = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?<!DOCTYPE[^\[>]*\[[^\]]*\]\s*>", re.IGNORECASE)
# Pages saved by SingleFile and browsers embed images and fonts as data: URLs; one past 10 MB
# would trip libxml2's buffer limit, and none of them is ever read here, so their payloads go.
_EMBEDDED_DATA = re.compile(r"data:[\w/+.-]*(?:;[\w=.+-]*)*,[A-Za-z0-9+/=]{1024,}")
_DECLARED_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
# Encodings a page may not choose: UTF-7 smuggles markup past filters, the others are not
# character sets at all. A declared UTF-16 on bytes we are reading as ASCII is a lie (WHATWG).
_REFUSED_CHARSETS = {"utf-7", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-16", "utf-16-le", "utf-16-be"}
_ARTICLE_TYPES = {
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "BlogPosting", "Report", "ScholarlyArticle",
}
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")
_META_KEYS = {
    "title": ("og:title", "twitter:title", "citation_title", "dc.title"),
    "container-title": ("og:site_name", "citation_journal_title"),
    "publisher": ("publisher", "dc.publisher", "citation_publisher"),
    "date": (
        "article:published_time", "og:published_time", "datepublished", "date", "dc.date",
        "dc.date.issued", "dcterms.date", "dcterms.issued", "citation_publication_date",
        "citation_date", "pubdate", "publish-date", "parsely-pub-date", "sailthru.date",
    ),
    "author": ("author", "article:author", "dc.creator", "citation_author", "byl", "parsely-author", "sailthru.author"),
    "url": ("og:url",),
    "language": ("og:locale", "dc.language", "content-language"),
}


def read_html(raw: bytes, path, want_text: bool = True) -> tuple[str, dict]:
    """The readable text of the page (empty when ``want_text`` is false) and its metadata."""
    text = decode(raw, path, preferred=_declared_charset(raw))
    subset = _DOCTYPE_SUBSET.match(text)
    text = _EMBEDDED_DATA.sub("data:,", text[subset.end():] if subset else text)
    root = _parse(text, path)
    if root is None:
        return "", {}
    metadata = _metadata(root)
    return (_article_text(root) if want_text else ""), metadata


def fragment_blocks(fragment: str, path) -> list[str]:
    """Text blocks of an HTML snippet (raw HTML inside Markdown), clutter dropped."""
    root = _parse(fragment, path)
    if root is None:
        return []
    _drop_clutter(root)
    return _blocks(root)


def _parse(text: str, path):
    """The tree of ``text``, or None when it holds nothing lxml keeps (blanks, comments)."""
    # A new parser per document: its error log is how a depth overflow is noticed.
    parser = html.HTMLParser(
        encoding="utf-8", no_network=True, decompress=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )
    try:
        root = html.document_fromstring(text.encode("utf-8"), parser=parser)
    except etree.ParserError:
        root = None  # also what a limit overflow can leave behind, so the log is read first
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            what = (
                "nests elements deeper than 256 levels" if "depth" in entry.message.lower()
                else "holds a run of text or markup over 10 MB"
            )
            raise FileProblem(
                path, entry.line or None,
                f"the HTML {what}, beyond the HTML parser's safety limit; "
                "the text past that point would be lost, so the file is refused",
            )
    return root


def _declared_charset(raw: bytes) -> str | None:
    declared = _DECLARED_CHARSET.search(raw[:4096])
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.group(1).decode("ascii")).name
        b"<".decode(name)  # rot13, base64, zlib ... are codecs but not character sets
    except (LookupError, UnicodeError):
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # what browsers use for these labels (WHATWG Encoding)
    return None if name in _REFUSED_CHARSETS else name


# --- article text -------------------------------------------------------------------------------

def _article_text(root) -> str:
    _drop_clutter(root)
    container = _article_container(root)
    text = join_blocks(_blocks(container))
    if not text and container is not root:
        text = join_blocks(_blocks(root))
    return text


def _drop_clutter(root) -> None:
    etree.strip_elements(root, *_CLUTTER_TAGS, with_tail=False)
    doomed = [element for element in root.iter(etree.Element) if _is_clutter(element)]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail text, which belongs to the parent


def _is_clutter(element) -> bool:
    if element.tag in _NEVER_CLUTTER:
        return False
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return bool(_CLUTTER_WORDS.search(f"{element.get('class', '')} {element.get('id', '')}".replace("_", " ")))


def _article_container(root):
    """``<article>`` (the wordiest, if several), else ``<main>``, else the element whose
    paragraphs hold the most text (a paragraph counts fully for its parent, half for the
    grandparent, so a wrapper of several sections can win)."""
    articles = root.findall(".//article")
    if articles:
        return max(articles, key=_paragraph_length)
    main = root.find(".//main")
    if main is None:
        main = next(iter(root.xpath(".//*[@role='main']")), None)
    if main is not None:
        return main
    scores: dict = {}
    for paragraph in root.iter("p"):
        length = len(paragraph.text_content().strip())
        parent = paragraph.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + length
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0) + length / 2
    return max(scores, key=scores.get) if scores else root


def _paragraph_length(element) -> int:
    return sum(len(paragraph.text_content()) for paragraph in element.iter("p"))


def _blocks(container) -> list[str]:
    """The text of ``container`` cut at block elements, walked without recursion."""
    blocks: list[str] = []
    current: list[str] = []
    in_pre = 0

    def flush():
        if current:
            joined = "".join(current)
            blocks.append(joined if in_pre else _SPACES_AROUND_BREAKS.sub("\n", joined).strip())
            current.clear()

    def add(text):
        if text:
            current.append(text if in_pre else _SPACES.sub(" ", text))

    for event, element in etree.iterwalk(container, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
            if tag == "pre":
                in_pre += 1
            elif tag == "br":
                current.append("\n")
            add(element.text)
            continue
        if tag in _BLOCK_TAGS:
            flush()
        if tag == "pre":
            in_pre -= 1
        elif tag in _CELL_TAGS:
            current.append("\t")
        if element is not container:
            add(element.tail)
    flush()
    return blocks


# --- metadata -----------------------------------------------------------------------------------

def _metadata(root) -> dict:
    found = _meta_tags(root)
    article = _json_ld_article(root)
    publisher = article.get("publisher")
    publisher_name = publisher.get("name") if isinstance(publisher, dict) else publisher
    site = _first(found, "container-title")
    metadata = {
        "container-title": site,
        "publisher": _first(found, "publisher") or meta.text_value(publisher_name),
        "title": _first(found, "title") or meta.text_value(article.get("headline")) or _page_title(root, site),
        "author": _authors(found, article),
        "issued_edtf": _issued(found, article, root),
        "URL": _canonical_url(root) or meta.http_url(_first(found, "url")) or meta.http_url(article.get("url")),
        "language": meta.language_tag(root.get("lang")) or meta.language_tag(_first(found, "language"))
        or meta.language_tag(article.get("inLanguage")),
    }
    return metadata


def _meta_tags(root) -> dict[str, list[str]]:
    """Every ``<meta>`` content by its lower-cased property / name / itemprop / http-equiv."""
    found: dict[str, list[str]] = {}
    for tag in root.iter("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv")
        content = meta.text_value(tag.get("content"))
        if key and content:
            found.setdefault(key.strip().lower(), []).append(content)
    return found


def _first(found: dict, field: str) -> str | None:
    for key in _META_KEYS[field]:
        if key in found:
            return found[key][0]
    return None


def _page_title(root, site: str | None) -> str | None:
    title = meta.text_value(root.findtext(".//title"))
    if title and site:
        for separator in _TITLE_SEPARATORS:
            if title.endswith(separator + site):
                return title[: -len(separator + site)].strip() or title
            if title.startswith(site + separator):
                return title[len(site + separator):].strip() or title
    return title or meta.text_value(next((h.text_content() for h in root.iter("h1")), None))


def _authors(found: dict, article: dict) -> list[dict]:
    for key in _META_KEYS["author"]:
        names = [name for content in found.get(key, []) for name in meta.csl_names(content)]
        if names:
            return names
    authors = article.get("author")
    authors = authors if isinstance(authors, list) else [authors]
    names = []
    for author in authors:
        if isinstance(author, dict):
            name = meta.text_value(author.get("name"))
            if name and author.get("@type") == "Organization":
                names.append({"literal": name})
            elif name:
                names.extend(meta.csl_names(name))
        else:
            names.extend(meta.csl_names(author))
    return names


def _issued(found: dict, article: dict, root) -> str | None:
    candidates = [found[key][0] for key in _META_KEYS["date"][:3] if key in found]
    candidates.append(article.get("datePublished"))
    candidates += [found[key][0] for key in _META_KEYS["date"][3:] if key in found]
    # A <time> inside the article is its dateline; one elsewhere may be today's date in a banner.
    times = root.xpath(".//article//time[@datetime]") or root.xpath(".//time[@datetime]")
    candidates += [element.get("datetime") for element in times[:1]]
    return next((edtf for edtf in map(meta.edtf_date, candidates) if edtf), None)


def _canonical_url(root) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return meta.http_url(link.get("href"))
    return None


def _json_ld_article(root) -> dict:
    """The first schema.org article in the page's JSON-LD, or {} (malformed JSON is ignored)."""
    for script in root.xpath(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
            continue
        if isinstance(data, dict) and isinstance(data.get("@graph"), list):
            data = data["@graph"]
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and _is_article_type(item.get("@type")):
                return item
    return {}


def _is_article_type(value) -> bool:
    types = value if isinstance(value, list) else [value]
    return any(isinstance(name, str) and name in _ARTICLE_TYPES for name in types)
