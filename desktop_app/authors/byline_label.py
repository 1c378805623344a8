"""A muted line under an editor's heading: who added the record and who changed it last."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from db import authorship
from desktop_app.authors.byline import byline


class BylineLabel(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("byline")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names are typed by people: never markup
        # the placeholder colour is the theme's own muted text, light or dark
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)

    def show_record(self, db, table: str, row_id: int | None) -> None:
        info = authorship.record_authors(db, table, row_id) if row_id is not None else None
        self.setText(byline(**info) if info else "")
        self.setVisible(bool(info))
