"""SourceTableModel: the source library as a table, read from the store a page at a time
(``PagedTableModel``) through ``db.library.source_page`` with the library's ORDER BY."""
from __future__ import annotations

from PySide6.QtCore import Qt

from db import library
from db.library import SourceFilter
from desktop_app.dates.render import in_words_or_raw
from desktop_app.paged_table_model import ID_ROLE, PagedTableModel
from desktop_app.reliability.literal_text import literal
from desktop_app.sources.grading import grade, grade_meaning
from desktop_app.sources.type_names import type_name

# (header, sort key in db.library.SORTS)
COLUMNS = (
    ("Title", "title"),
    ("Creators", "creators"),
    ("Container", "container"),
    ("Issued", "issued"),
    ("Type", "type"),
    ("Grade", "grade"),
    ("Annotations", "annotations"),
    ("Cited by", "citing"),
)
TITLE, CREATORS, CONTAINER, ISSUED, TYPE, GRADE, ANNOTATIONS, CITING = range(len(COLUMNS))
SOURCE_ID_ROLE = ID_ROLE
_HEADER_TIPS = {
    GRADE: "Reliability of the source (A–F) and credibility of its information (1–6)",
    ANNOTATIONS: "Highlighted passages",
    CITING: "Events that cite the source",
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)

# Changes to these tables can alter what a row shows.
SHOWN_TABLES = ("sources", "source_creators", "annotations", "citations")


class SourceTableModel(PagedTableModel):
    COLUMNS = COLUMNS
    SHOWN_TABLES = SHOWN_TABLES

    def __init__(self, db, parent=None):
        super().__init__(db, SourceFilter(), "title", parent)

    @property
    def source_filter(self) -> SourceFilter:
        return self._filter

    def _count_rows(self) -> int:
        return library.count_sources(self._db, self._filter)

    def _fetch(self, offset: int, limit: int) -> list[dict]:
        return library.source_page(self._db, self._filter, self._sort, self._descending, offset=offset, limit=limit)

    def row_of(self, source_id: int) -> int | None:
        """The row showing a source, or None when the filter hides it."""
        return library.row_of_source(self._db, source_id, self._filter, self._sort, self._descending)

    def source_at(self, row: int) -> dict | None:
        return self.record_at(row)

    def source_id(self, row: int) -> int | None:
        return self.record_id(row)

    def _header_tip(self, section: int) -> str | None:
        return _HEADER_TIPS.get(section, "Click to sort")

    def _data(self, source: dict, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(source, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(_tooltip(source, column))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (ANNOTATIONS, CITING) else _CENTRE if column == GRADE else None
        return None


def _display(source: dict, column: int):
    if column == TITLE:
        return source["title"] or "(untitled)"
    if column == CREATORS:
        return source["creators"] or ""
    if column == CONTAINER:
        return source["container_title"] or ""
    if column == ISSUED:
        return in_words_or_raw(source["issued_edtf"])
    if column == TYPE:
        return type_name(source["csl_type"])
    if column == GRADE:
        return grade(source["reliability"], source["credibility"])
    count = source["annotations"] if column == ANNOTATIONS else source["citing"]
    return count or ""  # a column of zeros hides the few that count


def _tooltip(source: dict, column: int):
    if column == GRADE:
        return grade_meaning(source["reliability"], source["credibility"])
    if column == ISSUED:
        edtf = source["issued_edtf"]
        return f"{in_words_or_raw(edtf)}\nEDTF: {edtf}" if edtf else "No date"
    if column in (ANNOTATIONS, CITING):
        count = source["annotations"] if column == ANNOTATIONS else source["citing"]
        return f"{count} annotation{'s' if count != 1 else ''}" if column == ANNOTATIONS else \
            f"Cited by {count} event{'s' if count != 1 else ''}"
    if column in (TITLE, CREATORS, CONTAINER):
        return _display(source, column) or None
    return None
