"""The cited chronology as one self-contained HTML page: a small inline stylesheet, no scripts,
no external resources, every piece of text escaped with ``html.escape``.

The same HTML is what Qt lays out for the PDF (QTextDocument understands this subset of HTML
and CSS), so the page keeps to plain elements: headings, paragraphs, lists, spans.
"""
from __future__ import annotations

import re
from html import escape
from typing import TextIO

from desktop_app.exporting.chronology import (CONTESTED_NOTE, PERIODS_HEADING, REFERENCES_HEADING, WARNING_SIGN,
                                              Chronology, Entry, paragraphs, periods_fact)

# pandoc links a reference's URL or DOI; the page loads and links to nothing, so the address
# stays as text. pandoc escapes the sources' text, so "<a" here can only be its own tags.
_LINK = re.compile(r"</?a\b[^>]*>")

STYLESHEET = """
body { font-family: 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', Arial, sans-serif; font-size: 11pt; color: #1f2328;
       max-width: 46em; margin: 2em auto; line-height: 1.45; }
h1 { font-size: 20pt; margin-bottom: 0.2em; }
h2 { font-size: 13pt; margin-top: 1.4em; margin-bottom: 0.2em; }
.summary, .facts { color: #57606a; font-size: 9.5pt; }
.date { color: #0b5394; }
.edtf { font-family: 'DejaVu Sans Mono', monospace; }
.contested { color: #b3261e; font-weight: bold; }
.sources { margin-top: 0.3em; }
.none { color: #57606a; font-style: italic; }
.csl-entry { margin-bottom: 0.5em; }
.period { color: #7a4b00; }
"""


PAGE_END = "</body>\n</html>\n"


def write(out: TextIO, chronology: Chronology) -> None:
    out.write(page_start(chronology.heading.title) + heading_html(chronology))
    for entry in chronology.entries():
        out.write(entry_html(entry))
    out.write(references_html(chronology) + PAGE_END)


def page_start(title: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n<style>{STYLESHEET}</style>\n</head>\n<body>\n")


def heading_html(chronology: Chronology) -> str:
    """The title and summary, then the named periods the events fall in (when there are any)."""
    html = (f"<h1>{escape(chronology.heading.title)}</h1>\n"
            f"<p class=\"summary\">{escape(chronology.heading.summary)}</p>\n")
    if chronology.periods:
        html += (f"<div class=\"periods\">\n<h2>{PERIODS_HEADING}</h2>\n<ul>\n" + "".join(
            f"<li><b>{escape(period.name)}</b> — {escape(period.date_words)}</li>\n" for period in chronology.periods)
            + "</ul>\n</div>\n")
    return html


def references_html(chronology: Chronology) -> str:
    """The reference list after the events (empty when no source is cited, or in a preview)."""
    references = chronology.references("html")
    if not references:
        return ""
    return f"<div class=\"references\">\n<h2>{REFERENCES_HEADING}</h2>\n{_LINK.sub('', references)}</div>\n"


def entry_html(entry: Entry) -> str:
    parts = [f"<div class=\"event\">\n<h2><span class=\"date\">{escape(entry.date_words)}</span> — "
             f"{escape(entry.title)}</h2>\n"]
    facts = [f"<span class=\"edtf\">{escape(entry.date_edtf)}</span>", *map(escape, entry.name_facts())]
    if entry.eras:
        facts.append(f"<span class=\"period\">{escape(periods_fact(entry))}</span>")
    parts.append(f"<p class=\"facts\">{' · '.join(facts)}</p>\n")
    if entry.contested:
        parts.append(f"<p class=\"contested\">{WARNING_SIGN} {escape(CONTESTED_NOTE)}</p>\n")
    for lines in paragraphs(entry.description):
        parts.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>\n")
    if entry.citations:
        parts.append("<ul class=\"sources\">\n")
        for line in entry.citations:
            text = escape(line.citation) + (f", {escape(line.locator)}" if line.locator else "")
            stance = (f"<span class=\"contested\">{WARNING_SIGN} contradicts</span>" if line.contradicts
                      else escape(line.stance))
            text += f" — {stance}" + "".join(f" — {escape(note)}" for note in line.notes())
            if line.quote:
                text += f": “{escape(line.quote)}”"
            parts.append(f"<li>{text}</li>\n")
        parts.append("</ul>\n")
    else:
        parts.append("<p class=\"none\">No sources cited.</p>\n")
    parts.append("</div>\n")
    return "".join(parts)
