"""RIS files ↔ CSL items, via rispy.

rispy reads leniently — it skips what it does not understand and drops a record that never
ends — so a quick scan of the lines first finds the structural mistakes and says where they
are. Web of Science exports (``PT``/``AU``/``TI``/``SO`` tags without ``TY``) are recognised
and read with rispy's WoK parser (ris_wos.py).
"""
from __future__ import annotations

import re

import rispy
from rispy.config import TYPE_OF_REFERENCE_MAPPING

from db.errors import FileProblem
from desktop_app.formats.bib_files import read_text
from desktop_app.formats.csl_dates import csl_date_to_edtf, edtf_to_csl_date, is_edtf, text_to_edtf
from desktop_app.formats.csl_types import (
    CSL_TYPE_BY_RIS_TYPE,
    RIS_TYPE_BY_CSL_TYPE,
    RIS_TYPE_BY_NAME,
    language_code,
)
from desktop_app.formats.ris_wos import looks_like_wos, wos_items

RIS_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: |$)")
# "2024/11/18/2024-11-18/2024-11-21": RIS's fourth date part ("other information") holding EDTF.
_RIS_DATE = re.compile(r"^(\d{4})?/(\d{0,2})/(\d{0,2})/(.*)$")
_CODE_BY_LONG_NAME = {name.lower(): code for code, name in TYPE_OF_REFERENCE_MAPPING.items()}


class _Lenient:
    """rispy's readers, with what they raise on mangled files made harmless: a continuation line
    after a repeated tag (its value a list by then) joins the last value, not the list (TypeError);
    a blank line right after a record's type line no longer continues the previous record's last
    tag (KeyError). Text there is refused by scan_records before rispy reads anything."""

    def _add_single_value(self, record: dict, name: str, value, is_multi: bool = False) -> None:
        current = record.get(name)
        if is_multi and current is None:
            return
        if is_multi and isinstance(current, list) and isinstance(value, str):
            current[-1] = f"{current[-1]} {value}"
            return
        super()._add_single_value(record, name, value, is_multi)


class _RisParser(_Lenient, rispy.RisParser):
    """Tags are what scan_records calls tags (rispy's own test takes "É1  -x" for one, and any line
    beginning "TY" for a record's start): the two must count the same records."""

    def parse_line(self, line: str):
        found = RIS_TAG.match(line)
        return (found.group(1), line[found.end():].strip()) if found else (None, line.strip())

    def _iter_till_start(self, lines) -> dict:
        while True:
            tag, content = self.parse_line(next(lines))
            if tag == self.START_TAG:
                return {self.mapping[self.START_TAG]: content}


class WokParser(_Lenient, rispy.WokParser):
    pass


def read(path) -> list[dict]:
    """CSL items for the records of an RIS file (or of a Web of Science export)."""
    # Old Macs ended lines with CR alone; rispy splits at LF only, and so must the scan (not
    # str.splitlines, which also splits at U+2028 or U+0085 inside a value).
    text = read_text(path, "RIS").replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_wos(text):
        return wos_items(text, path)
    starts = scan_records(text.split("\n"), path, RIS_TAG, start="TY", end="ER", kind="RIS")
    records = rispy.loads(text, implementation=_RisParser, enforce_list_tags=False)
    if len(records) != len(starts):
        raise FileProblem(path, None, f"rispy read {len(records)} of {len(starts)} RIS records")
    return [_to_csl(record) for record in records]


def scan_records(lines: list[str], path, tag: re.Pattern, start: str, end: str, kind: str) -> list[int]:
    """The 1-based first lines of the records; FileProblem for a record that is not closed,
    a tag outside any record, text right after a record's start line, or a file with no records."""
    starts: list[int] = []
    open_at = None
    after_start = False  # only blank lines since the record's start line
    for number, line in enumerate(lines, start=1):
        found = tag.match(line)
        name = found.group(1) if found else None
        if after_start and not name and line.strip():
            raise FileProblem(path, number, f"text that belongs to no tag: each line of a {kind} record "
                                            f"starts with a tag (such as 'TI')")
        after_start = after_start and not name
        if name == start:
            after_start = True
            if open_at is not None:
                raise FileProblem(path, number, f"a new {kind} record starts before the record from "
                                                f"line {open_at} ends with '{end}'")
            if not line[found.end():].strip():
                raise FileProblem(path, number, f"the record has an empty type ('{start}') line")
            open_at = number
            starts.append(number)
        elif name == end:
            if open_at is None:
                raise FileProblem(path, number, f"'{end}' without a record: no '{start}' line before it")
            open_at = None
        elif name and open_at is None:
            raise FileProblem(path, number, f"'{name}' line outside a record: each {kind} record starts "
                                            f"with a '{start}' line")
    if open_at is not None:
        raise FileProblem(path, open_at, f"the {kind} record has no '{end}' end line (is the file cut short?)")
    if not starts:
        raise FileProblem(path, None, f"not an {kind} file: no record (a '{start}' line) found")
    return starts


