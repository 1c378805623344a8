"""One search for everything (Ctrl+K): a popup with a field and the hits as you type.

Enter or a double-click goes to the hit: an event asks the window to show the event, a source
or a highlight asks it to open the reader there.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from db.search import Hit
from desktop_app.search.results import HIT, HitDelegate, SearchResultsModel

DEBOUNCE_MS = 150
WIDTH = 640


class SearchPopup(QFrame):
    hit_chosen = Signal(object)  # the Hit the user went to

    def __init__(self, db, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.field = QLineEdit(placeholderText="Search events, sources and highlights", clearButtonEnabled=True)
        self.field.installEventFilter(self)
        self.model = SearchResultsModel(db, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field; arrows move the list
        self.list.doubleClicked.connect(lambda index: self._go(index.data(HIT)))
        self.status = QLabel()
        self.status.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _: self._debounce.start())
        self.field.returnPressed.connect(self.go_to_current)
        self._show_status()

    def open_over(self, window: QWidget) -> None:
        """Show at the top centre of ``window`` with the field focused."""
        width = min(WIDTH, max(320, window.width() - 40))
        self.resize(width, min(460, max(240, window.height() - 120)))
        top_left = window.mapToGlobal(QPoint((window.width() - width) // 2, 60))
        self.move(top_left)
        self.show()
        self.field.setFocus()

    def run_search(self) -> None:
        self.model.run(self.field.text())
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._show_status()

    def _show_status(self) -> None:
        count = self.model.rowCount()
        if not self.field.text().strip():
            self.status.setText("Type to search. ↑↓ to choose, Enter to open, Esc to close.")
        elif self.model.problem:
            self.status.setText(self.model.problem[:1].upper() + self.model.problem[1:] + ".")
        elif count == 0:
            self.status.setText("Nothing found.")
        else:
            self.status.setText(f"{count} result{'s' if count != 1 else ''}. Enter to open.")

    def go_to_current(self) -> None:
        if self._debounce.isActive():  # Enter typed before the results caught up with the field
            self._debounce.stop()
            self.run_search()
        index = self.list.currentIndex()
        if index.isValid():
            self._go(index.data(HIT))

    def _go(self, hit: Hit | None) -> None:
        if hit is None:
            return
        self.close()
        self.hit_chosen.emit(hit)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}.get(event.key())
            if step and self.model.rowCount():
                row = min(max(0, self.list.currentIndex().row() + step), self.model.rowCount() - 1)
                self.list.setCurrentIndex(self.model.index(row, 0))
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close()
                return True
        return super().eventFilter(watched, event)
