"""The shipped basemap (already projected, read without projecting) and the basemap layer kept
between frames (drawn again on a zoom, shifted on a pan)."""
from PySide6.QtGui import QImage, QPainter

from desktop_app.map import basemap
from desktop_app.map.basemap_file import LAYERS, UNITS, decode, encode
from desktop_app.map.basemap_layer import BasemapLayer
from desktop_app.map.painting import MapColours
from desktop_app.map.projection import MapView, project, world_view


def test_a_level_written_and_read_back_keeps_its_shapes_parts_and_points():
    layers = {"land": [[[(0, 0), (10, 0), (10, 10)], [(2, 2), (3, 2), (3, 3)]]],
              "coast": [[[(5, -7), (1 << 26, 1 << 25)]], [[(-3, 4), (4, -3), (100, 100)]]], "borders": []}
    level = decode(encode(layers))
    assert level.shapes == {"land": [[3, 3]], "coast": [[2], [3]], "borders": []}
    points = [(x, y) for name in LAYERS for shape in layers[name] for part in shape for x, y in part]
    assert list(zip(level.points[0::2], level.points[1::2])) == points


def test_the_shipped_basemap_is_projected_ahead_of_time(qapp):
    # Kyiv's land is where Web Mercator puts Kyiv, in world units, at every level
    x, y = project(30.52, 50.45)
    for level, _ in basemap.LEVELS:
        detail = basemap.detail(level)
        assert detail.land and detail.coast and detail.borders
        assert any(shape.path.contains(basemap_point(x, y)) for shape in detail.land), level
        # and the middle of the Black Sea is not land
        sea_x, sea_y = project(34.0, 43.3)
        assert not any(shape.path.contains(basemap_point(sea_x, sea_y)) for shape in detail.land), level


def basemap_point(x: float, y: float):
    from PySide6.QtCore import QPointF
    return QPointF(x * UNITS, y * UNITS)


def _paint(layer: BasemapLayer, view: MapView, colours: MapColours) -> QImage:
    image = QImage(view.width_px, view.height_px, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    layer.paint(painter, view, colours)
    painter.end()
    return image


def test_the_basemap_layer_is_drawn_again_on_a_zoom_and_not_on_a_pan_within_it(qapp):
    colours = MapColours.from_palette(qapp.palette())
    layer = BasemapLayer()
    view = world_view(800, 560).zoomed(4)
    first = _paint(layer, view, colours)
    assert layer.renders == 1
    panned = view.panned(60, -40)  # within the margin kept around the view
    shifted = _paint(layer, panned, colours)
    assert layer.renders == 1
    # the picture moved with the ground: what was at (300, 300) is now at (360, 260)
    assert shifted.pixel(360, 260) == first.pixel(300, 300)
    assert shifted.pixel(500, 200) == first.pixel(440, 240)
    _paint(layer, panned.zoomed(1.25), colours)
    assert layer.renders == 2  # a zoom draws it again
    far = panned.zoomed(1.25).panned(700, 0)  # past the margin
    _paint(layer, far, colours)
    assert layer.renders == 3
    _paint(layer, far.resized(640, 480), colours)
    assert layer.renders == 4  # and so does a resize
    dark = MapColours.from_palette(qapp.palette())
    dark = MapColours(**{**dark.__dict__, "water": colours.land, "land": colours.water})
    _paint(layer, far.resized(640, 480), dark)
    assert layer.renders == 5  # and a change of colours (a theme)
