"""BibTeX and BibLaTeX files ↔ CSL items.

Reading is bibtexparser 2's: its middlewares resolve ``@string`` macros, strip enclosing braces,
split co-authors and name parts, and decode LaTeX to Unicode (pylatexenc, see bib_latex.py).
This module adds what they leave out: ``#`` concatenation, corporate names in braces, the
mapping onto CSL types and variables, and ``crossref`` inheritance. Writing is in bibtex_export.
"""
from __future__ import annotations

import logging
import re

import bibtexparser
from bibtexparser import middlewares
from bibtexparser.library import Library
from bibtexparser.model import Entry

from db.errors import FileProblem
from desktop_app.formats.bib_files import read_text
from desktop_app.formats.bib_latex import decode, latex_decoder
from desktop_app.formats.bibtex_export import dumps
from desktop_app.formats.bibtex_failures import failure
from desktop_app.formats.csl_dates import edtf_to_csl_date, text_to_edtf
from desktop_app.formats.csl_types import (
    BIB_GROUPING_TYPES,
    csl_type_of_bib_entry,
    language_code,
)

__all__ = ["read", "dumps"]

# bibtexparser logs each block it gives up on (to stderr, when nothing else handles its logger),
# before the one line that says the same in the user's terms: its failures are read from the library.
_PARSER_LOG = logging.getLogger("bibtexparser")
_PARSER_LOG.addHandler(logging.NullHandler())
_PARSER_LOG.propagate = False

NAME_FIELDS = {"author": "author", "editor": "editor", "translator": "translator",
               "bookauthor": "container-author"}
_MONTHS = {name: number for number, name in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis", "mathesis": "Master's thesis",
           "techreport": "Technical report"}
_DATE_FIELDS = ("date", "urldate", "eventdate", "origdate")
_PLAIN_FIELDS = {  # BibTeX field -> CSL variable, copied as decoded text
    "volume": "volume", "edition": "edition", "pages": "page", "volumes": "number-of-volumes",
    "pagetotal": "number-of-pages", "isbn": "ISBN", "issn": "ISSN", "abstract": "abstract",
    "keywords": "keyword", "version": "version", "shorttitle": "title-short",
    "annotation": "annote", "annote": "annote", "series": "collection-title",
    "chapter": "chapter-number", "eventtitle": "event-title", "venue": "event-place",
}


class _ConcatenationMiddleware(middlewares.LibraryMiddleware):
    """Joins ``dtv # { and Walter de Gruyter}``: bibtexparser resolves lone macros only."""

    def __init__(self):
        super().__init__(allow_inplace_modification=True)

    @classmethod
    def metadata_key(cls) -> str:
        return "sourceline_concatenation"

    def transform(self, library: Library) -> Library:
        strings = {key.lower(): _unenclosed(block.value) for key, block in library.strings_dict.items()}
        for entry in library.entries:
            for field in entry.fields:
                if isinstance(field.value, str) and "#" in field.value:
                    pieces = _top_level_pieces(field.value)
                    if len(pieces) > 1:
                        joined = "".join(strings.get(p.lower(), _unenclosed(p)) for p in pieces)
                        field.value = "{" + joined + "}"
        return library


def _top_level_pieces(value: str) -> list[str]:
    """The parts of a value split at ``#`` outside braces and quotes."""
    pieces, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            pieces.append(value[start:index].strip())
            start = index + 1
    pieces.append(value[start:].strip())
    return pieces


