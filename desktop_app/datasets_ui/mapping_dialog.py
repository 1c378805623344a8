"""The column-mapping dialog of File → Import Event Dataset…: which column is the date (and how
it is written), the title, the description, tags, entities, place, coordinates and the dataset's
own id; how to treat a bad row; and a preview of the first rows read that way.

An ACLED export is recognised by its header and needs no choices. A mapping is remembered per
header layout (QSettings, keyed by a hash of the header row), so the next export of the same
kind opens with the same choices.
"""
from __future__ import annotations

from html import escape

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from db.errors import SourcelineError
from desktop_app.dates.render import in_words_or_raw
from desktop_app.datasets import BAD_ROW_CHOICES
from desktop_app.datasets.csv_file import CsvFile
from desktop_app.datasets.mapping import FIELDS, Mapping, guess_mapping, header_key
from desktop_app.datasets.date_values import DATE_ORDERS, PRECISIONS
from desktop_app.datasets.preview import preview, samples
from desktop_app.events.error_label import ErrorLabel, error_colour
from desktop_app.reliability.literal_text import literal

SETTINGS_MAPPING = "datasets/mapping/{key}"
SETTINGS_BAD_ROWS = "datasets/on_bad_row"
NOT_IMPORTED = "—"
ORDER_NAMES = {"auto": "Automatic (ISO, or month first)", "day-first": "Day first (19/11/2024)",
               "month-first": "Month first (11/19/2024)"}
PRECISION_NAMES = {"auto": "As written", "day": "Day", "week": "Week around the date", "month": "Month",
                   "year": "Year"}
BAD_ROW_NAMES = {"skip": "Skip it and import the rest (bad rows are counted and listed)",
                 "stop": "Stop and import nothing"}
PREVIEW_COLUMNS = ("Line", "Date", "Title (or what is wrong)", "Tags", "Entities")
ACLED_NOTE = ("Each row becomes an event: the date at ACLED's time precision (day, the week around it, or the "
              "month), a title from the sub-event type, actors and location, the notes and fatalities as its "
              "description, event and sub-event types and tags as tags, actors as organisations, location and "
              "admin1 as places, and each named source as a cited source. Rows of a newer export update their "
              "events (by event_id_cnty).")
UNDO_NOTE = ("The import is one step, all or nothing. It cannot be undone with Edit → Undo (the undo history is "
             "cleared); a backup is taken first, and File → Restore from Backup… takes the project back.")


