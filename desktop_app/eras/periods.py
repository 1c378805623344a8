"""What the era dialogs propose and write, without Qt: the ends of a period seen on the timeline,
an era in one line, and the one edit a filled-in form makes (an added era, or only what changed).
"""
from __future__ import annotations

import math

from db import eras as era_store
from db.ops import Op
from desktop_app.dates.render import in_words_or_raw
from desktop_app.exporting.iso_dates import iso_of


def period_ends(start_s: float, end_s: float) -> tuple[str, str]:
    """The first and last whole days of [start_s, end_s) as EDTF dates, for a "from" and a "to"."""
    first = math.floor(start_s)
    last = max(first, math.ceil(end_s) - 1)
    return iso_of(first), iso_of(last)


def era_line(era: dict) -> str:
    """"Kursk incursion — 6 August 2024 – March 2025"."""
    return f"{era['name']} — {in_words_or_raw(era['date_edtf'])}"


def era_edit(era: dict | None, name: str, first: str, last: str, color: str | None) -> Op | None:
    """The edit a form makes: a new era (``era`` None), or the changes to ``era`` (None when
    nothing changed). A user's mistake (no name, a date that is not EDTF) is a SourcelineError
    raised here or when the edit runs; nothing is written then."""
    date_edtf = era_store.joined(first, last)
    if era is None:
        return era_store.add_era(name, date_edtf, color)
    changed = {}
    if " ".join(name.split()) != era["name"]:
        changed["name"] = name
    if date_edtf != era["date_edtf"]:
        changed["date_edtf"] = date_edtf
    if (color or None) != era["color"]:
        changed["color"] = color
    return era_store.update_era(era["id"], **changed) if changed else None