def _unenclosed(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and (value[0], value[-1]) in (("{", "}"), ('"', '"')):
        return value[1:-1]
    return value


def _parse(text: str, path) -> Library:
    names = tuple(NAME_FIELDS)
    stack = [
        middlewares.NormalizeFieldKeys(),
        middlewares.ResolveStringReferencesMiddleware(),
        _ConcatenationMiddleware(),
        middlewares.RemoveEnclosingMiddleware(),
        middlewares.SeparateCoAuthors(name_fields=names),
        middlewares.SplitNameParts(name_fields=names),
    ]
    library = bibtexparser.parse_string(text, parse_stack=stack)
    _raise_on_failed_blocks(library, path)
    return library


def _raise_on_failed_blocks(library: Library, path) -> None:
    for block in library.failed_blocks:
        line, problem = failure(block)
        raise FileProblem(path, line, problem)


def read(path) -> list[dict]:
    """CSL items for the entries of a BibTeX or BibLaTeX file (``@set`` groups are skipped)."""
    text = read_text(path, "BibTeX")
    library = _parse(text, path)
    entries = [e for e in library.entries if e.entry_type.lower() not in BIB_GROUPING_TYPES]
    if not entries:
        raise FileProblem(path, None, "no BibTeX entries found (an entry looks like @article{key, ...})")
    # Corporate names and verbatim fields (URLs) must be seen before LaTeX decoding changes them.
    # (Entry keys are unique here: bibtexparser fails a block that repeats one.)
    corporate = {e.key: _corporate_positions(e) for e in entries}
    raw = {e.key: {f.key: f.value for f in e.fields if isinstance(f.value, str)} for e in entries}
    library = middlewares.LatexDecodingMiddleware(decoder=latex_decoder()).transform(library)
    _raise_on_failed_blocks(library, path)
    items = [_to_csl(entry, raw[entry.key], corporate[entry.key])
             for entry in library.entries if entry.key in raw]
    _inherit_crossrefs(items)
    return items


def _corporate_positions(entry: Entry) -> dict[str, set[int]]:
    """Which names are one braced group (``{World Health Organization}``), per name field."""
    found = {}
    for key in NAME_FIELDS:
        value = entry[key] if key in entry else None
        if isinstance(value, list):
            found[key] = {index for index, parts in enumerate(value) if _is_braced_name(parts)}
    return found


def _is_braced_name(parts) -> bool:
    if parts.first or parts.von or parts.jr or len(parts.last) != 1:
        return False
    token = parts.last[0]
    if not (token.startswith("{") and token.endswith("}")) or token.startswith("{\\"):
        return False
    depth = 0
    for index, char in enumerate(token):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and index < len(token) - 1:
            return False  # "{\"O}zkal": the first group closes before the end
    return True


def _to_csl(entry: Entry, raw: dict, corporate: dict[str, set[int]]) -> dict:
    """The CSL item for a decoded entry; ``raw`` holds its string fields before decoding."""
    entry_type = entry.entry_type.lower()
    text = {f.key: " ".join(f.value.split()) for f in entry.fields if isinstance(f.value, str)}
    item: dict = {"id": entry.key, "citation-key": entry.key,
                  "type": _csl_type(entry_type, text, raw)}
    for field, variable in NAME_FIELDS.items():
        names = _names(entry[field] if field in entry else None, corporate.get(field, set()))
        if names:
            item[variable] = names
    _set_titles(item, entry_type, text)
    # Dates as written: LaTeX would read the "~" of "1984~" (circa) as a space.
    _set_dates(item, {**text, **{key: " ".join(raw[key].split()) for key in _DATE_FIELDS if key in raw}})
    _set_publication(item, text)
    for field, variable in _PLAIN_FIELDS.items():
        if text.get(field) and variable not in item:
            item[variable] = text[field]
    _set_identifiers(item, raw)
    language = text.get("langid") or text.get("language")
    if language:
        item["language"] = language_code(language)
    notes = [text[key] for key in ("note", "addendum") if text.get(key)]
    if notes and "accessed" not in item:
        notes[0], accessed = _split_access_note(notes[0])
        if accessed:
            item["accessed"] = accessed
    notes = [note for note in notes if note]
    linked = _howpublished_url(raw)
    if text.get("howpublished") and item["type"] != "webpage" \
            and not (linked and linked.strip() == item.get("URL")):  # the URL itself, not a note
        notes.insert(0, text["howpublished"])
    if notes:
        item["note"] = ". ".join(notes)
    if text.get("crossref"):
        item["_crossref"] = text["crossref"]
    return item


# "Accessed 2024-11-15", "last visited on 15 November 2024": how BibTeX users keep access dates.
_ACCESS_NOTE = re.compile(
    r"(?:^|[.;,]\s*)(?:last\s+)?(?:accessed|visited|retrieved)(?:\s+on)?:?\s*([^.;]+?)\.?\s*$",
    re.IGNORECASE)


def _split_access_note(note: str) -> tuple[str, dict | None]:
    """The note without a trailing access date, and that date as CSL."""
    found = _ACCESS_NOTE.search(note)
    edtf = text_to_edtf(found.group(1)) if found else None
    if not edtf:
        return note, None
    # "… statement. Accessed …": the full stop ends the note's own sentence; "…; accessed …" does not.
    end = found.start() + (note[found.start()] == ".")
    return note[:end].strip(), edtf_to_csl_date(edtf)


def _csl_type(entry_type: str, text: dict, raw: dict) -> str:
    linked = bool(re.match(r"\s*\\url\{", raw.get("howpublished", "")))
    return csl_type_of_bib_entry(entry_type, text.get("entrysubtype", ""), linked)


def _names(value, corporate: set[int]) -> list[dict]:
    if not isinstance(value, list):
        return []
    names = []
    for index, parts in enumerate(value):
        if index in corporate:
            names.append({"literal": decode(parts.last[0])})
            continue
        name = {
            "family": decode(" ".join(parts.last)),
            "given": decode(" ".join(parts.first)),
            "non-dropping-particle": decode(" ".join(parts.von)),
            "suffix": decode(" ".join(parts.jr)),
        }
        if name["family"] == "others" and not name["given"]:
            continue  # "and others": CSL styles add "et al." themselves
        names.append({key: part for key, part in name.items() if part})
    return names


def _set_titles(item: dict, entry_type: str, text: dict) -> None:
    title = _joined(text.get("title"), text.get("subtitle"))
    if title:
        item["title"] = title
    container = (_joined(text.get("journaltitle"), text.get("journalsubtitle"))
                 or text.get("journal")
                 or _joined(text.get("booktitle"), text.get("booksubtitle"))
                 or _joined(text.get("maintitle"), text.get("mainsubtitle")))
    if container:
        item["container-title"] = container
    if item["type"] in ("thesis", "report"):
        # biblatex's `type` holds a localisation key (phdthesis) or words; BibTeX has the entry type.
        genre = text.get("type") or entry_type
        if genre in _GENRES or text.get("type"):
            item["genre"] = _GENRES.get(genre, genre)


def _joined(title: str | None, subtitle: str | None) -> str:
    if title and subtitle:
        return f"{title}{'' if title.endswith(('?', '!', ':')) else ':'} {subtitle}"
    return title or ""


def _set_dates(item: dict, text: dict) -> None:
    issued = text.get("date") or _year_month(text.get("year"), text.get("month"))
    if issued:
        item["issued"] = _csl_date(issued)
    for field, variable in (("urldate", "accessed"), ("eventdate", "event-date"),
                            ("origdate", "original-date")):
        if text.get(field):
            item[variable] = _csl_date(text[field])


def _year_month(year: str | None, month: str | None) -> str:
    if not year:
        return ""
    month_number = None
    if month:
        month = month.strip().lower()
        month_number = int(month) if month.isdigit() else _MONTHS.get(month[:3])
    if month_number and 1 <= month_number <= 12 and re.fullmatch(r"\d{4}", year.strip()):
        return f"{year.strip()}-{month_number:02d}"
    return year


def _csl_date(text: str) -> dict:
    edtf = text_to_edtf(text)
    return edtf_to_csl_date(edtf) if edtf else {"literal": text}


def _set_publication(item: dict, text: dict) -> None:
    publisher = text.get("publisher") or text.get("institution") or text.get("school") \
        or text.get("organization")
    if publisher:
        item["publisher"] = publisher
    place = text.get("location") or text.get("address")
    if place:
        item["publisher-place"] = place
    number = text.get("number") or text.get("issue")
    if number:
        item["issue" if item["type"].startswith("article") else "number"] = number


_LINKED = re.compile(r"\s*\\url\{([^{}]*)\}\s*$")


def _howpublished_url(raw: dict) -> str | None:
    """The address in ``howpublished = {\\url{...}}`` (classic BibTeX's way to give a URL)."""
    linked = _LINKED.match(raw.get("howpublished", ""))
    return linked.group(1) if linked else None


def _set_identifiers(item: dict, raw: dict) -> None:
    url = (raw.get("url") or "").strip()
    linked = _howpublished_url(raw)
    if not url and linked:
        url = linked
    doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", (raw.get("doi") or "").strip(), flags=re.I)
    eprint_type = (raw.get("eprinttype") or "").strip().lower()
    if not url and eprint_type == "arxiv" and raw.get("eprint"):
        url = f"https://arxiv.org/abs/{raw['eprint'].strip()}"
    if eprint_type == "pubmed" and raw.get("eprint"):
        item["PMID"] = raw["eprint"].strip()
    if url:
        item["URL"] = url
    if doi:
        item["DOI"] = doi


# Variables a contained item (chapter, paper) takes from the book or proceedings it crossrefs.
_INHERITED = ("editor", "container-author", "publisher", "publisher-place", "issued", "ISBN",
              "collection-title", "volume", "number-of-volumes", "language", "edition")


def _inherit_crossrefs(items: list[dict]) -> None:
    """Fills a ``crossref`` child's gaps from its parent, as biber does (title → container)."""
    by_key = {item["id"].lower(): item for item in items}
    for item in items:
        parent = by_key.get(item.pop("_crossref", "").lower())
        if parent is None or parent is item:
            continue
        if "container-title" not in item and parent.get("title"):
            item["container-title"] = parent["title"]
        for variable in _INHERITED:
            if variable not in item and variable in parent:
                item[variable] = parent[variable]
