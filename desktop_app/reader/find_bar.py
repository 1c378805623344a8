"""Find in the source's text: a bar under the text with next, previous and the match count."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

MAX_MATCHES = 10_000  # beyond this the count says "10000+" and only these are marked


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Case-insensitive matches of ``needle`` as (start, end) offsets of ``text``."""
    if not needle:
        return []
    spans = []
    for match in re.finditer(re.escape(needle), text, re.IGNORECASE):
        spans.append(match.span())
        if len(spans) == MAX_MATCHES:
            break
    return spans


class FindBar(QWidget):
    """Emits ``current_changed(start, end)`` to show a match and ``matches_changed(spans)`` to mark all."""

    matches_changed = Signal(list)
    current_changed = Signal(int, int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self._spans: list[tuple[int, int]] = []
        self._current = -1
        self.setAccessibleName("Find in text")
        self.field = QLineEdit(placeholderText="Find in text", clearButtonEnabled=True)
        self.field.setAccessibleName("Find in text")
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.next)
        self.count = QLabel()
        self.count.setMinimumWidth(90)
        previous = QToolButton(text="Previous", toolTip="Previous match (Shift+Enter)", autoRaise=True)
        following = QToolButton(text="Next", toolTip="Next match (Enter)", autoRaise=True)
        close = QToolButton(text="Close", toolTip="Close (Esc)", autoRaise=True)
        previous.clicked.connect(self.previous)
        following.clicked.connect(self.next)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.previous, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.field.setMaximumWidth(360)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addStretch(1)
        layout.addWidget(close)

    def set_text(self, text: str) -> None:
        self._text = text
        if self.isVisible():
            self._search(self.field.text())

    def open(self, needle: str = "") -> None:
        self.show()
        if needle:
            self.field.setText(needle)
        self.field.setFocus()
        self.field.selectAll()
        self._search(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self._spans, self._current = [], -1
        self.matches_changed.emit([])
        self.closed.emit()

    @property
    def spans(self) -> list[tuple[int, int]]:
        return self._spans

    def _search(self, needle: str) -> None:
        self._spans = find_all(self._text, needle)
        self._current = -1
        self.matches_changed.emit(self._spans)
        self._step(1)

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self._spans:
            self._current = (self._current + direction) % len(self._spans)
            self.current_changed.emit(*self._spans[self._current])
        self._show_count()

    def _show_count(self) -> None:
        if not self.field.text():
            self.count.setText("")
        elif not self._spans:
            self.count.setText("No matches")
        else:
            more = "+" if len(self._spans) == MAX_MATCHES else ""
            self.count.setText(f"{self._current + 1} of {len(self._spans)}{more}")
