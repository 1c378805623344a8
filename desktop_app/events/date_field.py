"""The EDTF date field: what is typed, the date in words below it as you type, or what is wrong.

A "Build" menu beside it writes a date for those who do not speak EDTF: an exact day from a
calendar, a month, a season, a year, a range, and the approximate (~) / uncertain (?) marks.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMenu, QToolButton, QVBoxLayout, QWidget

from db import dates
from db.errors import InvalidDate
from desktop_app.dates.render import in_words
from desktop_app.events import date_dialogs, edtf_forms
from desktop_app.events.error_label import ErrorLabel


class DateField(QWidget):
    edited = Signal()  # the user changed the text (typing or the Build menu)
    validity_changed = Signal(bool)

    def __init__(self, parent=None, name: str = "Date"):
        super().__init__(parent)
        self.line = QLineEdit(placeholderText="e.g. 2024-11-15, 2024-11, 2022-21, 2024~, 2024-11-18/2024-11-21")
        self.line.setToolTip("The date in EDTF (ISO 8601 with ~ approximate, ? uncertain, / ranges)")
        self.line.textChanged.connect(self._check)
        self.line.textEdited.connect(lambda _: self.edited.emit())
        self.build_button = QToolButton(text="Build", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.build_button.setToolTip("Write the date from a calendar, a month, a season, a year or a range")
        self.build_button.setMenu(self._build_menu())
        # A form label's buddy is this widget, not the line inside: the label's Alt+key (which
        # skips a buddy that takes no focus) and its name reach the line through these.
        self.setFocusPolicy(self.line.focusPolicy())
        self.setFocusProxy(self.line)
        self.setAccessibleName(name)
        self.line.setAccessibleName(name)
        self.build_button.setAccessibleName(f"Build the {name[:1].lower()}{name[1:]}")
        self.words = QLabel()
        self.words.setObjectName("dateInWords")
        self.words.setWordWrap(True)
        self.error = ErrorLabel()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.build_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.words)
        layout.addWidget(self.error)
        self._valid = False
        self._check("")

    def text(self) -> str:
        return self.line.text().strip()

    def set_text(self, text: str) -> None:
        self.line.setText(text)

    def is_valid(self) -> bool:
        return self._valid

    def _check(self, text: str) -> None:
        try:
            words = in_words(text)
        except InvalidDate as error:
            valid = False
            self.words.clear()
            self.words.hide()
            message = str(error)
            self.error.set_error(message[:1].upper() + message[1:] if text.strip() else "A date is required.")
        else:
            valid = True
            self.words.setText(words)
            self.words.show()
            self.error.set_error(None)
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def _build_menu(self) -> QMenu:
        menu = QMenu(self)
        for label, ask in (("Exact day…", date_dialogs.ask_day), ("Month…", date_dialogs.ask_month),
                           ("Season…", date_dialogs.ask_season), ("Year…", date_dialogs.ask_year),
                           ("Range of days…", date_dialogs.ask_range)):
            menu.addAction(label, lambda ask=ask: self._put(ask(self, self._initial_date())))
        menu.addSeparator()
        for label, mark in (("Approximate (~)", "~"), ("Uncertain (?)", "?")):
            action = QAction(label, menu)
            action.triggered.connect(lambda _=False, mark=mark: self._put(edtf_forms.toggle_qualifier(self.text(), mark)))
            menu.addAction(action)
        return menu

    def _initial_date(self) -> QDate:
        """Where the dialogs start: the current date's first day, or today."""
        if self._valid:
            year, month, day = dates.civil_from_days(dates.bounds(self.text()).start // dates.DAY)
            if year >= 1:
                return QDate(year, month, day)
        return QDate.currentDate()

    def _put(self, text: str | None) -> None:
        if text is not None and text != self.text():
            self.line.setText(text)
            self.edited.emit()
