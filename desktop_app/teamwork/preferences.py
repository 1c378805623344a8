"""Edit → Preferences…: the name your edits are signed with (your id stays the same)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout

from db.errors import SourcelineError
from desktop_app.authors import identity


class PreferencesDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        author, _ = identity.saved()
        self.name = QLineEdit(author.name)
        self.name.setMaxLength(identity.MAX_NAME)
        self.name.setAccessibleName("Your name")
        self.name.setPlaceholderText("The name shown on your edits")
        about = QLabel("Your name is shown on every event, source and highlight you add or change, in the "
                       "History and in the changes you send to your team. Renaming yourself keeps your "
                       f"earlier edits yours: they are tied to your id, {author.id}.")
        about.setWordWrap(True)
        about.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        about.setTextInteractionFlags(about.textInteractionFlags() | about.textInteractionFlags().TextSelectableByMouse)
        form = QFormLayout()
        form.addRow("Your &name", self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(about)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.resize(460, self.heightForWidth(460) if self.hasHeightForWidth() else self.sizeHint().height())
        self.saved_author = None

    def accept(self) -> None:
        try:
            self.saved_author = identity.save_name(self.name.text())
        except SourcelineError as error:
            QMessageBox.warning(self, "Preferences", str(error)[:1].upper() + str(error)[1:] + ".")
            return
        super().accept()


class AuthorNews(QObject):
    """Tells the window's parts that the user renamed themselves."""

    changed = Signal(object)  # the Author


def open_preferences(window) -> PreferencesDialog:
    dialog = PreferencesDialog(window)

    def saved() -> None:
        if window.session is not None:
            window.session.set_author(dialog.saved_author)
        window.author_news.changed.emit(dialog.saved_author)

    dialog.accepted.connect(saved)
    dialog.open()
    return dialog


def install(window) -> None:
    window.author_news = AuthorNews(window)
    action = QAction("&Preferences…", window)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.setStatusTip("Your name on your edits")
    action.triggered.connect(lambda: open_preferences(window))
    window.menus["edit"].addSeparator()
    window.menus["edit"].addAction(action)
    window.named_actions["preferences"] = action
