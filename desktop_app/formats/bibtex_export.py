"""CSL items → BibTeX or BibLaTeX text.

- Keys come from csl_keys (``smith2024mission``, an item's own ``citation-key`` kept).
- Text is UTF-8 (biber, pandoc and bibtexparser read it); LaTeX's special characters are
  escaped (bib_latex.escape); titles get an inner pair of braces so that BibTeX styles and
  pandoc keep their capitals as written; organisations are one braced name ``{{WHO}}``.
- URLs and DOIs are written verbatim, as biblatex and pandoc expect them.
- BibLaTeX: ``@online``, ``date`` as EDTF (ranges, ``~``, seasons), ``urldate``, ``journaltitle``.
- Both: a CSL type the entry type cannot say (a newspaper article, an interview, a post) rides
  in ``entrysubtype``, so that reading the file back (csl_types.csl_type_of_bib_entry) gives it.
- BibTeX: ``year``/``month``, ``journal``, web pages as ``@misc`` with ``howpublished = {\\url{...}}``,
  the access date in ``note``; a ``date`` field is added when the date says more than a year and
  month (a day, a range, "circa"), which BibTeX styles ignore and pandoc, JabRef and Zotero read.
"""
from __future__ import annotations

import re

from desktop_app.formats.bib_latex import escape
from desktop_app.formats.csl_dates import csl_date_to_edtf
from desktop_app.formats.csl_keys import citation_keys
from desktop_app.formats.csl_types import (
    BIBLATEX_TYPE_BY_CSL_TYPE,
    BIBTEX_TYPE_BY_CSL_TYPE,
    TYPES,
    csl_type_of_bib_entry,
)

DIALECTS = ("bibtex", "biblatex")
_MONTH_MACROS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_BABEL_BY_LANGUAGE = {"en": "english", "en-US": "american", "en-GB": "british", "de": "ngerman",
                      "de-DE": "ngerman", "de-AT": "naustrian", "de-CH": "swissgerman",
                      "fr": "french", "fr-FR": "french", "it": "italian", "es": "spanish",
                      "pt": "portuguese", "pt-BR": "brazilian", "nl": "dutch", "la": "latin",
                      "ru": "russian", "pl": "polish", "cs": "czech", "sv": "swedish"}
_TITLE_FIELDS = {"title", "booktitle", "journal", "journaltitle", "shorttitle", "series"}
_VERBATIM_FIELDS = {"url", "doi"}
_DATE_FIELDS = {"date", "urldate", "eventdate", "origdate"}  # EDTF: nothing LaTeX would misread
_SIMPLE = (  # CSL variable -> field, written as escaped text in both dialects
    ("volume", "volume"), ("edition", "edition"), ("collection-title", "series"),
    ("number-of-volumes", "volumes"), ("ISBN", "isbn"), ("ISSN", "issn"),
    ("title-short", "shorttitle"), ("keyword", "keywords"), ("version", "version"),
    ("abstract", "abstract"),
)


