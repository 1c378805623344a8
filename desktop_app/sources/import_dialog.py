"""The import dialog: what a set of files will add, what is wrong with them, and a choice for each
duplicate (skip, add anyway, merge). Full texts that do not say their title or date get editable
cells for them. Nothing is written here: accepting hands the decisions to the import runner.
"""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout)

from db.errors import InvalidDate
from desktop_app.dates.render import in_words
from desktop_app.events.error_label import ErrorLabel, error_colour
from desktop_app.importing import ADD, MERGE, SKIP, ImportPlan
from desktop_app.reliability.literal_text import literal

COLUMNS = ("Title", "Issued", "Creators", "File", "Status", "Action")
TITLE, ISSUED, CREATORS, FILE, STATUS, ACTION = range(len(COLUMNS))
CHOICES = ((SKIP, "Skip"), (ADD, "Add anyway"), (MERGE, "Merge"))
# A page of a web archive holding several: added, or left out.
PAGE_CHOICES = ((ADD, "Add"), (SKIP, "Leave out"))
_PAGE_TIPS = {ADD: "Add this captured page as a source", SKIP: "Leave this page of the archive out"}
_CHOICE_TIPS = {SKIP: "Leave the source already there as it is",
                ADD: "Add this record as a separate source",
                MERGE: "Fill the empty fields of the source already there from this record"}


def _creators(item: dict) -> str:
    names = item.get("author") or item.get("editor") or []
    shown = [n.get("literal") or ", ".join(p for p in (n.get("family"), n.get("given")) if p) for n in names[:3]]
    return "; ".join(shown) + ("; …" if len(names) > 3 else "")


