"""The picture side of the Reader page: a bar (fit, zoom, what the photograph says of itself, and
"New event from this photo…") above the picture, over which regions are dragged.
"""
from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from db import captures, originals
from db.image_regions import Region
from desktop_app.reader.image_view import ImageView, RegionMark


def place_text(place: tuple[float, float]) -> str:
    """"33.86514° S, 151.21000° E"."""
    latitude, longitude = place
    return (f"{abs(latitude):.5f}° {'S' if latitude < 0 else 'N'}, "
            f"{abs(longitude):.5f}° {'W' if longitude < 0 else 'E'}")


class ImagePanel(QWidget):
    region_drawn = Signal(int, int, int, int)
    region_clicked = Signal(object)  # annotation id or None
    new_event_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Picture reader")
        self.source_id: int | None = None
        self.view = ImageView()
        self.fit_button = QToolButton(text="Fit", toolTip="Show the whole picture", autoRaise=True)
        self.zoom_out_button = QToolButton(text="−", toolTip="Zoom out (Ctrl+-)", autoRaise=True)
        self.zoom_out_button.setAccessibleName("Zoom out")
        self.zoom_label = QLabel(minimumWidth=48, alignment=Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = QToolButton(text="+", toolTip="Zoom in (Ctrl++)", autoRaise=True)
        self.zoom_in_button.setAccessibleName("Zoom in")
        self.facts = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.facts.setAccessibleName("What the picture says of itself")
        self.new_event_button = QPushButton("New event from this photo…", objectName="newEventFromPhoto")
        self.new_event_button.setToolTip("An event dated when the photograph was taken, placed where (GPS), "
                                         "citing it (or the chosen region)")
        self.hint = QLabel("Drag over the picture to highlight a region.", enabled=False)
        bar = QHBoxLayout()
        bar.setContentsMargins(16, 2, 16, 4)
        for widget in (self.fit_button, self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.facts, 1)
        bar.addWidget(self.new_event_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        hint_row = QHBoxLayout()
        hint_row.setContentsMargins(16, 4, 16, 4)
        hint_row.addWidget(self.hint)
        layout.addLayout(hint_row)
        self.fit_button.clicked.connect(self.view.fit)
        self.zoom_in_button.clicked.connect(self.view.zoom_in)
        self.zoom_out_button.clicked.connect(self.view.zoom_out)
        self.view.zoom_changed.connect(lambda scale: self.zoom_label.setText(f"{scale * 100:.0f} %"))
        self.view.region_drawn.connect(self.region_drawn)
        self.view.region_clicked.connect(self.region_clicked)
        self.new_event_button.clicked.connect(self.new_event_requested)
        # Named apart from the PDF's zoom keys (the same keys, live only while a picture is shown).
        for keys, slot, name in (((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), self.view.zoom_in, "Zoom in on a picture"),
                                 ((QKeySequence.StandardKey.ZoomOut,), self.view.zoom_out, "Zoom out of a picture")):
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def load(self, db, source: dict) -> None:
        """Show the source's picture (its original); SourcelineError if it cannot be shown."""
        from desktop_app.reader.image_picture import upright_picture  # Pillow is loaded for pictures only

        original = originals.of_source(db, source["id"])
        image, width, height = upright_picture(originals.read_bytes(db, original.id))
        self.source_id = source["id"]
        self.view.set_picture(image, width, height)
        self.facts.setText(self._facts(db, source, width, height))

    def unload(self) -> None:
        self.source_id = None
        self.view.clear_picture()
        self.facts.clear()

    def set_regions(self, annotations: list[dict], chosen: int | None) -> None:
        marks = []
        for annotation in annotations:
            region = Region.from_json(annotation.get("region"))
            if region is not None:
                marks.append(RegionMark(annotation["id"], region.x, region.y, region.width, region.height,
                                        annotation["color"], annotation["id"] == chosen))
        self.view.set_regions(marks)

    @staticmethod
    def _facts(db, source: dict, width: int, height: int) -> str:
        parts = []  # when it was taken is the source's date, in the byline above
        place = captures.place_of(db, source["id"])
        if place:
            parts.append(place_text(place))
        camera = json.loads(source.get("csl_extra") or "{}").get("medium")
        if camera:
            parts.append(camera)
        parts.append(f"{width} × {height} px")
        return " · ".join(parts)


def is_picture(db, source_id: int) -> bool:
    """Whether the source was imported from an image (its original is one)."""
    original = originals.of_source(db, source_id)
    return original is not None and original.media_type.startswith("image/")