def dumps(items: list[dict], dialect: str = "bibtex") -> str:
    """The entries for ``items`` as one .bib text, in the given dialect ("bibtex" or "biblatex")."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown BibTeX dialect {dialect!r}; expected one of {DIALECTS}")
    keys = citation_keys(items)
    return "\n".join(_entry(item, key, dialect) for item, key in zip(items, keys))


def _entry(item: dict, key: str, dialect: str) -> str:
    csl_type = item.get("type", "document")
    biblatex = dialect == "biblatex"
    fields: list[tuple[str, str]] = []
    add = fields.append
    for variable, field in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
        if item.get(variable):
            add((field, _names(item[variable])))
    if biblatex and item.get("container-author"):
        add(("bookauthor", _names(item["container-author"])))
    if item.get("title"):
        add(("title", item["title"]))
    if item.get("container-title"):
        if csl_type.startswith(("article", "review")):
            add(("journaltitle" if biblatex else "journal", item["container-title"]))
        else:
            add(("booktitle", item["container-title"]))
    entry_type = _entry_type(item, csl_type, dialect)
    linked = not biblatex and entry_type == "misc" and bool(item.get("URL"))  # howpublished = {\url{...}} below
    subtype = _entrysubtype(csl_type, entry_type, linked)
    if subtype:
        add(("entrysubtype", subtype))
    fields += _dates(item, biblatex)
    publisher_field = {"report": "institution", "thesis": "institution" if biblatex else "school"}
    if item.get("publisher"):
        add((publisher_field.get(csl_type, "publisher"), item["publisher"]))
    if item.get("publisher-place"):
        add(("location" if biblatex else "address", item["publisher-place"]))
    if item.get("genre") and csl_type in ("thesis", "report"):
        add(("type", item["genre"]))
    number = item.get("issue") or item.get("number")
    if number:
        add(("number", str(number)))
    if item.get("page"):
        add(("pages", str(item["page"])))
    for variable, field in _SIMPLE:
        if item.get(variable):
            add((field, str(item[variable])))
    if item.get("number-of-pages"):
        add(("pagetotal", str(item["number-of-pages"])))
    if item.get("language"):
        babel = _BABEL_BY_LANGUAGE.get(item["language"])
        add(("langid", babel) if babel else ("language", item["language"]))
    if item.get("DOI"):
        add(("doi", item["DOI"]))
    if item.get("URL"):
        add(("url", item["URL"]))
        if not biblatex and entry_type == "misc":
            add(("howpublished", "\\url{" + _verbatim(item["URL"]) + "}"))
    note = _note(item, biblatex)
    if note:
        add(("note", note))
    body = "".join(f"  {name} = {_value(name, value)},\n" for name, value in fields)
    return f"@{entry_type}{{{key},\n{body}}}\n"


def _entry_type(item: dict, csl_type: str, dialect: str) -> str:
    if dialect == "biblatex":
        return BIBLATEX_TYPE_BY_CSL_TYPE.get(csl_type, "misc")
    if csl_type == "thesis" and "master" in str(item.get("genre", "")).lower():
        return "mastersthesis"
    return BIBTEX_TYPE_BY_CSL_TYPE.get(csl_type, "misc")


def _entrysubtype(csl_type: str, entry_type: str, linked: bool) -> str | None:
    """What ``entrysubtype`` must say for the entry to read back as its CSL type, if anything:
    biblatex's own magazine/newspaper on @article (pandoc reads them in both dialects), else the
    CSL type itself when the entry type cannot say it (an interview is a @misc). BibTeX, biber
    and the standard styles ignore the field."""
    if entry_type == "article" and csl_type in ("article-magazine", "article-newspaper"):
        return csl_type.removeprefix("article-")
    if csl_type not in TYPES or csl_type_of_bib_entry(entry_type, "", linked) == csl_type:
        return None
    return csl_type


def _value(name: str, value: str) -> str:
    if name == "month":
        return value  # a month macro (nov): bare, as BibTeX wants it
    if name in _VERBATIM_FIELDS:
        return "{" + _verbatim(value) + "}"
    if name in _DATE_FIELDS:
        return "{" + value + "}"
    if name in ("author", "editor", "translator", "bookauthor", "howpublished"):
        return "{" + value + "}"  # already LaTeX
    text = escape(value)
    if name == "pages":
        text = text.replace("–", "--")
    return "{{" + text + "}}" if name in _TITLE_FIELDS else "{" + text + "}"


def _verbatim(url: str) -> str:
    """A URL as BibTeX can carry it: braces (which would unbalance the field) percent-encoded."""
    return url.strip().replace("{", "%7B").replace("}", "%7D")


def _names(names: list[dict]) -> str:
    return " and ".join(_name(name) for name in names if isinstance(name, dict))


def _name(name: dict) -> str:
    if name.get("literal") or not (name.get("family") or name.get("given")):
        return "{" + escape(name.get("literal", "")) + "}"
    if not name.get("family"):
        return _protected(name["given"])  # a single name (Plato) is BibTeX's last name
    family = _protected(name["family"])
    particle = name.get("non-dropping-particle") or name.get("dropping-particle") or ""
    if particle:
        family = f"{escape(particle)} {family}"
    parts = [family]
    if name.get("suffix"):
        parts.append(_protected(name["suffix"]))
    if name.get("given"):
        parts.append(_protected(name["given"]))
    if len(parts) == 2 and name.get("suffix"):
        parts.append("{}")  # "Smith, Jr, {}": the suffix needs a (here empty) given name after it
    return ", ".join(parts)


def _protected(part: str) -> str:
    """A name part braced when BibTeX would otherwise split it (a comma, "and", a lower-case word)."""
    text = escape(part)
    words = part.split()
    if "," in part or "and" in words or any(not word[:1].isupper() for word in words[1:]) \
            or (words and words[0][:1].islower()):
        return "{" + text + "}"
    return text


def _dates(item: dict, biblatex: bool) -> list[tuple[str, str]]:
    fields = []
    issued = item.get("issued")
    edtf = csl_date_to_edtf(issued) if issued else None
    if biblatex:
        if edtf:
            fields.append(("date", edtf))
        elif isinstance(issued, dict) and issued.get("literal"):
            fields.append(("year", issued["literal"]))
        for variable, field in (("accessed", "urldate"), ("event-date", "eventdate"),
                                ("original-date", "origdate")):
            made = csl_date_to_edtf(item[variable]) if item.get(variable) else None
            if made:
                fields.append((field, made))
        return fields
    if edtf:
        year_month = re.match(r"^(-?\d{4})(?:-(\d{2}))?", edtf)
        if year_month:
            fields.append(("year", str(int(year_month.group(1)))))
            plain = year_month.group(1)
            month = int(year_month.group(2) or 0)
            if 1 <= month <= 12:
                fields.append(("month", _MONTH_MACROS[month - 1]))
                plain += f"-{month:02d}"
            if plain != edtf:
                fields.append(("date", edtf))  # a day, a range, a season or "circa"
        else:
            fields.append(("date", edtf))
    elif isinstance(issued, dict) and issued.get("literal"):
        fields.append(("year", issued["literal"]))
    return fields


def _note(item: dict, biblatex: bool) -> str:
    note = str(item.get("note") or "")
    if not biblatex and item.get("accessed"):
        accessed = csl_date_to_edtf(item["accessed"]) or item["accessed"].get("literal", "")
        if accessed:
            note = note.rstrip()
            # After a full stop a new sentence ("… statement. Accessed …"), else a clause ("…; accessed …"):
            # never "statement.. Accessed", and the reader can tell whose full stop it was.
            separator = " Accessed" if note.endswith(".") else "; accessed"
            note = f"{note}{separator} {accessed}" if note else f"Accessed {accessed}"
    return note
