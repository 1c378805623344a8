"""One record's fields beside a list (the event editor, the source editor): shown, edited, saved as
one undoable step, reverted — the same way for every kind of record.

Edits stay in the fields until Save (Ctrl+Return, Ctrl+Enter or Ctrl+S), which pushes one verb
holding the form's values. Moving to another record settles a pending edit the same way in every
form (``_settle``): a valid one is saved, an invalid one discarded, one whose record was deleted
discarded — each discard said in the status bar. Nothing is saved while the views are being told
of another edit (``Session.broadcasting``): the pending edit then stays on screen.

A subclass builds its fields and says what its record is: ``RECORD_TABLE`` and the tables whose
changes show in it, how to read a record (``_fetch``), its stored and typed values, how to put a
value in a field, what makes the values invalid, and the verb that stores them.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget


class RecordForm(QWidget):
    dirty_changed = Signal(bool)
    problem = Signal(str)  # a message for the status bar (a pending edit discarded)

    NOUN = "record"  # "the {NOUN} was deleted"
    RECORD_TABLE = ""  # the table of the records shown
    RELATED_TABLES: tuple[str, ...] = ()  # other tables whose changes may alter what the form shows
    PLACEHOLDER = ""
    SAVE_TIP = "Save (Ctrl+Return) — one step you can undo"
    INVALID_TIP = "Fix the fields marked first"

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._record_id: int | None = None
        self._loaded: dict = {}
        self._dirty = False
        self._loading = False  # filling the fields is not an edit

        self.heading = QLabel(objectName="editorHeading", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.save_button = QPushButton("Save", default=True)
        self.save_button.setToolTip(self.SAVE_TIP)
        self.revert_button = QPushButton("Revert")
        self.revert_button.setToolTip("Forget the changes made since the last save")
        self.placeholder = QLabel(self.PLACEHOLDER, objectName="emptyState", wordWrap=True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        session.changed.connect(self.refresh)

    def _set_body(self, body: QWidget) -> None:
        """The subclass's fields, in a scroll area, shown when a record is. A pane narrower than the
        form scrolls sideways: no field or button cut off out of reach."""
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no blank Tab stop: it scrolls to the focused field
        scroll.setWidget(body)
        self._stack.addWidget(scroll)
        self.show_record(None)

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        return buttons

    # -- what a subclass says ----------------------------------------------------------------

    def _fetch(self, record_id: int) -> dict | None:
        raise NotImplementedError

    def _stored_values(self, record: dict) -> dict:
        raise NotImplementedError

    def _widget_values(self) -> dict:
        raise NotImplementedError

    def _put(self, key: str, value) -> None:
        raise NotImplementedError

    def _invalid(self, values: dict) -> bool:
        """Whether the typed values cannot be stored (the subclass shows why beside the fields)."""
        return False

    def _store(self, values: dict) -> bool:
        """Push the verb storing ``values``; False when it was refused."""
        raise NotImplementedError

    def _show_record(self, record: dict) -> None:
        """Show what is not a field (the heading, lists of related records)."""

    def _values_shown(self, values: dict) -> None:
        """The typed values changed (a subclass may show what they mean)."""

    # -- which record ------------------------------------------------------------------------

    @property
    def record_id(self) -> int | None:
        return self._record_id

    def is_dirty(self) -> bool:
        return self._dirty

    def show_record(self, record_id: int | None, placeholder: str | None = None) -> None:
        """Show another record (None: nothing), once the pending edit of this one is settled."""
        if record_id == self._record_id and record_id is not None:
            return
        if not self._settle():
            return
        record = self._fetch(record_id) if record_id is not None else None
        self._record_id = record["id"] if record else None
        if record is None:
            self.placeholder.setText(placeholder or self.PLACEHOLDER)
            self._stack.setCurrentIndex(0)
            self._loaded = {}
        else:
            self._stack.setCurrentIndex(1)
            self._load(record, keep_edits=False)
        self._update_state()

    def _settle(self) -> bool:
        """Before another record is shown: save a valid pending edit; discard, saying so, an invalid
        one or one whose record was deleted. False keeps this record shown: during a change
        notification nothing may be saved, so the pending edit stays on screen until the next move."""
        if not self._dirty:
            return True
        if self._fetch(self._record_id) is None:
            self._discard(f"the {self.NOUN} was deleted")
        elif self._session.broadcasting:
            return False
        elif not self.save():
            self._discard("they were not valid")
        return True

    def _discard(self, why: str) -> None:
        self.problem.emit(f"Unsaved changes to “{self._loaded.get('title', '')}” were discarded: {why}")
        self.revert()

    # -- reading -----------------------------------------------------------------------------

    def _load(self, record: dict, keep_edits: bool) -> None:
        """Fill the fields; with ``keep_edits``, a field the user has changed keeps their text."""
        stored = self._stored_values(record)
        current = self._widget_values()
        self._loading = True
        for key, value in stored.items():
            if current[key] == value:
                continue  # already shown: leave the cursor where it is
            if not keep_edits or current[key] == self._loaded.get(key):
                self._put(key, value)
        self._loading = False
        self._loaded = stored
        self._show_record(record)

    def refresh(self, changes) -> None:
        """Show an edit's effect on this record. Another's edit keeps what is being typed; the
        form's own save shows what the store holds (it may write a value otherwise)."""
        if self._record_id is None or not (changes.may_touch(self.RECORD_TABLE, self._record_id)
                                           or changes.touches(*self.RELATED_TABLES)):
            return
        record = self._fetch(self._record_id)
        if record is None:  # deleted (or its creation undone)
            self.show_record(None)
            return
        self._load(record, keep_edits=changes.initiator is not self)
        self._update_state()

    # -- saving ------------------------------------------------------------------------------

    def _update_state(self) -> None:
        if self._loading:
            return
        loaded = bool(self._loaded)
        values = self._widget_values() if loaded else {}
        dirty = loaded and values != self._loaded
        valid = loaded and not self._invalid(values)
        self.save_button.setEnabled(dirty and valid)
        self.revert_button.setEnabled(dirty)
        self.save_button.setToolTip(self.SAVE_TIP if valid or not loaded else self.INVALID_TIP)
        if loaded:
            self._values_shown(values)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def save(self) -> bool:
        """Store the form as one undoable edit. False when invalid or refused."""
        if self._record_id is None or not self._dirty:
            return False
        values = self._widget_values()
        if self._invalid(values) or not self._store(values):
            return False
        if self._dirty:  # the edit changed nothing stored ("POLITICS" for "politics"): no refresh came
            self._load(self._fetch(self._record_id), keep_edits=False)
            self._update_state()
        return True

    def revert(self) -> None:
        self._loading = True
        for key, value in self._loaded.items():
            self._put(key, value)
        self._loading = False
        self._update_state()
