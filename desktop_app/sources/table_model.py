"""SourceTableModel: the source library as a table, read from the store a page at a time.

``rowCount`` is one count; rows come in pages of ``PAGE_SIZE`` through ``library_query.source_page``
with the library's ORDER BY, and only a bounded number of pages stays cached. Sorting and filtering
re-query; nothing is sorted or filtered in Python.
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.dates.render import in_words_or_raw
from desktop_app.reliability.literal_text import literal
from desktop_app.sources import library_query
from desktop_app.sources.grading import grade, grade_meaning
from desktop_app.sources.library_query import SourceFilter
from desktop_app.sources.type_names import type_name

PAGE_SIZE = 200
CACHED_PAGES = 20

# (header, sort key in library_query.SORTS)
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
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_HEADER_TIPS = {
    GRADE: "Reliability of the source (A–F) and credibility of its information (1–6)",
    ANNOTATIONS: "Highlighted passages",
    CITING: "Events that cite the source",
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)

# Changes to these tables can alter what a row shows.
SHOWN_TABLES = ("sources", "source_creators", "annotations", "citations")


class SourceTableModel(QAbstractTableModel):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self._db = db
        self._filter = SourceFilter()
        self._sort = "title"
        self._descending = False
        self._count = library_query.count_sources(db, self._filter)
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()

    # -- what the library shows ------------------------------------------------------------

    @property
    def source_filter(self) -> SourceFilter:
        return self._filter

    def set_filter(self, source_filter: SourceFilter) -> None:
        if source_filter != self._filter:
            self._filter = source_filter
            self._reset()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        sort, descending = COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if (sort, descending) == (self._sort, self._descending):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort, self._descending = sort, descending
        self._pages.clear()
        # Rows move to places only the store knows: persistent indexes (the selection) are dropped
        # rather than left on other sources; the page re-selects by id.
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [QModelIndex()] * len(persistent))
        self.layoutChanged.emit()

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        column = next(i for i, (_, key) in enumerate(COLUMNS) if key == self._sort)
        return column, Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def refresh(self, changes=None) -> None:
        """Re-read after an edit that concerns the library (all of it when ``changes`` is None)."""
        if changes is not None and not changes.touches(*SHOWN_TABLES):
            return
        count = library_query.count_sources(self._db, self._filter)
        if count != self._count:
            self._reset(count)
            return
        self._pages.clear()
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(COLUMNS) - 1))

    def _reset(self, count: int | None = None) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = library_query.count_sources(self._db, self._filter) if count is None else count
        self.endResetModel()

    # -- rows and ids ----------------------------------------------------------------------

    def source_at(self, row: int) -> dict | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = library_query.source_page(self._db, self._filter, self._sort, self._descending,
                                             offset=number * PAGE_SIZE, limit=PAGE_SIZE)
            self._pages[number] = page
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def source_id(self, row: int) -> int | None:
        source = self.source_at(row)
        return None if source is None else source["id"]

    def row_of(self, source_id: int) -> int | None:
        """The row showing a source, or None when the filter hides it."""
        return library_query.row_of_source(self._db, source_id, self._filter, self._sort, self._descending)

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS.get(section, "Click to sort")
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        source = self.source_at(index.row())
        if source is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(source, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(_tooltip(source, column))
        if role == SOURCE_ID_ROLE:
            return source["id"]
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
