"""The inspector: one event's fields, its date checked as you type, its citations.

A ``RecordForm``: edits stay in the fields until Save (Ctrl+Return), one undoable step holding
only the fields that changed, so a date dragged on the timeline meanwhile is not overwritten by a
title edit; moving to another event settles a pending edit as every record form does.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from db import events
from db.entities import find_entity, used_tag_names
from db.errors import SourcelineError
from desktop_app import verbs
from desktop_app.authors.byline_label import BylineLabel
from desktop_app.events.citation_list import CitationList
from desktop_app.events.date_field import DateField
from desktop_app.events.alias_dialog import ask_alias
from desktop_app.events.error_label import ErrorLabel
from desktop_app.events.name_fields import NameListField, entity_completions
from desktop_app.record_form import RecordForm
from desktop_app.reliability.literal_text import literal

FIELDS = ("title", "date_edtf", "description", "tags", "entities", "location_name", "latitude", "longitude")


def _coordinate(text: str, name: str, limit: float) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise SourcelineError(f"{name} must be a number (decimal degrees), not “{text}”") from None
    if not -limit <= value <= limit:
        raise SourcelineError(f"{name} must be between −{limit:g} and {limit:g}")
    return value


def _name_set(names) -> tuple[str, ...]:
    """Tags or entities in a canonical order, so that retyping them in another order is no edit."""
    return tuple(sorted(set(names), key=str.casefold))


class EventEditor(RecordForm):
    cite_requested = Signal(int)  # event id: the user wants to add a citation
    source_requested = Signal(int, object)  # source id, annotation id or None

    NOUN = "event"
    RECORD_TABLE = "events"
    RELATED_TABLES = ("citations", "sources", "annotations", "tags", "event_tags", "entities", "event_entities")
    PLACEHOLDER = "Select an event to see and edit it here.\n\nPress Ctrl+N to add one."
    SAVE_TIP = "Save this event (Ctrl+Return) — one step you can undo"
    INVALID_TIP = "Fix the title, date or location first"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        db = session.db
        self.byline = BylineLabel()
        self.title = QLineEdit()
        self.date = DateField()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(60)
        self.description.setMaximumHeight(140)
        self.tags = NameListField(lambda: used_tag_names(db), "comma, separated")
        self.entities = NameListField(lambda: entity_completions(db), "people, organisations, places",
                                      add_alias=lambda name: ask_alias(session, "", self, find_entity(db, name)))
        self.location_name = QLineEdit(placeholderText="Place name")
        self.latitude = QLineEdit(placeholderText="Latitude")
        self.longitude = QLineEdit(placeholderText="Longitude")
        self.location_error = ErrorLabel()
        self.citations = CitationList()
        self.setAccessibleName("Event editor")
        # The form's labels name the other fields; these have none of their own.
        self.tags.setAccessibleName("Tags")
        self.entities.setAccessibleName("Entities")
        self.latitude.setAccessibleName("Latitude")
        self.longitude.setAccessibleName("Longitude")

        for field in (self.title, self.location_name, self.latitude, self.longitude):
            field.textEdited.connect(self._update_state)
        for field in (self.tags, self.entities):
            field.textChanged.connect(self._update_state)
        self.description.textChanged.connect(self._update_state)
        self.date.edited.connect(self._update_state)
        self.date.validity_changed.connect(lambda _: self._update_state())
        self.citations.remove_requested.connect(lambda cid: verbs.remove_citation(self._session, self, cid))
        self.citations.open_requested.connect(self.source_requested)
        self.citations.add_requested.connect(lambda: self._record_id is not None and self.cite_requested.emit(self._record_id))
        self._set_body(self._form())

    def _form(self) -> QWidget:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("T&itle", self.title)
        form.addRow("&Date", self.date)
        form.addRow("Desc&ription", self.description)
        form.addRow("T&ags", self.tags)
        form.addRow("E&ntities", self.entities)
        coordinates = QHBoxLayout()
        coordinates.addWidget(self.latitude)
        coordinates.addWidget(self.longitude)
        place = QVBoxLayout()
        place.setSpacing(4)
        place.addWidget(self.location_name)
        place.addLayout(coordinates)
        place.addWidget(self.location_error)
        place_label = QLabel("&Location")
        place_label.setBuddy(self.location_name)  # a layout row has no buddy of its own
        form.addRow(place_label, place)
        cited = QGroupBox("Sources cited")
        cited_layout = QVBoxLayout(cited)
        cited_layout.addWidget(self.citations)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.byline)
        layout.addLayout(form)
        layout.addLayout(self._buttons())
        layout.addWidget(cited, 1)
        return body

    # -- which event -------------------------------------------------------------------------

    @property
    def event_id(self) -> int | None:
        return self._record_id

    def show_event(self, event_id: int | None, placeholder: str | None = None) -> None:
        self.show_record(event_id, placeholder)

    def focus_title(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    # -- reading -----------------------------------------------------------------------------

    def _fetch(self, event_id: int) -> dict | None:
        return events.get_event(self._session.db, event_id)

    def _stored_values(self, event: dict) -> dict:
        def number(value):
            return "" if value is None else f"{value:g}"

        return {
            "title": event["title"], "date_edtf": event["date_edtf"], "description": event["description"] or "",
            "tags": _name_set(event["tags"]), "entities": _name_set(event["entities"]),
            "location_name": event["location_name"] or "", "latitude": number(event["latitude"]),
            "longitude": number(event["longitude"]),
        }

    def _widget_values(self) -> dict:
        return {
            "title": self.title.text().strip(), "date_edtf": self.date.text(), "description": self.description.toPlainText(),
            "tags": _name_set(self.tags.names()), "entities": _name_set(self.entities.names()),
            "location_name": self.location_name.text().strip(), "latitude": self.latitude.text().strip(),
            "longitude": self.longitude.text().strip(),
        }

    def _put(self, key: str, value) -> None:
        if key == "date_edtf":
            self.date.set_text(value)
        elif key == "description":
            self.description.setPlainText(value)
        elif key in ("tags", "entities"):
            getattr(self, key).set_names(value)
        else:
            field = getattr(self, key)
            field.setText(value)
            field.setCursorPosition(0)  # show a long title from its start

    def _show_record(self, event: dict) -> None:
        self.heading.setText(event["title"])
        self.heading.setToolTip(literal(event["title"]))
        self.byline.show_record(self._session.db, "events", event["id"])
        self.citations.set_citations(event["citations"])

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        for field in (self.tags, self.entities):  # a save ends the typing: no completion left open
            field.close_completion()
        return super().save()

    def _invalid(self, values: dict) -> bool:
        """True when a value cannot be stored; a wrong place is said under the location."""
        problems = []
        try:
            latitude = _coordinate(values["latitude"], "Latitude", 90)
            longitude = _coordinate(values["longitude"], "Longitude", 180)
            if (latitude is None) != (longitude is None):
                raise SourcelineError("Give both latitude and longitude, or neither")
        except SourcelineError as error:
            problems.append(str(error))
        self.location_error.set_error("; ".join(problems))
        return bool(problems) or not self.date.is_valid() or not values["title"].strip()

    def _store(self, values: dict) -> bool:
        """Only the fields that changed, as one ``update_event``."""
        changed = {key: value for key, value in values.items() if value != self._loaded[key]}
        if "latitude" in changed or "longitude" in changed:  # a position is a pair: store both
            changed["latitude"] = _coordinate(values["latitude"], "Latitude", 90)
            changed["longitude"] = _coordinate(values["longitude"], "Longitude", 180)
        links = {key: changed.pop(key) for key in ("tags", "entities") if key in changed}
        return bool(verbs.edit_event(self._session, self, self._record_id, **links, **changed))
