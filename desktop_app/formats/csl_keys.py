"""Stable, readable citation keys for CSL items: ``smith2024mission``.

A key is the family name of the first creator, the year, and the first significant word of the
title, folded to lower-case ASCII. Items whose keys would collide get ``a``, ``b``, ``c`` … in
the order given, as author–year styles do. An item's own ``citation-key`` is kept when it is a
usable BibTeX key.
"""
from __future__ import annotations

import re
import string
import unicodedata

from desktop_app.formats.csl_types import NAME_VARIABLES

# Letters that Unicode does not decompose into an ASCII base letter plus accents.
_FOLDS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe",
                        "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th",
                        "Þ": "TH", "ı": "i"})

# Words a title starts with that say nothing about it, in the languages sources mostly come in.
_STOPWORDS = frozenset(
    "a an the of on in at to for and or but from with by as is are this that "
    "le la les l un une des du de et en "
    "der die das den dem des ein eine einer und zur zum im am "
    "el los las lo unos una y del al il gli i uno di della dei e "
    "o os as um uma do da".split()
)

# Characters BibTeX and biber accept in a key without complaint.
_KEY_CHARS = re.compile(r"^[A-Za-z0-9_:.\-/+!?@*<>|]+$")

_CREATOR_ORDER = ("author", "editor", "container-author", "director", "composer", "translator")


def ascii_fold(text: str) -> str:
    """The text with accents removed and letters such as ß or ø spelled in ASCII."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLDS))
    return "".join(char for char in decomposed if ord(char) < 128)


def _word(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", ascii_fold(text).lower())


def _first_creator_name(item: dict) -> str:
    names_variables = list(_CREATOR_ORDER) + sorted(NAME_VARIABLES - set(_CREATOR_ORDER))
    for variable in names_variables:
        for name in item.get(variable) or ():
            if not isinstance(name, dict):
                continue
            text = name.get("family") or name.get("literal") or name.get("given") or ""
            words = [_word(word) for word in text.split()]
            words = [word for word in words if word and word not in _STOPWORDS] or words
            if any(words):
                # A corporate name keeps only its first significant word ("worldhealth..." reads badly).
                return words[0] if "literal" in name and "family" not in name else "".join(words)
    return ""


def _year(item: dict) -> str:
    issued = item.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if parts and parts[0] and str(parts[0][0]).lstrip("-").isdigit() and str(parts[0][0]) != "0":
            year = int(parts[0][0])
            return f"{-year}bc" if year < 0 else str(year)
        found = re.search(r"\d{4}", str(issued.get("literal") or issued.get("raw") or ""))
        if found:
            return found.group(0)
    return ""


def _title_word(item: dict) -> str:
    title = item.get("title") or item.get("title-short") or ""
    for raw in re.split(r"[\s\-–—:/]+", str(title)):
        word = _word(raw)
        if word and word not in _STOPWORDS:
            return word
    return ""


def base_key(item: dict) -> str:
    """The key an item would get before collisions are resolved."""
    key = _first_creator_name(item) + _year(item) + _title_word(item)
    return key or "source"


def citation_keys(items: list[dict]) -> list[str]:
    """One distinct key per item, in the items' order."""
    own = [str(item.get("citation-key") or "").strip() for item in items]
    own = [key if _KEY_CHARS.match(key) else "" for key in own]
    wanted = [key or base_key(item) for key, item in zip(own, items)]
    generated_counts: dict[str, int] = {}
    for key, kept in zip(wanted, own):
        if not kept:
            generated_counts[key] = generated_counts.get(key, 0) + 1
    taken = {key for key in own if key}
    keys = []
    suffixes: dict[str, int] = {}
    for key, kept in zip(wanted, own):
        if kept and kept not in keys:
            keys.append(kept)
            continue
        crowded = generated_counts.get(key, 0) > 1 or key in taken or key in keys
        candidate = key
        while crowded and (candidate in taken or candidate in keys or candidate == key):
            candidate = key + _suffix(suffixes.get(key, 0))
            suffixes[key] = suffixes.get(key, 0) + 1
        keys.append(candidate)
    return keys


def _suffix(index: int) -> str:
    """a, b, …, z, aa, ab, … for the 0th, 1st, … colliding item."""
    letters = string.ascii_lowercase
    text = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        text = letters[remainder] + text
    return text
