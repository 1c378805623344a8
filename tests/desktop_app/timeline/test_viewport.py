"""The viewport's zoom and pan arithmetic, without a window."""
import pytest
from hypothesis import given, strategies as st

from db.dates import DAY, seconds_of
from desktop_app.timeline.viewport import MAX_SPAN_S, MIN_SECONDS_PER_PX, Viewport

NOV_2024 = seconds_of(2024, 11, 1)


def test_x_and_t_are_inverse_and_end_is_the_right_edge():
    v = Viewport(NOV_2024, 3_600.0, 800)
    assert v.x_of(NOV_2024) == 0
    assert v.x_of(NOV_2024 + 24 * 3_600) == 24
    assert v.t_of(v.x_of(NOV_2024 + 12_345)) == pytest.approx(NOV_2024 + 12_345)
    assert v.end_s == NOV_2024 + 800 * 3_600
    assert v.center_s == NOV_2024 + 400 * 3_600


@given(factor=st.floats(0.2, 5), anchor=st.floats(0, 800))
def test_zoom_keeps_the_time_under_the_anchor(factor, anchor):
    v = Viewport(NOV_2024, 3_600.0, 800)
    zoomed = v.zoomed(factor, anchor)
    assert zoomed.seconds_per_px == pytest.approx(3_600 / factor)
    assert zoomed.t_of(anchor) == pytest.approx(v.t_of(anchor))


def test_zoom_defaults_to_the_centre_and_is_clamped_both_ways():
    v = Viewport(NOV_2024, 3_600.0, 1000)
    assert v.zoomed(2).center_s == pytest.approx(v.center_s)
    closest = v.zoomed(1e9)
    assert closest.seconds_per_px == MIN_SECONDS_PER_PX
    farthest = v.zoomed(1e-9)
    assert farthest.end_s - farthest.start_s == pytest.approx(MAX_SPAN_S)


def test_pan_moves_by_pixels_at_the_current_scale():
    v = Viewport(NOV_2024, 60.0, 500)
    assert v.panned(100).start_s == NOV_2024 + 6_000
    assert v.panned(-100).start_s == NOV_2024 - 6_000
    assert v.panned(100).seconds_per_px == 60.0


def test_fitted_leaves_the_margin_free_on_both_sides():
    start, end = seconds_of(2024, 1, 1), seconds_of(2025, 1, 1)
    v = Viewport.fitted(start, end, 1000, margin=0.05)
    assert v.x_of(start) == pytest.approx(50)
    assert v.x_of(end) == pytest.approx(950)
    assert v.width_px == 1000


def test_fitted_on_a_single_moment_is_at_the_closest_zoom():
    v = Viewport.fitted(NOV_2024, NOV_2024, 600)
    assert v.seconds_per_px == MIN_SECONDS_PER_PX
    assert v.center_s == pytest.approx(NOV_2024)


def test_resized_keeps_the_centre_and_the_scale():
    v = Viewport(NOV_2024, DAY / 10, 800)
    wider = v.resized(1200)
    assert wider.width_px == 1200
    assert wider.seconds_per_px == v.seconds_per_px
    assert wider.center_s == pytest.approx(v.center_s)


def test_contains_and_centered_on():
    v = Viewport(NOV_2024, 3_600.0, 240)  # ten days
    assert v.contains(NOV_2024 + DAY, NOV_2024 + 2 * DAY)
    assert not v.contains(NOV_2024 - 1, NOV_2024 + DAY)
    assert v.centered_on(NOV_2024).center_s == pytest.approx(NOV_2024)
