"""Cite a passage for an event: pick an existing event (search as you type) or describe a new
one (title, date, description, entities), say where in the source the passage is and whether it
supports the event.

An existing event is chosen beforehand only when the caller names a clear match (``preselect``:
the event whose date the passage gives); otherwise the dialog opens on "A new event", filled in
from an ``EventDraft`` when one is given, so that one click never cites for the wrong event."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QRadioButton, QVBoxLayout, QWidget)

from db import dates, events
from db.citations import LOCATOR_TYPES, STANCES
from desktop_app.dates.render import in_words, in_words_or_raw
from desktop_app.events.name_fields import NameListField, entity_completions
from desktop_app.reliability.literal_text import literal

SEARCH_DELAY_MS = 150
RESULTS = 20


@dataclass(frozen=True)
class EventDraft:
    """A new event suggested by the text, to fill the dialog with."""

    title: str
    date_edtf: str
    description: str = ""
    entities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Citation:
    """What the dialog chose, as ``db.annotations.cite_passage`` takes it."""

    event_id: int | None
    new_event: tuple[str, str] | None
    locator_type: str
    locator: str
    stance: str
    description: str = ""
    entities: tuple[str, ...] = ()
    claimed_edtf: str = ""  # the date the source gives for the event, if any


class CiteDialog(QDialog):
    def __init__(self, db, quote: str, paragraph: int | None, parent: QWidget | None = None,
                 draft: EventDraft | None = None, preselect: int | None = None):
        super().__init__(parent)
        self._db = db
        self._preselect = preselect
        self.setWindowTitle("Cite for event")
        self.setMinimumWidth(520)
        shown = " ".join(quote.split())
        excerpt = QLabel(f"“{shown[:240]}{'…' if len(shown) > 240 else ''}”", wordWrap=True)
        excerpt.setTextFormat(Qt.TextFormat.PlainText)

        self.existing = QRadioButton("An existing event")
        self.new = QRadioButton("A new event")
        modes = QButtonGroup(self)
        modes.addButton(self.existing)
        modes.addButton(self.new)
        self.search = QLineEdit(placeholderText="Search events by title or description", clearButtonEnabled=True)
        self.results = QListWidget()
        self.results.setMinimumHeight(160)
        self.results.itemDoubleClicked.connect(lambda _: self._accept_if_ready())
        # choosing an event in the list (by mouse or keys) is choosing an existing event
        self.results.currentItemChanged.connect(lambda item, _: item is not None and self.existing.setChecked(True))
        self.title = QLineEdit(placeholderText="What happened")
        self.date = QLineEdit(placeholderText="EDTF date, e.g. 2024-11-19, 2024-11, 2024-11-19/2024-11-21")
        self.date_check = QLabel(wordWrap=True)
        self.date_check.setTextFormat(Qt.TextFormat.PlainText)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 4 + 12)
        self.entities = NameListField(lambda: entity_completions(db), "people, organisations, places")
        new_form = QFormLayout()
        new_form.addRow("Title", self.title)
        new_form.addRow("Date", self.date)
        new_form.addRow("", self.date_check)
        new_form.addRow("Description", self.description)
        new_form.addRow("Entities", self.entities)
        self.new_box = QWidget()
        self.new_box.setLayout(new_form)

        event_box = QGroupBox("Event")
        event_layout = QVBoxLayout(event_box)
        event_layout.addWidget(self.existing)
        event_layout.addWidget(self.search)
        event_layout.addWidget(self.results)
        event_layout.addWidget(self.new)
        event_layout.addWidget(self.new_box)

        self.locator_type = QComboBox()
        self.locator_type.addItems(LOCATOR_TYPES)
        self.locator = QLineEdit(str(paragraph) if paragraph else "")
        self.locator.setPlaceholderText("e.g. 4, p. 12, 01:23:45")
        locator_row = QHBoxLayout()
        locator_row.addWidget(self.locator_type)
        locator_row.addWidget(self.locator, 1)
        self.stance = QComboBox()
        self.stance.addItems(STANCES)
        self.claimed = QLineEdit()
        self.claimed.setPlaceholderText("optional: the date this source gives, in EDTF")
        self.claimed.setToolTip("When sources give different dates for the event, the event is marked contested")
        self.claimed_check = QLabel(wordWrap=True)
        self.claimed_check.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow("Where in the source", locator_row)
        form.addRow("The passage", self.stance)
        form.addRow("Its date for the event", self.claimed)
        form.addRow("", self.claimed_check)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Cite")
        self.buttons.accepted.connect(self._accept_if_ready)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(excerpt)
        layout.addWidget(event_box)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._find_events)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.search.textChanged.connect(lambda _: self.existing.setChecked(True))
        for field in (self.title, self.date):
            field.textEdited.connect(lambda _: self.new.setChecked(True))
        self.date.textChanged.connect(self._check_date)
        self.claimed.textChanged.connect(self._check_date)
        self.existing.toggled.connect(self._update)
        self.results.currentItemChanged.connect(self._update)
        self.title.textChanged.connect(self._update)
        if draft is not None:
            self._fill(draft)
        self._find_events()
        self._check_date()
        if preselect is not None and self.results.currentItem() is not None:
            self.existing.setChecked(True)
            self.search.setFocus()
        else:
            self.new.setChecked(True)
            self.title.setFocus()

    def _fill(self, draft: EventDraft) -> None:
        self.title.setText(draft.title)
        self.date.setText(draft.date_edtf)
        self.description.setPlainText(draft.description)
        self.entities.set_names(draft.entities)
        self.title.setSelection(len(draft.title), -len(draft.title))  # all selected, its start in view

    def _find_events(self) -> None:
        text = self.search.text()
        rows = events.event_page(self._db, events.EventFilter(text=text), descending=not text.strip(), limit=RESULTS)
        chosen = None
        if self._preselect is not None and not text.strip():  # the clear match first, chosen
            chosen = events.event_page(self._db, events.EventFilter(ids=(self._preselect,)), limit=1)
            rows = chosen + [row for row in rows if row["id"] != self._preselect][:RESULTS - 1]
        self.results.clear()
        for row in rows:
            when = in_words_or_raw(row["date_edtf"])
            item = QListWidgetItem(f"{when} — {row['title']}")
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            item.setToolTip(literal(f"{row['title']}\n{when}"))
            self.results.addItem(item)
        if self.results.count() and (chosen or text.strip()):  # a search's best result; else none chosen
            self.results.setCurrentRow(0)
        self._update()

    def _date_problem(self) -> str | None:
        if not self.date.text().strip():
            return "Enter the date the event happened."
        return _edtf_problem(self.date.text())

    def _check_date(self) -> None:
        for field, check, problem in ((self.date, self.date_check, self._date_problem()),
                                      (self.claimed, self.claimed_check, _edtf_problem(self.claimed.text()))):
            typed = bool(field.text().strip())
            check.setText(problem or (in_words(field.text()) if typed else ""))
            check.setStyleSheet("color: #c62828;" if problem and typed else "")
        self._update()

    def _ready(self) -> bool:
        if _edtf_problem(self.claimed.text()):
            return False
        if self.existing.isChecked():
            return self.results.currentItem() is not None
        return bool(self.title.text().strip()) and self._date_problem() is None

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._ready())

    def _accept_if_ready(self) -> None:
        if self._ready():
            self.accept()

    def citation(self) -> Citation:
        if self.existing.isChecked():
            event_id, new_event = self.results.currentItem().data(Qt.ItemDataRole.UserRole), None
        else:
            event_id, new_event = None, (self.title.text().strip(), self.date.text().strip())
        return Citation(event_id, new_event, self.locator_type.currentText(), self.locator.text().strip(),
                        self.stance.currentText(), self.description.toPlainText().strip(), self.entities.names(),
                        self.claimed.text().strip())


def _edtf_problem(text: str) -> str | None:
    """What is wrong with an EDTF date as typed; None when it is valid or empty."""
    if not text.strip():
        return None
    try:
        dates.validate(text.strip())
    except dates.InvalidDate as error:
        return error.problem
    return None
