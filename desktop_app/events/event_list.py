"""The event list under the timeline: a table view over EventTableModel, or what to do when empty."""
from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QPushButton, QStackedWidget, QTableView,
                               QVBoxLayout, QWidget)

from desktop_app.events.table_model import COLUMNS, DATE, TITLE, EventTableModel

COLUMN_WIDTHS = (200, 300, 110, 140, 60, 170)
NO_EVENTS = "No events yet — press Ctrl+N to add one, or bring in a table of events with File → Import Event Dataset…"
NO_MATCH = "No events match the filter."


class EmptyState(QWidget):
    """A centred message with an optional button (e.g. "Clear filter")."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.message = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.setObjectName("emptyState")
        self.button = QPushButton()
        self.button.hide()
        self.setAccessibleName("No events to list")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def show_message(self, text: str, button_text: str | None = None) -> None:
        self.message.setText(text)
        self.button.setText(button_text or "")
        self.button.setVisible(bool(button_text))


class EventList(QStackedWidget):
    clear_filter_requested = Signal()

    def __init__(self, model: EventTableModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.table = QTableView()
        self.table.setObjectName("eventList")
        self.setAccessibleName("Event list")
        self.table.setAccessibleName("Events")
        self.table.setAccessibleDescription("Return opens the selected event in the editor; Delete deletes")
        # Tab leaves the list (arrows move in it): cell by cell, Tab would never get out of it.
        self.table.setTabKeyNavigation(False)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Fixed row heights: the view then never measures rows it does not show (a million of them).
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        rows.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)  # the title takes what the others leave
        header.setHighlightSections(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(DATE, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._keep_indicator_on_sorted_column)

        self.empty = EmptyState()
        self.empty.button.clicked.connect(self.clear_filter_requested)
        self.addWidget(self.table)
        self.addWidget(self.empty)

    def update_empty_state(self, total: int) -> None:
        """Show the table, or say why it is empty: no events at all, or none matching the filter."""
        if self.model.rowCount():
            self.setCurrentWidget(self.table)
        elif total == 0:
            self.empty.show_message(NO_EVENTS)
            self.setCurrentWidget(self.empty)
        else:
            self.empty.show_message(NO_MATCH, "Clear filter")
            self.setCurrentWidget(self.empty)

    # -- selection by event id ---------------------------------------------------------------

    def selected_rows(self) -> list[tuple[int, int]]:
        """The selected rows as (first, last) ranges, in order."""
        return sorted({(r.top(), r.bottom()) for r in self.table.selectionModel().selection()})

    def selected_count(self) -> int:
        return sum(last - first + 1 for first, last in self.selected_rows())

    def selected_ids(self, limit: int | None = None) -> list[int]:
        """The selected events' ids in list order (the first ``limit`` of them)."""
        ids: list[int] = []
        for first, last in self.selected_rows():
            if limit is not None:
                last = min(last, first + limit - len(ids) - 1)
            ids += self.model.ids_in_rows(first, last)
            if limit is not None and len(ids) >= limit:
                break
        return ids

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.event_id(index.row()) if index.isValid() else None

    def select_ids(self, ids, scroll: bool = True) -> list[int]:
        """Select the rows of these events (those the filter shows); returns the ids found."""
        selection = QItemSelection()
        found, first_row = [], None
        for event_id in ids:
            row = self.model.row_of(event_id)
            if row is None:
                continue
            found.append(event_id)
            selection.select(self.model.index(row, 0), self.model.index(row, len(COLUMNS) - 1))
            first_row = row if first_row is None else first_row
        selections = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        selections.select(selection, flags)
        if first_row is not None:
            current = self.model.index(first_row, 0)
            selections.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
            if scroll:
                self.table.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        return found

    def _keep_indicator_on_sorted_column(self, column: int, order) -> None:
        # Only date, title and first reported can be sorted (by the store's indexes); a click on
        # another header leaves the order, and the arrow, where they were.
        _, descending = self.model.sort_key
        sorted_column = self.model.sort_column()
        if column != sorted_column:
            wanted = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            self.table.horizontalHeader().setSortIndicator(sorted_column, wanted)
