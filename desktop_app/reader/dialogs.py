"""Small dialogs of the reader: highlight with a note and tags, and edit the source's text."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from desktop_app.reader.swatches import Swatches


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


class HighlightDialog(QDialog):
    """Colour, note and tags for a new highlight of ``quote``."""

    def __init__(self, quote: str, color: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Highlight passage")
        self.setMinimumWidth(420)
        shown = " ".join(quote.split())
        excerpt = QLabel(f"“{shown[:300]}{'…' if len(shown) > 300 else ''}”", wordWrap=True)
        excerpt.setTextFormat(excerpt.textFormat().PlainText)
        self.swatches = Swatches(checkable=True)
        self.swatches.set_current(color)
        self.note = QPlainTextEdit(placeholderText="Why this passage matters (optional)")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 5)
        self.tags = QLineEdit(placeholderText="Comma separated, e.g. casualties, claim")
        form = QFormLayout()
        form.addRow("Colour", self.swatches)
        form.addRow("Note", self.note)
        form.addRow("Tags", self.tags)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Highlight")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(excerpt)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.note.setFocus()

    def values(self) -> tuple[str, str, list[str]]:
        """(colour, note, tags)."""
        return self.swatches.current() or "yellow", self.note.toPlainText().strip(), split_tags(self.tags.text())


class TextDialog(QDialog):
    """The source's full text as plain text, to correct it. Line breaks come back as "\n"."""

    def __init__(self, text: str, annotation_count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Edit source text")
        self.resize(760, 620)
        hint = QLabel("Correct the text as it should read. Highlights follow their passages; a highlight whose "
                      "passage is removed is kept and marked orphaned." if annotation_count else
                      "Correct the text as it should read.", wordWrap=True)
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    def text(self) -> str:
        # toPlainText would also turn no-break spaces into spaces and line separators into breaks.
        return self.editor.document().toRawText().replace("\u2029", "\n")
