"""CSL-JSON files ↔ CSL items.

Reading checks the structure the CSL-JSON schema asks for (a list of objects, each with a
``type`` and an ``id`` or a ``title``; names as lists of name objects; dates as date objects)
and names the item and its line when something is wrong. Variables the schema does not know
are dropped, so what comes out is valid against the official schema, as ``dumps`` writes it.
"""
from __future__ import annotations

import json
import math
import re

from db.errors import FileProblem
from desktop_app.formats.bib_files import line_of, read_text
from desktop_app.formats.csl_dates import edtf_to_csl_date, text_to_edtf
from desktop_app.formats.csl_keys import citation_keys
from desktop_app.formats.csl_types import (
    DATE_VARIABLES,
    NAME_NAME_PARTS,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    STRING_VARIABLES,
    TYPES,
)

_DATE_KEYS = ("date-parts", "season", "circa", "literal", "raw")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _BadNumber(ValueError):
    """A number Python's JSON reader takes (or refuses) that the project file, which keeps JSON,
    cannot: found again by its ``literal`` in the text, for the line."""

    def __init__(self, literal: str, problem: str):
        super().__init__(problem)
        self.literal, self.problem = literal, problem


def _integer(literal: str) -> int:
    if len(literal.lstrip("-")) > 4300:  # Python refuses to read longer ones
        raise _BadNumber(literal, f"a number of {len(literal.lstrip('-'))} digits; no CSL variable holds one")
    return int(literal)


def _float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):  # 1e999: JSON cannot write it back (the store keeps JSON)
        raise _BadNumber(literal, f"the number {literal[:20]} is too large")
    return value


def _constant(name: str):
    raise _BadNumber(name, f"{name} is not a number JSON knows")


