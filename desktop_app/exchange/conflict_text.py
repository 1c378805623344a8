"""A conflict said in words (Qt-free): which record, which field, each side's value, who and when."""
from __future__ import annotations

from dataclasses import dataclass

from db.exchange_conflicts import RECORD, Conflict
from desktop_app.authors.byline import when

FIELD_NAMES = {
    "title": "Title", "description": "Description", "date_edtf": "Date", "location_name": "Location",
    "latitude": "Latitude", "longitude": "Longitude", "csl_type": "Type", "container_title": "Published in",
    "issued_edtf": "Issued", "full_text": "Full text", "reliability": "Reliability", "credibility": "Credibility",
    "evaluation_note": "Evaluation note", "note": "Note", "color": "Colour", "exact": "Passage", "quote": "Quote",
    "stance": "Stance", "locator": "Locator", "locator_type": "Locator type", "claimed_edtf": "Date the source gives",
    "name": "Name", "kind": "Kind", "alias": "Alias", "family": "Family name", "given": "Given name",
}
KINDS = {"events": "Event", "sources": "Source", "annotations": "Highlight", "citations": "Citation",
         "entities": "Entity", "entity_aliases": "Alias", "tags": "Tag", "source_creators": "Author of a source"}
SHOWN = 160  # characters of a long value shown in the list (the whole value is in its tooltip)


def field_name(field: str) -> str:
    return "The whole record" if field == RECORD else FIELD_NAMES.get(field, field.replace("_", " ").capitalize())


def value_text(value) -> str:
    if value is None or value == "":
        return "(empty)"
    return str(value)


def _changes(values: dict) -> str:
    return "; ".join(f"{field_name(k)}: {value_text(v)}" for k, v in values.items()) or "its links"


@dataclass(frozen=True)
class Sides:
    mine: str
    theirs: str
    my_byline: str
    their_byline: str


def sides(conflict: Conflict, names: dict[str, str]) -> Sides:
    """Each side's value (or what happened to the record) and who did it when."""
    if conflict.field != RECORD:
        mine, theirs = value_text(conflict.mine), value_text(conflict.theirs)
    elif conflict.detail.get("deleted") == "there":
        mine = "Changed — " + (_changes(conflict.mine) if isinstance(conflict.mine, dict) else "kept")
        theirs = "Deleted"
    else:
        mine = "Deleted"
        theirs = "Changed — " + _changes(conflict.theirs or {})
        dependents = conflict.detail.get("dependents", [])
        if dependents:
            theirs += f" (and {len(dependents)} new {'item' if len(dependents) == 1 else 'items'} linked to it)"

    def byline(author, at) -> str:
        who = names.get(author) or "someone unnamed"
        return f"{who}, {when(at)}" if at else who

    return Sides(mine, theirs, byline(conflict.my_author, conflict.my_at), byline(conflict.their_author, conflict.their_at))


def shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
