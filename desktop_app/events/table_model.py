"""EventTableModel: the event list as a table, read from the store a page at a time.

The model never holds the whole table: ``rowCount`` is ``count_events`` (one indexed count) and
rows are fetched in pages of ``PAGE_SIZE`` as the view asks for them, through ``event_page`` with
the list's ORDER BY. Only a bounded number of pages stays cached, so scrolling through a
million events costs a few hundred rows of memory. Sorting re-queries; it never sorts in Python.
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from db import events
from db.events import EventFilter
from desktop_app.dates.render import in_words_or_raw
from desktop_app.reliability.literal_text import literal

PAGE_SIZE = 200
CACHED_PAGES = 40
BULK_ROWS = 20_000

# (header, key in an event summary, sort key in db.events.SORTS or None when not sortable)
COLUMNS = (
    ("Date", "date_edtf", "date"),
    ("Title", "title", "title"),
    ("Tags", "tags", None),
    ("Entities", "entities", None),
    ("Sources", "source_count", None),
    ("First reported", "first_reported_edtf", "first_reported"),
)
DATE, TITLE, TAGS, ENTITIES, SOURCES, FIRST_REPORTED = range(len(COLUMNS))
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# Changes to these tables can alter what a row shows (its tags, counts, first-reported date...).
SHOWN_TABLES = ("events", "citations", "sources", "tags", "event_tags", "entities", "event_entities",
                "entity_aliases")


class EventTableModel(QAbstractTableModel):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self._db = db
        self._filter = EventFilter()
        self._sort = "date"
        self._descending = False
        self._count = events.count_events(db)
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()

    # -- what the list shows ---------------------------------------------------------------

    @property
    def event_filter(self) -> EventFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, event_filter: EventFilter) -> None:
        if event_filter == self._filter:
            return
        self._filter = event_filter
        self._reset()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][2] if 0 <= column < len(COLUMNS) else None
        if key is None:
            return  # tags, entities and counts have no index to sort a million rows by
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort, self._descending = key, descending
        self._pages.clear()
        # Rows move to places only the store knows; persistent indexes (the selection) are
        # dropped rather than left pointing at other events. The page re-selects by id.
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [QModelIndex()] * len(persistent))
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        return next(i for i, column in enumerate(COLUMNS) if column[2] == self._sort)

    def refresh(self, changes=None) -> None:
        """Re-read after an edit. Unrelated changes (an annotation's note, say) are ignored."""
        if changes is not None and not changes.touches(*SHOWN_TABLES):
            return
        count = events.count_events(self._db, self._filter)
        if count != self._count:
            self._reset(count)
            return
        self._pages.clear()
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(COLUMNS) - 1))

    def _reset(self, count: int | None = None) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = events.count_events(self._db, self._filter) if count is None else count
        self.endResetModel()

    # -- rows and ids ----------------------------------------------------------------------

    def event_at(self, row: int) -> dict | None:
        if not 0 <= row < self._count:
            return None
        page_number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            page = events.event_page(self._db, self._filter, self._sort, self._descending,
                                     offset=page_number * PAGE_SIZE, limit=PAGE_SIZE, total=self._count)
            self._pages[page_number] = page
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    def event_id(self, row: int) -> int | None:
        event = self.event_at(row)
        return None if event is None else event["id"]

    def ids_in_rows(self, first: int, last: int) -> list[int]:
        """The ids of rows first..last. A long run (select all, then Delete) is read straight from
        the store in big chunks, not page by page through the cache (each page query skips
        ``offset`` rows, so paging through a million rows would be quadratic)."""
        if last - first < PAGE_SIZE * 2:
            return [i for i in (self.event_id(row) for row in range(first, last + 1)) if i is not None]
        ids: list[int] = []
        for offset in range(first, last + 1, BULK_ROWS):
            limit = min(BULK_ROWS, last + 1 - offset)
            ids += [e["id"] for e in events.event_page(self._db, self._filter, self._sort, self._descending,
                                                        offset=offset, limit=limit)]
        return ids

    def row_of(self, event_id: int) -> int | None:
        """The row showing an event, or None when the filter hides it (one counting query)."""
        return events.row_of_event(self._db, event_id, self._filter, self._sort, self._descending)

    # -- QAbstractTableModel -----------------------------------------------------------------

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
            return "Click to sort" if COLUMNS[section][2] else None
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        event = self.event_at(index.row())
        if event is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(event, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(self._tooltip(event, column))
        if role == EVENT_ID_ROLE:
            return event["id"]
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE and event["contested"]:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SOURCES:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _display(event: dict, column: int):
        if column in (DATE, FIRST_REPORTED):
            return in_words_or_raw(event[COLUMNS[column][1]])
        if column == SOURCES:
            return event["source_count"]
        return event[COLUMNS[column][1]] or ""

    @staticmethod
    def _tooltip(event: dict, column: int):
        if column == DATE:
            return f"EDTF: {event['date_edtf']}"
        if column == FIRST_REPORTED and event["first_reported_edtf"]:
            return f"Earliest citing source was issued {event['first_reported_edtf']} (EDTF)"
        if column == TITLE:
            if event["contested"]:
                return f"{event['title']}\nContested: its sources disagree"
            return event["title"]
        if column in (TAGS, ENTITIES):
            return event[COLUMNS[column][1]] or None
        return None
