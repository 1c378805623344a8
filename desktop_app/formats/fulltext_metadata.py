"""Metadata found in a full-text file, turned into a CSL-JSON item subset.

Every value here comes from an untrusted file, so each one is cleaned (NFC, no control
characters, bounded length), dates become EDTF only when they are unambiguous, and URLs are kept
only when they are absolute http(s) addresses (never ``javascript:`` or ``file:``).
"""
from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit

from dateutil import parser as dateutil_parser

from db import dates
from db.errors import InvalidDate
from desktop_app.formats.fulltext_text import clean

# What the caller should ask the user for when the file does not say: the three things a citation
# cannot do without. Named as CSL-JSON names them ("issued", though the value is issued_edtf).
ASKED_FOR = ("title", "author", "issued")
_MAX_VALUE = 1000
_ISO_START = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T ]\d)")
# What content systems write when they have no date: the year 1 (.NET's DateTime.MinValue,
# "0001-01-01T00:00:00") and the Unix epoch. Years before 1000 are refused as well.
_PLACEHOLDER_DATES = {"1970-01-01"}
_MONTH_NAME = re.compile(r"[A-Za-z]{3}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_NAME_SEPARATORS = re.compile(r"\s*(?:;|\band\b|&)\s*")
_BYLINE = re.compile(r"^by\s+", re.IGNORECASE)


def text_value(value) -> str | None:
    """A one-line, cleaned, bounded string, or None for anything empty or not a string."""
    if not isinstance(value, str):
        return None
    value = " ".join(clean(value).split())[:_MAX_VALUE]
    return value or None


def http_url(value) -> str | None:
    """``value`` if it is an absolute http(s) URL, else None."""
    value = text_value(value)
    if value is None:
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def language_tag(value) -> str | None:
    """A BCP 47-shaped tag ("en", "uk-UA"; "en_GB" becomes "en-GB"), else None."""
    value = text_value(value)
    if value is None:
        return None
    value = value.replace("_", "-")
    return value if _LANGUAGE.fullmatch(value) else None


def edtf_date(value) -> str | None:
    """An EDTF string for a metadata date, or None when it is not one.

    ISO dates and timestamps keep the day as written ("2024-11-19T23:30:00-05:00" is the 19th,
    the publisher's own calendar day); placeholders (``0001-01-01``, ``1970-01-01``) are no dates;
    EDTF that starts with a year passes through ("2024-11~"); dates with a month name
    ("19 November 2024", "Tue, 19 Nov 2024 08:30 GMT") are read by dateutil at the precision they
    state. All-numeric forms such as 03/04/2024 are refused: day-first or month-first cannot be
    told apart, and a wrong date is worse than a question.
    """
    value = text_value(value)
    if value is None:
        return None
    iso = _ISO_START.match(value)
    if iso:
        return None if iso.group() in _PLACEHOLDER_DATES else _checked_iso(*iso.groups())
    if value[:4].isdigit():  # EDTF, but not the unknowable ("XXXX") or the far past ("-2024", "Y17E8")
        try:
            return dates.validate(value)
        except InvalidDate:
            pass
    if _MONTH_NAME.search(value) and len(value) <= 64:
        return _dateutil_edtf(value)
    return None


def _checked_iso(year: str, month: str | None, day: str | None) -> str | None:
    if int(year) < 1000:
        return None
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day) if part)


def _dateutil_edtf(value: str) -> str | None:
    # Parsing twice with different defaults shows which parts the text itself supplied.
    try:
        first = dateutil_parser.parse(value, default=datetime(2000, 1, 1))
        second = dateutil_parser.parse(value, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    if first.year != second.year:
        return None
    if first.month != second.month:
        return f"{first.year:04d}"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}-{first.month:02d}-{first.day:02d}"


def csl_names(value) -> list[dict]:
    """CSL-JSON names from a byline: "Jane Doe", "Doe, Jane", "By Jane Doe and John Smith",
    "Jane Doe; John Smith". A single word or a long phrase stays ``{"literal": ...}`` (agencies,
    newsrooms); URLs (``article:author`` is often a profile link) are not names and are dropped."""
    value = text_value(value)
    if value is None or http_url(value):
        return []
    value = _BYLINE.sub("", value)
    names = []
    for part in _NAME_SEPARATORS.split(value):
        names.extend(_comma_names(part))
    return [name for name in names if name]


def _comma_names(part: str) -> list[dict]:
    pieces = [piece.strip() for piece in part.split(",") if piece.strip()]
    if len(pieces) == 2 and " " not in pieces[0] and " " not in pieces[1]:
        return [{"family": pieces[0], "given": pieces[1]}]  # "Doe, Jane"
    return [csl_name(piece) for piece in pieces]


def csl_name(text: str) -> dict:
    """One person as {family, given}; one word, or more than four, as {literal}."""
    words = text.split()
    if len(words) < 2 or len(words) > 4 or any(char.isdigit() or char == "@" for char in text):
        return {"literal": text}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def finish(metadata: dict) -> tuple[dict, list[str]]:
    """The metadata without empty values, with its CSL type set, and what the user should be asked.

    An item with a site or publisher is an ``article-newspaper`` (the usual case for a saved news
    page); without either it is a ``webpage``. The container falls back to the publisher.
    """
    item = {key: value for key, value in metadata.items() if value}
    if "container-title" not in item and "publisher" in item:
        item["container-title"] = item["publisher"]
    item["type"] = "article-newspaper" if "container-title" in item else "webpage"
    present = {"title": "title", "author": "author", "issued": "issued_edtf"}
    missing = [asked for asked in ASKED_FOR if present[asked] not in item]
    return item, missing
