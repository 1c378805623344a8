"""Eras: named periods ("Kursk incursion", "Trump transition") drawn behind the events.

An era has a name (one era per name, whatever its case), an EDTF date — an interval or a single
date — with the same derived bounds as an event's, and optionally a colour. Its *reach* is how far
it may extend: the strict span stretched by approximate or uncertain ends, unbounded at an open
end (``None``). Eras are few (tens), so queries read them whole; views ask only for those whose
reach overlaps what they show.
"""
from __future__ import annotations

import re
from dataclasses import replace

from db.connection import Database

from db import dates
from db.errors import SourcelineError
from db.events import EventFilter
from db.ops import Op

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_COLUMNS = "id, uuid, name, date_edtf, start_s, end_s, fuzzy_start_s, fuzzy_end_s, color"


def _rows(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def list_eras(db: Database) -> list[dict]:
    """Every era, earliest first."""
    return _rows(db.conn.execute(f"SELECT {_COLUMNS} FROM eras ORDER BY start_s, end_s, name COLLATE NOCASE"))


def eras_overlapping(db: Database, start_s: float, end_s: float) -> list[dict]:
    """The eras whose reach overlaps [start_s, end_s), earliest first."""
    return _rows(db.conn.execute(
        f"SELECT {_COLUMNS} FROM eras WHERE (fuzzy_start_s IS NULL OR fuzzy_start_s < ?)"
        " AND (fuzzy_end_s IS NULL OR fuzzy_end_s > ?) ORDER BY start_s, end_s, name COLLATE NOCASE",
        (end_s, start_s)))


def get_era(db: Database, era_id: int) -> dict | None:
    rows = _rows(db.conn.execute(f"SELECT {_COLUMNS} FROM eras WHERE id = ?", (era_id,)))
    return rows[0] if rows else None


def find_era(db: Database, name: str) -> dict | None:
    """The era called ``name`` (case-insensitive), or None."""
    rows = _rows(db.conn.execute(f"SELECT {_COLUMNS} FROM eras WHERE name = ? COLLATE NOCASE", (name.strip(),)))
    return rows[0] if rows else None


def named_era(db: Database, name: str) -> dict:
    """The era called ``name``, or a SourcelineError saying which eras there are."""
    era = find_era(db, name)
    if era is None:
        known = [e["name"] for e in list_eras(db)]
        listed = f"; the project's eras: {', '.join(known)}" if known else "; the project has none (sourceline add-era)"
        raise SourcelineError(f"there is no era called “{name.strip()}”{listed}")
    return era


def reach(era: dict) -> tuple[int | None, int | None]:
    """How far an era may extend, as seconds (start, end exclusive); None at an open end."""
    return era["fuzzy_start_s"], era["fuzzy_end_s"]


def overlaps(era: dict, start_s: int, end_s: int) -> bool:
    """Whether the era's reach overlaps [start_s, end_s) (an event's bounds)."""
    lo, hi = reach(era)
    return (lo is None or lo < end_s) and (hi is None or hi > start_s)


def within_era(where: EventFilter, era: dict) -> EventFilter:
    """``where`` narrowed to the events overlapping the era's reach (and its own period, if any)."""
    lo, hi = reach(era)
    start = where.start_s if lo is None else lo if where.start_s is None else max(lo, where.start_s)
    end = where.end_s if hi is None else hi if where.end_s is None else min(hi, where.end_s)
    return replace(where, start_s=start, end_s=end)


def ends(date_edtf: str) -> tuple[str, str]:
    """An era's date as two ends a "from"/"to" pair of fields takes: ("2024-08-06", "2025-03") for
    an interval, the date twice for a single date, "" for an open or unknown end."""
    if "/" in date_edtf and not date_edtf.startswith("["):
        first, _, last = date_edtf.partition("/")
        return ("" if first == ".." else first), ("" if last == ".." else last)
    return date_edtf, date_edtf


def joined(first: str, last: str) -> str:
    """The inverse of :func:`ends`: one EDTF date from a "from" and a "to" (the date itself when
    they are the same, ".." for an open end). The result is validated when the era is written."""
    first, last = " ".join(first.split()), " ".join(last.split())
    if not first and not last:
        raise SourcelineError("an era needs a start or an end date (or both)")
    return first if first == last else f"{first or '..'}/{last or '..'}"


# -- edits -------------------------------------------------------------------------------------

def _name(db: Database, name: str, era_id: int | None = None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise SourcelineError("an era needs a name")
    other = find_era(db, name)
    if other is not None and other["id"] != era_id:
        raise SourcelineError(f"there is already an era called “{other['name']}”")
    return name


def _colour(colour: str | None) -> str | None:
    colour = (colour or "").strip()
    if not colour:
        return None
    if not _COLOUR.fullmatch(colour):
        raise SourcelineError(f"an era's colour is written #rrggbb (e.g. #2a9d8f), not {colour!r}")
    return colour.lower()


def _date_columns(date_edtf: str) -> dict:
    b = dates.bounds(date_edtf)
    return {"date_edtf": date_edtf.strip(), "start_s": b.start, "end_s": b.end,
            "fuzzy_start_s": b.fuzzy_start, "fuzzy_end_s": b.fuzzy_end}


def insert_era(db: Database, name: str, date_edtf: str, color: str | None = None) -> int:
    """Inside an edit: add one era and return its id."""
    values = {"name": _name(db, name), **_date_columns(date_edtf), "color": _colour(color)}
    return db.conn.execute(f"INSERT INTO eras ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                           list(values.values())).lastrowid


def add_era(name: str, date_edtf: str, color: str | None = None) -> Op:
    """The result is the new era's id."""
    _colour(color)
    dates.validate(date_edtf)  # refused before anything runs
    return Op(f"Add era “{' '.join(name.split())}”", lambda db: insert_era(db, name, date_edtf, color))


def update_era(era_id: int, **fields) -> Op:
    """Rename (``name``), re-date (``date_edtf``) or recolour (``color``, None for the theme's) an era."""
    unknown = set(fields) - {"name", "date_edtf", "color"}
    if unknown or not fields:
        raise SourcelineError(f"unknown era fields: {', '.join(sorted(unknown)) or 'none given'}")

    def edit(db: Database) -> None:
        if get_era(db, era_id) is None:
            raise SourcelineError(f"there is no era {era_id}")
        values: dict = {}
        if "name" in fields:
            values["name"] = _name(db, fields["name"], era_id)
        if "date_edtf" in fields:
            values.update(_date_columns(fields["date_edtf"]))
        if "color" in fields:
            values["color"] = _colour(fields["color"])
        if values:
            db.conn.execute(f"UPDATE eras SET {', '.join(f'{c} = ?' for c in values)} WHERE id = ?",
                            [*values.values(), era_id])

    what = {"name": "Rename era", "date_edtf": "Change the date of era", "color": "Change the colour of era"}
    return Op(what[next(iter(fields))] if len(fields) == 1 else "Edit era", edit)


def delete_era(era_id: int) -> Op:
    def edit(db: Database) -> None:
        if db.conn.execute("DELETE FROM eras WHERE id = ?", (era_id,)).rowcount == 0:
            raise SourcelineError(f"there is no era {era_id}")

    return Op("Delete era", edit)
