"""Beside the text: the source's highlights, the chosen one's note, colour and tags, and the
events that cite the source."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListView,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from desktop_app.dates.render import in_words_or_raw
from desktop_app.reader.annotation_list import ANNOTATION_ID, AnnotationDelegate, AnnotationListModel
from desktop_app.reader.dialogs import split_tags
from desktop_app.reader.swatches import Swatches


class NoteEdit(QPlainTextEdit):
    """A note field that hands its text over when focus leaves it (a note is saved, not typed into the store)."""

    committed = Signal(str)

    def focusOutEvent(self, event):  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        self.committed.emit(self.toPlainText().strip())


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class SidePanel(QWidget):
    annotation_chosen = Signal(int)  # the user picked an annotation in the list
    note_edited = Signal(int, str)
    color_edited = Signal(int, str)
    tags_edited = Signal(int, list)
    delete_requested = Signal(int)
    cite_requested = Signal(int)
    event_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = AnnotationListModel(self)
        self.setAccessibleName("Highlights and citing events")
        self.list = QListView()
        self.list.setAccessibleName("Highlights")
        self.list.setModel(self.model)
        self.list.setItemDelegate(AnnotationDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.clicked.connect(lambda index: self.annotation_chosen.emit(index.data(ANNOTATION_ID)))
        self.empty = QLabel("Select text and choose a colour to highlight it.", wordWrap=True)
        self.empty.setEnabled(False)

        self.swatches = Swatches(checkable=True)
        self.swatches.picked.connect(lambda color: self._emit(self.color_edited, color))
        self.note = NoteEdit(placeholderText="Note")
        self.note.setAccessibleName("Note")
        self.note.setAccessibleDescription("The chosen highlight's note, saved when you leave the field")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        self.note.committed.connect(self._note_committed)
        self.tags = QLineEdit(placeholderText="Tags, comma separated")
        self.tags.editingFinished.connect(self._tags_committed)
        self.cite = QPushButton("Cite for event…")
        self.cite.clicked.connect(lambda: self._emit(self.cite_requested))
        self.delete = QPushButton("Delete")
        self.delete.clicked.connect(lambda: self._emit(self.delete_requested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.cite)
        buttons.addStretch(1)
        buttons.addWidget(self.delete)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Colour", self.swatches)
        form.addRow("Note", self.note)
        form.addRow("Tags", self.tags)
        form.addRow(buttons)
        self.editor = QWidget()
        self.editor.setLayout(form)

        self.cited_by = QListWidget()
        self.cited_by.setAccessibleName("Events citing this source")
        self.cited_by.setWordWrap(True)
        self.cited_by.setAlternatingRowColors(True)
        self.cited_by.setSpacing(2)
        self.cited_by.itemActivated.connect(lambda item: self.event_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.cited_by_empty = QLabel("No event cites this source yet.", wordWrap=True)
        self.cited_by_empty.setEnabled(False)
        self.highlights_heading = _heading("Highlights")
        self.cited_by_heading = _heading("Cited by")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.highlights_heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.editor)
        layout.addSpacing(8)
        layout.addWidget(self.cited_by_heading)
        layout.addWidget(self.cited_by_empty)
        layout.addWidget(self.cited_by, 1)
        self._show_editor(None)

    def add_section(self, heading: str, widget: QWidget, stretch: int = 1) -> QLabel:
        """Another section below the others (the reading assistant's dates); returns its heading."""
        label = _heading(heading)
        layout = self.layout()
        layout.addSpacing(8)
        layout.addWidget(label)
        layout.addWidget(widget, stretch)
        return label

    # -- highlights -------------------------------------------------------------------------

    def set_annotations(self, rows: list[dict]) -> None:
        chosen = self.current_annotation_id()
        self.model.set_annotations(rows)
        self.highlights_heading.setText(f"Highlights ({len(rows)})" if rows else "Highlights")
        self.empty.setVisible(not rows)
        self.list.setVisible(bool(rows))
        self.choose(chosen)

    def current_annotation_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(ANNOTATION_ID) if index.isValid() else None

    def choose(self, annotation_id: int | None) -> None:
        """Select an annotation in the list (None clears the choice)."""
        row = self.model.row_of(annotation_id) if annotation_id is not None else None
        if row is None:
            self.list.clearSelection()
            self.list.setCurrentIndex(self.model.index(-1, 0))
            self._show_editor(None)
            return
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        self._show_editor(self.model.annotation(row))

    def _current_changed(self, current, _previous) -> None:
        self._show_editor(self.model.annotation(current.row()) if current.isValid() else None)

    def _show_editor(self, annotation: dict | None) -> None:
        self.editor.setEnabled(annotation is not None)
        self.editor.setVisible(annotation is not None)
        if annotation is None:
            return
        self.swatches.set_current(annotation["color"])
        if self.note.toPlainText() != annotation["note"]:
            self.note.setPlainText(annotation["note"])
        self.tags.setText(annotation["tags"] or "")

    def _emit(self, signal, *values) -> None:
        annotation_id = self.current_annotation_id()
        if annotation_id is not None:
            signal.emit(annotation_id, *values)

    def _note_committed(self, note: str) -> None:
        row = self.model.row_of(self.current_annotation_id()) if self.current_annotation_id() is not None else None
        if row is not None and note != self.model.annotation(row)["note"]:
            self._emit(self.note_edited, note)

    def _tags_committed(self) -> None:
        row = self.model.row_of(self.current_annotation_id()) if self.current_annotation_id() is not None else None
        if row is None:
            return
        tags = split_tags(self.tags.text())
        if tags != split_tags(self.model.annotation(row)["tags"] or ""):
            self._emit(self.tags_edited, tags)

    # -- cited by ---------------------------------------------------------------------------

    def set_citing_events(self, rows: list[dict]) -> None:
        self.cited_by.clear()
        for row in rows:
            where = f" · {row['locator_type']} {row['locator']}" if row["locator"] else ""
            item = QListWidgetItem(f"{row['title']}\n{in_words_or_raw(row['date_edtf'])} · {row['stance']}{where}")
            item.setData(Qt.ItemDataRole.UserRole, row["event_id"])
            item.setToolTip("Double-click to open the event")
            self.cited_by.addItem(item)
        self.cited_by_heading.setText(f"Cited by ({len(rows)})" if rows else "Cited by")
        self.cited_by_empty.setVisible(not rows)
        self.cited_by.setVisible(bool(rows))
