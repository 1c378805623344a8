"""The small bar that floats above a fresh selection: highlight in a colour, with a note, or cite."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from desktop_app.reader.swatches import Swatches


class SelectionBar(QFrame):
    color_picked = Signal(str)
    note_requested = Signal()
    cite_requested = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName("Highlight or cite the selection")
        self.swatches = Swatches()
        self.swatches.picked.connect(self.color_picked)
        note = QToolButton(text="Note…", autoRaise=True, toolTip="Highlight with a note and tags")
        cite = QToolButton(text="Cite…", autoRaise=True, toolTip="Cite for event (Ctrl+Shift+C)")
        note.clicked.connect(self.note_requested)
        cite.clicked.connect(self.cite_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        layout.addWidget(self.swatches)
        layout.addWidget(note)
        layout.addWidget(cite)
        self.hide()

    def show_near(self, passage: QRect) -> None:
        """Show above the passage (below it when there is no room), inside the parent."""
        self.adjustSize()
        area = self.parentWidget().rect()
        x = min(max(4, passage.left()), max(4, area.width() - self.width() - 4))
        y = passage.top() - self.height() - 6
        if y < 4:
            y = passage.bottom() + 6
        self.move(QPoint(x, min(y, max(4, area.height() - self.height() - 4))))
        self.show()
        self.raise_()
