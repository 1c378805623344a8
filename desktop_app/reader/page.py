"""The Reader page: a source's text to read, highlight, search and cite from, with its
highlights and the events citing it beside it."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QSplitter,
                               QStackedWidget, QVBoxLayout, QWidget)

from db import annotations, citations, pdf_pages, sources
from desktop_app import verbs
from desktop_app.dates.render import in_words_or_raw
from desktop_app.reader import colors
from desktop_app.reader.dialogs import TextDialog
from desktop_app.reader.find_bar import FindBar
from desktop_app.reader.keyed_actions import KeyedActions
from desktop_app.reader.passage_actions import PassageActions
from desktop_app.reader.pdf_panel import PdfPanel
from desktop_app.reader.picture_reading import PictureReading
from desktop_app.reader.selection_bar import SelectionBar
from desktop_app.reader.side_panel import SidePanel
from desktop_app.reader.text_view import Highlight, SourceTextView

EMPTY_TEXT = "No source is open.\n\nOpen one from the Sources page, from an event's citations, or find it with Ctrl+K."
NO_TEXT_TO_FIND = "A picture has no text to find in: its regions are listed beside it."


def byline(source: dict) -> str:
    """Authors (or editors), container, publisher and date of a source, in one line."""
    people = source["creators"].get("author") or source["creators"].get("editor") or []
    names = [p.get("literal") or " ".join(filter(None, (p.get("given"), p.get("family")))) for p in people]
    if len(names) > 3:
        names = names[:3] + ["et al."]
    parts = [", ".join(names), source["container_title"] or source["publisher"] or "",
             in_words_or_raw(source["issued_edtf"])]
    return " · ".join(p for p in parts if p)


class ReaderPage(PassageActions, KeyedActions, QWidget):
    event_requested = Signal(int)
    text_shown = Signal()  # a source's text was (re)placed in the view
    # The text's context menu is about to open at a full_text offset: add to it (the reading assistant).
    context_menu_opening = Signal(QMenu, int)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Reader page")
        self.source_id: int | None = None
        self._annotations: list[dict] = []
        self._last_color = "yellow"
        # What other features attach to the page for each project (declared here, not hung on it):
        self.assistant = None  # the reading assistant (desktop_app.reader_assistant)
        self.save_original = None  # the Save Original button (desktop_app.originals)

        self.title = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.45)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.byline = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self._mute_byline()
        self.notice = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.notice.hide()
        # A text is read in the text view, a PDF on its pages: ``view`` is the one shown, and both
        # speak in full-text offsets, so highlighting, citing and finding are the same code.
        self.text_view = SourceTextView()
        self.pdf = PdfPanel()
        self.view = self.text_view
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.selection_bar = SelectionBar(self.view.viewport())
        self.side = SidePanel()
        self._build_actions()
        self._build_layout()
        self._connect()
        self.picture = PictureReading(self)  # a photograph read and marked in place of a text
        session.changed.connect(self._on_changed)

    def _mute_byline(self) -> None:
        muted = self.byline.palette()
        muted.setColor(QPalette.ColorRole.WindowText, colors.muted_text(self.palette()))
        self.byline.setPalette(muted)

    def changeEvent(self, event):  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: re-derive the byline's grey
            self._mute_byline()

    # -- building -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self._keyed_actions: list[QAction] = []
        self.highlight_action = self._action("Highlight", lambda: self.highlight_selection(self._last_color),
                                             "Ctrl+Shift+H")
        self.highlight_actions = {
            color: self._action(f"Highlight in {label}", lambda _=False, c=color: self.highlight_selection(c))
            for color, label in colors.LABELS.items()
        }
        self.highlight_note_action = self._action("Highlight with Note…", self.highlight_with_note)
        self.cite_action = self._action("Cite for Event…", self.cite, "Ctrl+Shift+C")
        self.find_action = self._action("Find in Text…", self.open_find, QKeySequence.StandardKey.Find)
        self.find_next_action = self._action("Find Next", self.find_bar.next, QKeySequence.StandardKey.FindNext)
        self.find_previous_action = self._action("Find Previous", self.find_bar.previous,
                                                 QKeySequence.StandardKey.FindPrevious)
        self.edit_text_action = self._action("Edit Text…", self.edit_text)

    def _build_layout(self) -> None:
        find_button = QPushButton("Find…", toolTip="Find in text (Ctrl+F)")
        find_button.clicked.connect(self.open_find)
        self.find_button = find_button
        edit_button = QPushButton("Edit text…", toolTip="Correct the source's text; highlights follow their passages")
        edit_button.clicked.connect(self.edit_text)
        self.edit_button = edit_button
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.byline)
        heading.addWidget(self.notice)
        header = QHBoxLayout()
        header.setContentsMargins(16, 12, 16, 8)
        header.setSpacing(8)  # else it takes the column's 0, and its buttons and checkbox touch
        header.addLayout(heading, 1)
        header.addWidget(find_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(edit_button, 0, Qt.AlignmentFlag.AlignTop)
        self._header = header
        reading = QWidget()
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(header)
        self.views = QStackedWidget()
        self.views.addWidget(self.text_view)
        self.views.addWidget(self.pdf)
        column.addWidget(self.views, 1)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(reading)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 300])
        self.empty = QLabel(EMPTY_TEXT, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.empty.setObjectName("emptyState")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _connect(self) -> None:
        for view in (self.text_view, self.pdf.view):
            view.clicked.connect(self._clicked_in_text)
            view.selection_finished.connect(self._offer_selection_bar)
            view.selectionChanged.connect(self._selection_changed)
            view.verticalScrollBar().valueChanged.connect(lambda _: self.selection_bar.hide())
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(self._context_menu)
        self.selection_bar.color_picked.connect(self.highlight_selection)
        self.selection_bar.note_requested.connect(self.highlight_with_note)
        self.selection_bar.cite_requested.connect(self.cite)
        self.find_bar.matches_changed.connect(lambda spans: self.view.set_matches(spans))
        self.find_bar.current_changed.connect(lambda start, end: self.view.select_span(start, end))
        self.find_bar.closed.connect(lambda: self.view.setFocus())
        self.side.annotation_chosen.connect(self.go_to_annotation)
        self.side.list.selectionModel().currentChanged.connect(lambda *_: self._draw_highlights())
        self.side.color_edited.connect(lambda i, c: verbs.edit_highlight(self.session, self, i, color=c))
        self.side.note_edited.connect(lambda i, n: verbs.edit_highlight(self.session, self, i, note=n))
        self.side.tags_edited.connect(lambda i, t: verbs.edit_highlight(self.session, self, i, tags=t))
        self.side.delete_requested.connect(lambda i: verbs.delete_highlight(self.session, self, i))
        self.side.cite_requested.connect(self._cite_annotation)
        self.pdf.import_requested.connect(lambda found: verbs.import_highlights(self.session, self, self.source_id, found))
        self.side.event_requested.connect(self.event_requested)
        self._selection_changed()

    # -- showing a source -----------------------------------------------------------------------

    def show_source(self, source_id: int, annotation_id: int | None = None, reload: bool = False) -> None:
        """Show a source (kept where it was if it is already shown), at an annotation if given."""
        if reload or source_id != self.source_id:
            source = sources.get_source(self.session.db, source_id)
            self.source_id = source_id if source is not None else None
            if source is None:
                self.empty.setText("That source is no longer in the project.")
                self.stack.setCurrentWidget(self.empty)
                return
            self.notice.hide()
            self._show_header(source)
            self._show_in(self.pdf.view if pdf_pages.is_paged(self.session.db, source_id) else self.text_view)
            # A photograph is shown in place of its (empty) text, before the text is announced, so
            # that features told of it (the reading assistant) know no text is read.
            reads_text = not self.picture.show(source)
            self.find_button.setVisible(reads_text)
            if not reads_text and self.find_bar.isVisible():  # a bar left open on a text would find nothing here
                self.find_bar.close_bar()
            self._set_text(source["full_text"])
            self._load_annotations()
            self._load_citing_events()
            self.stack.setCurrentWidget(self.splitter)
            self.view.verticalScrollBar().setValue(0)
        if annotation_id is not None:
            self.side.choose(annotation_id)
            self.go_to_annotation(annotation_id)

    def _show_header(self, source: dict) -> None:
        self.title.setText(source["title"] or "Untitled source")
        self.byline.setText(byline(source))
        self.byline.setVisible(bool(self.byline.text()))

    def _show_in(self, view) -> None:
        """Read the source in the text view or on its PDF pages."""
        self.view = view
        self.views.setCurrentWidget(self.pdf if view is self.pdf.view else view)
        self.selection_bar.setParent(view.viewport())
        self.selection_bar.hide()
        self.edit_button.setVisible(view is self.text_view)  # a PDF's text comes from its pages
        if view is self.text_view:
            self.pdf.unload()

    def _set_text(self, full_text: str) -> None:
        if self.view is self.pdf.view:
            self.pdf.load(self.session.db, self.source_id, full_text)
        else:
            self.view.set_text(full_text)
        self.find_bar.set_text(full_text)
        self.text_shown.emit()

    def reads_text(self) -> bool:
        """Whether a text (or a PDF's text) is shown, not a picture."""
        return self.views.currentWidget() is not self.picture.panel

    def add_header_widget(self, widget: QWidget) -> None:
        """A control beside Find… and Edit text… (a feature's toggle)."""
        self._header.insertWidget(1, widget, 0, Qt.AlignmentFlag.AlignTop)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab takes the header from left to right, then the text (with the selection bar in it),
        the find bar and the side panel. A control added to the window later would otherwise come
        last in Tab order: after the side panel, not where it shows."""
        header = [self._header.itemAt(i).widget() for i in range(self._header.count())]
        order = [widget for widget in header if widget is not None]
        # Widgets found as children, not by following the focus chain: nextInFocusChain() from
        # Python leaves PySide counting other pages' widgets as children of these, and their
        # wrappers die with this page.
        for part in (self.views, self.find_bar, self.side, self):
            # (a combo box's popup is a window of its own: not in the page's Tab order)
            order += [widget for widget in (part, *part.findChildren(QWidget)) if widget not in order
                      and widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.focusProxy() is None
                      and not widget.isWindow() and widget.window() is self.window()]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

    def _load_annotations(self) -> None:
        self._annotations = annotations.source_annotations(self.session.db, self.source_id)
        self.side.set_annotations(self._annotations)
        self._draw_highlights()

    def _load_citing_events(self) -> None:
        self.side.set_citing_events(citations.citing_events(self.session.db, self.source_id))

    def _draw_highlights(self) -> None:
        chosen = self.side.current_annotation_id()
        self.view.set_highlights([Highlight(a["start_char"], a["end_char"], a["color"], a["id"] == chosen)
                                  for a in self._annotations if not a["orphaned"]])

    def _on_changed(self, changes) -> None:
        if self.source_id is None:
            return
        if changes.may_touch("sources", self.source_id) or changes.touches("source_creators"):
            source = sources.get_source(self.session.db, self.source_id)
            if source is None:
                self.source_id = None
                self.empty.setText("That source is no longer in the project.")
                self.stack.setCurrentWidget(self.empty)
                return
            self._show_header(source)
            if source["full_text"] != self.view.full_text or changes.touches("source_pages"):
                scrolled = self.view.verticalScrollBar().value()
                self._set_text(source["full_text"])
                self.view.verticalScrollBar().setValue(scrolled)
        if changes.touches("sources", "annotations", "annotation_tags", "tags", "citations"):
            self._load_annotations()
        if changes.touches("citations", "events"):
            self._load_citing_events()

    # -- going to a passage -----------------------------------------------------------------------

    def _annotation(self, annotation_id: int) -> dict | None:
        return next((a for a in self._annotations if a["id"] == annotation_id), None)

    def go_to_annotation(self, annotation_id: int) -> None:
        annotation = self._annotation(annotation_id)
        if annotation is None or annotation["orphaned"]:
            self._draw_highlights()
            return
        self.view.select_span(annotation["start_char"], annotation["end_char"])
        self._draw_highlights()

    def _annotation_at(self, offset: int) -> dict | None:
        """The shortest placed annotation covering the character at ``offset``."""
        covering = [a for a in self._annotations
                    if not a["orphaned"] and a["start_char"] <= offset < a["end_char"]]
        return min(covering, key=lambda a: a["end_char"] - a["start_char"], default=None)

    def _clicked_in_text(self, offset: int) -> None:
        annotation = self._annotation_at(offset)
        self.side.choose(annotation["id"] if annotation else None)
        self._draw_highlights()

    # -- find, edit text, menus -----------------------------------------------------------------

    def open_find(self) -> None:
        if self.source_id is None:
            return
        if not self.reads_text():
            self.notice.setText(NO_TEXT_TO_FIND)
            self.notice.show()
            return
        span = self.view.selected_span()
        selected = self.view.full_text[span[0]:span[1]] if span and span[1] - span[0] < 80 else ""
        self.find_bar.open(selected if "\n" not in selected else "")

    def edit_text(self) -> None:
        if self.source_id is None:
            return
        dialog = TextDialog(self.view.full_text, len(self._annotations), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.text() == self.view.full_text:
            return
        orphaned = verbs.set_source_text(self.session, self, self.source_id, dialog.text()).result
        if orphaned:
            self.notice.setText(f"{orphaned} highlight{'s are' if orphaned != 1 else ' is'} no longer found in the "
                                "text; kept in the list as orphaned.")
            self.notice.show()

    def _selection_changed(self) -> None:
        has_selection = self.view.selected_span() is not None
        for action in (self.highlight_action, self.highlight_note_action, *self.highlight_actions.values()):
            action.setEnabled(has_selection)
        if not has_selection:
            self.selection_bar.hide()

    def _offer_selection_bar(self) -> None:
        span = self.view.selected_span()
        if span is not None:
            self.selection_bar.show_near(self.view.span_rect(*span))

    def _context_menu(self, position) -> None:
        menu = self.view.createStandardContextMenu(position)
        menu.addSeparator()
        colours = QMenu("Highlight", menu)
        colours.addActions(list(self.highlight_actions.values()))
        colours.setEnabled(self.view.selected_span() is not None)
        menu.addMenu(colours)
        menu.addAction(self.highlight_note_action)
        menu.addAction(self.cite_action)
        menu.addSeparator()
        menu.addAction(self.find_action)
        menu.addAction(self.edit_text_action)
        self.context_menu_opening.emit(menu, self.view.offset_at(position))
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()