class ImportDialog(QDialog):
    def __init__(self, plan: ImportPlan, db, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Import Sources")
        self.resize(980, 560)
        self._plan = plan
        self._db = db
        # What each file did not say, kept before file names stand in for missing titles.
        self._asked = {index: list(record.missing) for index, record in enumerate(plan.records)}
        self._decisions: dict[int, str] = {}
        # The pages of an archive that holds several, each to add or leave out.
        pages = Counter(record.path for record in plan.records if record.capture)
        self._choosable = {index for index, record in enumerate(plan.records) if pages.get(record.path, 0) > 1}
        self._bad_dates: dict[int, str] = {}
        if plan.titles_from_file_names():
            plan.find_duplicates(db)

        self.summary = QLabel(objectName="importSummary", wordWrap=True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        # Problems and notes quote the files: never read as markup.
        self.problems = ErrorLabel()
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.skip_bad = QCheckBox("Import the other files anyway (nothing at all from the files above)")
        self.skip_bad.setVisible(bool(plan.problems) and bool(plan.records))
        self.notes = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.notes.setVisible(bool(plan.warnings))
        self.notes.setText("\n".join(plan.warnings))
        self.table = QTableWidget(len(plan.records), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((ISSUED, 100), (CREATORS, 150), (FILE, 140), (STATUS, 280), (ACTION, 120)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.asking_hint = QLabel("Shaded cells are what a file does not say: double-click to type a title, "
                                  "or a publication date in EDTF (e.g. 2024-11-15); a date may stay empty.",
                                  wordWrap=True)
        self.asking_hint.setVisible(any(self._asked.values()))
        self.all_duplicates = QComboBox()
        for choice, label in CHOICES:
            self.all_duplicates.addItem(label, choice)
        self.all_duplicates.setToolTip("Set the action of every duplicate at once")
        self.all_duplicates.activated.connect(lambda _: self._choose_for_all(self.all_duplicates.currentData()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        bulk = QHBoxLayout()
        self.bulk_label = QLabel("Every duplicate:")
        bulk.addWidget(self.bulk_label)
        bulk.addWidget(self.all_duplicates)
        bulk.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.notes)
        layout.addWidget(self.asking_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(bulk)
        layout.addWidget(self.buttons)

        self.problems.set_error("\n".join(str(problem) for problem in plan.problems))
        self._fill()
        self.table.itemChanged.connect(self._cell_edited)
        self.skip_bad.toggled.connect(lambda _: self._update())
        self._update()

    # -- what the user decided ---------------------------------------------------------------

    def decisions(self) -> dict[int, str]:
        """Duplicate record index -> skip, add or merge; and the new records left out."""
        chosen = {index: self._decisions.get(index, SKIP) for index in self._plan.duplicates}
        chosen.update({index: SKIP for index, choice in self._decisions.items() if choice == SKIP and index not in chosen})
        return chosen

    def skip_bad_files(self) -> bool:
        return self.skip_bad.isChecked()

    def action_combo(self, row: int) -> QComboBox | None:
        """The skip/add/merge choice of a duplicate's row (None for a new source)."""
        return self.table.cellWidget(row, ACTION)

    # -- the table ---------------------------------------------------------------------------

    def _fill(self) -> None:
        self.table.blockSignals(True)
        shade = self.palette().highlight().color()
        shade.setAlpha(60)  # a tint of the palette's highlight over the cell, light or dark
        asking = QBrush(shade)
        for row, record in enumerate(self._plan.records):
            title = QTableWidgetItem(record.title)
            issued = QTableWidgetItem(record.issued_edtf or "")
            for item, field, hint in ((title, "title", "The file gives no title: type one (the file's name for now)"),
                                      (issued, "issued", "The file gives no publication date: type one in EDTF, "
                                                          "e.g. 2024-11-15, or leave it empty")):
                if field in self._asked[row]:
                    item.setBackground(asking)
                    item.setToolTip(hint)
                else:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if record.issued_edtf and "issued" not in self._asked[row]:
                issued.setToolTip(in_words(record.issued_edtf))
            self.table.setItem(row, TITLE, title)
            self.table.setItem(row, ISSUED, issued)
            for column, text in ((CREATORS, _creators(record.item)), (FILE, record.path.name)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(literal(str(record.path) if column == FILE else text))
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._show_duplicates()

    def _show_duplicates(self) -> None:
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            duplicate = self._plan.duplicates.get(row)
            if duplicate is None:
                status = "New"
            elif duplicate.existing_id is not None:
                status = f"{duplicate.reason[:1].upper()}{duplicate.reason[1:]} as “{duplicate.existing_title}”"
            else:
                status = f"{duplicate.reason[:1].upper()}{duplicate.reason[1:]} as row {duplicate.earlier + 1}"
            item = QTableWidgetItem(status)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(status if duplicate is None or duplicate.existing_id is None
                            else f"{status} (source {duplicate.existing_id}, already in the project)")
            self.table.setItem(row, STATUS, item)
            if duplicate is None and row in self._choosable:
                if not isinstance(self.action_combo(row), QComboBox) or self.action_combo(row).count() != 2:
                    self.table.setItem(row, ACTION, QTableWidgetItem())
                    self.table.setCellWidget(row, ACTION, self._choice_combo(row, PAGE_CHOICES, ADD))
            elif duplicate is None:
                self.table.removeCellWidget(row, ACTION)
                add = QTableWidgetItem("Add")
                add.setFlags(add.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, ACTION, add)
            elif self.action_combo(row) is None or self.action_combo(row).count() != len(CHOICES):
                self.table.setItem(row, ACTION, QTableWidgetItem())
                self.table.setCellWidget(row, ACTION, self._choice_combo(row))
        self.table.blockSignals(False)
        has_duplicates = bool(self._plan.duplicates)
        self.bulk_label.setVisible(has_duplicates)
        self.all_duplicates.setVisible(has_duplicates)

    def _choice_combo(self, row: int, choices=CHOICES, default: str = SKIP) -> QComboBox:
        combo = QComboBox()
        tips = _CHOICE_TIPS if choices is CHOICES else _PAGE_TIPS
        for choice, label in choices:
            combo.addItem(label, choice)
            combo.setItemData(combo.count() - 1, tips[choice], Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(combo.findData(self._decisions.get(row, default)))
        combo.currentIndexChanged.connect(lambda _: self._choose(row, combo.currentData()))
        return combo

    def _choose(self, row: int, choice: str) -> None:
        self._decisions[row] = choice
        self._update()

    def _choose_for_all(self, choice: str) -> None:
        for row in self._plan.duplicates:
            self.action_combo(row).setCurrentIndex(self.action_combo(row).findData(choice))

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), item.column()
        text = item.text().strip()
        if column == TITLE:
            self._plan.complete(row, title=text or self._plan.records[row].path.stem)
        elif column == ISSUED:
            try:
                self._plan.complete(row, issued_edtf=text)
            except InvalidDate as error:
                self._bad_dates[row] = error.problem
                item.setForeground(QBrush(error_colour(self.palette())))
                item.setToolTip(f"Not a date: {error.problem}")
                self._update()
                return
            self._bad_dates.pop(row, None)
            item.setForeground(self.palette().text())
            item.setToolTip(in_words(text) if text else "No date")
        self._plan.find_duplicates(self._db)  # a new title or date may match a source already there
        self._show_duplicates()
        self._update()

    def _update(self) -> None:
        plan = self._plan
        counts = plan.outcome(self.decisions())
        files = len({record.path for record in plan.records}) + len(plan.problems)
        duplicates = len(plan.duplicates)
        text = f"{len(plan.records)} record{'s' if len(plan.records) != 1 else ''} from {files} file{'s' if files != 1 else ''}"
        if duplicates:
            text += f": {len(plan.records) - duplicates} new, {duplicates} already in the project or listed twice"
        self.summary.setText(text)
        blocked = (plan.problems and not self.skip_bad.isChecked()) or self._bad_dates
        label = f"Import {counts[ADD]} source{'s' if counts[ADD] != 1 else ''}"
        if counts[MERGE]:
            label += f", merge {counts[MERGE]}"
        self.import_button.setText(label)
        self.import_button.setEnabled(bool(plan.records) and not blocked and (counts[ADD] + counts[MERGE]) > 0)
        if self._bad_dates:
            self.import_button.setToolTip("Fix the dates marked in red first")
        elif plan.problems and not self.skip_bad.isChecked():
            self.import_button.setToolTip("Some files cannot be read: fix them, or import the others anyway")
        else:
            self.import_button.setToolTip("")
