"""The reading assistant in the Reader page: found dates and names marked in the text, a list of
the dates beside it, and the actions they offer (a new event on a date, a near-miss name as an
alias, two entities that share a name merged).

It runs the finders when a source's text is shown, against the source's issued date at whatever
precision it has. Texts up to ``SYNC_CHARS`` are read at once (a 5 KB article takes ~30 ms).
Longer ones are read in a worker thread a part at a time (a PDF page by page; see
``reading_parts``), the part on screen first, and the marks and the list fill as parts are read.
The finders are Python: while they run they hold the interpreter's lock, and every paint of the
reader would wait for it, so the worker pauses between parts while the reader paints or is
scrolled, and goes on once it has been still for ``QUIET_MS``. Another source shown, the
assistant switched off or the project closed: the worker stops after the part it is reading.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject, QPoint, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QDialog, QMenu

from db import annotations, citations, entities, sources
from desktop_app import verbs
from desktop_app.dates.render import in_words_or_raw
from desktop_app.extract.name_finder import fold
from desktop_app.reader.cite_dialog import CiteDialog, EventDraft
from desktop_app.reader_assistant import findings as found, marks, reading_parts
from desktop_app.events.alias_dialog import MAX_ALIAS_CHARS, ask_alias, word_at
from desktop_app.reader_assistant.dates_list import FoundDatesList

SYNC_CHARS = 20_000
QUIET_MS = 150  # the reader still this long: the worker goes on
PAUSE_LIMIT_S = 2.0  # a part waits no longer than this for the reader to be still
# The parts found meanwhile are shown together, at most this often, and less often as the list
# grows: listing it again costs the GUI thread ~8 µs a date (its words), 70 ms at 9,000 dates.
SHOW_EVERY_MS = 400
_BUSY = (QEvent.Type.Paint, QEvent.Type.Wheel, QEvent.Type.MouseMove)


class _Gate:
    """What the GUI thread tells the worker: which reading is wanted (any other stops) and, by
    ``go``, whether it may start its next part now. A plain object: it outlives the widgets."""

    def __init__(self):
        self.wanted = 0
        self.go = threading.Event()
        self.go.set()

    def want(self, generation: int) -> None:
        self.wanted = generation
        self.go.set()

    def close(self, *_) -> None:
        """The reader is gone: every reading stops."""
        self.want(-1)


class _Reading(QRunnable):
    """Reads ``spans`` of a text one after another away from the GUI thread, handing each part's
    findings back through ``carrier`` as it is read."""

    def __init__(self, carrier: "_Carrier", gate: _Gate, generation: int, text: str, spans, published, names,
                 people):
        super().__init__()
        self._carrier, self._gate, self._generation = carrier, gate, generation
        self._text, self._spans, self._args = text, spans, (published, names, people)

    def run(self):
        try:
            for span in self._spans:
                self._gate.go.wait(PAUSE_LIMIT_S)
                if self._gate.wanted != self._generation:
                    return
                part = reading_parts.find_in_part(self._text, span, *self._args)
                if self._gate.wanted != self._generation:
                    return
                self._carrier.part_found.emit(self._generation, span[0], part)
            self._carrier.finished.emit(self._generation)
        except RuntimeError:  # "Signal source has been deleted": the window closed while we read
            pass


class _Carrier(QObject):
    part_found = Signal(int, int, object)  # generation, the part's start, its Findings (queued to the GUI)
    finished = Signal(int)  # generation: every part read


class ReaderAssistant(QObject):
    findings_changed = Signal()

    def __init__(self, page, session, toggle: QAction):
        super().__init__(page)
        self.page, self.session, self.toggle = page, session, toggle
        self.findings = found.Findings()
        self.cited: set[int] = set()
        self.menu: QMenu | None = None  # the menu a click on a mark opened
        self._names: dict = {}  # entity id -> its name, for the menus
        self._ignored: set[tuple[str, object]] = set()  # (folded words, entity id) suggestions put aside
        self._generation = 0
        self._published: str | None = None  # the issued date the findings were read against
        self._carrier = _Carrier(self)
        self._carrier.part_found.connect(self._part_found)
        self._carrier.finished.connect(self._finished)
        self._gate = _Gate()
        page.destroyed.connect(self._gate.close)
        self._parts: dict[int, found.Findings] = {}  # a long text's parts read so far, by their start
        self._reading = False  # a long text is being read
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_MS)
        self._quiet.timeout.connect(self._gate.go.set)
        self._show_parts = QTimer(self, singleShot=True)
        self._show_parts.timeout.connect(self._show_read)
        for view in (page.text_view, page.pdf.view):
            view.viewport().installEventFilter(self)
        self.dates = FoundDatesList()
        self.dates.date_chosen.connect(lambda date: page.view.select_span(date.start, date.end))
        self.heading = page.side.add_section("Dates in the text", self.dates, 2)
        self.checkbox = QCheckBox("Dates and names", toolTip=toggle.toolTip(), checked=toggle.isChecked())
        self.checkbox.toggled.connect(toggle.setChecked)
        toggle.toggled.connect(self.checkbox.setChecked)
        page.add_header_widget(self.checkbox)
        page.text_shown.connect(self.refresh)
        page.view.clicked.connect(self._clicked)
        page.context_menu_opening.connect(self._extend_menu)
        session.changed.connect(self._on_changed)
        toggle.toggled.connect(lambda _on: self.refresh())
        self.refresh()

    # -- finding ----------------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        return self.toggle.isChecked()

    @property
    def reading(self) -> bool:
        """Whether a long text is still being read in the worker."""
        return self._reading

    def refresh(self) -> None:
        """Read the shown source again: its text, its issued date and the project's entities."""
        self._generation += 1
        self._gate.want(self._generation)  # a reading still going stops
        self._reading = False
        self._parts = {}
        self._show_parts.stop()
        self._show_controls()
        if not self.enabled or self.page.source_id is None:
            self._show(found.Findings())
            return
        text = self.page.view.full_text
        source = sources.get_source(self.session.db, self.page.source_id)
        published = self._published = found.publication_of(source["issued_edtf"] if source else None)
        names = entities.entity_names(self.session.db)
        self._names = {entity_id: entity_names[0] for entity_id, entity_names in names}
        people = entities.people(self.session.db)
        if len(text) <= SYNC_CHARS:
            self._show(found.find_all(text, published, names, people))
            return
        self._reading = True
        self._show(found.Findings(), looking=True)
        # Once the view has been scrolled where the source is opened (at a highlight, say): the
        # part on screen is read first.
        generation = self._generation
        QTimer.singleShot(0, self, lambda: self._start_reading(generation, text, published, names, people))

    def _start_reading(self, generation: int, text: str, published, names, people) -> None:
        if generation != self._generation:
            return
        view = self.page.view
        breaks = [p.start for p in view.pages] if view is self.page.pdf.view else ()
        spans = reading_parts.in_reading_order(reading_parts.parts(text, breaks), self._shown_offset())
        QThreadPool.globalInstance().start(
            _Reading(self._carrier, self._gate, generation, text, spans, published, names, people))

    def _shown_offset(self) -> int:
        """Where the text on screen begins: the first page any of which shows, in a PDF."""
        view = self.page.view
        if view is not self.page.pdf.view:
            return view.offset_at(QPoint(0, 0))
        top = view.verticalScrollBar().value()
        shown = view.layout_.pages_between(top, top + view.viewport().height())
        return view.pages[shown.start].start if shown else 0

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        """The reader paints or is scrolled: the worker pauses after its part until it is still."""
        if self._reading and event.type() in _BUSY:
            self._gate.go.clear()
            self._quiet.start()
        return False

    def _part_found(self, generation: int, start: int, part: found.Findings) -> None:
        if generation != self._generation:  # not a text shown since
            return
        first = not self._parts
        self._parts[start] = part
        if first:  # the part on screen: marked at once
            self._show_read()
        elif not self._show_parts.isActive():
            self._show_parts.start(max(SHOW_EVERY_MS, len(self.findings.dates) // 10))

    def _finished(self, generation: int) -> None:
        if generation == self._generation:
            self._reading = False
            self._show_parts.stop()
            self._show_read()

    def _show_read(self) -> None:
        self._show(reading_parts.joined(self._parts), looking=self._reading)

    def _show(self, findings: found.Findings, looking: bool = False) -> None:
        self.findings = findings
        self.cited = self._cited_dates()
        self.dates.set_dates(findings.dates, self.cited, self._page_of, looking)
        count = len(findings.dates)
        self.heading.setText(f"Dates in the text ({count}{', looking…' if looking else ''})" if count else
                             "Dates in the text (looking…)" if looking else "Dates in the text")
        self._draw()
        self.findings_changed.emit()

    def _page_of(self, offset: int) -> str:
        """In a PDF, the page a finding is on ("p. iv"); nothing in a text."""
        page = self.page
        return f"p. {page.pdf.page_label_at(offset)}" if page.view is page.pdf.view else ""

    def suggestions(self):
        """The near-miss names still offered (not confirmed, not ignored)."""
        return [n for n in self.findings.names if not n.confirmed and (fold(n.text), n.entity_id) not in self._ignored]

    def _draw(self) -> None:
        spans = [(d.start, d.end, marks.DATE) for d in self.findings.dates]
        spans += [(n.start, n.end, marks.NAME) for n in self.findings.names if n.confirmed]
        spans += [(n.start, n.end, marks.SUGGESTION) for n in self.suggestions()]
        self.page.view.set_underlines(spans, marks.formats)

    def _cited_dates(self) -> set[int]:
        if not self.findings.dates or self.page.source_id is None:
            return set()
        db, source_id = self.session.db, self.page.source_id
        passages = [(a["start_char"], a["end_char"]) for a in annotations.source_annotations(db, source_id)
                    if a["citation_count"] and not a["orphaned"]]
        quotes = [c["quote"] for c in citations.citing_events(db, source_id)]
        return found.cited_dates(self.findings.dates, self.page.view.full_text, passages, quotes)

    def _on_changed(self, changes) -> None:
        if not self.enabled or self.page.source_id is None:
            return
        if changes.touches("entities", "entity_aliases") or self._issued_changed(changes):
            self.refresh()
        elif changes.touches("citations", "annotations", "events"):
            self.cited = self._cited_dates()
            self.dates.model.set_cited(self.cited)

    def _issued_changed(self, changes) -> bool:
        """Whether the shown source's issued date changed (a changed text is shown anew, and read then)."""
        if self.page.source_id not in changes.rows.get("sources", ()):
            return False
        source = sources.get_source(self.session.db, self.page.source_id)
        return source is not None and found.publication_of(source["issued_edtf"]) != self._published

    def _show_controls(self) -> None:
        """The toggle and the dates only beside a text (a picture has none to read)."""
        reading = self.page.reads_text()
        self.checkbox.setVisible(reading)
        self.dates.setVisible(reading and self.enabled)
        self.heading.setVisible(reading and self.enabled)

    # -- actions on a mark ----------------------------------------------------------------------

    def actions_at(self, offset: int) -> list[QAction]:
        """What the date or name at a full_text offset offers (the character there or just before)."""
        for at in (offset, offset - 1):
            made = self._date_actions(at) + self._name_actions(at)
            if made:
                return made
        return []

    def _action(self, text: str, slot) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        return action

    def _date_actions(self, offset: int) -> list[QAction]:
        made = []
        for date in self.findings.dates_at(offset):
            if date.edtf:
                made.append(self._action(f"New event on {in_words_or_raw(date.edtf)}…",
                                         lambda _=False, d=date: self.new_event(d)))
            else:
                made.append(self._action(f"New event on “{date.text}”…", lambda _=False, d=date: self.new_event(d)))
        return made

    def _name_actions(self, offset: int) -> list[QAction]:
        hits = self.findings.names_at(offset)
        made = []
        offered = [n for n in self.suggestions() if n in hits]
        for hit in offered:
            name = self._names.get(hit.entity_id, hit.matched_name)
            made.append(self._action(f"Add “{hit.text}” as an alias of {name}",
                                     lambda _=False, h=hit: self.add_alias(h)))
        if offered:
            made.append(self._action(f"Ignore “{offered[0].text}”", lambda _=False, h=offered: self.ignore(h)))
        confirmed = list(dict.fromkeys(n.entity_id for n in hits if n.confirmed))
        if len(confirmed) >= 2:  # the same words name two entities: probably one, entered twice
            keep, other = confirmed[:2]
            for kept, merged in ((keep, other), (other, keep)):
                made.append(self._action(f"Merge “{self._names.get(merged)}” into “{self._names.get(kept)}”",
                                         lambda _=False, k=kept, m=merged: self.merge(k, m)))
        return made

    def _clicked(self, offset: int) -> None:
        made = self.actions_at(offset) if self.enabled else []
        if not made:
            return
        self.menu = QMenu(self.page)
        self.menu.addActions(made)
        where = self.page.view.cursorRect().bottomLeft() + QPoint(0, 4)
        self.menu.popup(self.page.view.viewport().mapToGlobal(where))

    def _extend_menu(self, menu: QMenu, offset: int) -> None:
        made = self.actions_at(offset) if self.enabled else []
        if made:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, made)
            menu.insertSeparator(first)
        menu.addSeparator()
        words = self.words_at(offset)
        if words:
            menu.addAction(self._action(f"Add “{words}” as an Alias…", lambda: self.ask_alias(words)))
        menu.addAction(self.toggle)

    def words_at(self, offset: int) -> str:
        """What "Add alias…" offers: the selection when it is short and on one line, else the word at ``offset``."""
        view = self.page.view
        span = view.selected_span()
        if span is not None:
            chosen = view.full_text[span[0]:span[1]].strip()
            return chosen if chosen and len(chosen) <= MAX_ALIAS_CHARS and "\n" not in chosen else ""
        return word_at(view.full_text, offset)

    def ask_alias(self, words: str) -> None:
        ask_alias(self.session, words, self.page)

    # -- the edits ------------------------------------------------------------------------------

    def draft(self, date: found.FoundDate) -> EventDraft:
        ids = found.entities_in(self.findings.names, date.sentence_start, date.sentence_end)
        return EventDraft(found.suggested_title(date), date.edtf or "", " ".join(date.sentence.split()),
                          tuple(self._names[i] for i in ids if i in self._names))

    def new_event(self, date: found.FoundDate) -> int | None:
        """Ask about a new event on ``date`` (the cite dialog, filled in) and create it with its
        highlight of the sentence and its citation, as one undoable edit. Returns the event's id."""
        page = self.page
        span = (date.sentence_start, date.sentence_end)
        paragraph = page.paragraph_of(date.sentence_start)
        dialog = CiteDialog(self.session.db, date.sentence, paragraph, page, draft=self.draft(date))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.citation()
        if chosen.new_event is None:  # an event already in the project: cite the sentence for it
            cited = verbs.cite(self.session, page, page.source_id, event_id=chosen.event_id, span=span,
                               color=page.highlight_color, locator_type=chosen.locator_type, locator=chosen.locator,
                               stance=chosen.stance, claimed_edtf=chosen.claimed_edtf)
            return chosen.event_id if cited else None
        title, date_edtf = chosen.new_event
        return verbs.new_event_from_passage(
            self.session, page, page.source_id, span, title=title, date_edtf=date_edtf,
            description=chosen.description, entities=chosen.entities, locator_type=chosen.locator_type,
            locator=chosen.locator, stance=chosen.stance, color=page.highlight_color,
            claimed_edtf=chosen.claimed_edtf).result

    def add_alias(self, hit) -> None:
        verbs.add_alias(self.session, self.page, hit.entity_id, " ".join(hit.text.split()))

    def ignore(self, hits) -> None:
        self._ignored.update((fold(h.text), h.entity_id) for h in hits)
        self._draw()
        self.findings_changed.emit()

    def merge(self, keep_id: int, merge_id: int) -> None:
        verbs.merge_entities(self.session, self.page, keep_id, merge_id)
