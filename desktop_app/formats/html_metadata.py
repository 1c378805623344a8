"""What a saved web page says about itself: title, authors, site, publisher, date, address, language.

The publisher's own statements come first: ``<meta>`` tags (Open Graph, Dublin Core, Highwire
``citation_*``) and schema.org JSON-LD, which names organisations as organisations and gives the
publisher apart from the site. What they leave out is filled by trafilatura's reading of the page
(a byline in the body, the heading as title) and, for the date, by htmldate, which looks at the
page's markup, its address and its visible datelines. Placeholder dates (``0001-01-01``, the Unix
epoch) are no dates. Only the parsed tree is read: nothing is fetched.
"""
from __future__ import annotations

import copy
import json

from desktop_app.formats import fulltext_metadata as meta

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


def page_metadata(root, extracted=None, url: str | None = None) -> dict:
    """The metadata of the page whose parsed tree is ``root``; ``extracted`` is trafilatura's
    reading of it (a ``Document``, or None when only the date is wanted) and ``url`` the address
    the page was saved from, when the caller knows it (a web capture does)."""
    found = _meta_tags(root)
    article = _json_ld_article(root)
    publisher = article.get("publisher")
    publisher_name = publisher.get("name") if isinstance(publisher, dict) else publisher
    site = _first(found, "container-title")
    return {
        "container-title": site,
        "publisher": _first(found, "publisher") or meta.text_value(publisher_name),
        "title": _first(found, "title") or meta.text_value(article.get("headline"))
        or meta.text_value(getattr(extracted, "title", None)) or _page_title(root, site),
        "author": _authors(found, article) or meta.csl_names(getattr(extracted, "author", None)),
        "issued_edtf": issued(root, found, article, url),
        "URL": _canonical_url(root) or meta.http_url(_first(found, "url")) or meta.http_url(article.get("url"))
        or meta.http_url(url),
        "language": meta.language_tag(root.get("lang")) or meta.language_tag(_first(found, "language"))
        or meta.language_tag(article.get("inLanguage")),
    }


def issued(root, found: dict | None = None, article: dict | None = None, url: str | None = None) -> str | None:
    """The publication date as EDTF: the page's metadata, else htmldate's finding, else None."""
    found = _meta_tags(root) if found is None else found
    article = _json_ld_article(root) if article is None else article
    candidates = [found[key][0] for key in _META_KEYS["date"][:3] if key in found]
    candidates.append(article.get("datePublished"))
    candidates += [found[key][0] for key in _META_KEYS["date"][3:] if key in found]
    # A <time> inside the article is its dateline; one elsewhere may be today's date in a banner.
    times = root.xpath(".//article//time[@datetime]") or root.xpath(".//time[@datetime]")
    candidates += [element.get("datetime") for element in times[:1]]
    stated = next((edtf for edtf in map(meta.edtf_date, candidates) if edtf), None)
    return stated or _htmldate(root, url)


def _htmldate(root, url: str | None) -> str | None:
    import htmldate  # here, not at the top: it brings dateparser, slow to import

    # htmldate gets a tree, never a string: given a string that looks like an address, it would
    # download it. It works on a copy because it prunes what it reads.
    found = htmldate.find_date(copy.deepcopy(root), url=meta.http_url(url), original_date=True)
    if found and found.endswith("-01-01"):
        # With nothing better, htmldate's extensive search settles for a year (a copyright line,
        # "© 2024") and calls it 1 January; only a date the markup itself states is kept then.
        found = htmldate.find_date(copy.deepcopy(root), url=meta.http_url(url), original_date=True,
                                   extensive_search=False)
    return meta.edtf_date(found)


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
