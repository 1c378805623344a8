"""What the Reader page does with a passage of its source: highlight it (in a colour, with a
note), cite it for an event (the selection or a highlight), and say where it is for a citation
(its page in a PDF, its paragraph in a text). Mixed into ReaderPage, whose view, side panel,
selection bar and session it uses."""
from __future__ import annotations

import re

from PySide6.QtWidgets import QDialog

from db import sources
from desktop_app import verbs
from desktop_app.reader.cite_dialog import CiteDialog, EventDraft
from desktop_app.reader.dialogs import HighlightDialog
from desktop_app.reader_assistant import cite_suggestion
from desktop_app.reader_assistant.findings import publication_of

_WORD = re.compile(r"\S")
NOTHING_TO_CITE = ("To cite, first select the passage in the text (drag over it), or choose one of the "
                   "highlights in the list beside it; then press Ctrl+Shift+C again.")


class PassageActions:
    @property
    def highlight_color(self) -> str:
        """The colour of the latest highlight: new passages are highlighted in it."""
        return self._last_color

    def highlight_selection(self, color: str, note: str = "", tags=()) -> int | None:
        span = self.view.selected_span() if self.source_id is not None else None
        if span is None:
            return None
        self._last_color = color
        self.selection_bar.hide()
        annotation_id = verbs.highlight(self.session, self, self.source_id, *span, note, color, tags).result
        if annotation_id is not None:
            self.side.choose(annotation_id)
            self._draw_highlights()
        return annotation_id

    def highlight_with_note(self) -> None:
        span = self.view.selected_span()
        if span is None:
            return
        dialog = HighlightDialog(self.view.full_text[span[0]:span[1]], self._last_color, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.highlight_selection(*dialog.values())

    def locator_of(self, start: int) -> tuple[str, str]:
        """Where a passage starting at ``start`` is, for a citation: its page in a PDF (the printed
        label), its paragraph in a text."""
        if self.view is self.pdf.view:
            return "page", self.pdf.page_label_at(start)
        number = self.paragraph_of(start)
        return "paragraph", str(number) if number else ""

    def paragraph_of(self, start: int) -> int | None:
        """The number of the paragraph a passage starting at ``start`` belongs to."""
        first_word = _WORD.search(self.view.full_text, start)
        return self.view.paragraphs.number_at(first_word.start() if first_word else start)

    def cite(self) -> None:
        span = self.view.selected_span() if self.source_id is not None else None
        if span is not None:
            self._cite(span=span)
        elif self.side.current_annotation_id() is not None:
            self._cite_annotation(self.side.current_annotation_id())
        elif self.source_id is not None:
            self.notice.setText(NOTHING_TO_CITE)
            self.notice.show()

    def _cite_annotation(self, annotation_id: int) -> None:
        self._cite(annotation_id=annotation_id)

    def _cite(self, span: tuple[int, int] | None = None, annotation_id: int | None = None) -> None:
        annotation = self._annotation(annotation_id) if annotation_id is not None else None
        start, end = span or (annotation["start_char"], annotation["end_char"])
        quote = annotation["exact"] if annotation else self.view.full_text[start:end]
        locator_type, locator = self.picture.locator_of(annotation) or (
            ("paragraph", "") if annotation and annotation["orphaned"] else self.locator_of(start))
        self.selection_bar.hide()
        self.notice.hide()
        source = sources.get_source(self.session.db, self.source_id)
        suggested = cite_suggestion.suggest(self.session.db, quote, publication_of(source["issued_edtf"]))
        draft = EventDraft(suggested.title, suggested.date_edtf, suggested.description, suggested.entities)
        dialog = CiteDialog(self.session.db, quote, None, self, draft=draft, preselect=suggested.event_id)
        dialog.locator_type.setCurrentText(locator_type)
        dialog.locator.setText(locator)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.citation()
        verbs.cite(self.session, self, self.source_id, event_id=chosen.event_id, new_event=chosen.new_event,
                   annotation_id=annotation_id, span=span, color=self._last_color, locator_type=chosen.locator_type,
                   locator=chosen.locator, stance=chosen.stance, claimed_edtf=chosen.claimed_edtf,
                   description=chosen.description, entities=chosen.entities)
