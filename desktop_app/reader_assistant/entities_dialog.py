"""Tools → Entities…: the project's people, places and organisations, to look after their names.

Find an entity by name or alias; rename it (the old name stays as an alias), set its kind, add
and remove aliases, delete it (after saying which events it unlinks from), or select two that are
one and merge them (the other's name and aliases become aliases, its events link to the one
kept). Every change is one undoable edit.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from db.entities import ENTITY_KINDS, entity_list, linked_events
from desktop_app import verbs
from desktop_app.extract.name_finder import fold
from desktop_app.reliability.literal_text import literal

ENTITY_ID = Qt.ItemDataRole.UserRole
ENTITY_NAME = Qt.ItemDataRole.UserRole + 1
SHOWN_EVENTS = 10


class EntitiesDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Entities")
        self.resize(760, 520)
        self.setMinimumSize(560, 400)
        self._rows: dict[int, dict] = {}
        self.filter = QLineEdit(placeholderText="Find by name or alias", clearButtonEnabled=True)
        self.filter.textChanged.connect(self._fill)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAlternatingRowColors(True)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.count = QLabel()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter)
        column.addWidget(self.list, 1)
        column.addWidget(self.count)

        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.name.editingFinished.connect(self.rename)
        self.kind = QComboBox()
        self.kind.addItems(ENTITY_KINDS)
        self.kind.setAccessibleName("Kind")
        self.kind.activated.connect(lambda _: self.set_kind(self.kind.currentText()))
        self.aliases = QListWidget()
        self.aliases.setAccessibleName("Aliases")
        self.aliases.itemSelectionChanged.connect(self._alias_selection_changed)
        self.add_alias_button = QPushButton("Add alias…")
        self.add_alias_button.clicked.connect(lambda: self.ask_alias())
        self.remove_alias_button = QPushButton("Remove alias")
        self.remove_alias_button.clicked.connect(self.remove_chosen_alias)
        alias_buttons = QHBoxLayout()
        alias_buttons.addWidget(self.add_alias_button)
        alias_buttons.addWidget(self.remove_alias_button)
        alias_buttons.addStretch(1)
        self.events = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.delete_button = QPushButton("Delete entity…")
        self.delete_button.clicked.connect(self.delete)
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Kind", self.kind)
        form.addRow("&Aliases", self.aliases)
        form.addRow("", alias_buttons)
        form.addRow("Events", self.events)
        form.addRow("", self.delete_button)
        self.details = QWidget()
        self.details.setLayout(form)

        self.hint = QLabel(wordWrap=True)
        self.keep = QComboBox()
        self.merge_button = QPushButton("Merge")
        self.merge_button.clicked.connect(self.merge)
        merge_row = QHBoxLayout()
        merge_row.addWidget(QLabel("Keep"))
        merge_row.addWidget(self.keep, 1)
        merge_row.addWidget(self.merge_button)
        self.merging = QWidget()
        self.merging.setLayout(merge_row)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.details, 1)
        side.addWidget(self.hint)
        side.addWidget(self.merging)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 460])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        session.changed.connect(self._on_changed)
        self._fill()

    # -- the list ---------------------------------------------------------------------------------

    def _on_changed(self, changes) -> None:
        if changes.touches("entities", "entity_aliases", "event_entities", "events"):
            self._fill()

    def _fill(self) -> None:
        # All entities: the name finder reads them all for every source anyway (hundreds, not millions).
        wanted = fold(self.filter.text().strip())
        chosen = self.chosen_ids()
        rows = entity_list(self.session.db)
        self._rows = {row["id"]: row for row in rows}
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            if wanted and not any(wanted in fold(name) for name in (row["name"], *row["aliases"])):
                continue
            item = QListWidgetItem(row["name"])
            item.setData(ENTITY_ID, row["id"])
            item.setData(ENTITY_NAME, row["name"])
            item.setToolTip(literal(", ".join(row["aliases"])) if row["aliases"] else "")
            self.list.addItem(item)
            item.setSelected(row["id"] in chosen)
        self.list.blockSignals(False)
        shown = self.list.count()
        self.count.setText(f"{shown:,} of {len(rows):,} entities" if shown != len(rows) else f"{len(rows):,} entities")
        if not self.list.selectedItems() and shown:
            self.list.item(0).setSelected(True)
        self._selection_changed()

    def chosen_ids(self) -> list[int]:
        return [item.data(ENTITY_ID) for item in self.list.selectedItems()]

    def select(self, *entity_ids: int) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setSelected(item.data(ENTITY_ID) in entity_ids)
            if item.isSelected():
                self.list.scrollToItem(item)

    def _selection_changed(self) -> None:
        chosen = self.chosen_ids()
        one = self._rows.get(chosen[0]) if len(chosen) == 1 else None
        self.details.setEnabled(one is not None)
        self.name.setText(one["name"] if one else "")
        self.kind.setCurrentText(one["kind"] if one else ENTITY_KINDS[-1])
        self.aliases.clear()
        self.aliases.addItems(one["aliases"] if one else [])
        self._alias_selection_changed()
        if one is not None:
            titles = linked_events(self.session.db, one["id"], SHOWN_EVENTS)
            more = one["events"] - len(titles)
            self.events.setText("none" if not titles else "; ".join(titles) + (f"; and {more:,} more" if more else ""))
        else:
            self.events.setText("")
        self.keep.clear()
        for entity_id in chosen[:2]:
            self.keep.addItem(self._rows[entity_id]["name"], entity_id)
        two = len(chosen) == 2
        self.merging.setEnabled(two)
        self.hint.setText("Merge folds the other entity into the one kept: its name and aliases become "
                          "aliases, its events are linked to the one kept." if two else
                          "Select two entities (Ctrl+click) that are the same to merge them.")

    def _alias_selection_changed(self) -> None:
        self.remove_alias_button.setEnabled(bool(self.aliases.selectedItems()))

    # -- the edits ----------------------------------------------------------------------------------

    def _one(self) -> dict | None:
        chosen = self.chosen_ids()
        return self._rows.get(chosen[0]) if len(chosen) == 1 else None

    def rename(self) -> None:
        one = self._one()
        if one is not None and self.name.text().strip() and self.name.text().strip() != one["name"]:
            if not verbs.rename_entity(self.session, self, one["id"], self.name.text()):
                self.name.setText(one["name"])

    def set_kind(self, kind: str) -> None:
        one = self._one()
        if one is not None and kind != one["kind"]:
            verbs.set_entity_kind(self.session, self, one["id"], kind)

    def ask_alias(self, suggested: str = "") -> None:
        one = self._one()
        if one is None:
            return
        alias, ok = QInputDialog.getText(self, "Add alias", f"Another name for {one['name']}:", text=suggested)
        if ok and alias.strip():
            self.add_alias(alias)

    def add_alias(self, alias: str) -> bool:
        one = self._one()
        return one is not None and bool(verbs.add_alias(self.session, self, one["id"], alias))

    def remove_chosen_alias(self) -> None:
        one = self._one()
        for item in self.aliases.selectedItems():
            verbs.remove_alias(self.session, self, one["id"], item.text())

    def delete(self) -> None:
        one = self._one()
        if one is None:
            return
        titles = linked_events(self.session.db, one["id"], SHOWN_EVENTS)
        unlinks = ("It names no event." if not titles else
                   f"It is unlinked from {one['events']:,} event{'s' if one['events'] != 1 else ''}: "
                   + "; ".join(titles) + ("; …" if one["events"] > len(titles) else "") + ".")
        aliases = f" Its aliases ({', '.join(one['aliases'])}) go with it." if one["aliases"] else ""
        answer = QMessageBox.question(self, "Delete entity", literal(
            f"Delete “{one['name']}”? {unlinks}{aliases} The events themselves stay. Edit → Undo brings it back."))
        if answer == QMessageBox.StandardButton.Yes:
            verbs.delete_entity(self.session, self, one["id"])

    def merge(self) -> None:
        chosen = self.chosen_ids()
        if len(chosen) != 2:
            return
        keep = self.keep.currentData()
        other = chosen[1] if chosen[0] == keep else chosen[0]
        if verbs.merge_entities(self.session, self, keep, other):
            self.select(keep)
