"""Small dialogs that ask for a day, a month, a season, a year or a range and answer in EDTF."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCalendarWidget, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QSpinBox, QVBoxLayout, QWidget)

from desktop_app.dates.render import MONTHS
from desktop_app.events import edtf_forms

MIN_YEAR, MAX_YEAR = -9999, 9999


def _run(parent: QWidget, title: str, rows: list[tuple[str, QWidget]], answer) -> str | None:
    """Ask with a form of ``rows``; ``answer()`` reads it on OK, while the dialog still exists."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout()
    for label, widget in rows:
        form.addRow(label, widget)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    try:
        return answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def _year_box(initial: QDate) -> QSpinBox:
    box = QSpinBox(minimum=MIN_YEAR, maximum=MAX_YEAR, value=initial.year())
    box.setToolTip("0 is 1 BCE, -1 is 2 BCE (astronomical years, as EDTF counts)")
    return box


def ask_day(parent: QWidget, initial: QDate) -> str | None:
    calendar = QCalendarWidget(selectedDate=initial, gridVisible=True)
    return _run(parent, "Exact day", [("Day", calendar)], lambda: _day(calendar.selectedDate()))


def ask_month(parent: QWidget, initial: QDate) -> str | None:
    year, month = _year_box(initial), QComboBox()
    month.addItems(MONTHS)
    month.setCurrentIndex(initial.month() - 1)
    return _run(parent, "Month", [("Month", month), ("Year", year)],
                lambda: edtf_forms.month(year.value(), month.currentIndex() + 1))


def ask_season(parent: QWidget, initial: QDate) -> str | None:
    year, season = _year_box(initial), QComboBox()
    for name, _ in edtf_forms.SEASONS:
        season.addItem(name)
    season.setCurrentIndex(((initial.month() - 3) % 12) // 3)  # March–May is spring
    return _run(parent, "Season", [("Season", season), ("Year", year)],
                lambda: edtf_forms.season(year.value(), edtf_forms.SEASONS[season.currentIndex()][1]))


def ask_year(parent: QWidget, initial: QDate) -> str | None:
    year = _year_box(initial)
    return _run(parent, "Year", [("Year", year)], lambda: edtf_forms.year(year.value()))


def ask_range(parent: QWidget, initial: QDate) -> str | None:
    first = QDateEdit(initial, calendarPopup=True, displayFormat="yyyy-MM-dd")
    last = QDateEdit(initial.addDays(1), calendarPopup=True, displayFormat="yyyy-MM-dd")
    first.dateChanged.connect(lambda d: last.setMinimumDate(d))
    last.setMinimumDate(initial)
    return _run(parent, "Range of days", [("From", first), ("To", last)],
                lambda: edtf_forms.span(_day(first.date()), _day(last.date())))


def _day(chosen: QDate) -> str:
    return edtf_forms.day(chosen.year(), chosen.month(), chosen.day())
