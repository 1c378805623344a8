"""Tick scales: the unit follows the zoom, labels read well and never crowd each other."""
import pytest
from hypothesis import given, settings, strategies as st

from db.dates import DAY, civil_from_days, seconds_of
from desktop_app.timeline.axis import MIN_LABEL_SPACING_PX, UNITS, ticks
from desktop_app.timeline.viewport import MAX_SPAN_S, MIN_SECONDS_PER_PX, Viewport


def _scale(start, end, width=1000):
    return ticks(Viewport.fitted(start, end, width, margin=0))


@pytest.mark.parametrize("start, end, unit", [
    (seconds_of(1000, 1, 1), seconds_of(2000, 1, 1), "century"),
    (seconds_of(1900, 1, 1), seconds_of(2000, 1, 1), "decade"),
    (seconds_of(2000, 1, 1), seconds_of(2030, 1, 1), "year"),
    (seconds_of(2024, 1, 1), seconds_of(2025, 1, 1), "month"),
    (seconds_of(2024, 9, 1), seconds_of(2024, 12, 1), "week"),
    (seconds_of(2024, 11, 1), seconds_of(2024, 11, 15), "day"),
    (seconds_of(2024, 11, 18), seconds_of(2024, 11, 19), "hour"),
])
def test_the_unit_follows_the_zoom(start, end, unit):
    assert _scale(start, end).unit == unit


def test_labels_read_as_dates():
    days = _scale(seconds_of(2024, 11, 14), seconds_of(2024, 11, 24))
    assert "Mon 18" in [t.label for t in days.minor]
    assert days.major[0].label == "Nov 2024"  # the context of the left edge
    months = _scale(seconds_of(2024, 1, 1), seconds_of(2025, 1, 1))
    assert [t.label for t in months.minor][:3] == ["Jan", "Feb", "Mar"]
    assert "2024" in [t.label for t in months.major]
    hours = _scale(seconds_of(2024, 11, 18), seconds_of(2024, 11, 19))
    assert "06:00" in [t.label for t in hours.minor]
    assert hours.major[0].label == "Mon 18 Nov 2024"
    years = _scale(seconds_of(2020, 1, 1), seconds_of(2030, 1, 1))
    assert [t.label for t in years.minor][:3] == ["2020", "2021", "2022"]
    weeks = _scale(seconds_of(2024, 9, 1), seconds_of(2024, 12, 1))
    assert "18 Nov" in [t.label for t in weeks.minor]


def test_years_before_the_common_era():
    scale = _scale(seconds_of(-60, 1, 1), seconds_of(-30, 1, 1))
    assert scale.unit == "year"
    assert [t.label for t in scale.minor][:3] == ["60 BCE", "55 BCE", "50 BCE"]  # EDTF -59 is 60 BCE
    across = _scale(seconds_of(-20, 1, 1), seconds_of(20, 1, 1))
    assert "5 BCE" in [t.label for t in across.minor] and "0 BCE" not in [t.label for t in across.minor]


def test_ticks_fall_on_calendar_boundaries():
    months = _scale(seconds_of(2023, 6, 15), seconds_of(2024, 6, 15))
    assert all(civil_from_days(t.t // DAY)[2] == 1 for t in months.minor)
    weeks = _scale(seconds_of(2024, 9, 1), seconds_of(2024, 12, 1))
    assert all((t.t // DAY - 4) % 7 == 0 for t in weeks.minor)  # Mondays


@settings(max_examples=150, deadline=None)
@given(start=st.floats(seconds_of(-2000, 1, 1), seconds_of(3000, 1, 1)),
       log_scale=st.floats(0, 1), width=st.integers(300, 3000))
def test_labelled_ticks_never_crowd_and_lie_in_view(start, log_scale, width):
    most = MAX_SPAN_S / width
    spp = MIN_SECONDS_PER_PX * (most / MIN_SECONDS_PER_PX) ** log_scale
    v = Viewport(start, spp, width)
    scale = ticks(v)
    assert scale.unit in UNITS
    xs = [t.x for t in scale.minor]
    assert all(0 <= x <= width for x in xs)
    assert all(b - a >= MIN_LABEL_SPACING_PX for a, b in zip(xs, xs[1:]))
    assert len(scale.minor) >= 1


def test_days_known_to_the_day_get_no_hour_ticks_however_far_one_zooms():
    from desktop_app.timeline.axis import finest_unit
    from desktop_app.timeline.frames import EventsFrame, tick_scale

    start = seconds_of(2024, 11, 18)
    viewport = Viewport.fitted(start, start + 2 * DAY, 1900, margin=0)  # a large window, two days
    day = {"start_s": start, "end_s": start + DAY, "date_precision": "day"}
    moment = {"start_s": start + 10 * 3600, "end_s": start + 10 * 3600 + 60, "date_precision": "time"}
    assert ticks(viewport).unit == "hour"
    assert finest_unit([day]) == "day" and finest_unit([day, moment]) == "hour"
    days_only = tick_scale(viewport, EventsFrame(start - DAY, start + 3 * DAY, (day,)))
    assert days_only.unit == "day" and not any(":" in t.label for t in days_only.minor)
    assert tick_scale(viewport, EventsFrame(start - DAY, start + 3 * DAY, (day, moment))).unit == "hour"
    # a moment outside the view does not bring the hours back
    later = {**moment, "start_s": start + 5 * DAY, "end_s": start + 5 * DAY + 60}
    assert tick_scale(viewport, EventsFrame(start - DAY, start + 9 * DAY, (day, later))).unit == "day"


def test_the_overviews_ends_say_months_within_a_year_and_days_within_a_month():
    from desktop_app.timeline.overview import ends_in_words

    assert ends_in_words(seconds_of(2022, 3, 1), seconds_of(2024, 5, 1)) == ("2022", "2024")
    assert ends_in_words(seconds_of(2024, 8, 6), seconds_of(2024, 12, 2)) == ("Aug 2024", "Dec 2024")
    assert ends_in_words(seconds_of(2024, 11, 15), seconds_of(2024, 11, 22)) == ("15 Nov 2024", "21 Nov 2024")
    assert ends_in_words(seconds_of(2024, 1, 1), seconds_of(2025, 1, 1)) == ("Jan 2024", "Dec 2024")