class MappingDialog(QDialog):
    def __init__(self, csv_file: CsvFile, settings, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Import Event Dataset")
        self.resize(900, 680)
        self.csv_file = csv_file
        self._settings = settings
        self._key = SETTINGS_MAPPING.format(key=header_key(csv_file.header))
        mapping = self._remembered() or guess_mapping(csv_file.header)

        about = QLabel(f"<b>{escape(csv_file.path.name)}</b> — {max(0, csv_file.lines - 1):,} lines after the header, "
                       f"{len(csv_file.header)} columns, {csv_file.encoding.replace('-sig', '')}")
        self.acled = QCheckBox("ACLED export: read its columns the ACLED way (dates with their precision, actors, "
                               "places, sources)")
        self.acled.setChecked(mapping.acled)
        self.columns_label = QLabel("What each column holds:")
        self.columns = self._column_table(mapping)
        self.acled_note = QLabel(ACLED_NOTE, wordWrap=True)
        self.order = QComboBox()
        for order in DATE_ORDERS:
            self.order.addItem(ORDER_NAMES[order], order)
        self.order.setEditable(True)
        self.order.setToolTip("How dates such as 03/04/2024 are read; or type a format such as %d.%m.%Y")
        self._select(self.order, mapping.date_order, editable=True)
        self.precision = QComboBox()
        for precision in PRECISIONS:
            self.precision.addItem(PRECISION_NAMES[precision], precision)
        self._select(self.precision, mapping.precision)
        self.dataset = QLineEdit(mapping.dataset)
        self.dataset.setToolTip("Rows of a newer export update the events of the same dataset (by the id column)")
        self.bad_rows = QComboBox()
        for choice in BAD_ROW_CHOICES:
            self.bad_rows.addItem(BAD_ROW_NAMES[choice], choice)
        self._select(self.bad_rows, settings.value(SETTINGS_BAD_ROWS, "skip"))
        options = QFormLayout()
        options.addRow("Dates are written", self.order)
        options.addRow("Date precision", self.precision)
        options.addRow("Dataset name", self.dataset)
        options.addRow("If a row is bad", self.bad_rows)
        self.problem = ErrorLabel()
        self.preview = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.preview.setObjectName("datasetPreview")
        self.preview.setHorizontalHeaderLabels(PREVIEW_COLUMNS)
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        header = self.preview.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 48), (1, 190), (3, 150), (4, 190)):
            header.resizeSection(column, width)
        note = QLabel(UNDO_NOTE, wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.acled)
        layout.addWidget(self.acled_note)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.columns, 3)
        layout.addLayout(options)
        layout.addWidget(QLabel("The first rows, as they will be imported:"))
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.problem)
        bottom = QHBoxLayout()
        bottom.addWidget(note, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self.acled.toggled.connect(self._refresh)
        self.order.currentTextChanged.connect(self._refresh)
        self.precision.currentIndexChanged.connect(self._refresh)
        self._refresh()

    # -- building ------------------------------------------------------------------------------

    def _column_table(self, mapping: Mapping) -> QTableWidget:
        header = self.csv_file.header
        table = QTableWidget(len(header), 3)
        table.setObjectName("datasetColumns")
        table.setHorizontalHeaderLabels(("Column", "Holds", "First values"))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().resizeSection(0, 200)
        table.horizontalHeader().resizeSection(1, 170)
        mapped = dict(mapping.columns)
        for row, (column, sample) in enumerate(zip(header, samples(self.csv_file))):
            table.setItem(row, 0, QTableWidgetItem(column))
            combo = QComboBox()
            combo.setAccessibleName(f"What column {column} holds")
            combo.addItem(NOT_IMPORTED, "")
            for name, title in FIELDS.items():
                combo.addItem(title, name)
            self._select(combo, mapped.get(column, ""))
            combo.currentIndexChanged.connect(self._refresh)
            table.setCellWidget(row, 1, combo)
            item = QTableWidgetItem(sample)
            item.setToolTip(literal(sample))
            table.setItem(row, 2, item)
        return table

    @staticmethod
    def _select(combo: QComboBox, value: str, editable: bool = False) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)
        elif editable:
            combo.setEditText(value)

    def _remembered(self) -> Mapping | None:
        text = self._settings.value(self._key)
        if not text:
            return None
        try:
            return Mapping.from_json(str(text))
        except SourcelineError:
            return None  # written by another version: guess again

    # -- the mapping the choices make ------------------------------------------------------

    def set_column_field(self, column: str, name: str) -> None:
        """Choose what a column holds (``name`` a field of FIELDS, or "" for not imported)."""
        row = self.csv_file.header.index(column)
        self._select(self.columns.cellWidget(row, 1), name)

    def mapping(self) -> Mapping:
        """The mapping chosen; raises SourcelineError for choices that do not make one."""
        order = self._date_order()
        if self.acled.isChecked():
            return Mapping(acled=True, date_order=order or "auto")
        columns = tuple((column, self.columns.cellWidget(row, 1).currentData())
                        for row, column in enumerate(self.csv_file.header)
                        if self.columns.cellWidget(row, 1).currentData())
        return Mapping(columns, dataset=self.dataset.text().strip(), date_order=order or "auto",
                       precision=self.precision.currentData())

    def _date_order(self) -> str:
        """One of DATE_ORDERS, or the strptime format typed into the combo box."""
        text = self.order.currentText().strip()
        index = self.order.findText(text)
        return self.order.itemData(index) if index >= 0 else text

    def on_bad_row(self) -> str:
        return self.bad_rows.currentData()

    def _refresh(self) -> None:
        acled = self.acled.isChecked()
        for widget in (self.columns_label, self.columns):
            widget.setVisible(not acled)
        self.acled_note.setVisible(acled)
        for widget in (self.precision, self.dataset):
            widget.setEnabled(not acled)
        self.dataset.setPlaceholderText("acled" if acled else self.csv_file.path.stem.lower())
        self.preview.setRowCount(0)
        try:
            mapping = self.mapping()
            shown = preview(self.csv_file, mapping)
        except SourcelineError as error:
            self.problem.set_error(str(error))
            self.import_button.setEnabled(False)
            return
        self.problem.set_error(None)
        self.import_button.setEnabled(True)
        self.preview.setRowCount(len(shown))
        error = QBrush(error_colour(self.palette()))
        for row, entry in enumerate(shown):
            event = entry.row
            if event is None:
                values = (str(entry.line), "", entry.problem, "", "")
            else:
                values = (str(entry.line), in_words_or_raw(event.date[0]), event.title, ", ".join(event.tags),
                          ", ".join(name for name, _ in event.entities))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(literal(value))
                if event is None:
                    item.setForeground(error)
                self.preview.setItem(row, column, item)

    def accept(self) -> None:
        try:
            mapping = self.mapping()
        except SourcelineError as error:
            self.problem.set_error(str(error))
            return
        self._settings.setValue(self._key, mapping.to_json())
        self._settings.setValue(SETTINGS_BAD_ROWS, self.on_bad_row())
        super().accept()

