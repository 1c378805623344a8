"""The picture reader on real widgets: a photograph shown upright (EXIF orientation) and fitted,
zoomed; regions drawn with mouse drags become highlights stored in the project file, listed beside
the picture; a region cited with its locator; "New event from this photo" in one undo step."""
from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox

from db import annotations
from desktop_app.importing import plan_import
from desktop_app.reader.cite_dialog import CiteDialog
from desktop_app.reader.picture_reading import PhotoEventDialog
from desktop_app.sources.import_flow import start_import
from tests.capture_making import photo
from tests.conftest import ending_of
from tests.desktop_app.reader.conftest import answer_dialog

SOUTH_WEST = ((22.0, 54.0, 30.0), "S", (43.0, 11.0, 47.0), "W")


@pytest.fixture
def picture_reader(qtbot, window, tmp_path):
    picture = tmp_path / "harbour.jpg"
    # Stored 160 wide and 80 tall, left half navy; orientation 6 shows it turned a quarter clockwise:
    # 80 wide, 160 tall, the navy half on top.
    photo(picture, size=(160, 80), orientation=6, gps=SOUTH_WEST, offset="-03:00")
    plan = plan_import([picture], window.session.db)
    assert ending_of(qtbot, start_import(window, window.session, plan, {})) == "finished"
    source_id = window.session.db.conn.execute("SELECT max(id) FROM sources").fetchone()[0]
    window.source_requested.emit(source_id, None)
    page = window.page("Reader")
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.picture.panel)
    window.resize(1200, 800)
    qtbot.waitUntil(lambda: page.picture.panel.view.viewport().height() > 300)
    page.picture.panel.view.fit()
    return page


def drag(qtbot, view, start: QPointF, end: QPointF) -> None:
    """Drag from one point of the picture to another (picture pixels), as a mouse would."""
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=(a + b) / 2)
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)


def _stored_regions(project):
    """The regions and colours in the project file, read by sqlite3 beside the window."""
    connection = sqlite3.connect(project)
    try:
        return [(json.loads(region), color) for region, color in
                connection.execute("SELECT region, color FROM annotations WHERE region IS NOT NULL ORDER BY id")]
    finally:
        connection.close()


def test_the_photo_is_shown_upright_and_fitted(picture_reader):
    view = picture_reader.picture.panel.view
    assert view.picture_size() == (80, 160)
    shown = view.grab().toImage()
    top = shown.pixelColor(view.mapFromScene(QPointF(40, 20)))
    bottom = shown.pixelColor(view.mapFromScene(QPointF(40, 140)))
    assert top.blue() > 80 and top.red() < 60  # navy
    assert min(bottom.red(), bottom.green(), bottom.blue()) > 200  # white
    assert view.scale_factor() <= 1.0 and view.viewport().rect().contains(view.mapFromScene(QPointF(79, 159)))
    assert picture_reader.byline.text() == "Wednesday 22 October 2008, 16:28 -0300"  # when it was taken
    assert picture_reader.picture.panel.facts.text() == "22.90833° S, 43.19639° W · Canon EOS 5D · 80 × 160 px"
    assert picture_reader.edit_button.isHidden()


def test_zoom_in_and_back_to_fit(qtbot, picture_reader):
    panel = picture_reader.picture.panel
    fitted = panel.view.scale_factor()
    qtbot.mouseClick(panel.zoom_in_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.zoom_in_button, Qt.MouseButton.LeftButton)
    assert panel.view.scale_factor() == pytest.approx(fitted * 1.25 * 1.25)
    assert panel.zoom_label.text() == f"{fitted * 156.25:.0f} %"
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    assert panel.view.scale_factor() == pytest.approx(fitted)


