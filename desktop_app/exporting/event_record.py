"""One event as a flat record with its EDTF date and its bounds as ISO dates: the timeline CSV
export and ``sourceline events`` write the same fields. No Qt; light to import, as
``sourceline events`` starts with it."""
from __future__ import annotations

from db.dates import DAY
from desktop_app.dates.render import in_words_or_raw
from desktop_app.exporting.iso_dates import iso_of

# ``end`` and ``latest`` are the last day (or second) included; ``earliest``/``latest`` reach as far
# as an approximate or uncertain end may stretch, and are empty for an open end.
FIELDS = ("id", "title", "date_edtf", "date", "start", "end", "earliest", "latest", "precision", "tags",
          "entities", "source_count", "contested", "first_reported")


def event_record(e: dict) -> dict:
    """``e``: an event summary (db.events.SUMMARY_COLUMNS)."""
    timed = e["date_precision"] == "time"
    return {
        "id": e["id"], "title": e["title"], "date_edtf": e["date_edtf"], "date": in_words_or_raw(e["date_edtf"]),
        "start": iso_of(e["start_s"], timed), "end": _last(e["end_s"], e["start_s"], timed),
        "earliest": "" if e["fuzzy_start_s"] is None else iso_of(e["fuzzy_start_s"], timed),
        "latest": "" if e["fuzzy_end_s"] is None else _last(e["fuzzy_end_s"], e["start_s"], timed),
        "precision": e["date_precision"], "tags": "; ".join(split_names(e["tags"])),
        "entities": "; ".join(split_names(e["entities"])), "source_count": e["source_count"],
        "contested": "yes" if e["contested"] else "", "first_reported": e["first_reported_edtf"] or "",
    }


def _last(end_s: int, start_s: int, timed: bool) -> str:
    """The last day (or second) included before an exclusive end."""
    return iso_of(max(start_s, end_s - (1 if timed else DAY)), timed)


def split_names(joined: str | None) -> list[str]:
    """The names in a summary's ``tags``/``entities`` column (the store joins them with ", ")."""
    return sorted((name for name in (joined or "").split(", ") if name), key=str.casefold)
