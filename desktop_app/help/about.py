"""Help → About Sourceline: what it is, the versions it runs on (copyable for a bug report) and
where it keeps settings, backups and logs."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout)

from db.backups import data_dir
from desktop_app.help.app_icon import application_icon
from desktop_app.help.versions import as_text, versions
from desktop_app.reliability.logs import log_folder

TAGLINE = "Timelines of events tied to the sources that prove them."


class AboutDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle("About Sourceline")
        self.pairs = versions()
        layout = QVBoxLayout(self)
        layout.addLayout(self._heading(dict(self.pairs)["Sourceline"]))
        layout.addWidget(self._versions_table())
        layout.addWidget(self._places(window.settings.fileName()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("&Copy Versions", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_versions)
        self.folder_button = buttons.addButton("Open &Data Folder", QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.clicked.connect(self.open_data_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()
        self.resize(560, 640)

    def _heading(self, version: str) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(application_icon().pixmap(64, 64))
        icon.setAccessibleName("Sourceline icon")
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"<h2>Sourceline {version}</h2><p>{TAGLINE}</p>"
                       "<p>Works offline: your projects stay on this computer.</p>")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(title, 1)
        return row

    def _versions_table(self) -> QTableWidget:
        table = QTableWidget(len(self.pairs), 2)
        table.setObjectName("versions")
        table.setAccessibleName("Versions")
        table.setHorizontalHeaderLabels(["Component", "Version"])
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable by keyboard, no focus frame on opening
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        for row, (name, version) in enumerate(self.pairs):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(version))
        return table

    def _places(self, settings_file: str) -> QGroupBox:
        box = QGroupBox("Where Sourceline keeps your data")
        form = QFormLayout(box)
        for label, path in (("Settings and recent projects", settings_file), ("Backups", str(data_dir() / "backups")),
                            ("Logs", str(log_folder()))):
            value = QLabel(path)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            value.setWordWrap(True)
            value.setAccessibleName(label)
            form.addRow(label, value)
        return box

    def copy_versions(self) -> str:
        text = as_text(self.pairs)
        QGuiApplication.clipboard().setText(text)
        return text

    def open_data_folder(self) -> bool:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about(window) -> AboutDialog:
    dialog = AboutDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
