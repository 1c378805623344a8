"""The citations of the event in the editor: which source says what, with Remove / Open / Add."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QPushButton, QStyle, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from desktop_app.dates.render import in_words_or_raw
from desktop_app.reliability.literal_text import literal

COLUMNS = ("Source", "Stance", "Locator", "Its date", "Quote")
SOURCE, STANCE, LOCATOR, DATE, QUOTE = range(len(COLUMNS))


class CitationList(QWidget):
    remove_requested = Signal(int)  # citation id
    open_requested = Signal(int, object)  # source id, annotation id or None
    add_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.setAccessibleName("Sources cited")
        self.tree.setAccessibleName("Sources cited")
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        self.tree.setMinimumHeight(90)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().resizeSection(0, 140)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self._open())
        self.add_button = QPushButton("Add citation…")
        self.add_button.setToolTip("Cite a source (or a passage of one) for this event")
        self.add_button.clicked.connect(self.add_requested)
        self.open_button = QPushButton("Open in reader")
        self.open_button.clicked.connect(self._open)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_citations(self, citations: list[dict]) -> None:
        selected = self.selected_citation()
        self.tree.clear()
        for citation in citations:
            locator = f"{citation['locator_type']} {citation['locator']}" if citation["locator"] else ""
            quote = " ".join((citation["quote"] or "").split())
            claimed = in_words_or_raw(citation["claimed_edtf"]) if citation["claimed_edtf"] else ""
            item = QTreeWidgetItem([citation["source_title"] or "Untitled source", citation["stance"], locator,
                                    claimed, quote])
            item.setData(0, Qt.ItemDataRole.UserRole, citation)
            item.setToolTip(SOURCE, literal(citation["source_title"] or ""))
            item.setToolTip(QUOTE, literal(citation["quote"] or ""))
            warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if citation["stance"] == "contradicts":
                item.setIcon(STANCE, warning)
                item.setToolTip(STANCE, "This source contradicts the event")
            elif citation["disagrees"]:
                item.setIcon(DATE, warning)
                item.setToolTip(DATE, "This source gives a date that cannot be the event's")
            self.tree.addTopLevelItem(item)
            if selected and selected["id"] == citation["id"]:
                item.setSelected(True)
        # the column of dates the sources give takes room only when one of them gives one
        self.tree.setColumnHidden(DATE, not any(c["claimed_edtf"] for c in citations))
        for column in (STANCE, LOCATOR, DATE):
            self.tree.resizeColumnToContents(column)
        self._update_buttons()

    def selected_citation(self) -> dict | None:
        items = self.tree.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def _update_buttons(self) -> None:
        chosen = self.selected_citation() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _open(self) -> None:
        citation = self.selected_citation()
        if citation:
            self.open_requested.emit(citation["source_id"], citation["annotation_id"])

    def _remove(self) -> None:
        citation = self.selected_citation()
        if citation:
            self.remove_requested.emit(citation["id"])
