"""The metadata editor beside the library: one source's CSL fields, its creators, the analyst's
grading, and the events that cite it.

A ``RecordForm``, as the event editor: edits stay in the fields until Save (Ctrl+S or Ctrl+Return),
one undoable step; moving to another source settles a pending edit as every record form does.
The record is rebuilt from the stored CSL item, so variables the form does not show (volume, page,
abstract…) are kept as they were.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from db import citations, sources
from desktop_app import verbs
from desktop_app.dates.render import in_words_or_raw
from desktop_app.formats.csl_dates import edtf_to_csl_date
from desktop_app.record_form import RecordForm
from desktop_app.reliability.literal_text import literal
from desktop_app.sources.creators_editor import CreatorsEditor, name_parts
from desktop_app.sources.grading import CREDIBILITY, RELIABILITY, grade, grade_meaning
from desktop_app.sources.optional_date_field import OptionalDateField
from desktop_app.sources.type_names import type_name, types_by_name

# Line edits: field key -> CSL variable.
TEXT_VARIABLES = {"title": "title", "container": "container-title", "publisher": "publisher", "url": "URL",
                  "language": "language", "doi": "DOI", "isbn": "ISBN", "issn": "ISSN"}
_COLUMNS = {"title": "title", "container": "container_title", "publisher": "publisher", "url": "url",
            "language": "language", "doi": "doi", "isbn": "isbn", "issn": "issn"}


class SourceEditor(RecordForm):
    event_requested = Signal(int)  # show this citing event
    source_requested = Signal(int, object)  # open this source in the reader (annotation id or None)

    NOUN = "source"
    RECORD_TABLE = "sources"
    RELATED_TABLES = ("source_creators", "citations", "events")
    PLACEHOLDER = "Select a source to see and edit it here."
    SAVE_TIP = "Save this source (Ctrl+S) — one step you can undo"
    INVALID_TIP = "Fix the issued or accessed date first"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.open_button = QPushButton("Open in Reader")
        self.open_button.setToolTip("Read the source's text, highlight and cite passages")
        self.csl_type = QComboBox()
        for name, csl_type in types_by_name():
            self.csl_type.addItem(name, csl_type)
        self.fields = {key: QLineEdit() for key in TEXT_VARIABLES}
        self.fields["url"].setPlaceholderText("https://…")
        self.fields["language"].setPlaceholderText("e.g. en, uk, de-CH")
        for key, hint in (("doi", "DOI"), ("isbn", "ISBN"), ("issn", "ISSN")):
            self.fields[key].setPlaceholderText(hint)
            self.fields[key].setAccessibleName(hint)  # the Identifiers label names only the first
        self.creators = CreatorsEditor()
        self.issued = OptionalDateField("When it was published, e.g. 2024-11-15 (EDTF); empty if unknown",
                                        name="Issued date")
        self.accessed = OptionalDateField("When you read it online, e.g. 2024-11-20", name="Accessed date")
        self.reliability = QComboBox()
        self.reliability.addItem("Not graded", "")
        for letter, meaning in RELIABILITY.items():
            self.reliability.addItem(f"{letter} — {meaning}", letter)
        self.credibility = QComboBox()
        self.credibility.addItem("Not graded", 0)
        for number, meaning in CREDIBILITY.items():
            self.credibility.addItem(f"{number} — {meaning}", number)
        self.grade_label = QLabel(objectName="gradeMeaning", wordWrap=True)
        self.note = QPlainTextEdit(placeholderText="Why this grade: track record, access, corroboration…")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.citing = QListWidget()
        self.citing.setToolTip("Double-click an event to show it on the timeline")
        self.citing.setMinimumHeight(80)
        self.citing.setWordWrap(True)
        self.citing.setSpacing(2)
        self.setAccessibleName("Source editor")

        for field in self.fields.values():
            field.textEdited.connect(self._update_state)
        for combo in (self.csl_type, self.reliability, self.credibility):
            combo.currentIndexChanged.connect(self._update_state)
        for date in (self.issued, self.accessed):
            date.edited.connect(self._update_state)
            date.validity_changed.connect(lambda _: self._update_state())
        self.creators.edited.connect(self._update_state)
        self.note.textChanged.connect(self._update_state)
        self.open_button.clicked.connect(lambda: self._record_id and self.source_requested.emit(self._record_id, None))
        self.citing.itemActivated.connect(self._event_activated)
        self._set_body(self._form())

    def _form(self) -> QWidget:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("T&ype", self.csl_type)
        form.addRow("T&itle", self.fields["title"])
        form.addRow("&Creators", self.creators)
        form.addRow("C&ontainer", self.fields["container"])
        self.fields["container"].setToolTip("The newspaper, journal, website or book it appeared in")
        form.addRow("&Publisher", self.fields["publisher"])
        form.addRow("I&ssued", self.issued)
        form.addRow("&URL", self.fields["url"])
        form.addRow("&Accessed", self.accessed)
        form.addRow("&Language", self.fields["language"])
        identifiers = QHBoxLayout()
        for key in ("doi", "isbn", "issn"):
            identifiers.addWidget(self.fields[key], 2 if key == "doi" else 1)
        # a layout has no buddy of its own: the mnemonic goes to the first identifier
        identifiers_label = QLabel("I&dentifiers")
        identifiers_label.setBuddy(self.fields["doi"])
        form.addRow(identifiers_label, identifiers)

        evaluation = QGroupBox("Evaluation (Admiralty grading)")
        grading = QFormLayout(evaluation)
        grading.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        grading.addRow("&Reliability of the source", self.reliability)
        grading.addRow("Credi&bility of the information", self.credibility)
        grading.addRow("", self.grade_label)
        grading.addRow("&Note", self.note)
        cited = QGroupBox("Cited by")
        QVBoxLayout(cited).addWidget(self.citing)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(evaluation)
        layout.addLayout(self._buttons())
        layout.addWidget(cited, 1)
        return body

    # -- which source ------------------------------------------------------------------------

    @property
    def source_id(self) -> int | None:
        return self._record_id

    def show_source(self, source_id: int | None, placeholder: str | None = None) -> None:
        self.show_record(source_id, placeholder)

    # -- reading -----------------------------------------------------------------------------

    def _fetch(self, source_id: int) -> dict | None:
        return sources.get_source(self._session.db, source_id)

    def _stored_values(self, source: dict) -> dict:
        values = {key: source[column] or "" for key, column in _COLUMNS.items()}
        values.update(
            type=source["csl_type"], issued=source["issued_edtf"] or "", accessed=source["accessed_edtf"] or "",
            creators=tuple((role, *name_parts(name)) for role in sources.CREATOR_ROLES
                           for name in source["creators"].get(role, [])),
            reliability=source["reliability"] or "", credibility=source["credibility"] or 0,
            note=source["evaluation_note"] or "")
        return values

    def _widget_values(self) -> dict:
        values = {key: field.text().strip() for key, field in self.fields.items()}
        values.update(
            type=self.csl_type.currentData(), issued=self.issued.text(), accessed=self.accessed.text(),
            creators=tuple(self.creators.rows()), reliability=self.reliability.currentData(),
            credibility=self.credibility.currentData(), note=self.note.toPlainText())
        return values

    def _put(self, key: str, value) -> None:
        if key in self.fields:
            self.fields[key].setText(value)
            self.fields[key].setCursorPosition(0)  # show a long title from its start
        elif key in ("issued", "accessed"):
            getattr(self, key).set_text(value)
        elif key == "creators":
            self.creators.set_rows(value)
        elif key == "note":
            self.note.setPlainText(value)
        else:
            combo = {"type": self.csl_type, "reliability": self.reliability, "credibility": self.credibility}[key]
            if combo.findData(value) < 0:  # a type from an imported file this version does not name
                combo.addItem(type_name(value), value)
            combo.setCurrentIndex(combo.findData(value))

    def _show_record(self, source: dict) -> None:
        self.heading.setText(source["title"] or "(untitled)")
        self.citing.clear()
        for event in citations.citing_events(self._session.db, source["id"]):
            text = f"{in_words_or_raw(event['date_edtf'])} — {event['title']}"
            if event["stance"] != "supports":
                text += f"  ({event['stance']})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, event["event_id"])
            item.setToolTip(literal(event["quote"] or event["title"]))
            self.citing.addItem(item)
        if not self.citing.count():
            empty = QListWidgetItem("No event cites this source yet.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.citing.addItem(empty)

    def _event_activated(self, item: QListWidgetItem) -> None:
        event_id = item.data(Qt.ItemDataRole.UserRole)
        if event_id is not None:
            self.event_requested.emit(event_id)

    # -- saving ------------------------------------------------------------------------------

    def _invalid(self, values: dict) -> bool:
        return not (self.issued.is_valid() and self.accessed.is_valid())

    def _values_shown(self, values: dict) -> None:
        letter, number = values["reliability"] or None, values["credibility"] or None
        shown = grade(letter, number)
        self.grade_label.setText(f"{shown} — {grade_meaning(letter, number)}" if shown else "Not graded yet")

    def _record(self, values: dict) -> dict:
        """The stored CSL item with the form's values in place of the ones it shows."""
        item = sources.to_csl(self._session.db, self._record_id, edtf_to_csl_date)
        for key, variable in TEXT_VARIABLES.items():
            item[variable] = values[key] or (None if key != "title" else "")
        item["type"] = values["type"]
        for role in sources.CREATOR_ROLES:
            item.pop(role, None)
        item.update(self.creators.creators())
        return item

    def _store(self, values: dict) -> bool:
        return bool(verbs.edit_source(
            self._session, self, self._record_id, self._record(values), values["issued"] or None,
            values["accessed"] or None, reliability=values["reliability"] or None,
            credibility=values["credibility"] or None, evaluation_note=values["note"]))
