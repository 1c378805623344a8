"""The creators of a source as a small table: role, family name, given name — or one literal name
for an organisation ("Reuters", "Human Rights Watch") — in the order a citation lists them."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QTableWidget,
                               QTableWidgetItem, QToolButton, QVBoxLayout, QWidget)

from db.sources import CREATOR_ROLES

ROLE_NAMES = {
    "author": "Author", "editor": "Editor", "translator": "Translator", "interviewer": "Interviewer",
    "recipient": "Recipient", "director": "Director", "container-author": "Author of the container",
    "collection-editor": "Series editor", "contributor": "Contributor",
}
ROLE, FAMILY, GIVEN, LITERAL = range(4)
HEADERS = ("Role", "Family", "Given", "Organisation")
VISIBLE_ROWS = (2, 6)  # the table grows with its rows between these, then scrolls


def name_parts(name: dict) -> tuple[str, str, str]:
    """(family, given, literal) of a stored CSL name."""
    return name.get("family") or "", name.get("given") or "", name.get("literal") or ""


class CreatorsEditor(QWidget):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.setAccessibleName("Creators")
        self.table.setAccessibleName("Creators")
        self.table.setAccessibleDescription("Arrow keys move between cells, F2 or typing edits one")
        # Tab leaves the table (it goes cell by cell only while a cell is being edited); the
        # Creators label's Alt+key lands in it.
        self.table.setTabKeyNavigation(False)
        self.setFocusPolicy(self.table.focusPolicy())
        self.setFocusProxy(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(ROLE, 110)
        for column in (FAMILY, GIVEN, LITERAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.horizontalHeaderItem(FAMILY).setToolTip("A person's family name (surname), with any particle: van Gennep")
        self.table.horizontalHeaderItem(GIVEN).setToolTip("A person's given names or initials")
        self.table.horizontalHeaderItem(LITERAL).setToolTip(
            "For an organisation, or a name that is not family + given: the name as written")
        self.table.itemChanged.connect(lambda _: self._loading or self.edited.emit())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = self._button("Add", "Add a creator", self.add_creator)
        self.remove_button = self._button("Remove", "Remove the selected creator", self.remove_selected)
        self.up_button = self._button("Up", "Move the selected creator up", lambda: self.move_selected(-1))
        self.down_button = self._button("Down", "Move the selected creator down", lambda: self.move_selected(1))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._loading = False
        self._update_buttons()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(text=text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- values ------------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(role, family, given, literal) of every row with a name, in table order."""
        rows = []
        for row in range(self.table.rowCount()):
            role = self.table.cellWidget(row, ROLE).currentData()
            family, given, literal = (self._text(row, column) for column in (FAMILY, GIVEN, LITERAL))
            if family or given or literal:
                rows.append((role, family, given, literal))
        return rows

    def creators(self) -> dict[str, list[dict]]:
        """CSL name lists by role: an organisation's literal name wins over name parts."""
        names: dict[str, list[dict]] = {}
        for role, family, given, literal in self.rows():
            if literal:
                name = {"literal": literal}
            else:
                name = {key: value for key, value in (("family", family), ("given", given)) if value}
            names.setdefault(role, []).append(name)
        return names

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _all_rows(self) -> list[tuple[str, str, str, str]]:
        return [(self.table.cellWidget(r, ROLE).currentData(), *(self._text(r, c) for c in (FAMILY, GIVEN, LITERAL)))
                for r in range(self.table.rowCount())]

    def set_rows(self, rows, select: int | None = None) -> None:
        """Show (role, family, given, literal) rows, selecting row ``select``."""
        self._loading = True
        self.table.setRowCount(0)
        for role, family, given, literal in rows:
            self._append(role, family, given, literal)
        self._loading = False
        if rows:
            # The current cell a name, not the role: a table entered by Tab with no current cell
            # makes the first one current, and the role's box then takes the focus from the table,
            # so the names could not be reached from the keyboard.
            self.table.selectionModel().setCurrentIndex(self.table.model().index(0, FAMILY),
                                                        QItemSelectionModel.SelectionFlag.NoUpdate)
        if select is not None:
            self.table.selectRow(select)
        self._fit_height()
        self._update_buttons()

    def _append(self, role: str, family: str = "", given: str = "", literal: str = "") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.setAccessibleName("Role")
        for key in CREATOR_ROLES:
            combo.addItem(ROLE_NAMES[key], key)
        combo.setCurrentIndex(max(0, combo.findData(role)))
        combo.currentIndexChanged.connect(lambda _: self._loading or self.edited.emit())
        self.table.setCellWidget(row, ROLE, combo)
        # Made after the window, the box would come last in Tab order (after every page, so Tab
        # from it left the editor): it goes after the table and the roles above it.
        QWidget.setTabOrder(self.table.cellWidget(row - 1, ROLE) if row else self.table, combo)
        for column, text in ((FAMILY, family), (GIVEN, given), (LITERAL, literal)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    # -- editing -----------------------------------------------------------------------------

    def add_creator(self) -> None:
        row = self._append("author")
        self._fit_height()
        self.table.selectRow(row)
        self.table.editItem(self.table.item(row, FAMILY))
        self._update_buttons()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self._fit_height()
        self._update_buttons()
        self.edited.emit()

    def move_selected(self, step: int) -> None:
        row = self.table.currentRow()
        rows = self._all_rows()
        target = row + step
        if row < 0 or not 0 <= target < len(rows):
            return
        rows[row], rows[target] = rows[target], rows[row]
        self.set_rows(rows, select=target)
        self.edited.emit()

    def _fit_height(self) -> None:
        low, high = VISIBLE_ROWS
        rows = min(max(self.table.rowCount(), low), high)
        row_height = self.table.verticalHeader().defaultSectionSize()
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows * row_height + frame)

    def _update_buttons(self) -> None:
        row = self.table.currentRow() if self.table.selectedItems() else -1
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.table.rowCount() - 1)
