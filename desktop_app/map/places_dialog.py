"""Tools → Place Events on the Map…: coordinates proposed by the offline gazetteer for events that
name a place, ticked by the analyst, applied as one undoable edit. Nothing is placed unasked."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QHeaderView)

from db import geo
from desktop_app import verbs
from desktop_app.places import proposals
from desktop_app.places.gazetteer import shipped

COLUMNS = ("Event", "Named place", "Proposed", "Latitude, longitude")


class PlacesDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Place Events on the Map")
        self.setAccessibleName("Place events on the map")
        self.resize(820, 460)
        ids = geo.unlocated_with_places(session.db)
        self.proposals = proposals.propose_all(session.db, shipped(), ids)
        intro = QLabel(
            f"{len(self.proposals):,} event{'s' if len(self.proposals) != 1 else ''} without coordinates name a place "
            "the offline gazetteer knows. Tick the ones to place there; one undoable step."
            if self.proposals else "No event without coordinates names a place the gazetteer knows.")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(len(self.proposals), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Proposed places")
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, p in enumerate(self.proposals):
            title = QTableWidgetItem(p.title)
            title.setFlags(title.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            title.setCheckState(Qt.CheckState.Checked)
            title.setToolTip(f"<qt>{escape(p.title)}</qt>")
            self.table.setItem(row, 0, title)
            self.table.setItem(row, 1, QTableWidgetItem(p.entity))
            self.table.setItem(row, 2, QTableWidgetItem(f"{p.place.name}, {p.place.country}"))
            self.table.setItem(row, 3, QTableWidgetItem(f"{p.place.latitude:.4f}, {p.place.longitude:.4f}"))
            for column in range(1, len(COLUMNS)):
                self.table.item(row, column).setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton("Place the Ticked Events", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(bool(self.proposals))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def ticked(self) -> list[proposals.Proposal]:
        return [p for row, p in enumerate(self.proposals)
                if self.table.item(row, 0).checkState() == Qt.CheckState.Checked]

    def apply(self) -> None:
        chosen = self.ticked()
        if chosen:
            verbs.place_events(self.session, self, proposals.places(chosen))
        self.accept()
