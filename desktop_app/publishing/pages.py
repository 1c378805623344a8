"""The pages of a published project, as HTML strings (Qt-free).

Plain pages that work from ``file://`` with no network: one shared stylesheet beside them, no
script anywhere, every piece of text from the project escaped. Links go only to the site's own
files, and to a source's web address when it is an http(s) one.
"""
from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

STYLESHEET = """
body { font-family: 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', Arial, sans-serif; font-size: 11pt; color: #1f2328;
       max-width: 52em; margin: 1.5em auto; padding: 0 1em; line-height: 1.45; }
nav { font-size: 10pt; border-bottom: 1px solid #d0d7de; padding-bottom: 0.5em; margin-bottom: 1em; }
nav a { margin: 0 0.3em; }
h1 { font-size: 20pt; margin-bottom: 0.2em; }
h2 { font-size: 13pt; margin-top: 1.4em; margin-bottom: 0.2em; }
.muted, .facts { color: #57606a; font-size: 9.5pt; }
.date { color: #0b5394; }
.edtf { font-family: 'DejaVu Sans Mono', monospace; }
.contested { color: #b3261e; font-weight: bold; }
.quote { font-style: italic; }
.timeline { max-width: 100%; height: auto; border: 1px solid #d0d7de; }
dl.meta dt { font-weight: bold; float: left; clear: left; width: 9em; }
dl.meta dd { margin-left: 10em; }
.hash { font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; word-break: break-all; }
.pages a { margin-right: 0.6em; }
"""
CONTESTED = "⚠ Contested: its sources disagree (one contradicts it, or gives another date)."


def page(title: str, body: str, depth: int = 0, project: str = "") -> str:
    """A whole page; ``depth`` is how many folders below the site's top it lies."""
    up = "../" * depth
    nav = (f'<nav><a href="{up}index.html">{escape(project or "Overview")}</a> · '
           f'<a href="{up}chronology.html">Chronology</a> · <a href="{up}sources.html">Sources</a> · '
           f'<a href="{up}bibliography.html">Bibliography</a></nav>\n')
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{escape(title)}</title>\n<link rel=\"stylesheet\" href=\"{up}style.css\">\n</head>\n<body>\n"
            f"{nav}{body}</body>\n</html>\n")


