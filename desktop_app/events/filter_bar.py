"""The filter bar above the timeline: text, tags, entities, a date range, an era, sources and stance.

It turns what is typed into one ``EventFilter`` and emits it (typing is debounced); the page
hands that filter to both the timeline and the list, so they always show the same events. An era
narrows the date range to the era's reach (as ``--era`` does on the command line); the era choice
is shown only in a project that has eras.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from db import dates
from db.citations import STANCES
from db.eras import list_eras, within_era
from db.entities import used_tag_names
from db.errors import InvalidDate
from db.events import EventFilter
from desktop_app.events.error_label import ErrorLabel
from desktop_app.events.name_fields import NameListField, entity_completions

TYPING_DELAY_MS = 250
ERA_CHOICE_MAX_PX = 170
SOURCES_CHOICES = (("Any sources", None), ("Has sources", True), ("No sources", False))
STANCE_LABELS = {"supports": "Supported", "contradicts": "Contested", "mentions": "Mentioned"}


class FilterBar(QWidget):
    filter_changed = Signal(object)  # EventFilter

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.text = QLineEdit(placeholderText="Search titles and descriptions", clearButtonEnabled=True)
        self.tags = NameListField(lambda: used_tag_names(db), "Tags")
        self.entities = NameListField(lambda: entity_completions(db), "People, places…")
        self.date_from = QLineEdit(placeholderText="From (EDTF)", clearButtonEnabled=True)
        self.date_to = QLineEdit(placeholderText="To (EDTF)", clearButtonEnabled=True)
        for field, tip in ((self.date_from, "Events ending on or after this date, e.g. 2024-11 or 2022"),
                           (self.date_to, "Events starting on or before this date, e.g. 2024-11-30")):
            field.setToolTip(tip)
            field.setMaximumWidth(130)
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance(field.placeholderText()) + 16)
        self.db = db
        self.era = QComboBox()
        self.era.setToolTip("Events in this named period (Edit → Eras…); an uncertain end counts")
        # as wide as the longest era's name, up to a limit (the narrow window keeps its date fields)
        self.era.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.era.setMaximumWidth(ERA_CHOICE_MAX_PX)
        self._eras: dict[int, dict] = {}
        self.sources = QComboBox()
        for label, _ in SOURCES_CHOICES:
            self.sources.addItem(label)
        self.stance = QComboBox()
        self.stance.addItem("Any stance")
        for stance in STANCES:
            self.stance.addItem(STANCE_LABELS[stance])
        self.stance.setToolTip("Events with at least one citation of this stance")
        self.clear_button = QPushButton("Clear")
        self.clear_button.setToolTip("Show every event")
        self.clear_button.clicked.connect(self.clear)
        self.error = ErrorLabel()
        # No labels beside these fields (placeholders only): their names say what a screen reader reads.
        self.setAccessibleName("Filter events")
        for field, name in ((self.text, "Search events"), (self.tags, "Filter by tags"),
                            (self.entities, "Filter by people, organisations and places"),
                            (self.date_from, "From date"), (self.date_to, "To date"), (self.era, "Era"),
                            (self.sources, "Sources"), (self.stance, "Stance")):
            field.setAccessibleName(name)
        self.tags.setAccessibleDescription("Comma-separated tags; events with all of them")
        self.entities.setAccessibleDescription("Comma-separated names; events with all of them")

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 3)
        row.addWidget(self.tags, 2)
        row.addWidget(self.entities, 2)
        row.addWidget(self.date_from, 1)
        row.addWidget(self.date_to, 1)
        row.addWidget(self.era)
        row.addWidget(self.sources)
        row.addWidget(self.stance)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)

        self._current = EventFilter()
        self._typing = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS, timeout=self._emit_if_changed)
        for field in (self.text, self.entities, self.date_from, self.date_to):
            field.textChanged.connect(self._typing.start)
            field.returnPressed.connect(self._emit_if_changed)
        # Tags apply when chosen from the completion, on Return or on leaving the field; not on every
        # keystroke, when "dip" would filter for a tag of that name half typed.
        self.tags.editingFinished.connect(self._emit_if_changed)
        self.sources.currentIndexChanged.connect(self._emit_if_changed)
        self.stance.currentIndexChanged.connect(self._emit_if_changed)
        self.era.currentIndexChanged.connect(self._emit_if_changed)
        self._fill_eras()
        self._update_clear_button(self._current)

    @property
    def current(self) -> EventFilter:
        return self._current

    def focus_search(self) -> None:
        self.text.setFocus()
        self.text.selectAll()

    def clear(self) -> None:
        for field in (self.text, self.tags, self.entities, self.date_from, self.date_to):
            field.blockSignals(True)
            field.clear()
            field.blockSignals(False)
        for choice in (self.sources, self.stance, self.era):
            choice.blockSignals(True)
            choice.setCurrentIndex(0)
            choice.blockSignals(False)
        self._current = None  # announce the empty filter even if the views were narrowed another way
        self._emit_if_changed()

    def build_filter(self) -> EventFilter:
        """The filter the fields describe; a date that does not parse is left out (and shown)."""
        problems = []
        start_s = self._bound(self.date_from, "From", problems, lambda b: b.start)
        end_s = self._bound(self.date_to, "To", problems, lambda b: b.end)
        self.error.set_error("  ".join(problems))
        stance = self.stance.currentIndex()
        where = EventFilter(
            text=self.text.text().strip(),
            tags=self.tags.names(),
            entities=self.entities.names(),
            start_s=start_s,
            end_s=end_s,
            has_sources=SOURCES_CHOICES[self.sources.currentIndex()][1],
            stance=STANCES[stance - 1] if stance > 0 else None,
        )
        era = self._eras.get(self.era.currentData())
        return within_era(where, era) if era is not None else where

    def refresh_eras(self) -> None:
        """Read the eras again (one was added, edited or deleted) and filter anew: the chosen era
        may have new dates, or be gone (then any era)."""
        self._fill_eras()
        self._emit_if_changed()

    def _fill_eras(self) -> None:
        chosen = self.era.currentData()
        self._eras = {era["id"]: era for era in list_eras(self.db)}
        self.era.blockSignals(True)
        self.era.clear()
        self.era.addItem("Any era", None)
        for era in self._eras.values():
            self.era.addItem(era["name"], era["id"])
        self.era.setCurrentIndex(max(0, self.era.findData(chosen)) if chosen is not None else 0)
        self.era.blockSignals(False)
        self.era.setVisible(bool(self._eras))

    @staticmethod
    def _bound(field: QLineEdit, name: str, problems: list, pick) -> int | None:
        text = field.text().strip()
        if not text:
            return None
        try:
            return pick(dates.bounds(text))
        except InvalidDate as error:
            problems.append(f"{name}: {error.problem}.")
            return None

    def _emit_if_changed(self) -> None:
        self._typing.stop()
        event_filter = self.build_filter()
        self._update_clear_button(event_filter)
        if event_filter != self._current:
            self._current = event_filter
            self.filter_changed.emit(event_filter)

    def _update_clear_button(self, event_filter: EventFilter) -> None:
        self.clear_button.setEnabled(not event_filter.is_empty or bool(self.error.text()))
