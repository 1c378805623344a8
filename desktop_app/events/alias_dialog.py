"""Add alias…: a word of a text (or of an event's entities) as another name of an entity.

Offered on any word or selection in the reader and on an entity in the event editor; the entity
nearest in spelling is chosen beforehand ("Solz" → Olaf Scholz), any other can be picked.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QMessageBox, QWidget)
from rapidfuzz import fuzz, process

from db.entities import entity_names, find_entity
from desktop_app import verbs
from desktop_app.extract.name_finder import fold, surname
from desktop_app.reliability.literal_text import literal

MAX_ALIAS_CHARS = 80  # a selection longer than this is not a name
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")


def word_at(text: str, offset: int) -> str:
    """The word (letters, with inner hyphens and apostrophes: "Frank-Walter", "O'Brien") at or just before ``offset``."""
    for match in _WORD.finditer(text, max(0, offset - 60), min(len(text), offset + 60)):
        if match.start() <= offset <= match.end():
            return match.group().removesuffix("'s").removesuffix("’s")
    return ""


def nearest_entity(names: list[tuple[int, list[str]]], text: str) -> int | None:
    """The entity whose name, alias or surname is spelled most like ``text`` (None when none is close)."""
    spelled = [(entity_id, fold(form)) for entity_id, forms in names
               for name in forms for form in (name, surname(name) or name)]
    best = process.extractOne(fold(text), [s for _, s in spelled], scorer=fuzz.ratio, score_cutoff=50)
    return spelled[best[2]][0] if best else None


class AliasDialog(QDialog):
    def __init__(self, session, alias: str, entity_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Add alias")
        self.setMinimumWidth(420)
        names = entity_names(session.db)
        self.alias = QLineEdit(" ".join(alias.split())[:MAX_ALIAS_CHARS])
        self.entity = QComboBox()
        self.entity.setEditable(True)
        self.entity.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for each_id, forms in names:
            self.entity.addItem(forms[0], each_id)
        self.entity.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.entity.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        chosen = entity_id if entity_id is not None else nearest_entity(names, alias)
        self.entity.setCurrentIndex(self.entity.findData(chosen) if chosen is not None else -1)
        form = QFormLayout(self)
        form.addRow("&Alias", self.alias)
        form.addRow("&Of the entity", self.entity)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add alias")
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.alias.textChanged.connect(self._update)
        self.entity.currentTextChanged.connect(self._update)
        self._update()

    def chosen_entity(self) -> int | None:
        return find_entity(self.session.db, self.entity.currentText()) if self.entity.currentText().strip() else None

    def _update(self) -> None:
        ready = bool(self.alias.text().strip()) and self.chosen_entity() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def add(self) -> None:
        entity_id = self.chosen_entity()
        if entity_id is None or not self.alias.text().strip():
            return
        if verbs.add_alias(self.session, self, entity_id, self.alias.text()):
            self.accept()


def ask_alias(session, text: str, parent: QWidget, entity_id: int | None = None) -> None:
    """Open the Add alias dialog for ``text`` (of ``entity_id`` when given, else of the entity
    spelled most like it), or say there is no entity yet to add it to."""
    if not entity_names(session.db):
        QMessageBox.information(parent, "Add alias", literal(
            f"The project has no entities yet: name one in an event's Entities first, then “{text}” can be "
            "added as another name of it."))
        return
    AliasDialog(session, text, entity_id, parent).exec()
