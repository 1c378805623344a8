"""Which CSV column holds which part of an event: a mapping, guessed from the header, given as
JSON, or ACLED's own.

JSON, on the command line (a file or inline) and as the GUI remembers it::

    {"columns": {"Date": "date", "Headline": "title", "Notes": "description", "Type": "tags",
                 "Actor": "organisations", "City": "location", "ID": "external_id"},
     "dataset": "protests", "date_order": "day-first", "precision": "day"}

or just the ``columns`` object itself. ``{"acled": true}`` is ACLED's mapping.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from db.errors import FileProblem, SourcelineError
from desktop_app.datasets import acled
from desktop_app.datasets.date_values import DATE_ORDERS, PRECISIONS

# field -> what the GUI calls it
FIELDS = {
    "date": "Date", "title": "Title", "description": "Description", "tags": "Tags",
    "people": "People", "organisations": "Organisations", "places": "Places", "entities": "Other entities",
    "location": "Location", "latitude": "Latitude", "longitude": "Longitude", "external_id": "External id",
    "sources": "Sources",
}
# Fields several columns may fill (their values are joined, or their names all kept).
MULTIPLE = ("description", "tags", "people", "organisations", "places", "entities", "sources")
ENTITY_KINDS = {"people": "person", "organisations": "organisation", "places": "place", "entities": "other"}

# Header names (lower case, letters and digits only) each field is guessed from, by precedence.
_GUESSES = {
    "external_id": ("id", "eventid", "externalid", "uid", "uuid", "identifier"),
    "date": ("date", "eventdate", "day", "when", "datetime", "dateofevent", "startdate", "occurred", "time"),
    "title": ("title", "headline", "name", "event", "eventname", "subject"),
    "description": ("description", "notes", "note", "details", "text", "body", "summary", "content", "comments"),
    "tags": ("tags", "tag", "category", "categories", "type", "eventtype", "subeventtype", "keywords", "labels",
             "topic", "theme"),
    "people": ("people", "person", "persons", "who"),
    "organisations": ("organisation", "organization", "organisations", "organizations", "group", "groups",
                      "actor", "actors", "actor1", "actor2"),
    "entities": ("entities", "entity", "participants"),
    "location": ("location", "place", "locationname", "site", "address"),
    "places": ("city", "town", "village", "region", "province", "state", "country", "admin1"),
    "latitude": ("lat", "latitude"),
    "longitude": ("lon", "lng", "long", "longitude"),
    "sources": ("source", "sources", "url", "link", "references", "citation"),
}


def _normal(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.lower())


def header_key(header) -> str:
    """A stable key for a header layout (the GUI remembers a mapping per layout)."""
    return hashlib.sha1("\x1f".join(h.strip() for h in header).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Mapping:
    columns: tuple[tuple[str, str], ...] = ()  # (column, field), in the order given
    dataset: str = ""  # what the events' ``dataset`` says; "" = the file's name
    date_order: str = "auto"  # DATE_ORDERS, or a strptime format such as %d.%m.%Y
    precision: str = "auto"  # PRECISIONS
    acled: bool = False

    def __post_init__(self):
        if self.precision not in PRECISIONS:
            raise SourcelineError(f"unknown date precision {self.precision!r}; choose one of {', '.join(PRECISIONS)}")
        if self.date_order not in DATE_ORDERS and "%" not in self.date_order:
            raise SourcelineError(f"unknown date order {self.date_order!r}; choose one of "
                                  f"{', '.join(DATE_ORDERS)} or give a format such as %d/%m/%Y")
        for column, name in self.columns:
            if name not in FIELDS:
                raise SourcelineError(f"column {column!r} is mapped to {name!r}, which is not one of "
                                      f"{', '.join(FIELDS)}")
        for name in FIELDS:
            if name not in MULTIPLE and len(self.columns_for(name)) > 1:
                raise SourcelineError(f"only one column can be the {name} "
                                      f"({' and '.join(map(repr, self.columns_for(name)))} both are)")

    def columns_for(self, name: str) -> list[str]:
        return [column for column, mapped in self.columns if mapped == name]

    def dataset_for(self, path: str | Path) -> str:
        if self.acled:
            return acled.DATASET
        return self.dataset.strip() or Path(path).stem.lower()

    def with_dataset(self, dataset: str) -> "Mapping":
        return replace(self, dataset=dataset)

    # -- JSON --------------------------------------------------------------------------------

    def to_json(self) -> str:
        if self.acled:
            return json.dumps({"acled": True, "date_order": self.date_order})
        return json.dumps({"columns": dict(self.columns), "dataset": self.dataset, "date_order": self.date_order,
                           "precision": self.precision}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Mapping":
        try:
            data = json.loads(text)
        except ValueError as error:
            raise SourcelineError(f"the mapping is not valid JSON ({error})") from error
        if not isinstance(data, dict):
            raise SourcelineError("the mapping must be a JSON object of column → field")
        if data.get("acled"):
            return cls(acled=True, date_order=data.get("date_order", "auto"))
        options = {key: data[key] for key in ("dataset", "date_order", "precision") if key in data}
        columns = data.get("columns", {} if options else data)
        if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
            raise SourcelineError("the mapping's columns must be a JSON object of column name → field name")
        return cls(tuple(columns.items()), **options)


ACLED = Mapping(acled=True)


def guess_mapping(header) -> Mapping:
    """ACLED's mapping for an ACLED header, else the fields guessed from the column names."""
    if acled.is_acled(header):
        return ACLED
    taken: dict[str, str] = {}
    for name, guesses in _GUESSES.items():
        for column in sorted((c for c in header if c not in taken and _normal(c) in guesses),
                             key=lambda c: guesses.index(_normal(c))):
            taken[column] = name
            if name not in MULTIPLE:
                break
    # (a name the header repeats is mapped once: the first column of that name is the one read)
    return Mapping(tuple((column, taken[column]) for column in dict.fromkeys(header) if column in taken))


def load_mapping(text: str) -> Mapping:
    """The mapping the command line names with ``--mapping``: ``acled``, a JSON file, or inline
    JSON (``auto`` is :func:`guess_mapping`, which needs the file's header)."""
    if text == "acled":
        return ACLED
    path = Path(text)
    if not text.lstrip().startswith("{") and path.is_file():
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise SourcelineError(f"{path}: cannot read the mapping ({error})") from error
    elif not text.lstrip().startswith("{"):
        raise SourcelineError(f"--mapping: {text!r} is neither acled, auto, a JSON file nor inline JSON")
    return Mapping.from_json(text)


def check_columns(mapping: Mapping, header, path) -> None:
    """Refuse, naming the column, a mapping whose columns the file lacks or one without a date."""
    present = set(header)
    for column, name in mapping.columns:
        if column not in present:
            raise FileProblem(path, 1, f"the column {column!r} (mapped to {name}) is missing; the header has "
                              f"{', '.join(header[:8])}{'…' if len(header) > 8 else ''}")
    if not mapping.columns_for("date"):
        raise FileProblem(path, 1, "no column is mapped to the date (required)")
    if not mapping.columns_for("title") and not mapping.columns_for("description"):
        raise FileProblem(path, 1, "no column is mapped to the title (required) or the description")

