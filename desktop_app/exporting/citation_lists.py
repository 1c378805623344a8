"""Citation lists: the selected sources as CSL-JSON, BibTeX, BibLaTeX, RIS or a formatted
bibliography, and the short in-text citations that reports print beside each event.

Every source leaves the store as a CSL item (``db.sources.to_csl``); the writers and pandoc's
citeproc (``desktop_app.formats``) do the rest.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from db.connection import Database

from db import sources as source_queries
from desktop_app.formats import bibliography, bibtex_export, csl_json, ris
from desktop_app.formats.csl_dates import edtf_to_csl_date

LIST_FORMATS = ("csl-json", "bibtex", "biblatex", "ris", "bibliography")
# Short names for the command line; the GUI shows bibliography.STYLES' labels.
STYLE_NAMES = {
    "chicago-author-date": "Chicago (author-date)",
    "chicago-notes-bibliography": "Chicago (notes and bibliography)",
    "apa": "APA",
    "mla": "MLA",
    "harvard": "Harvard (Cite Them Right)",
}
DEFAULT_STYLE = "Chicago (author-date)"
BIB_FORMAT_BY_SUFFIX = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".txt": "plain"}


def style_label(name: str | None) -> str | Path:
    """A style as the formats layer takes it, from a short name, a label, a style file's name
    or a .csl path; the default style when none is given."""
    if not name:
        return DEFAULT_STYLE
    return STYLE_NAMES.get(name.lower(), name)


def bib_format_for(path: str | Path | None, requested: str | None) -> str:
    """html, markdown or plain: as requested, else by the output file's suffix, else plain."""
    if requested:
        return requested
    return BIB_FORMAT_BY_SUFFIX.get(Path(path).suffix.lower(), "plain") if path else "plain"


def csl_items(db: Database, ids) -> list[dict]:
    """The sources as CSL items. A source without a citation key leaves its id to the writers,
    which make one from author, year and title (weber2024scholz) rather than show its uuid."""
    items = [source_queries.to_csl(db, source_id, edtf_to_csl_date) for source_id in ids]
    for item in items:
        if not item.get("citation-key"):
            item.pop("id", None)
    return items


def citation_list(db: Database, ids, fmt: str, style=None, bib_format: str = "plain") -> str:
    """The sources ``ids`` in the list format ``fmt`` (one of LIST_FORMATS)."""
    items = csl_items(db, ids)
    if fmt == "csl-json":
        return csl_json.dumps(items)
    if fmt in ("bibtex", "biblatex"):
        return bibtex_export.dumps(items, fmt)
    if fmt == "ris":
        return ris.dumps(items)
    if fmt == "bibliography":
        return bibliography.render(items, style_label(style), bib_format)
    raise ValueError(f"unknown citation list format {fmt!r}; expected one of {', '.join(LIST_FORMATS)}")


def html_page(title: str, body: str) -> str:
    """A standalone HTML page around a bibliography fragment (pandoc's output, already escaped)."""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n<style>{_BIBLIOGRAPHY_CSS}</style>\n</head>\n<body>\n"
            f"<h1>{escape(title)}</h1>\n{body}</body>\n</html>\n")


_BIBLIOGRAPHY_CSS = """
body { font-family: 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', Arial, sans-serif; max-width: 46em; margin: 2em auto; }
.csl-entry { margin-bottom: 0.6em; }
.hanging-indent .csl-entry { padding-left: 2em; text-indent: -2em; }
"""


def short_citations(db: Database, ids, style=None) -> dict[int, str]:
    """Each source's in-text citation in the style ("(Weber 2024b)"), all from one pandoc run,
    so that the style can tell apart two works of an author in a year across the whole report."""
    ids = list(ids)
    texts = bibliography.render_citations(csl_items(db, ids), style_label(style))
    return dict(zip(ids, texts))
