"""EventTableModel: the event list as a table, read from the store a page at a time
(``PagedTableModel``) through ``db.events.event_page`` with the list's ORDER BY."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle

from db import events
from db.events import EventFilter
from desktop_app.dates.render import in_words_or_raw
from desktop_app.paged_table_model import ID_ROLE, PagedTableModel
from desktop_app.reliability.literal_text import literal

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
EVENT_ID_ROLE = ID_ROLE

# Changes to these tables can alter what a row shows (its tags, counts, first-reported date...).
SHOWN_TABLES = ("events", "citations", "sources", "tags", "event_tags", "entities", "event_entities",
                "entity_aliases")


class EventTableModel(PagedTableModel):
    COLUMNS = COLUMNS
    SHOWN_TABLES = SHOWN_TABLES
    CACHED_PAGES = 40

    def __init__(self, db, parent=None):
        super().__init__(db, EventFilter(), "date", parent)

    @property
    def event_filter(self) -> EventFilter:
        return self._filter

    def _count_rows(self) -> int:
        return events.count_events(self._db, self._filter)

    def _fetch(self, offset: int, limit: int) -> list[dict]:
        return events.event_page(self._db, self._filter, self._sort, self._descending, offset=offset, limit=limit,
                                 total=self._count)

    def row_of(self, event_id: int) -> int | None:
        """The row showing an event, or None when the filter hides it (one counting query)."""
        return events.row_of_event(self._db, event_id, self._filter, self._sort, self._descending)

    def event_at(self, row: int) -> dict | None:
        return self.record_at(row)

    def event_id(self, row: int) -> int | None:
        return self.record_id(row)

    def ids_in_rows(self, first: int, last: int) -> list[int]:
        """The ids of rows first..last. A long run (select all, then Delete) is read straight from
        the store in big chunks, not page by page through the cache (each page query skips
        ``offset`` rows, so paging through a million rows would be quadratic)."""
        if last - first < self.PAGE_SIZE * 2:
            return [i for i in (self.record_id(row) for row in range(first, last + 1)) if i is not None]
        ids: list[int] = []
        for offset in range(first, last + 1, BULK_ROWS):
            limit = min(BULK_ROWS, last + 1 - offset)
            ids += [e["id"] for e in events.event_page(self._db, self._filter, self._sort, self._descending,
                                                        offset=offset, limit=limit)]
        return ids

    def _data(self, event: dict, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(event, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(self._tooltip(event, column))
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
