"""The Sources page: the library (filter bar, sortable paged table) beside the metadata editor."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSplitter, QStackedWidget, QTableView, QVBoxLayout, QWidget)

from db import library
from db.library import UNGRADED, SourceFilter
from desktop_app import verbs
from desktop_app.main_window.column_widths import fit_columns
from desktop_app.sources import import_flow
from desktop_app.sources.editor import SourceEditor
from desktop_app.sources.grading import RELIABILITY
from desktop_app.sources.table_model import (ANNOTATIONS, CITING, CONTAINER, CREATORS, GRADE, ISSUED, SOURCE_ID_ROLE,
                                             TITLE, TYPE, SourceTableModel)
from desktop_app.sources.type_names import type_name

TYPING_DELAY_MS = 200
EMPTY_LIBRARY = ("No sources yet.\n\nImport BibTeX, RIS or CSL-JSON files, or saved articles (HTML, Markdown, "
                 "text), with File → Import Sources… (Ctrl+I) — or drop the files here.")


class LibraryPage(QWidget):
    def __init__(self, session, window, parent=None):
        super().__init__(parent)
        self._session = session
        self._window = window
        self.model = SourceTableModel(session.db, self)

        self.search = QLineEdit(placeholderText="Search titles and full texts", clearButtonEnabled=True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("Search titles") + 40)
        self.type_filter = QComboBox()
        self.type_filter.setToolTip("Only sources of this type")
        self.reliability_filter = QComboBox()
        self.reliability_filter.addItem("Any reliability", None)
        for letter, meaning in RELIABILITY.items():
            self.reliability_filter.addItem(f"{letter} — {meaning}", letter)
        self.reliability_filter.addItem("Not graded", UNGRADED)
        for combo in (self.type_filter, self.reliability_filter):  # as wide as a short choice, not the longest
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
        self.count_label = QLabel(objectName="sourceCount")
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Import sources from files (Ctrl+I)")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete the selected sources, with their annotations and citations (Del)")

        self.table = QTableView()
        self.setAccessibleName("Sources page")
        for widget, name in ((self.search, "Search sources"), (self.type_filter, "Type"),
                             (self.reliability_filter, "Reliability"), (self.table, "Sources")):
            widget.setAccessibleName(name)
        self.table.setAccessibleDescription("Delete deletes the selected sources")
        # Tab leaves the table (arrows move in it): cell by cell, Tab would never get out of it.
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.model)
        # The indicator first: enabling sorting sorts by it, and it starts as title, descending.
        self.table.horizontalHeader().setSortIndicator(*self.model.sort_order())
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # The title takes what the others leave; they start narrow (elided, full text in the tooltip).
        for column, width in ((CREATORS, 100), (CONTAINER, 90), (ISSUED, 100), (TYPE, 90), (GRADE, 48)):
            header.resizeSection(column, width)
        # Counts are narrower than their headings; sizing to contents would read a thousand rows.
        for column in (ANNOTATIONS, CITING):
            header.resizeSection(column, header.sectionSizeHint(column))
        self.empty = QLabel(EMPTY_LIBRARY, objectName="emptyState", wordWrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._list = QStackedWidget()
        self._list.addWidget(self.table)
        self._list.addWidget(self.empty)
        self.editor = SourceEditor(session)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.type_filter, 0)
        bar.addWidget(self.reliability_filter, 0)
        bar.addWidget(self.count_label)
        bar.addStretch(0)
        bar.addWidget(self.import_button)
        bar.addWidget(self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addLayout(bar)
        left_layout.addWidget(self._list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([900, 450])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._typing = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS, timeout=self._apply_filter)
        self.search.textChanged.connect(self._typing.start)
        self.search.returnPressed.connect(self._apply_filter)
        self.type_filter.currentIndexChanged.connect(self._apply_filter)
        self.reliability_filter.currentIndexChanged.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._after_reset)
        self.model.layoutChanged.connect(self._after_reset)
        self.import_button.clicked.connect(lambda: import_flow.choose_and_import(window))
        self.delete_button.clicked.connect(self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.editor.event_requested.connect(window.event_requested)
        self.editor.source_requested.connect(window.source_requested)
        self.editor.problem.connect(lambda message: window.statusBar().showMessage(message, 10_000))
        session.changed.connect(self._changed)
        import_flow.FileDropFilter(window, self)
        self._fill_type_filter()
        self._after_reset()
        fit_columns(self.table, TITLE, window.settings, "sourcesPage/columns")

    # -- selection ---------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return [source["id"] for source in self._selected()]

    def _selected(self) -> list[dict]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [source for source in (self.model.source_at(row) for row in rows) if source is not None]

    def select_source(self, source_id: int) -> bool:
        """Select a source in the table (clearing the filter if it hides it) and show it in the editor."""
        row = self.model.row_of(source_id)
        if row is None and not self.model.source_filter.is_empty():
            self.clear_filter()
            row = self.model.row_of(source_id)
        if row is None:
            return False
        index = self.model.index(row, TITLE)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _current_changed(self, current, _previous) -> None:
        source_id = current.data(SOURCE_ID_ROLE) if current.isValid() else None
        self.editor.show_source(source_id)
        self._update_buttons()

    def _after_reset(self) -> None:
        """After a sort, filter or reload: the editor's source selected again if still listed."""
        count = self.model.rowCount()
        library_empty = count == 0 and self.model.source_filter.is_empty()
        self._list.setCurrentWidget(self.empty if library_empty else self.table)
        self.count_label.setText("" if library_empty else f"{count:,} source{'s' if count != 1 else ''}")
        source_id = self.editor.source_id
        row = self.model.row_of(source_id) if source_id is not None else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, TITLE),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = len(self.table.selectionModel().selectedRows())
        self.delete_button.setEnabled(selected > 0)
        self.delete_button.setText(f"Delete {selected}" if selected > 1 else "Delete")

    # -- filtering ---------------------------------------------------------------------------

    def current_filter(self) -> SourceFilter:
        return SourceFilter(self.search.text(), self.type_filter.currentData(), self.reliability_filter.currentData())

    def _apply_filter(self) -> None:
        self._typing.stop()
        self.model.set_filter(self.current_filter())

    def clear_filter(self) -> None:
        for combo in (self.type_filter, self.reliability_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._apply_filter()

    def _fill_type_filter(self) -> None:
        """The types the project's sources have (the list changes with imports and edits)."""
        chosen = self.type_filter.currentData()
        self.type_filter.blockSignals(True)
        self.type_filter.clear()
        self.type_filter.addItem("All types", None)
        for csl_type in library.source_types(self._session.db):
            self.type_filter.addItem(type_name(csl_type), csl_type)
        self.type_filter.setCurrentIndex(max(0, self.type_filter.findData(chosen)))
        self.type_filter.blockSignals(False)
        if self.type_filter.currentData() != chosen:
            self._apply_filter()

    def _changed(self, changes) -> None:
        if changes is None or changes.touches("sources"):
            self._fill_type_filter()
        self.model.refresh(changes)
        self._after_reset()

    # -- deleting ----------------------------------------------------------------------------

    def delete_selected(self) -> bool:
        chosen = self._selected()
        if not chosen:
            return False
        ids = [source["id"] for source in chosen]
        what = f"“{chosen[0]['title'] or 'untitled'}”" if len(ids) == 1 else f"{len(ids)} sources"
        answer = QMessageBox.question(
            self, "Delete Sources", f"Delete {what}?\n\nTheir annotations and the citations of them go too. "
            "Edit → Undo brings everything back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return bool(verbs.delete_sources(self._session, self, ids))

