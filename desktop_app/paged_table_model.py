"""A table read from the store a page at a time (the event list, the source library).

The model never holds the whole table: ``rowCount`` is one indexed count and rows are fetched in
pages of ``PAGE_SIZE`` rows as the view asks for them, with the table's ORDER BY. Only a bounded number
of pages stays cached, so scrolling through a million rows costs a few hundred rows of memory.
Sorting and filtering re-query; nothing is sorted or filtered in Python.

A subclass gives its ``COLUMNS`` (header first, the sort key in ``db`` last, None when the column
cannot be sorted), the tables whose changes show in its rows, and the three queries: ``_count``,
``_fetch`` (one sorted page) and ``row_of`` (where a record stands, None when the filter hides it).
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PagedTableModel(QAbstractTableModel):
    COLUMNS: tuple[tuple, ...] = ()
    SHOWN_TABLES: tuple[str, ...] = ()  # changes to these tables can alter what a row shows
    PAGE_SIZE = 200
    CACHED_PAGES = 20

    def __init__(self, db, row_filter, sort: str, parent=None):
        super().__init__(parent)
        self._db = db
        self._filter = row_filter
        self._sort = sort
        self._descending = False
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self._count = self._count_rows()

    # -- the queries a subclass makes ----------------------------------------------------------

    def _count_rows(self) -> int:
        raise NotImplementedError

    def _fetch(self, offset: int, limit: int) -> list[dict]:
        raise NotImplementedError

    def row_of(self, record_id: int) -> int | None:
        raise NotImplementedError

    # -- what the table shows ------------------------------------------------------------------

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, row_filter) -> None:
        if row_filter != self._filter:
            self._filter = row_filter
            self._reset()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][-1] if 0 <= column < len(self.COLUMNS) else None
        if key is None:
            return  # no index to sort a million rows by
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort, self._descending = key, descending
        self._pages.clear()
        # Rows move to places only the store knows: persistent indexes (the selection) are dropped
        # rather than left on other records; the page re-selects by id.
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [QModelIndex()] * len(persistent))
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        return next(i for i, column in enumerate(self.COLUMNS) if column[-1] == self._sort)

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return self.sort_column(), order

    def refresh(self, changes=None) -> None:
        """Re-read after an edit that concerns the table (all of it when ``changes`` is None)."""
        if changes is not None and not changes.touches(*self.SHOWN_TABLES):
            return
        count = self._count_rows()
        if count != self._count:
            self._reset(count)
            return
        self._pages.clear()
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.COLUMNS) - 1))

    def _reset(self, count: int | None = None) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = self._count_rows() if count is None else count
        self.endResetModel()

    # -- rows and ids ------------------------------------------------------------------------

    def record_at(self, row: int) -> dict | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = self._fetch(number * self.PAGE_SIZE, self.PAGE_SIZE)
            if len(self._pages) > self.CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def record_id(self, row: int) -> int | None:
        record = self.record_at(row)
        return None if record is None else record["id"]

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(section)
        return None

    def _header_tip(self, section: int) -> str | None:
        return "Click to sort" if self.COLUMNS[section][-1] else None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self.record_at(index.row())
        if record is None:
            return None
        if role == ID_ROLE:
            return record["id"]
        return self._data(record, index.column(), role)

    def _data(self, record: dict, column: int, role):
        raise NotImplementedError
