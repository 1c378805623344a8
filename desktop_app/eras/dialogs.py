"""Edit → Eras…: the project's named periods, to add, edit (rename, re-date, recolour) and delete;
and the form one era is edited in, also opened from the timeline ("Name This Period…").

Every change is one edit on the session's undo stack; the list follows the session's changes, so
an undo made while the dialog is open shows in it at once.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from db import dates
from db import eras as era_store
from db.errors import InvalidDate, SourcelineError
from desktop_app import verbs
from desktop_app.dates.render import in_words_or_raw
from desktop_app.eras.periods import era_edit, era_line
from desktop_app.events.error_label import ErrorLabel
from desktop_app.timeline.era_bands import HUE_NAMES, HUES, hue_of


def swatch(colour: QColor, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


class EraForm(QDialog):
    """One era's name, its two ends (EDTF: "2024-08-06", "2025-03~", empty for an open end) and colour."""

    def __init__(self, session, era: dict | None = None, ends: tuple[str, str] = ("", ""),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.era = era
        self.setWindowTitle("New Era" if era is None else "Edit Era")
        self.setMinimumWidth(460)
        first, last = era_store.ends(era["date_edtf"]) if era is not None else ends
        self.name = QLineEdit(era["name"] if era is not None else "", placeholderText="e.g. Kursk incursion")
        self.first = QLineEdit(first, placeholderText="e.g. 2024-08-06, 2024-08~, empty: open")
        self.last = QLineEdit(last, placeholderText="e.g. 2025-03?, empty: ongoing")
        for field, tip in ((self.first, "When it began (EDTF): ~ approximate, ? uncertain; its band fades there"),
                           (self.last, "When it ended (EDTF); empty if it has not ended")):
            field.setToolTip(tip)
        self.colour = QComboBox()
        # "Automatic": the colour an era gets by its id, shown when the era has one
        automatic = hue_of({"id": era["id"], "color": None}) if era is not None else None
        self.colour.addItem(swatch(automatic) if automatic is not None else QIcon(), "Automatic", None)
        for label, hue in zip(HUE_NAMES, HUES):
            self.colour.addItem(swatch(QColor(hue)), label, hue)
        current = era.get("color") if era is not None else None
        if current and self.colour.findData(current) < 0:  # a colour set on the command line
            self.colour.addItem(swatch(QColor(current)), current, current)
        self.colour.setCurrentIndex(max(0, self.colour.findData(current)) if current else 0)
        self.words = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.words.setObjectName("eraDateInWords")
        self.problem = ErrorLabel()
        form = QFormLayout(self)
        form.addRow("&Name", self.name)
        form.addRow("&From", self.first)
        form.addRow("&To", self.last)
        form.addRow("", self.words)
        form.addRow("&Colour", self.colour)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add Era" if era is None else "Save")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for field in (self.name, self.first, self.last):
            field.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        """Say the period in words as it is typed, or what is wrong with it."""
        try:
            date_edtf = era_store.joined(self.first.text(), self.last.text())
            dates.validate(date_edtf)
            self.words.setText(in_words_or_raw(date_edtf))
        except InvalidDate as error:
            self.words.setText(error.problem)
        except SourcelineError as error:
            self.words.setText(str(error))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def save(self) -> None:
        try:
            op = era_edit(self.era, self.name.text(), self.first.text(), self.last.text(), self.colour.currentData())
        except SourcelineError as error:
            self.problem.set_error(str(error))
            return
        if op is None or verbs.apply(self.session, self, op, failure=self.problem.set_error):
            self.accept()


def open_form(session, parent: QWidget, era: dict | None = None, ends: tuple[str, str] = ("", "")) -> EraForm:
    """Open the form for a new era (its ends proposed) or for ``era``, window-modal; it goes when closed."""
    form = EraForm(session, era, ends, parent)
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    form.open()
    return form


class ErasDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Eras")
        self.resize(520, 360)
        self.list = QListWidget()
        self.list.setAccessibleName("Eras")
        self.empty = QLabel("No eras yet. An era names a period (“Kursk incursion”) and shades it on the "
                            "timeline; add one here or right-click the timeline: Name This Period…",
                            wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.hint = QLabel("Double-click an era to edit it. Right-click the timeline to name the period in view "
                           "or the selected events' period.", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.hint.setEnabled(False)  # drawn faint: a hint, not a control
        self.add_button = QPushButton("&Add…")
        self.edit_button = QPushButton("&Edit…")
        self.delete_button = QPushButton("&Delete")
        close = QPushButton("Close")
        self.add_button.clicked.connect(lambda: open_form(session, self))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.list.itemDoubleClicked.connect(lambda _: self.edit_current())
        self.list.currentRowChanged.connect(lambda _: self._enable())
        close.clicked.connect(self.accept)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        row = QHBoxLayout(self)
        column = QVBoxLayout()
        column.addWidget(self.list, 1)
        column.addWidget(self.empty)
        column.addWidget(self.hint)
        row.addLayout(column, 1)
        row.addLayout(buttons)
        session.changed.connect(self._on_changes)
        self.refresh()

    def _on_changes(self, changes) -> None:
        if changes.touches("eras"):
            self.refresh()

    def refresh(self) -> None:
        """List the eras again, keeping the current one current."""
        current = self.current_era()
        self.list.clear()
        for era in era_store.list_eras(self.session.db):
            item = QListWidgetItem(swatch(hue_of(era)), era_line(era))
            item.setData(Qt.ItemDataRole.UserRole, era["id"])
            self.list.addItem(item)
            if current is not None and era["id"] == current["id"]:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.setVisible(self.list.count() > 0)
        self.empty.setVisible(self.list.count() == 0)
        self.hint.setVisible(self.list.count() > 0)
        self._enable()

    def current_era(self) -> dict | None:
        item = self.list.currentItem()
        return era_store.get_era(self.session.db, item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _enable(self) -> None:
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(self.list.currentItem() is not None)

    def edit_current(self) -> None:
        era = self.current_era()
        if era is not None:
            open_form(self.session, self, era)

    def delete_current(self) -> None:
        era = self.current_era()
        if era is not None:  # one edit, undone with Edit → Undo: no question asked first
            verbs.delete_era(self.session, self, era["id"])
