"""The side panel's list of the dates found in the source, in text order: the words as written,
the date they name, and a tick when the sentence is already cited by an event."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QListView, QStyle, QStyledItemDelegate, QVBoxLayout,
                               QWidget)

from desktop_app.dates.render import in_words_or_raw
from desktop_app.reader import colors
from desktop_app.reader_assistant.findings import FoundDate

CITED = Qt.ItemDataRole.UserRole + 1  # bool: the date's sentence is cited
TICK = "✓"


def date_in_words(found: FoundDate) -> str:
    return in_words_or_raw(found.edtf) if found.edtf else "date not known (no publication date)"


class FoundDatesModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._dates: tuple[FoundDate, ...] = ()
        self._words: list[str] = []
        self._in_words: dict[str | None, str] = {}  # EDTF -> in words: a long text names the same days again and again
        self._cited: set[int] = set()
        self._where: list[str] = []

    def set_dates(self, dates: tuple[FoundDate, ...], cited: set[int], where=None) -> None:
        """``where(offset)`` says where in the source a date is ("p. 12" in a PDF), or nothing."""
        self.beginResetModel()
        # In words now, not while painting: the EDTF parser (pyparsing) keeps the frames of its
        # caller in cached exceptions, and a painter kept that way outlives its C++ object.
        for found in dates:
            if found.edtf not in self._in_words:
                self._in_words[found.edtf] = date_in_words(found)
        self._dates, self._words, self._cited = dates, [self._in_words[d.edtf] for d in dates], set(cited)
        self._where = [where(d.start) if where else "" for d in dates]
        self.endResetModel()

    def quoted(self, row: int) -> str:
        """The date as the text has it, and where it is."""
        found = self._dates[row]
        return f"“{' '.join(found.text.split())}”" + (f" · {self._where[row]}" if self._where[row] else "")

    def set_cited(self, cited: set[int]) -> None:
        changed = self._cited ^ set(cited)
        self._cited = set(cited)
        for row in changed:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    def found_date(self, row: int) -> FoundDate:
        return self._dates[row]

    def words(self, row: int) -> str:
        """The date of a row in words."""
        return self._words[row]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._dates)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._dates):
            return None
        found, cited = self._dates[index.row()], index.row() in self._cited
        if role == Qt.ItemDataRole.DisplayRole:  # what the delegate draws, as one text for the accessible
            return f"{self._words[index.row()]}\n{self.quoted(index.row())}" + (f"   {TICK} cited" if cited else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return " ".join(found.sentence.split()) + ("\n\nAn event cites this sentence." if cited else "")
        if role == CITED:
            return cited
        return None


class FoundDateDelegate(QStyledItemDelegate):
    """Two lines: the date in words (with a tick when cited), then the words as written, muted."""

    PAD = 5

    def _fonts(self, option) -> tuple[QFont, QFont]:
        main = QFont(option.font)  # a copy: the option's own font dies with the option
        small = QFont(main)
        small.setPointSizeF(main.pointSizeF() * 0.9)
        return main, small

    def sizeHint(self, option, index):  # noqa: N802 (Qt's name)
        main, small = self._fonts(option)
        return QSize(1, QFontMetrics(main).lineSpacing() + QFontMetrics(small).lineSpacing()
                     + 2 * self.PAD + 2)

    def paint(self, painter, option, index):
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        cited = index.data(CITED)
        main, small = self._fonts(option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlphaF(0.7)
        rect = option.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        first_height = QFontMetrics(main).lineSpacing()
        painter.save()
        tick_width = 0
        if cited:
            tick = f"{TICK} cited"
            tick_width = QFontMetrics(small).horizontalAdvance(tick) + 8
            painter.setFont(small)
            painter.setPen(text if selected else QColor("#69db7c" if colors.is_dark(option.palette) else "#2b8a3e"))
            # right-aligned inside the row's padding (a box of its own width ran past the edge)
            painter.drawText(QRect(rect.left(), rect.top(), rect.width(), first_height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tick)
        painter.setFont(main)
        painter.setPen(text)
        first = QRect(rect.left(), rect.top(), rect.width() - tick_width, first_height)
        painter.drawText(first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(main).elidedText(index.model().words(index.row()), Qt.TextElideMode.ElideRight,
                                                       first.width()))
        painter.setFont(small)
        painter.setPen(muted)
        second = QRect(rect.left(), rect.top() + first_height, rect.width(), rect.height() - first_height)
        words = index.model().quoted(index.row())
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(small).elidedText(words, Qt.TextElideMode.ElideRight, second.width()))
        painter.restore()


NONE_FOUND = "No dates found in this text."
LOOKING = "Looking for dates in this text…"
STILL_LOOKING = "Still looking for dates in the rest of the text…"


class FoundDatesList(QWidget):
    """The list, or a line saying there is nothing in it (yet: a long text is read in the
    background, and until it has been the line says so, not that there is nothing)."""

    date_chosen = Signal(object)  # FoundDate

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = FoundDatesModel(self)
        self.setAccessibleName("Dates in the text")
        self.view = QListView()
        self.view.setAccessibleName("Dates in the text")
        self.view.setModel(self.model)
        self.view.setItemDelegate(FoundDateDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(lambda index: self.date_chosen.emit(self.model.found_date(index.row())))
        self.view.activated.connect(lambda index: self.date_chosen.emit(self.model.found_date(index.row())))
        # at the top of the section: in its middle, below the empty space of the list, it went unseen
        self.empty = QLabel(NONE_FOUND, wordWrap=True, alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.set_dates((), set())

    def set_dates(self, dates: tuple[FoundDate, ...], cited: set[int], where=None, looking: bool = False) -> None:
        """Show ``dates``; ``looking``: the text is still being read (those found so far are shown,
        the one chosen staying chosen and the list where it was scrolled)."""
        current = self.view.currentIndex()
        chosen = self.model.found_date(current.row()) if current.isValid() else None
        scrolled = self.view.verticalScrollBar().value()
        self.model.set_dates(dates, cited, where)
        row = next((row for row, found in enumerate(dates) if found == chosen), None) if chosen else None
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self.view.verticalScrollBar().setValue(scrolled)
        self.empty.setText(NONE_FOUND if not looking else STILL_LOOKING if dates else LOOKING)
        self.empty.setVisible(looking or not dates)
        self.view.setVisible(bool(dates))
