"""Rows of any CSV read through a column mapping (see mapping.py) into EventRows."""
from __future__ import annotations

from desktop_app.datasets.date_values import DateColumns
from desktop_app.datasets.mapping import ENTITY_KINDS, Mapping, check_columns
from desktop_app.datasets.rows import EventRow, RowProblem, coordinate, single_line, split_names

TITLE_FROM_DESCRIPTION = 100  # characters of the description that make a missing title
_WEB = ("http://", "https://")


class MappedRows:
    """Turns records of a CSV with a column mapping into EventRows."""

    def __init__(self, mapping: Mapping, header, path):
        check_columns(mapping, header, path)
        self.dataset = mapping.dataset_for(path)
        self.label = self.dataset
        self.width = len(header)
        index = {name: position for position, name in reversed(list(enumerate(header)))}

        def one(name: str) -> int | None:
            columns = mapping.columns_for(name)
            return index[columns[0]] if columns else None

        def every(name: str) -> list[int]:
            return [index[column] for column in mapping.columns_for(name)]

        self._date, self._title, self._id = one("date"), one("title"), one("external_id")
        self._location, self._lat, self._lon = one("location"), one("latitude"), one("longitude")
        self._id_column = mapping.columns_for("external_id")[0] if self._id is not None else ""
        self._description, self._tags, self._sources = every("description"), every("tags"), every("sources")
        self._entities = [(position, kind) for name, kind in ENTITY_KINDS.items() for position in every(name)]
        self._precision = mapping.precision
        self._dates = DateColumns(mapping.date_order)

    def __call__(self, fields: list[str]) -> EventRow:
        external_id = None
        if self._id is not None:
            external_id = fields[self._id].strip()
            if not external_id:
                raise RowProblem(f"the id ({self._id_column}) is empty")
        date = self._dates.columns(fields[self._date], self._precision)
        description = "\n\n".join(text for text in (fields[i].strip() for i in self._description) if text)
        title = single_line(fields[self._title]) if self._title is not None else ""
        if not title:
            title = _title_from(description)
            if not title:
                raise RowProblem("the title is empty (and there is no description to make one from)")
        location = fields[self._location].strip() or None if self._location is not None else None
        entities = [(name, kind) for position, kind in self._entities for name in split_names(fields[position])]
        if location:
            entities.append((location, "place"))
        return EventRow(
            external_id, title, description, date, location,
            coordinate(fields[self._lat], "latitude", 90) if self._lat is not None else None,
            coordinate(fields[self._lon], "longitude", 180) if self._lon is not None else None,
            tuple(tag for i in self._tags for tag in split_names(fields[i])),
            tuple(entities),
            tuple((name, "webpage" if name.startswith(_WEB) else "document")
                  for i in self._sources for name in split_names(fields[i])))


def _title_from(description: str) -> str:
    text = single_line(description)
    if len(text) <= TITLE_FROM_DESCRIPTION:
        return text
    cut = text.rfind(" ", 0, TITLE_FROM_DESCRIPTION)
    return text[: cut if cut > 40 else TITLE_FROM_DESCRIPTION].rstrip(" ,;:") + "…"
