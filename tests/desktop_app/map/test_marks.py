"""Marks drawn from kept pictures and discs filled together still show each event where it is, in
its colour, with its uncertainty, and are all hit-testable."""
from PySide6.QtGui import QColor, QImage, QPainter

from db.geo_index import Box
from desktop_app.map.frames import MarksFrame
from desktop_app.map.painting import MapColours, lane_colour, paint_marks
from desktop_app.map.projection import fit


def _event(i, lon, lat, precision=1, contested=False, tags=""):
    return {"id": i, "longitude": lon, "latitude": lat, "geo_precision": precision, "contested": contested, "tags": tags}


def test_marks_are_drawn_in_their_colours_with_discs_under_them(qapp):
    colours = MapColours.from_palette(qapp.palette())
    view = fit(Box(30.0, 50.0, 31.0, 51.0), 800, 560, margin_px=0)
    events = (_event(1, 30.2, 50.5, tags="drone"), _event(2, 30.8, 50.5, contested=True),
              _event(3, 30.5, 50.2, precision=3), _event(4, 40.0, 50.5))  # the last one is out of view
    image = QImage(800, 560, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    spots = paint_marks(painter, view, MarksFrame(Box(30, 50, 41, 51), events), colours, {2}, "tag")
    painter.end()
    assert sorted(s.event_id for s in spots) == [1, 2, 3]
    by_id = {s.event_id: s for s in spots}
    drone = QColor(image.pixel(round(by_id[1].x), round(by_id[1].y)))
    expected = lane_colour("drone")
    assert abs(drone.red() - expected.red()) < 30 and abs(drone.blue() - expected.blue()) < 30
    accent = QColor(image.pixel(round(by_id[2].x), round(by_id[2].y)))
    assert abs(accent.blue() - colours.mark.blue()) < 30
    # the region-wide disc: wide, faded (white shows through), and a precise mark's radius beyond it
    assert by_id[3].radius > 20
    faded = QColor(image.pixel(round(by_id[3].x + by_id[3].radius / 2), round(by_id[3].y)))
    assert faded != QColor("white") and faded.lightness() > 150
    # the selected mark has its ring in the selection colour, three pixels out
    ring = QColor(image.pixel(round(by_id[2].x + by_id[2].radius + 3), round(by_id[2].y)))
    assert abs(ring.hue() - colours.selection.hue()) < 20 or ring.rgb() == colours.selection.rgb()
