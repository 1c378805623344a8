"""The inspector: one event's fields, its date checked as you type, its citations.

Edits are kept in the fields until Save (Ctrl+Return), which pushes one ``update_event`` op:
one undoable step per Save, holding only the fields that changed, so a date dragged on the
timeline meanwhile is not overwritten by a title edit. Moving to another event saves a valid
pending edit rather than dropping it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QScrollArea, QStackedWidget, QVBoxLayout, QWidget)

from db import citations, events
from db.entities import find_entity, used_tag_names
from db.errors import SourcelineError
from desktop_app.authors.byline_label import BylineLabel
from desktop_app.events.citation_list import CitationList
from desktop_app.events.date_field import DateField
from desktop_app.events.error_label import ErrorLabel
from desktop_app.events.alias_dialog import ask_alias
from desktop_app.events.name_fields import NameListField, entity_completions
from desktop_app.reliability.literal_text import literal

# Changes to these tables may alter what the editor shows of its event.
SHOWN_TABLES = ("events", "citations", "sources", "annotations", "tags", "event_tags", "entities", "event_entities")
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


class EventEditor(QWidget):
    dirty_changed = Signal(bool)
    cite_requested = Signal(int)  # event id: the user wants to add a citation
    source_requested = Signal(int, object)  # source id, annotation id or None
    problem = Signal(str)  # a message for the status bar (an edit refused or dropped)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._event_id: int | None = None
        self._loaded: dict = {}
        self._dirty = False
        self._loading = False  # filling the fields is not an edit
        self._saving = False  # our own save is being stored: its refresh shows what the store holds
        db = session.db

        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
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
        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Save this event (Ctrl+Return) — one step you can undo")
        self.revert_button = QPushButton("Revert")
        self.revert_button.setToolTip("Forget the changes made since the last save")
        self.setAccessibleName("Event editor")
        # The form's labels name the other fields; these have none of their own.
        self.tags.setAccessibleName("Tags")
        self.entities.setAccessibleName("Entities")
        self.latitude.setAccessibleName("Latitude")
        self.longitude.setAccessibleName("Longitude")

        self._stack = QStackedWidget()
        self.placeholder = QLabel("Select an event to see and edit it here.\n\nPress Ctrl+N to add one.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("emptyState")
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self._form())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        for field in (self.title, self.location_name, self.latitude, self.longitude):
            field.textEdited.connect(self._update_state)
        for field in (self.tags, self.entities):
            field.textChanged.connect(self._update_state)
        self.description.textChanged.connect(self._update_state)
        self.date.edited.connect(self._update_state)
        self.date.validity_changed.connect(lambda _: self._update_state())
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.citations.remove_requested.connect(lambda cid: self._push(citations.delete_citation(cid)))
        self.citations.open_requested.connect(self.source_requested)
        self.citations.add_requested.connect(lambda: self._event_id is not None and self.cite_requested.emit(self._event_id))
        session.changed.connect(self.refresh)
        self.show_event(None)

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
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.byline)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(cited, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no blank Tab stop: it scrolls to the focused field
        scroll.setWidget(body)
        return scroll

    # -- which event -------------------------------------------------------------------------

    @property
    def event_id(self) -> int | None:
        return self._event_id

    def is_dirty(self) -> bool:
        return self._dirty

    def show_event(self, event_id: int | None, placeholder: str | None = None) -> None:
        """Show another event (None: nothing). A valid pending edit of the current one is saved first."""
        if event_id == self._event_id and event_id is not None:
            return
        self._settle()
        event = events.get_event(self._session.db, event_id) if event_id is not None else None
        self._event_id = event["id"] if event else None
        if event is None:
            self.placeholder.setText(placeholder or "Select an event to see and edit it here.\n\nPress Ctrl+N to add one.")
            self._stack.setCurrentIndex(0)
            self._loaded = {}
        else:
            self._stack.setCurrentIndex(1)
            self._load(event, keep_edits=False)
        self._update_state()

    def focus_title(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    def _settle(self) -> None:
        if not self._dirty:
            return
        if self._valid_values() is not None:
            self.save()
        else:
            self.problem.emit(f"Unsaved changes to “{self._loaded.get('title', '')}” were dropped: they were not valid")
            self.revert()

    # -- reading -----------------------------------------------------------------------------

    @staticmethod
    def _stored_values(event: dict) -> dict:
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

    def _load(self, event: dict, keep_edits: bool) -> None:
        """Fill the fields; with ``keep_edits``, a field the user has changed keeps their text."""
        stored = self._stored_values(event)
        current = self._widget_values()
        self._loading = True
        for key in FIELDS:
            if current[key] == stored[key]:
                continue  # already shown: leave the cursor where it is
            if not keep_edits or current[key] == self._loaded.get(key):
                self._put(key, stored[key])
        self._loading = False
        self._loaded = stored
        self.heading.setText(event["title"])
        self.heading.setToolTip(literal(event["title"]))
        self.byline.show_record(self._session.db, "events", event["id"])
        self.citations.set_citations(event["citations"])

    def refresh(self, changes) -> None:
        if self._event_id is None or not changes.touches(*SHOWN_TABLES):
            return
        event = events.get_event(self._session.db, self._event_id)
        if event is None:  # deleted (or its creation undone)
            self._event_id = None
            self._dirty = False
            self.show_event(None)
            return
        self._load(event, keep_edits=not self._saving)
        self._update_state()

    # -- saving ------------------------------------------------------------------------------

    def _valid_values(self) -> dict | None:
        """The widget values ready to store, or None (with the reason shown) when one is invalid."""
        values = self._widget_values()
        problems = []
        try:
            latitude = _coordinate(values["latitude"], "Latitude", 90)
            longitude = _coordinate(values["longitude"], "Longitude", 180)
            if (latitude is None) != (longitude is None):
                raise SourcelineError("Give both latitude and longitude, or neither")
        except SourcelineError as error:
            problems.append(str(error))
        self.location_error.set_error("; ".join(problems))
        if problems or not self.date.is_valid() or not values["title"].strip():
            return None
        return values

    def _update_state(self) -> None:
        if self._loading:
            return
        loaded = bool(self._loaded)
        dirty = loaded and self._widget_values() != self._loaded
        valid = loaded and self._valid_values() is not None
        self.save_button.setEnabled(dirty and valid)
        self.revert_button.setEnabled(dirty)
        self.save_button.setToolTip(
            "Save this event (Ctrl+Return) — one step you can undo" if valid or not loaded
            else "Fix the title, date or location first")
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def save(self) -> bool:
        """Store the changed fields as one undoable edit. False when invalid or refused."""
        for field in (self.tags, self.entities):  # a save ends the typing: no completion left open
            field.close_completion()
        if self._event_id is None or not self._dirty:
            return False
        values = self._valid_values()
        if values is None:
            return False
        changed = {key: value for key, value in values.items() if value != self._loaded[key]}
        if "latitude" in changed or "longitude" in changed:  # a position is a pair: store both
            changed["latitude"] = _coordinate(values["latitude"], "Latitude", 90)
            changed["longitude"] = _coordinate(values["longitude"], "Longitude", 180)
        links = {key: changed.pop(key) for key in ("tags", "entities") if key in changed}
        # The refresh this edit causes shows what the store holds, not what was typed: it may write
        # a field otherwise (an alias becomes its entity's name, "Politics" the existing tag
        # "politics", "50.450" 50.45), and the fields would else stay "unsaved" and be saved again
        # at every move.
        self._saving = True
        try:
            if not self._push(events.update_event(self._event_id, **links, **changed)):
                return False
        finally:
            self._saving = False
        if self._dirty:  # the edit changed nothing stored ("POLITICS" for "politics"): no refresh came
            self._load(events.get_event(self._session.db, self._event_id), keep_edits=False)
            self._update_state()
        return True

    def revert(self) -> None:
        for key in FIELDS:
            if key in self._loaded:
                self._put(key, self._loaded[key])
        self._update_state()

    def _push(self, op) -> bool:
        try:
            self._session.push(op)
        except SourcelineError as error:
            self.problem.emit(str(error))
            return False
        return True