def test_a_dragged_region_is_a_highlight_in_the_file_listed_beside_it_and_undoable(qtbot, picture_reader, window,
                                                                                   project):
    view = picture_reader.picture.panel.view
    steps = window.session.undo_stack.count()
    drag(qtbot, view, QPointF(10, 20), QPointF(50, 100))
    assert _stored_regions(project) == [([10, 20, 40, 80], "yellow")]
    assert window.session.undo_stack.count() == steps + 1
    side = picture_reader.side
    assert side.model.rowCount() == 1
    assert side.model.index(0).data() == "Region 40 × 80 px at 10, 20"
    assert side.current_annotation_id() == side.model.annotation(0)["id"]
    assert [(mark.x, mark.y, mark.width, mark.height, mark.chosen) for mark in view.marks()] == [(10, 20, 40, 80, True)]
    # A second region, dragged from bottom right to top left and past the picture's edge: clamped.
    drag(qtbot, view, QPointF(79.4, 159.4), QPointF(60, 140))
    drag(qtbot, view, QPointF(70, 150), QPointF(200, 300))
    assert _stored_regions(project)[1:] == [([60, 140, 19, 19], "yellow"), ([70, 150, 10, 10], "yellow")]
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert _stored_regions(project) == []
    assert side.model.rowCount() == 0 and view.marks() == []


def test_a_click_chooses_a_region_and_its_colour_note_and_tags_edit_it(qtbot, picture_reader, window):
    view = picture_reader.picture.panel.view
    drag(qtbot, view, QPointF(10, 20), QPointF(50, 100))
    annotation_id = picture_reader.side.current_annotation_id()
    picture_reader.side.choose(None)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(QPointF(30, 60)))
    assert picture_reader.side.current_annotation_id() == annotation_id
    picture_reader.side.color_edited.emit(annotation_id, "blue")
    picture_reader.side.note_edited.emit(annotation_id, "the crane")
    picture_reader.side.tags_edited.emit(annotation_id, ["port"])
    stored = annotations.get_annotation(window.session.db, annotation_id)
    assert (stored["color"], stored["note"]) == ("blue", "the crane")
    assert view.marks()[0].color == "blue"
    colour = view.grab().toImage().pixelColor(view.mapFromScene(QPointF(30, 60)))
    assert colour != QColor("white") and colour.blue() > colour.red()


def test_a_region_is_cited_with_its_locator(qtbot, picture_reader):
    drag(qtbot, picture_reader.picture.panel.view, QPointF(10, 20), QPointF(50, 100))
    seen = {}

    def fill(dialog):
        seen["locator"] = (dialog.locator_type.currentText(), dialog.locator.text())
        dialog.reject()

    answer_dialog(qtbot, CiteDialog, fill)
    picture_reader.cite()
    assert seen["locator"] == ("region", "10,20,40,80")


def test_new_event_from_this_photo_is_one_undo_step(qtbot, picture_reader, window):
    db = window.session.db
    steps = window.session.undo_stack.count()

    def fill(dialog):
        assert dialog.date.text() == "2008-10-22T16:28:39-03:00"
        dialog.title.setText("Fire at the harbour")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, PhotoEventDialog, fill)
    qtbot.mouseClick(picture_reader.picture.panel.new_event_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == steps + 1)
    event = db.conn.execute("SELECT id, title, date_edtf, latitude, longitude FROM events WHERE title = ?",
                            ("Fire at the harbour",)).fetchone()
    assert event[1:3] == ("Fire at the harbour", "2008-10-22T16:28:39-03:00")
    assert event[3] == pytest.approx(-22.908333, abs=1e-6) and event[4] == pytest.approx(-43.196389, abs=1e-6)
    citation = db.conn.execute("SELECT source_id, annotation_id FROM citations WHERE event_id = ?", (event[0],)).fetchone()
    assert citation == (picture_reader.source_id, None)
    window.session.undo_stack.undo()
    assert db.conn.execute("SELECT count(*) FROM events WHERE title = 'Fire at the harbour'").fetchone()[0] == 0
    assert db.conn.execute("SELECT count(*) FROM citations WHERE source_id = ?", (picture_reader.source_id,)).fetchone()[0] == 0


def test_a_text_source_after_a_photo_shows_the_text_again(qtbot, picture_reader, window):
    # A picture has no text: finding in it, the reading assistant's toggle and its dates are hidden.
    text_controls = (picture_reader.find_button, picture_reader.assistant.checkbox, picture_reader.assistant.dates)
    assert picture_reader.assistant.enabled and all(control.isHidden() for control in text_controls)
    window.source_requested.emit(1, None)  # the small project's newspaper report
    qtbot.waitUntil(lambda: picture_reader.views.currentWidget() is picture_reader.text_view)
    assert picture_reader.picture.panel.source_id is None and not picture_reader.edit_button.isHidden()
    assert not any(control.isHidden() for control in text_controls)
