"""Reading a picture in the Reader page: the image panel shown in place of the text, its regions
listed in the page's side panel as passages are (note, colour, tags, cite, delete all work the
same), a region dragged becoming a highlight, and "New event from this photo…".

The page keeps its text view (a picture's text is empty); this object hosts the panel beside it
and speaks to the page through its side panel (its edits go through ``desktop_app.verbs``), so the
page itself only asks it to show a source and for a region's locator.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from db import captures, originals, sources
from db.captures import SHORT_HASH, WEB_CAPTURES
from db.dates import validate
from db.errors import SourcelineError
from db.image_regions import LOCATOR_TYPE, Region
from desktop_app import verbs
from desktop_app.dates.render import in_words_or_raw
from desktop_app.reader.image_panel import ImagePanel, is_picture, place_text
from desktop_app.reliability.literal_text import literal


class PictureReading(QObject):
    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.panel = ImagePanel()
        page.views.addWidget(self.panel)
        self.panel.region_drawn.connect(self._add_region)
        self.panel.region_clicked.connect(self._choose)
        self.panel.new_event_requested.connect(self.new_event_from_photo)
        page.side.model.modelReset.connect(self._draw)
        page.side.list.selectionModel().currentChanged.connect(lambda *_: self._draw())
        page.side.annotation_chosen.connect(self.panel.view.show_region)

    @property
    def db(self):
        return self.page.session.db

    def show(self, source: dict) -> bool:
        """Show ``source`` in the panel if it is a picture (True); otherwise let the panel go. A
        web capture's text stays in the text view, with where and when it was captured above it."""
        if not is_picture(self.db, source["id"]):
            if self.panel.source_id is not None:
                self.panel.unload()
            line = capture_line(self.db, source)
            if line:
                self.page.notice.setText(line)
                self.page.notice.show()
            return False
        try:
            self.panel.load(self.db, source)
        except SourcelineError as error:
            self.page.notice.setText(literal(str(error)))
            self.page.notice.show()
            return False
        self.page.views.setCurrentWidget(self.panel)
        self.page.edit_button.hide()  # a picture has no text to correct
        self._draw()
        return True

    def locator_of(self, annotation: dict | None) -> tuple[str, str] | None:
        """A region's locator for a citation ("region", "x,y,w,h"); None for a passage."""
        region = Region.from_json(annotation.get("region")) if annotation else None
        return (LOCATOR_TYPE, region.locator()) if region else None

    def _draw(self) -> None:
        if self.panel.source_id is not None and self.panel.source_id == self.page.source_id:
            self.panel.set_regions(self.page.side.model.annotations(), self.page.side.current_annotation_id())

    def _choose(self, annotation_id) -> None:
        self.page.side.choose(annotation_id)
        self._draw()

    def _add_region(self, x: int, y: int, width: int, height: int) -> int | None:
        annotation_id = verbs.highlight_region(self.page.session, self.page, self.panel.source_id,
                                               Region(x, y, width, height), color=self.page.highlight_color,
                                               picture_size=self.panel.view.picture_size()).result
        if annotation_id is not None:
            self._choose(annotation_id)
        return annotation_id

    def new_event_from_photo(self) -> int | None:
        """Ask for the event's title (its date and place come from the photograph) and add it,
        citing the picture — or the region chosen in the list — in one undoable edit."""
        source_id = self.panel.source_id
        if source_id is None:
            return None
        source = sources.get_source(self.db, source_id)
        place = captures.place_of(self.db, source_id)
        chosen = self.page.side.current_annotation_id()
        annotation = next((a for a in self.page.side.model.annotations() if a["id"] == chosen), None)
        region = self.locator_of(annotation)
        dialog = PhotoEventDialog(source["title"], source["issued_edtf"], place, region[1] if region else None, self.page)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        title, date_edtf = dialog.values()
        return verbs.new_event_from_picture(self.page.session, self.page, source_id, title, date_edtf, place,
                                            (chosen, region[1]) if region else None).result


def capture_line(db, source: dict) -> str:
    """"Captured from <address> on <when> · SHA-256 <short hash>" for a page of a web archive."""
    original = originals.of_source(db, source["id"])
    if original is None or original.media_type not in WEB_CAPTURES:
        return ""
    when = f" on {in_words_or_raw(source['accessed_edtf'])}" if source.get("accessed_edtf") else ""
    return f"Captured from {source.get('url') or 'an unknown address'}{when} · SHA-256 {original.sha256[:SHORT_HASH]}"


class PhotoEventDialog(QDialog):
    """The new event's title, and its date (from the photograph's EXIF, editable when it has
    none); the place and what is cited are shown."""

    def __init__(self, source_title: str, taken: str | None, place, region: str | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("New Event from Photo")
        self.title = QLineEdit(source_title)
        self.title.setAccessibleName("Event title")
        self.date = QLineEdit(taken or "")
        self.date.setAccessibleName("Event date")
        self.date.setPlaceholderText("EDTF, e.g. 2024-11-15 (the photo gives no time)")
        self.date.setToolTip(in_words_or_raw(taken) if taken else "The photograph says nothing of when it was taken")
        self.problem = QLabel(wordWrap=True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Date", self.date)
        form.addRow("Place", QLabel(place_text(place) if place else "— (no GPS position in the photo)"))
        form.addRow("Cites", QLabel(f"region {region} of the photo" if region else "the photo"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        return self.title.text().strip(), self.date.text().strip()

    def _accept(self) -> None:
        title, date_edtf = self.values()
        try:
            if not title:
                raise SourcelineError("the event needs a title")
            validate(date_edtf)
        except SourcelineError as error:  # an InvalidDate too
            self.problem.setText(literal(str(error)))
            self.problem.show()
            return
        self.accept()
