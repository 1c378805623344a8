"""A row of highlight colours to pick from (the selection bar, the highlight dialog, the editor)."""
from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from db.annotations import COLORS
from desktop_app.reader import colors

SWATCH = 18


def swatch_icon(color: str) -> QIcon:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colors.strong(color))
    painter.setPen(colors.strong(color).darker(130))
    painter.drawEllipse(1, 1, SWATCH - 2, SWATCH - 2)
    painter.end()
    return QIcon(pixmap)


class Swatches(QWidget):
    """Buttons for each colour; ``checkable`` keeps one chosen (the current colour)."""

    picked = Signal(str)

    def __init__(self, checkable: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(checkable)
        self.setAccessibleName("Highlight colour")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for color in COLORS:
            button = QToolButton(self, icon=swatch_icon(color), iconSize=QSize(SWATCH, SWATCH), autoRaise=True,
                                 checkable=checkable, toolTip=f"Highlight in {colors.LABELS[color].lower()}")
            button.setAccessibleName(colors.LABELS[color])
            button.clicked.connect(lambda _=False, c=color: self.picked.emit(c))
            self._group.addButton(button)
            self.buttons[color] = button
            layout.addWidget(button)

    def set_current(self, color: str) -> None:
        if color in self.buttons:
            self.buttons[color].setChecked(True)

    def current(self) -> str | None:
        return next((c for c, b in self.buttons.items() if b.isChecked()), None)
