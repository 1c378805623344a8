"""The hits of one search as a list model, and the delegate that draws each as two lines of
escaped rich text (title and kind, then the snippet with the matched words in bold)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from db import events, pdf_pages, search
from db.search import Hit
from desktop_app.dates.render import in_words_or_raw
from desktop_app.reliability.literal_text import literal
from desktop_app.search.snippet import KIND_LABELS, hit_html, plain

HIT = Qt.ItemDataRole.UserRole + 1
HTML = Qt.ItemDataRole.UserRole + 2
LIMIT = 30


class SearchResultsModel(QAbstractListModel):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self._db = db
        self._hits: list[Hit] = []
        self._html: list[str] = []
        self.problem = ""  # why the last search found nothing, when it was stopped

    def run(self, text: str) -> None:
        """Search for ``text`` (any input; never raises for what a user types) and show the hits."""
        try:
            hits, self.problem = search.search(self._db, text, limit=LIMIT), ""
        except search.SearchTooSlow as stopped:
            hits, self.problem = [], str(stopped)
        event_ids = tuple(h.id for h in hits if h.kind == "event")
        when = {}
        if event_ids:  # one query for the dates of every event hit
            rows = events.event_page(self._db, events.EventFilter(ids=event_ids), limit=len(event_ids))
            when = {r["id"]: in_words_or_raw(r["date_edtf"]) for r in rows}
        self.beginResetModel()
        self._hits = hits
        self._html = [hit_html(h, when.get(h.id, "") if h.kind == "event" else page_of(self._db, h)) for h in hits]
        self.endResetModel()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{KIND_LABELS.get(hit.kind, hit.kind)}: {hit.title} — {plain(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(plain(hit.snippet))
        if role == HTML:
            return self._html[index.row()]
        if role == HIT:
            return hit
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a hit's HTML (escaped text and <b> only, see ``snippet.hit_html``)."""

    PAD = 6

    def _document(self, option, index, selected: bool = False) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        text = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        meta = QColor(text)
        meta.setAlphaF(0.65)
        document.setDefaultStyleSheet(f".meta {{ color: {meta.name(QColor.NameFormat.HexArgb)}; }}")
        document.setDocumentMargin(0)
        document.setHtml(index.data(HTML) or "")
        document.setTextWidth(max(50, option.rect.width() - 2 * self.PAD))
        return document

    def sizeHint(self, option, index):  # noqa: N802
        document = self._document(option, index)
        return QSize(int(document.idealWidth()) + 2 * self.PAD, int(document.size().height()) + 2 * self.PAD)

    def paint(self, painter, option, index):
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        document = self._document(option, index, selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.save()
        painter.translate(option.rect.left() + self.PAD, option.rect.top() + self.PAD)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - self.PAD, option.rect.height() - self.PAD))
        document.documentLayout().draw(painter, context)
        painter.restore()


def page_of(db, hit: Hit) -> str:
    """"p. 12" for a hit in a PDF's text (the page's printed label), else ""."""
    if hit.kind != "source":
        return ""
    page = pdf_pages.page_of_snippet(db, hit.id, hit.snippet, search.MARK_START, search.MARK_END)
    return f"p. {page.label}" if page else ""
