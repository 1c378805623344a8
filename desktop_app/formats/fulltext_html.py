"""Readable article text and citation metadata from a saved web page.

``read_web_page(html, url)`` is the one entry point for every kind of saved page (an ``.html``
file, a page inside a web archive): it returns the article's body as plain text, found by
trafilatura, and the page's metadata (``html_metadata``). A page with metadata but no body (a
script-rendered shell) gives an empty text; the caller says so and still imports the metadata.

The page is untrusted. It is parsed here, once, by libxml2's HTML parser told never to touch the
network, never to decompress, and to keep its resource limits (``huge_tree`` off); it has no
entity-loading option because the HTML parser never loads a DTD or an external entity at all — an
internal DTD subset (the XXE trick) is cut off before parsing and an ``&xxe;`` reference stays
inert text. trafilatura and htmldate are handed that tree, never the page's string (htmldate
downloads a string that looks like an address), so nothing the page refers to is ever fetched;
the text they give back is plain text, never markup.
"""
from __future__ import annotations

import codecs
import copy
import re
from dataclasses import dataclass

from lxml import etree, html

from db.errors import FileProblem
from desktop_app.formats import html_metadata
from desktop_app.formats.fulltext_text import decode, join_blocks

# Elements whose content is never readable text (code, embedded content, form controls, the
# fallback shown when scripts are off); removed before any text is taken.
_NEVER_TEXT = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "svg", "math", "canvas", "button", "select", "textarea", "dialog", "head",
)
# Blocks of an HTML fragment, and of trafilatura's own markup of the body it found (head, p,
# list/item, quote, code, table/row/cell, lb for a line break).
_HTML_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
}
_EXTRACTED_BLOCKS = {"body", "head", "p", "list", "item", "quote", "code", "table", "row"}
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


@dataclass(frozen=True)
class WebPage:
    """A saved page's article text (paragraphs separated by one blank line; "" when no body was
    found) and its metadata, keyed as ``fulltext.read_fulltext`` documents."""

    text: str
    metadata: dict


def read_web_page(page: bytes | str, url: str | None = None, path=None, want_text: bool = True,
                  charset: str | None = None) -> WebPage:
    """The article text and metadata of a saved page (its bytes, or its decoded text).

    ``url`` is the address the page was saved from, when known: it fills the metadata's URL and
    helps date the page, and is never fetched. ``path`` names the page in a ``FileProblem`` (a
    page nested too deep, a text run past the parser's limit, undecodable bytes). With
    ``want_text`` false only the metadata is read, which is much quicker. ``charset`` is the one
    the page's HTTP response declared (a web archive keeps it), which outranks the page's own.
    """
    if isinstance(page, str):
        text = page
    else:
        text = decode(page, path, preferred=_usable_charset(charset) or _declared_charset(page))
    subset = _DOCTYPE_SUBSET.match(text)
    text = _EMBEDDED_DATA.sub("data:,", text[subset.end():] if subset else text)
    root = _parse(text, path)
    if root is None:
        return WebPage("", {})
    if not want_text:
        return WebPage("", {"issued_edtf": html_metadata.issued(root, url=url)})
    import trafilatura  # here, not at the top: importing it takes a second and a half

    body = copy.deepcopy(root)  # trafilatura prunes the tree it reads; the metadata needs it whole
    etree.strip_elements(body, *_NEVER_TEXT, with_tail=False)
    extracted = trafilatura.bare_extraction(
        body, url=url, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
    )
    blocks = _blocks(extracted.body, _EXTRACTED_BLOCKS, cells=("cell",), line_break="lb", preformatted="code") if extracted else []
    return WebPage(join_blocks(blocks), html_metadata.page_metadata(root, extracted, url))


def read_html(raw: bytes, path, want_text: bool = True) -> tuple[str, dict]:
    """The readable text of a saved page file (empty when ``want_text`` is false) and its metadata."""
    page = read_web_page(raw, path=path, want_text=want_text)
    return page.text, page.metadata


def fragment_blocks(fragment: str, path) -> list[str]:
    """Text blocks of an HTML snippet (raw HTML inside Markdown): all its text, none of its code."""
    root = _parse(fragment, path)
    if root is None:
        return []
    etree.strip_elements(root, *_NEVER_TEXT, with_tail=False)
    return _blocks(root, _HTML_BLOCKS, cells=("td", "th"), line_break="br", preformatted="pre")


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
    return _usable_charset(declared.group(1).decode("ascii")) if declared else None


def _usable_charset(label: str | None) -> str | None:
    """The codec a charset label names, when a page may use it to be read; None otherwise."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
        b"<".decode(name)  # rot13, base64, zlib ... are codecs but not character sets
    except (LookupError, UnicodeError):
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # what browsers use for these labels (WHATWG Encoding)
    return None if name in _REFUSED_CHARSETS else name


def _blocks(container, block_tags, cells, line_break: str, preformatted: str) -> list[str]:
    """The text of ``container`` cut at ``block_tags``, cells joined by tabs, walked without
    recursion (a page may nest 256 levels)."""
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
            if tag in block_tags:
                flush()
            if tag == preformatted:
                in_pre += 1
            elif tag == line_break:
                current.append("\n")
            add(element.text)
            continue
        if tag in block_tags:
            flush()
        if tag == preformatted:
            in_pre -= 1
        elif tag in cells:
            current.append("\t")
        if element is not container:
            add(element.tail)
    flush()
    return blocks
