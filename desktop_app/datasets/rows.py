"""One dataset row made ready for the store, and the checks every kind of row shares."""
from __future__ import annotations

from typing import NamedTuple


class RowProblem(ValueError):
    """What is wrong with one row (a bad date, a latitude of 200...); the importer adds the line."""


class EventRow(NamedTuple):
    external_id: str | None  # the dataset's own id, so that a newer export updates the event
    title: str
    description: str
    date: tuple  # edtf, start_s, end_s, fuzzy_start_s, fuzzy_end_s, precision (see DateColumns)
    location_name: str | None
    latitude: float | None
    longitude: float | None
    tags: tuple[str, ...]
    entities: tuple[tuple[str, str], ...]  # (name, kind)
    sources: tuple[tuple[str, str], ...]  # (name, CSL type)
    geo_precision: int | None = None  # how precise the coordinates are: 1 the place, 2 near it, 3 the region


def coordinate(text: str, name: str, limit: float) -> float | None:
    """A latitude (limit 90) or longitude (limit 180); empty is None. A decimal comma is read."""
    try:
        value = float(text)
    except ValueError:
        text = text.strip()
        if not text:
            return None
        try:
            value = float(text.replace(",", ".", 1) if text.count(",") == 1 and "." not in text else text)
        except ValueError:
            raise RowProblem(f"the {name} {text!r} is not a number") from None
    if not -limit <= value <= limit:  # NaN fails this too
        raise RowProblem(f"the {name} {text!r} is outside -{limit:g}..{limit:g}")
    return value


def split_names(text: str, separator: str = ";") -> list[str]:
    """The names in a field listing several ("A; B;C"), stripped, empty ones dropped."""
    if separator not in text:
        text = text.strip()
        return [text] if text else []
    return [name for name in (part.strip() for part in text.split(separator)) if name]


def single_line(text: str) -> str:
    """A title must fit on one line: runs of whitespace, newlines included, become one space.
    NUL characters are dropped: SQLite ends a string's length at the first one, so a title of NULs
    would be refused by the store's non-empty check as a failure of the whole import."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if "  " in text or "\n" in text or "\r" in text or "\t" in text:
        return " ".join(text.split())
    return text.strip()
