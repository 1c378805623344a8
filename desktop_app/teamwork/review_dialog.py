"""Review Conflicts: each conflict a teammate's changes raised, both values, both authors and times.

One row per conflict with a choice between *Mine* and *Theirs* (the buttons, or a click on a value); Apply Choices settles the chosen
ones in one step (Edit → Undo takes it back) and leaves the others waiting. Values are shown as
plain text, whatever they hold.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout, QWidget)

from db import authorship
from db import exchange_conflicts as conflicts
from desktop_app import verbs
from desktop_app.exchange.conflict_text import KINDS, field_name, shorten, sides
from desktop_app.reliability.literal_text import literal

RECORD_COLUMN, FIELD_COLUMN, MINE_COLUMN, THEIRS_COLUMN, KEEP_COLUMN = range(5)


class _ValueLabel(QLabel):
    """A side's value, wrapped, in plain text; clicking it chooses that side."""

    def __init__(self, text: str, choice: QToolButton):
        super().__init__(text)
        self._choice = choice
        self.setTextFormat(Qt.TextFormat.PlainText)  # the values are typed by people: never markup
        self.setWordWrap(True)
        self.setToolTip(literal(text))

    def mouseReleaseEvent(self, event):  # noqa: N802 (Qt's name)
        self._choice.setChecked(True)
        super().mouseReleaseEvent(event)


def _side(value: str, byline: str, choice: QToolButton) -> QWidget:
    holder = QWidget()
    text = QVBoxLayout(holder)
    text.setContentsMargins(6, 4, 6, 4)
    text.setSpacing(1)
    shown = _ValueLabel(shorten(value), choice)
    shown.setToolTip(literal(value))
    who = QLabel(byline)
    who.setTextFormat(Qt.TextFormat.PlainText)
    who.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = who.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    who.setFont(font)
    text.addWidget(shown)
    text.addWidget(who)
    text.addStretch(1)
    return holder


def _choice(text: str, value: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setCheckable(True)
    button.setAccessibleName(f"Keep {text.lower()}: {shorten(value)}")
    button.setToolTip(f"Keep {text.lower()}")
    return button


class ReviewDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Review Conflicts")
        self.setObjectName("reviewConflicts")
        self._session = session
        self._rows: list[tuple[conflicts.Conflict, QToolButton, QToolButton, QButtonGroup]] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName("Conflicts")
        self.table.setHorizontalHeaderLabels(["Record", "Field", "Mine", "Theirs", "Keep"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the choices, not the cells
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RECORD_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FIELD_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MINE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(THEIRS_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KEEP_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.all_mine = QPushButton("Keep All &Mine")
        self.all_theirs = QPushButton("Take All &Theirs")
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton("&Apply Choices", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setToolTip("Settle the conflicts you chose a side for, in one step you can undo")
        self.later_button = self.buttons.addButton("&Later", QDialogButtonBox.ButtonRole.RejectRole)
        self.later_button.setToolTip("Close; the conflicts wait, and File → Exchange → Review Conflicts… brings them back")
        self.buttons.addButton(self.all_mine, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.all_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button.clicked.connect(self.apply_choices)
        self.later_button.clicked.connect(self.reject)
        self.all_mine.clicked.connect(lambda: self.choose_all(conflicts.MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(conflicts.THEIRS))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 520)
        self.reload()

    def reload(self) -> None:
        db = self._session.db
        kept = conflicts.pending(db)
        names = authorship.names(db, {a for c in kept for a in (c.my_author, c.their_author)})
        self.table.setRowCount(0)
        self._rows = []
        for conflict in kept:
            self._add(db, conflict, names)
        self.table.resizeRowsToContents()
        count = len(kept)
        self.intro.setText(
            f"{count} conflict{'s' if count != 1 else ''} between your copy and changes you applied: the same field "
            "changed differently on both sides, or a record deleted on one side and changed on the other. Choose "
            "the version to keep; nothing changes until Apply Choices, and Edit → Undo takes it back."
            if count else "No conflicts are waiting.")
        self._update_buttons()

    def _add(self, db, conflict: conflicts.Conflict, names: dict) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        title = conflicts.record_title(db, conflict.table, conflict.uuid)
        record = QTableWidgetItem(f"{KINDS.get(conflict.table, conflict.table)}: {shorten(str(title))}")
        record.setToolTip(literal(f"{title}\n{conflict.uuid}"))
        self.table.setItem(row, RECORD_COLUMN, record)
        self.table.setItem(row, FIELD_COLUMN, QTableWidgetItem(field_name(conflict.field)))
        said = sides(conflict, names)
        mine, theirs = _choice("Mine", said.mine), _choice("Theirs", said.theirs)
        self.table.setCellWidget(row, MINE_COLUMN, _side(said.mine, said.my_byline, mine))
        self.table.setCellWidget(row, THEIRS_COLUMN, _side(said.theirs, said.their_byline, theirs))
        keep = QWidget()
        buttons = QHBoxLayout(keep)
        buttons.setContentsMargins(6, 4, 6, 4)
        buttons.setSpacing(2)
        buttons.addWidget(mine)
        buttons.addWidget(theirs)
        self.table.setCellWidget(row, KEEP_COLUMN, keep)
        group = QButtonGroup(self)
        group.addButton(mine)
        group.addButton(theirs)
        group.buttonToggled.connect(lambda *_: self._update_buttons())
        self._rows.append((conflict, mine, theirs, group))

    def choose(self, row: int, side: str) -> None:
        _, mine, theirs, _ = self._rows[row]
        (mine if side == conflicts.MINE else theirs).setChecked(True)

    def choose_all(self, side: str) -> None:
        for row in range(len(self._rows)):
            self.choose(row, side)

    def choices(self) -> dict[int, str]:
        return {c.id: conflicts.MINE if mine.isChecked() else conflicts.THEIRS
                for c, mine, theirs, _ in self._rows if mine.isChecked() or theirs.isChecked()}

    def _update_buttons(self) -> None:
        chosen = len(self.choices())
        self.apply_button.setEnabled(chosen > 0)
        self.apply_button.setText(f"&Apply {chosen} Choice{'s' if chosen != 1 else ''}" if chosen else "&Apply Choices")
        self.all_mine.setEnabled(bool(self._rows))
        self.all_theirs.setEnabled(bool(self._rows))

    def apply_choices(self) -> None:
        """Settle the chosen conflicts in one undoable step; close when none is left."""
        choices = self.choices()
        if not choices:
            return
        if not verbs.settle_conflicts(self._session, self, choices):
            return
        self.reload()
        if not self._rows:
            self.accept()