def read(path) -> list[dict]:
    """The CSL items of a CSL-JSON file, checked and cleaned (see the module docstring)."""
    text = read_text(path, "CSL-JSON")
    try:
        data = json.loads(text, parse_int=_integer, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise FileProblem(path, error.lineno, f"not valid JSON: {error.msg} (column {error.colno})") from error
    except RecursionError:  # Python's JSON parser recurses per level: [[[[… thousands deep
        raise FileProblem(path, None, "lists or objects are nested too deeply to be CSL-JSON") from None
    except _BadNumber as error:
        found = re.compile(rf"(?<![\w.\"]){re.escape(error.literal)}(?![\w.\"])").search(text)
        raise FileProblem(path, line_of(text, found.start()) if found else None, error.problem) from None
    if not isinstance(data, list):
        found = type(data).__name__.replace("dict", "object").replace("str", "string")
        raise FileProblem(path, 1, f"CSL-JSON is a list of items ([{{...}}, ...]); this file holds a {found}")
    items = []
    surrogates = _SURROGATE_ESCAPE.search(text) is not None  # the only way to a lone one (see below)
    for index, (value, offset) in enumerate(zip(data, _item_offsets(text))):
        try:
            items.append(normalize_item(value))
        except ValueError as error:
            raise FileProblem(path, line_of(text, offset), f"item {index + 1}: {error}") from error
        lone = surrogates and _lone_surrogate(items[-1])
        if lone:
            # only JSON's escapes make one (the text itself was decoded strictly): point at it
            escape = f"\\u{ord(lone):04x}"
            at = re.compile(re.escape(escape), re.IGNORECASE).search(text, offset).start()
            raise FileProblem(path, line_of(text, at), f"item {index + 1}: holds {escape}, half of a surrogate "
                                                       "pair: not text")
    return items


def _lone_surrogate(item: dict) -> str | None:
    """A lone surrogate in the item's text, which no UTF-8 text (the project file's) can hold."""
    try:
        json.dumps(item, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        return error.object[error.start]
    return None


def _item_offsets(text: str) -> list[int]:
    """Where each element of the (valid) top-level JSON array starts in the text."""
    decoder = json.JSONDecoder()
    offsets = []
    position = text.index("[") + 1
    while True:
        while text[position].isspace():
            position += 1
        if text[position] == "]":
            return offsets
        offsets.append(position)
        _, position = decoder.raw_decode(text, position)
        while text[position].isspace():
            position += 1
        if text[position] == ",":
            position += 1


def normalize_item(value) -> dict:
    """A schema-valid copy of one CSL item; ValueError saying what is wrong with its structure."""
    if not isinstance(value, dict):
        raise ValueError(f"expected an object ({{...}}), found {json.dumps(value)[:40]}")
    kind = value.get("type")
    if not isinstance(kind, str):  # pandoc writes "" for a BibLaTeX @misc: that becomes "document"
        raise ValueError('has no "type" (such as "article-journal", "book" or "webpage")')
    if not (value.get("id") not in (None, "") or value.get("title")):
        raise ValueError('has neither an "id" nor a "title"')
    item: dict = {"type": kind if kind in TYPES else "document"}
    for key, content in value.items():
        if key == "type" or content is None:
            continue
        if key == "id":
            if not isinstance(content, (str, int, float)) or isinstance(content, bool):
                raise ValueError('"id" must be a string or a number')
            item["id"] = content
        elif key in NAME_VARIABLES:
            item[key] = _names(key, content)
        elif key in DATE_VARIABLES:
            item[key] = _date(key, content)
        elif key in NUMBER_VARIABLES or key in STRING_VARIABLES:
            item[key] = _scalar(key, content, numbers_allowed=key in NUMBER_VARIABLES)
        elif key == "categories" and isinstance(content, list):
            item[key] = [str(category) for category in content]
        elif key == "custom" and isinstance(content, dict):
            item[key] = content
    return item


def _names(key: str, content) -> list[dict]:
    if not isinstance(content, list):
        raise ValueError(f'"{key}" must be a list of names ({{"family", "given"}} or {{"literal"}})')
    names = []
    for name in content:
        if not isinstance(name, dict):
            raise ValueError(f'"{key}" holds {json.dumps(name)[:40]}, not a name object')
        kept = {part: value for part, value in name.items() if part in NAME_NAME_PARTS and value not in (None, "")}
        for part in ("family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix"):
            if part in kept and not isinstance(kept[part], str):
                raise ValueError(f'"{key}": the name part "{part}" must be text')
        if not any(part in kept for part in ("family", "given", "literal")):
            raise ValueError(f'"{key}" holds a name without "family", "given" or "literal"')
        names.append(kept)
    return names


def _date(key: str, content) -> dict:
    if isinstance(content, str):  # CSL 1.1 style: an EDTF or written date in place of the object
        edtf = text_to_edtf(content)
        return edtf_to_csl_date(edtf) if edtf else {"literal": content}
    if not isinstance(content, dict):
        raise ValueError(f'"{key}" must be a date object such as {{"date-parts": [[2024, 11, 15]]}}')
    date = {part: content[part] for part in _DATE_KEYS if part in content}
    parts = date.get("date-parts")
    if parts is not None:
        valid = (isinstance(parts, list) and 1 <= len(parts) <= 2 and all(
            isinstance(part, list) and 1 <= len(part) <= 3
            and all(isinstance(v, (int, str)) and not isinstance(v, bool) for v in part)
            for part in parts))
        if not valid:
            raise ValueError(f'"{key}": "date-parts" must be one or two lists of year, month, day')
    if not date:
        raise ValueError(f'"{key}" has none of {", ".join(_DATE_KEYS)}')
    return date


def _scalar(key: str, content, numbers_allowed: bool):
    if isinstance(content, bool) or not isinstance(content, (str, int, float)):
        raise ValueError(f'"{key}" must be text{" or a number" if numbers_allowed else ""}')
    return content if numbers_allowed or isinstance(content, str) else str(content)


def dumps(items: list[dict]) -> str:
    """A CSL-JSON text for the items, each with a distinct ``id`` (kept when it has one)."""
    cleaned = [normalize_item(item) for item in items]
    keys = iter(citation_keys(cleaned))
    used: set = set()
    for item in cleaned:
        key = next(keys)
        if item.get("id") in (None, "") or item["id"] in used:
            candidate, number = key, 2
            while candidate in used:
                candidate, number = f"{key}-{number}", number + 1
            item["id"] = candidate
        used.add(item["id"])
    return json.dumps(cleaned, ensure_ascii=False, indent=2) + "\n"
