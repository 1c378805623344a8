"""Web Mercator, zoom about a point, pan, fit, hit-testing and the density level: pure functions."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.geo_index import Box
from desktop_app.map.frames import CELL_PX, cell_level
from desktop_app.map.hits import Spot, inside, lassoed, spot_at
from desktop_app.map.projection import MAX_LAT, MAX_SCALE, MIN_SCALE, MapView, fit, project, unproject, world_view

lons = st.floats(-180, 180)
lats = st.floats(-MAX_LAT, MAX_LAT)


def test_known_points():
    assert project(-180, MAX_LAT) == pytest.approx((0, 0), abs=1e-9)
    assert project(180, -MAX_LAT) == pytest.approx((1, 1), abs=1e-9)
    assert project(0, 0) == pytest.approx((0.5, 0.5))
    # Kyiv: x from the longitude alone; y north of the equator is above the middle
    x, y = project(30.5238, 50.4547)
    assert x == pytest.approx((30.5238 + 180) / 360)
    assert y == pytest.approx(0.5 - math.log(math.tan(math.pi / 4 + math.radians(50.4547) / 2)) / (2 * math.pi))
    assert project(0, 89.9) == project(0, 90)  # clamped where the square ends


@given(lons, lats)
def test_unproject_undoes_project(lon, lat):
    assert unproject(*project(lon, lat)) == pytest.approx((lon, lat), abs=1e-7)


@given(lons, lats, st.floats(0.3, 3), st.floats(0, 1024), st.floats(0, 700))
def test_zoom_keeps_the_point_under_the_pointer(lon, lat, factor, px, py):
    view = MapView(*project(lon, lat), scale=5000, width_px=1024, height_px=700)
    before = view.screen_to_world(px, py)
    after = view.zoomed(factor, px, py)
    if 0 <= after.center_x <= 1 and 0 < after.center_y < 1 and after.center_x not in (0, 1):
        assert after.screen_to_world(px, py) == pytest.approx(before, abs=1e-9)
    assert after.scale == pytest.approx(5000 * factor)


def test_zoom_is_bounded():
    view = MapView()
    assert view.zoomed(1e-9).scale == MIN_SCALE
    assert view.zoomed(1e12).scale == MAX_SCALE


def test_pan_moves_the_ground_with_the_pointer():
    view = MapView(*project(30, 50), scale=20_000, width_px=800, height_px=600)
    under = view.from_screen(400, 300)
    moved = view.panned(120, -40)
    assert moved.from_screen(520, 260) == pytest.approx(under, abs=1e-9)
    # never off the world
    far = view.panned(1e9, 1e9)
    assert 0 <= far.center_x <= 1 and 0 <= far.center_y <= 1


def test_fit_shows_the_box_inside_the_margin():
    ukraine = Box(22.1, 44.3, 40.2, 52.4)
    view = fit(ukraine, 1024, 700, margin_px=32)
    for lon, lat in ((22.1, 44.3), (40.2, 52.4), (22.1, 52.4), (40.2, 44.3)):
        x, y = view.to_screen(lon, lat)
        assert 31.9 <= x <= 1024 - 31.9 and 31.9 <= y <= 700 - 31.9
    # tight on one side at least
    x0, _ = view.to_screen(22.1, 48)
    _, y0 = view.to_screen(30, 52.4)
    assert min(abs(x0 - 32), abs(y0 - 32)) < 1
    shown = view.box()
    assert shown.west <= 22.1 and shown.east >= 40.2 and shown.south <= 44.3 and shown.north >= 52.4


def test_fit_of_one_point_stops_at_a_region():
    view = fit(Box(30.5, 50.45, 30.5, 50.45), 800, 600)
    assert view.to_screen(30.5, 50.45) == pytest.approx((400, 300))
    assert view.metres_per_px() > 50


def test_world_view_shows_the_inhabited_world():
    box = world_view(1024, 700).box()
    assert box.west == -180 and box.east == 180 and box.south <= -55 and box.north >= 70


def test_density_cells_are_between_half_and_whole_cell_px():
    for scale in (300, 1024, 5000, 1e5, 3e6):
        level = cell_level(MapView(scale=scale))
        width = scale / (1 << level)
        assert CELL_PX / 2 < width <= CELL_PX


def test_a_click_takes_the_nearest_mark_within_reach():
    spots = [Spot(1, 100, 100, 4), Spot(2, 108, 100, 4), Spot(3, 300, 300, 20)]
    assert spot_at(spots, 101, 100).event_id == 1
    assert spot_at(spots, 106, 101).event_id == 2
    assert spot_at(spots, 115, 100).event_id == 2  # within radius + slop
    assert spot_at(spots, 200, 200) is None
    assert spot_at(spots, 315, 300).event_id == 3  # a large uncertain disc is hit anywhere on it


def test_point_in_polygon():
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert inside(square, 5, 5) and not inside(square, 15, 5) and not inside(square, -1, 5)
    concave = [(0, 0), (10, 0), (10, 10), (5, 3), (0, 10)]  # a notch from the top
    assert inside(concave, 2, 2) and not inside(concave, 5, 8)
    assert not inside([(0, 0), (1, 1)], 0.5, 0.5)


def test_a_lasso_takes_the_marks_it_encloses():
    spots = [Spot(i, x, y, 3) for i, (x, y) in enumerate([(5, 5), (50, 50), (95, 5), (50, 90)])]
    triangle = [(0, 0), (100, 0), (50, 60)]
    assert lassoed(spots, triangle) == [0, 1, 2]
    assert lassoed(spots, [(0, 0), (1, 1)]) == []
