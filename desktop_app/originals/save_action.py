"""The reader's "Save Original As…": the file the shown source was imported from, written back
exactly as it was imported."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from db import originals
from db.errors import SourcelineError
from desktop_app.originals.files import save_original
from desktop_app.reliability.literal_text import literal

LAST_FOLDER = "originals/last_folder"


class SaveOriginalButton(QPushButton):
    """A header button of the Reader page, shown while the source has an original."""

    def __init__(self, page, session, settings):
        super().__init__("Save original…")
        self.setObjectName("saveOriginal")
        self.setAccessibleName("Save original")
        self.setToolTip("Save the file this source was imported from, byte for byte as it was imported")
        self._page, self._session, self._settings = page, session, settings
        self.clicked.connect(self.choose_and_save)
        page.text_shown.connect(self.refresh)
        page.add_header_widget(self)
        self.refresh()

    def original(self) -> originals.Original | None:
        source_id = self._page.source_id
        return originals.of_source(self._session.db, source_id) if source_id is not None else None

    def refresh(self) -> None:
        self.setVisible(self.original() is not None)

    def choose_and_save(self) -> None:
        original = self.original()
        if original is None:
            return
        folder = self._settings.value(LAST_FOLDER, "")
        path, _ = QFileDialog.getSaveFileName(self, "Save Original As", str(Path(folder) / original.file_name))
        if path:
            self._settings.setValue(LAST_FOLDER, str(Path(path).parent))
            self.save_to(path)

    def save_to(self, path: str) -> bool:
        original = self.original()
        try:
            save_original(self._session.db, original, path)
        except SourcelineError as error:
            QMessageBox.warning(self, "Save Original As", literal(str(error)))
            return False
        self.window().statusBar().showMessage(f"Saved {Path(path).name} ({original.size:,} bytes).", 8_000)
        return True
