"""ACLED exports (Armed Conflict Location & Event Data): one row per event, read into an event
with its tags, entities and cited sources.

- date: ``event_date`` (ISO or "19 November 2024") at ACLED's ``time_precision``: 1 the day,
  2 the seven days centred on it (ACLED gives a day in the week it knows; EDTF interval),
  3 the month.
- title: sub-event type, actors and location ("Shelling/artillery/missile attack: Military Forces
  of Russia (2022-) vs Civilians (Ukraine) in Kherson"); description: the notes and fatalities.
- tags: ``event_type``, ``sub_event_type`` and the ``tags`` column split on ";".
- entities: ``actor1``, ``actor2`` and the ``assoc_actor_*`` lists ("; ") as organisations;
  ``location`` and ``admin1`` as places.
- sources: each name in ``source`` (";") is one source record, cited by the event ("supports").
- ``event_id_cnty`` is kept as the event's external id, so a newer export updates the events.
"""
from __future__ import annotations

from operator import itemgetter

from db.errors import FileProblem
from desktop_app.datasets.date_values import ACLED_PRECISION, DateColumns
from desktop_app.datasets.rows import EventRow, RowProblem, coordinate, single_line, split_names

DATASET = "acled"
LABEL = "ACLED"
REQUIRED = ("event_id_cnty", "event_date", "event_type")
# Recognised on their own: a header with these is ACLED's.
SIGNATURE = ("event_id_cnty", "event_date", "sub_event_type")
USED = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
        "actor2", "assoc_actor_2", "country", "admin1", "location", "latitude", "longitude", "source", "notes",
        "fatalities", "tags", "geo_precision")

# Source names saying what kind of record they are; the rest are taken for news outlets.
_POST_WORDS = ("twitter", "telegram", "facebook", "youtube", "instagram", "tiktok", "vkontakte", "x (", "whatsapp")
_REPORT_WORDS = ("ministry", "government", "police", "armed forces", "military", "ocha", "united nations", "unhcr",
                 "unicef", "human rights", "commission", "prosecutor", "administration", "local partner")


def is_acled(header) -> bool:
    names = {name.strip().lower() for name in header}
    return all(column in names for column in SIGNATURE)


def source_type(name: str) -> str:
    """The CSL type of a source ACLED names: a social-media post, an organisation's report, or
    (most often) a news article."""
    lowered = name.lower()
    if any(word in lowered for word in _POST_WORDS):
        return "post"
    if any(word in lowered for word in _REPORT_WORDS):
        return "report"
    return "article-newspaper"


class AcledRows:
    """Turns ACLED records (lists of fields in the header's order) into EventRows."""

    dataset = DATASET
    label = LABEL

    def __init__(self, header, path, order: str = "auto"):
        position = {name.strip().lower(): index for index, name in enumerate(header)}
        missing = [column for column in REQUIRED if column not in position]
        if missing:
            raise FileProblem(path, 1, f"the ACLED column {missing[0]!r} is missing"
                              f" (the header has {', '.join(header[:8])}{'…' if len(header) > 8 else ''})")
        self.width = len(header)
        # One C call fetches every used field; an absent column reads the empty field appended
        # at the end of each record.
        self._fields = itemgetter(*(position.get(column, self.width) for column in USED))
        self._dates = DateColumns(order)
        self._source_types: dict[str, tuple[str, str]] = {}

    def __call__(self, fields: list[str]) -> EventRow:
        fields.append("")
        (external_id, event_date, time_precision, event_type, sub_type, actor1, assoc1, actor2, assoc2, country,
         admin1, location, latitude, longitude, sources, notes, fatalities, tags, geo_precision) = map(
            str.strip, self._fields(fields))
        if not external_id:
            raise RowProblem("the event_id_cnty is empty")
        precision = ACLED_PRECISION.get(time_precision or "1")
        if precision is None:
            raise RowProblem(f"the time_precision {time_precision!r} is not 1, 2 or 3")
        if geo_precision not in ("", "1", "2", "3"):
            raise RowProblem(f"the geo_precision {geo_precision!r} is not 1, 2 or 3")
        date = self._dates.columns(event_date, precision)
        title = (sub_type or event_type) + (f": {actor1}" if actor1 else "") + (f" vs {actor2}" if actor2 else "")
        if location:
            title += f" in {location}"
        description = notes
        if fatalities:
            description += ("\n\n" if description else "") + f"Fatalities: {fatalities}"
        tag_names = [t for t in (event_type, sub_type) if t]
        if tags:
            tag_names += split_names(tags)
        entities = [(name, "organisation") for name in (actor1, actor2) if name]
        for associated in (assoc1, assoc2):
            if associated:
                entities += [(name, "organisation") for name in split_names(associated)]
        entities += [(name, "place") for name in (location, admin1) if name]
        places = [location] if location else []
        places += [p for p in (admin1, country) if p and p not in places]
        return EventRow(
            external_id, single_line(title) or external_id, description, date, ", ".join(places) or None,
            coordinate(latitude, "latitude", 90), coordinate(longitude, "longitude", 180),
            tuple(tag_names), tuple(entities), tuple(map(self._source, split_names(sources))) if sources else (),
            int(geo_precision) if geo_precision else None)

    def _source(self, name: str) -> tuple[str, str]:
        known = self._source_types.get(name)
        if known is None:
            known = self._source_types[name] = (name, source_type(name))
        return known
