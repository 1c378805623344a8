"""The annotations of the open source as a list: quote, note, tags, colour, orphaned state."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from db.image_regions import Region
from desktop_app.reader import colors
from desktop_app.reliability.literal_text import literal

ANNOTATION_ID = Qt.ItemDataRole.UserRole + 1
COLOR = Qt.ItemDataRole.UserRole + 2
NOTE = Qt.ItemDataRole.UserRole + 3
TAGS = Qt.ItemDataRole.UserRole + 4
ORPHANED = Qt.ItemDataRole.UserRole + 5
AUTHOR = Qt.ItemDataRole.UserRole + 6
REGION = Qt.ItemDataRole.UserRole + 7  # a picture's region (db.image_regions): shown, not quoted
ORPHANED_TEXT = "Orphaned: this passage is no longer in the text"


class AnnotationListModel(QAbstractListModel):
    """Rows are the dicts of ``db.annotations.source_annotations`` (one source: a short list)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []

    def set_annotations(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def annotation(self, row: int) -> dict:
        return self._rows[row]

    def row_of(self, annotation_id: int) -> int | None:
        for row, annotation in enumerate(self._rows):
            if annotation["id"] == annotation_id:
                return row
        return None

    def annotations(self) -> list[dict]:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        region = Region.from_json(a.get("region"))
        if role == Qt.ItemDataRole.DisplayRole:
            return f"Region {region.described()}" if region else " ".join(a["exact"].split())
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [a["exact"], a["note"], f"Highlighted by {a['author']}" if a.get("author") else "",
                     ORPHANED_TEXT if a["orphaned"] else ""]
            return literal("\n\n".join(p for p in parts if p))
        return {
            ANNOTATION_ID: a["id"], COLOR: a["color"], NOTE: a["note"], TAGS: a["tags"] or "",
            ORPHANED: bool(a["orphaned"]), AUTHOR: a.get("author") or "", REGION: region is not None,
        }.get(role)


class AnnotationDelegate(QStyledItemDelegate):
    """A card: a colour bar, the quote (up to three lines), the note, who highlighted it and its tags, the
    orphaned warning."""

    PAD = 8
    BAR = 4
    QUOTE_LINES = 3

    def _lines(self, option, index) -> list[tuple[str, QFont, str]]:
        """(text, font, kind) for each part shown, in order."""
        base = QFont(option.font)
        quote_font = QFont(base)
        quote_font.setItalic(True)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        parts = [(index.data() if index.data(REGION) else f"“{index.data()}”", quote_font, "quote")]
        if index.data(NOTE):
            parts.append((" ".join(index.data(NOTE).split()), base, "note"))
        byline = " · ".join(p for p in (index.data(AUTHOR), index.data(TAGS) and "Tags: " + index.data(TAGS)) if p)
        if byline:
            parts.append((byline, small, "muted"))
        if index.data(ORPHANED):
            parts.append((ORPHANED_TEXT, small, "warning"))
        return parts

    def _text_width(self, option) -> int:
        return max(60, option.rect.width() - 2 * self.PAD - self.BAR - 6)

    def _part_height(self, text: str, font: QFont, kind: str, width: int) -> int:
        metrics = QFontMetrics(font)
        lines = self.QUOTE_LINES if kind == "quote" else 2
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height()
        return min(needed, lines * metrics.lineSpacing())

    def sizeHint(self, option, index):  # noqa: N802
        width = self._text_width(option)
        height = sum(self._part_height(t, f, k, width) + 3 for t, f, k in self._lines(option, index))
        return QSize(option.rect.width(), height + 2 * self.PAD)

    def paint(self, painter, option, index):
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.fillRect(QRect(rect.left(), rect.top(), self.BAR, rect.height()), colors.strong(index.data(COLOR)))
        x = rect.left() + self.BAR + 6
        width = self._text_width(option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_color)
        muted.setAlphaF(0.7)
        warning = QColor("#ff8a80" if colors.is_dark(palette) or selected else "#b3261e")
        y = rect.top()
        for text, font, kind in self._lines(option, index):
            height = self._part_height(text, font, kind, width)
            painter.setFont(font)
            painter.setPen({"warning": warning, "muted": muted}.get(kind, text_color))
            metrics = QFontMetrics(font)
            shown = text
            if metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height() > height:
                # Elide to the allowed lines' total width, less a little that word wrapping loses per line.
                lines = max(1, height // metrics.lineSpacing())
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                           width * lines - 6 * metrics.averageCharWidth())
            painter.drawText(QRect(x, y, width, height), Qt.TextFlag.TextWordWrap, shown)
            y += height + 3
        painter.restore()