def paragraphs(text: str) -> str:
    blocks = [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join("<p>" + "<br>".join(escape(line.strip()) for line in block.splitlines()) + "</p>\n"
                   for block in blocks)


def web_link(url: str | None) -> str:
    """A source's address: a link when it is http(s), else only its text (a ``javascript:``
    address from an imported file never becomes a link)."""
    if not url:
        return ""
    if urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return f'<a href="{escape(url.strip(), quote=True)}" rel="noopener noreferrer nofollow">{escape(url)}</a>'
    return escape(url)


def source_href(uuid: str, depth: int = 0) -> str:
    return f"{'../' * depth}sources/{uuid}.html"


def event_href(uuid: str, page_name: str, depth: int = 0) -> str:
    return f"{'../' * depth}{page_name}#e-{uuid}"


def event_html(event: dict, citations: list[dict], byline: str) -> str:
    """One event of the chronology: date, title, what it is, its sources with how they bear on it."""
    parts = [f'<div class="event" id="e-{escape(event["uuid"])}">\n<h2><span class="date">'
             f'{escape(event["date_words"])}</span> — {escape(event["title"])}</h2>\n']
    facts = [f'<span class="edtf">{escape(event["date_edtf"])}</span>']
    if event.get("tags"):
        facts.append("Tags: " + escape(event["tags"]))
    if event.get("entities"):
        facts.append("Entities: " + escape(event["entities"]))
    if byline:
        facts.append(escape(byline))
    parts.append(f'<p class="facts">{" · ".join(facts)}</p>\n')
    if event["contested"]:
        parts.append(f'<p class="contested">{escape(CONTESTED)}</p>\n')
    parts.append(paragraphs(event["description"]))
    if citations:
        parts.append("<ul class=\"sources\">\n")
        for c in citations:
            text = f'<a href="{source_href(c["source_uuid"])}">{escape(c["label"])}</a>'
            if c["locator"]:
                text += f", {escape(c['locator'])}"
            stance = ('<span class="contested">⚠ contradicts</span>' if c["stance"] == "contradicts"
                      else escape(c["stance"]))
            text += f" — {stance}"
            if c["date_given"]:
                mark = "⚠ " if c["disagrees"] and c["stance"] != "contradicts" else ""
                text += f" — {mark}gives {escape(c['date_given'])}"
            if c["grading"]:
                text += f" — graded {escape(c['grading'])}"
            if c["quote"]:
                text += f': <span class="quote">“{escape(c["quote"])}”</span>'
            parts.append(f"<li>{text}</li>\n")
        parts.append("</ul>\n")
    else:
        parts.append('<p class="muted">No sources cited.</p>\n')
    parts.append("</div>\n")
    return "".join(parts)


def page_links(count: int, current: int) -> str:
    """Links to the chronology's pages (chronology.html, chronology-2.html, ...)."""
    if count <= 1:
        return ""
    links = [(f"<strong>{n}</strong>" if n == current else f'<a href="{chronology_page(n)}">{n}</a>')
             for n in range(1, count + 1)]
    return f'<p class="pages">Pages: {" ".join(links)}</p>\n'


def chronology_page(number: int) -> str:
    return "chronology.html" if number == 1 else f"chronology-{number}.html"


def source_html(source: dict, creators: str, grading: str, sha256: str | None, citing: list[dict],
                highlights: list[dict]) -> str:
    rows = [("Type", source["csl_type"]), ("Authors", creators), ("Published in", source["container_title"]),
            ("Publisher", source["publisher"]), ("Issued", source["issued_words"]), ("Language", source["language"]),
            ("DOI", source["doi"]), ("ISBN", source["isbn"]), ("ISSN", source["issn"]), ("Accessed", source["accessed_edtf"])]
    meta = "".join(f"<dt>{escape(name)}</dt><dd>{escape(str(value))}</dd>\n" for name, value in rows if value)
    if source["url"]:
        meta += f"<dt>Address</dt><dd>{web_link(source['url'])}</dd>\n"
    meta += f"<dt>Grading</dt><dd>{escape(grading or 'not graded')}</dd>\n"
    if source["evaluation_note"]:
        meta += f"<dt>Evaluation</dt><dd>{escape(source['evaluation_note'])}</dd>\n"
    meta += ("<dt>Original</dt><dd>" + (f'SHA-256 <span class="hash">{escape(sha256)}</span>' if sha256
                                         else "no original file is kept in the project") + "</dd>\n")
    parts = [f"<h1>{escape(source['title'] or 'Untitled source')}</h1>\n<dl class=\"meta\">\n{meta}</dl>\n"]
    parts.append(f"<h2>Events citing it ({len(citing)})</h2>\n")
    if citing:
        parts.append("<ul>\n" + "".join(
            f'<li><a href="{escape(c["href"])}">{escape(c["title"])}</a> <span class="muted">'
            f'({escape(c["date_edtf"])}) — {escape(c["stance"])}'
            + (f", {escape(c['locator'])}" if c["locator"] else "") + "</span></li>\n" for c in citing) + "</ul>\n")
    else:
        parts.append('<p class="muted">No event cites it.</p>\n')
    parts.append(f"<h2>Highlights ({len(highlights)})</h2>\n")
    for h in highlights:
        extra = [x for x in (h["note"], h["tags"] and f"Tags: {h['tags']}", h["author"] and f"by {h['author']}",
                             h["orphaned"] and "no longer found in the text") if x]
        parts.append(f'<blockquote><span class="quote">“{escape(h["exact"])}”</span>'
                     + (f'<br><span class="muted">{escape(" · ".join(extra))}</span>' if extra else "")
                     + "</blockquote>\n")
    return "".join(parts)
