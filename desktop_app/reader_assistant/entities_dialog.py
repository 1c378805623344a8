"""Tools → Entities…: the project's people, places and organisations with their aliases, to merge
two that are one (an entity entered twice under different spellings). Merging is one undoable
edit: the other's name and aliases become aliases of the one kept, its events link to it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from db.entities import entity_names
from desktop_app import verbs
from desktop_app.extract.name_finder import fold

ENTITY_ID = Qt.ItemDataRole.UserRole
ENTITY_NAME = Qt.ItemDataRole.UserRole + 1


class EntitiesDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Entities")
        self.resize(460, 520)
        self.filter = QLineEdit(placeholderText="Find by name or alias", clearButtonEnabled=True)
        self.filter.textChanged.connect(self._fill)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.hint = QLabel(wordWrap=True)
        self.keep = QComboBox()
        self.merge_button = QPushButton("Merge")
        self.merge_button.clicked.connect(self.merge)
        merge_row = QHBoxLayout()
        merge_row.addWidget(QLabel("Keep"))
        merge_row.addWidget(self.keep, 1)
        merge_row.addWidget(self.merge_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addLayout(merge_row)
        layout.addWidget(buttons)
        session.changed.connect(lambda changes: changes.touches("entities", "entity_aliases") and self._fill())
        self._fill()

    def _fill(self) -> None:
        # All entities: the name finder reads them all for every source anyway (hundreds, not millions).
        wanted = fold(self.filter.text().strip())
        chosen = {item.data(ENTITY_ID) for item in self.list.selectedItems()}
        self.list.clear()
        for entity_id, names in entity_names(self.session.db):
            if wanted and not any(wanted in fold(name) for name in names):
                continue
            aliases = f"\n    also: {', '.join(names[1:])}" if names[1:] else ""
            item = QListWidgetItem(names[0] + aliases)
            item.setData(ENTITY_ID, entity_id)
            item.setData(ENTITY_NAME, names[0])
            self.list.addItem(item)
            item.setSelected(entity_id in chosen)
        self._selection_changed()

    def select(self, *entity_ids: int) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setSelected(item.data(ENTITY_ID) in entity_ids)

    def _selection_changed(self) -> None:
        chosen = self.list.selectedItems()
        self.keep.clear()
        for item in chosen[:2]:
            self.keep.addItem(item.data(ENTITY_NAME), item.data(ENTITY_ID))
        two = len(chosen) == 2
        self.keep.setEnabled(two)
        self.merge_button.setEnabled(two)
        self.hint.setText("Merge folds the other entity into the one kept: its name and aliases become "
                          "aliases, its events are linked to the one kept." if two else
                          "Select two entities (Ctrl+click) that are the same to merge them.")

    def merge(self) -> None:
        chosen = [item.data(ENTITY_ID) for item in self.list.selectedItems()]
        if len(chosen) != 2:
            return
        keep = self.keep.currentData()
        other = chosen[1] if chosen[0] == keep else chosen[0]
        if verbs.merge_entities(self.session, self, keep, other):
            self.select(keep)