def values(record: dict, key: str) -> list[str]:
    """A field as a list of non-empty strings, whether rispy gave a string or a list."""
    value = record.get(key)
    found = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in found if v is not None and str(v).strip()]


def first(record: dict, *keys: str) -> str:
    for key in keys:
        found = values(record, key)
        if found:
            return found[0]
    return ""


def person(text: str) -> dict:
    """A CSL name for "Family, Given[, Suffix]"; a name without a comma is an organisation's."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) == 1:
        return {"literal": text.strip()}
    name = {"family": parts[0], "given": parts[1]}
    if len(parts) > 2 and parts[2]:
        name["suffix"] = ", ".join(parts[2:])
    return {key: value for key, value in name.items() if value}


def _csl_type(type_name: str) -> str:
    code = type_name.strip().upper()
    if code not in CSL_TYPE_BY_RIS_TYPE:
        lowered = type_name.strip().lower()
        code = RIS_TYPE_BY_NAME.get(lowered) or _CODE_BY_LONG_NAME.get(lowered, "GEN")
    return CSL_TYPE_BY_RIS_TYPE.get(code, "document")


def _to_csl(record: dict) -> dict:
    item: dict = {"type": _csl_type(first(record, "type_of_reference"))}
    unknown = record.get("unknown_tag") or {}
    creators = {"author": values(record, "authors") + values(record, "first_authors"),
                # A2 is the editor of a book section; some writers use a non-standard ED tag.
                "editor": values(record, "secondary_authors") + list(unknown.get("ED", [])),
                "collection-editor": values(record, "tertiary_authors"),
                "translator": values(record, "subsidiary_authors")}
    for variable, texts in creators.items():
        if texts:
            item[variable] = [person(text) for text in texts]
    title = first(record, "title", "primary_title", "short_title")
    if title:
        item["title"] = title
    container = first(record, "alternate_title3", "journal_name", "secondary_title")
    if container:
        item["container-title"] = container
    short = first(record, "alternate_title2", "alternate_title1")
    if short:
        item["container-title-short"] = short
    simple = (("tertiary_title", "collection-title"), ("publisher", "publisher"),
              ("place_published", "publisher-place"), ("volume", "volume"), ("number", "issue"),
              ("edition", "edition"), ("short_title", "title-short"), ("doi", "DOI"),
              ("number_of_volumes", "number-of-volumes"), ("call_number", "call-number"))
    for key, variable in simple:
        if first(record, key):
            item[variable] = first(record, key)
    if "volume" not in item and unknown.get("VO"):
        item["volume"] = unknown["VO"][0]
    if item["type"] not in ("article-journal", "article-magazine", "article-newspaper") and "issue" in item:
        item["number"] = item.pop("issue")
    _set_dates(item, record)
    _set_page(item, first(record, "start_page"), first(record, "end_page"))
    for number in values(record, "issn"):
        digits = re.sub(r"[^0-9Xx]", "", number)
        item.setdefault("ISSN" if len(digits) == 8 else "ISBN", number)
    urls = values(record, "urls")
    if urls:
        item["URL"] = urls[0]
    if first(record, "language"):
        item["language"] = language_code(first(record, "language"))
    abstract = first(record, "abstract", "notes_abstract")
    if abstract:
        item["abstract"] = abstract
    if values(record, "keywords"):
        item["keyword"] = ", ".join(values(record, "keywords"))
    if values(record, "notes"):
        item["note"] = "\n".join(values(record, "notes"))
    return item


def _set_page(item: dict, start: str, end: str) -> None:
    if start and end and end != start:
        item["page"] = f"{start}-{end}"
    elif start:
        item["page"] = start


def _set_dates(item: dict, record: dict) -> None:
    readings = [(_ris_date(text), text) for key in ("date", "year", "publication_year")
                for text in values(record, key)]
    if readings:
        # The most precise reading wins: DA "2009" and PY "2009/05/01/" give 2009-05-01.
        best, text = max(readings, key=lambda reading: len(reading[0] or ""))
        item["issued"] = edtf_to_csl_date(best) if best else {"literal": text}
    accessed = first(record, "access_date")
    if accessed:
        edtf = _ris_date(accessed)
        item["accessed"] = edtf_to_csl_date(edtf) if edtf else {"literal": accessed}


def _ris_date(text: str) -> str | None:
    slashed = _RIS_DATE.match(text.strip())
    if slashed and slashed.group(4).strip():
        other = slashed.group(4).strip()
        if is_edtf(other):
            return other
    return text_to_edtf(text)


# ---- writing ------------------------------------------------------------------------------


class _Writer(rispy.RisWriter):
    def set_header(self, count: int) -> str:
        return ""  # rispy numbers records ("1."); other readers see stray text there


def dumps(items: list[dict]) -> str:
    """An RIS text with one record per item (TY … ER)."""
    return _Writer(skip_unknown_tags=False).formats([_record(item) for item in items])


def _record(item: dict) -> dict:
    record: dict = {"type_of_reference": RIS_TYPE_BY_CSL_TYPE.get(item.get("type", ""), "GEN")}
    for variable, key in (("author", "authors"), ("editor", "secondary_authors"),
                          ("collection-editor", "tertiary_authors"), ("translator", "subsidiary_authors")):
        names = [_ris_name(name) for name in item.get(variable) or () if isinstance(name, dict)]
        if names:
            record[key] = names
    for variable, key in (("title", "title"), ("container-title", "secondary_title"),
                          ("collection-title", "tertiary_title"), ("publisher", "publisher"),
                          ("publisher-place", "place_published")):
        if item.get(variable):
            record[key] = _line(item[variable])
    record.update(_ris_dates(item))
    if item.get("URL"):
        record["urls"] = [_line(item["URL"])]
    if item.get("accessed"):
        edtf = csl_date_to_edtf(item["accessed"])
        if edtf:
            record["access_date"] = _slashed(edtf)
    for variable, key in (("DOI", "doi"), ("ISSN", "issn"), ("ISBN", "issn"), ("language", "language"),
                          ("volume", "volume"), ("issue", "number"), ("number", "number"),
                          ("edition", "edition"), ("title-short", "short_title"),
                          ("abstract", "abstract")):
        if item.get(variable) and key not in record:
            record[key] = _line(str(item[variable]))
    if item.get("page"):
        start, _, end = re.sub(r"\s*[–-]\s*", "-", str(item["page"])).partition("-")
        record["start_page"] = start
        if end:
            record["end_page"] = end
    if item.get("keyword"):
        record["keywords"] = [_line(word) for word in str(item["keyword"]).split(",") if word.strip()]
    if item.get("note"):
        record["notes"] = [_line(item["note"])]
    return record


def _line(text) -> str:
    """One RIS line: a line break inside a value would start a new, wrong tag."""
    return " ".join(str(text).split())


def _ris_name(name: dict) -> str:
    if name.get("literal") or not name.get("family"):
        return _line(name.get("literal") or name.get("given") or "")
    particle = name.get("non-dropping-particle") or name.get("dropping-particle")
    family = f"{particle} {name['family']}" if particle else name["family"]
    parts = [family, name.get("given", "")]
    if name.get("suffix"):
        parts.append(name["suffix"])
    return _line(", ".join(parts))


def _ris_dates(item: dict) -> dict:
    issued = item.get("issued")
    if not isinstance(issued, dict):
        return {}
    edtf = csl_date_to_edtf(issued)
    if not edtf:
        literal = issued.get("literal")
        return {"date": f"///{_line(literal)}"} if literal else {}
    found = re.match(r"^(\d{4})", edtf)
    dates = {"year": found.group(1)} if found else {}
    dates["date"] = _slashed(edtf)
    return dates


def _slashed(edtf: str) -> str:
    """RIS's YYYY/MM/DD/other form; the EDTF goes in "other" when it says more (range, ~, season)."""
    found = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", edtf)
    if found and (found.group(2) or "01") <= "12":
        year, month, day = (group or "" for group in found.groups())
        return f"{year}/{month}/{day}/"
    start = re.match(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?(?:-(\d{2}))?", edtf)
    if start:
        year, month, day = (group or "" for group in start.groups())
        return f"{year}/{month}/{day}/{edtf}"
    return f"///{edtf}"
