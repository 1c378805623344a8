"""Frames: the store is asked once per viewport that the cache does not cover, for events when
few are in view and for per-bucket counts when many are."""
from db import ops
from db.dates import DAY, seconds_of
from db.events import EventFilter, add_event, count_in_range
from db.store import create_project
from desktop_app.timeline.frames import DensityFrame, EventsFrame, FrameSource, marks_limit
from desktop_app.timeline.viewport import Viewport


def test_small_pans_reuse_the_cached_frame(tmp_path):
    db = create_project(tmp_path / "p.sourceline")
    for day in range(1, 29):
        ops.run(db, add_event(f"Day {day}", f"2024-11-{day:02d}"))
    source = FrameSource(db)
    view = Viewport.fitted(seconds_of(2024, 11, 10), seconds_of(2024, 11, 20), 1000)
    frame = source.frame(view)
    assert isinstance(frame, EventsFrame)
    assert {e["title"] for e in frame.in_view(view)} >= {f"Day {d}" for d in range(10, 20)}
    assert source.frame(view.panned(200)) is frame and source.frame(view.zoomed(2)) is frame
    assert source.queries == 1
    source.frame(view.panned(2000))  # well past the margin
    assert source.queries == 2
    source.set_filter(EventFilter(text="Day 12"))
    assert [e["title"] for e in source.frame(view).events] == ["Day 12"]
    db.close()


def test_a_crowd_just_before_the_view_does_not_hide_the_view(tmp_path):
    db = create_project(tmp_path / "p.sourceline")
    for i in range(40):
        ops.run(db, add_event(f"Before {i}", "2024-11-08"))
    for day in range(10, 15):
        ops.run(db, add_event(f"In view {day}", f"2024-11-{day}"))
    view = Viewport(seconds_of(2024, 11, 10), DAY, 10)  # ten days on ten pixels: ten marks at most
    frame = FrameSource(db).frame(view)
    assert isinstance(frame, EventsFrame) and frame.covers(view)
    assert sorted(e["title"] for e in frame.in_view(view)) == [f"In view {d}" for d in range(10, 15)]
    db.close()


def test_many_events_in_view_become_density_and_few_become_marks(tmp_path, many_events):
    db = create_project(tmp_path / "p.sourceline")
    many_events(db, 3_000, first_year=2020, years=2)
    view = Viewport.fitted(seconds_of(2020, 1, 1), seconds_of(2022, 1, 1), 600)
    source = FrameSource(db)
    frame = source.frame(view)
    assert isinstance(frame, DensityFrame)
    assert sum(frame.counts) == 3_000 == frame.in_view(view)
    filtered = FrameSource(db, EventFilter(text="Event")).fetch(view)  # counted from the events
    assert isinstance(filtered, DensityFrame)
    assert filtered.counts == frame.counts  # the day-counts table agrees with the events
    one_day = Viewport.fitted(seconds_of(2021, 6, 1), seconds_of(2021, 6, 2), 600)
    frame = source.frame(one_day)
    assert isinstance(frame, EventsFrame)
    expected = count_in_range(db, int(one_day.start_s), int(one_day.end_s) + 1)
    assert 0 < expected <= marks_limit(600)
    assert len(list(frame.in_view(one_day))) == expected
    db.close()
