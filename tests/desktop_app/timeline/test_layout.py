"""Placing events without overlaps, grouping them into lanes, and moving a day by days."""
import random

import pytest
from PySide6.QtGui import QFont

from db.dates import seconds_of
from desktop_app.timeline.layout import lanes_of, stack_rows
from desktop_app.timeline.moving import movable, shifted_date
from desktop_app.timeline.scene import LABEL_MAX_W, SceneBuilder
from desktop_app.timeline.viewport import Viewport
from tests.desktop_app.timeline.conftest import painted


def _no_overlap_within_rows(extents, rows, gap=0.0):
    by_row = {}
    for (left, right), row in zip(extents, rows):
        by_row.setdefault(row, []).append((left, right))
    for spans in by_row.values():
        spans.sort()
        assert all(a[1] + gap <= b[0] for a, b in zip(spans, spans[1:]))


def test_stack_rows_uses_the_first_row_with_room():
    assert stack_rows([(0, 10), (5, 15), (11, 20), (16, 30)]) == [0, 1, 0, 1]
    assert stack_rows([(0, 10), (10, 20)]) == [0, 0]
    assert stack_rows([(0, 10), (10, 20)], gap=1) == [0, 1]
    assert stack_rows([]) == []


def test_stack_rows_never_overlaps_random_extents():
    rnd = random.Random(3)
    extents = []
    for _ in range(500):
        left = rnd.uniform(0, 2000)
        extents.append((left, left + rnd.uniform(1, 300)))
    rows = stack_rows(extents, gap=4)
    _no_overlap_within_rows(extents, rows, gap=4)
    assert max(rows) < 500  # and it did stack


def test_stack_rows_is_first_fit_in_left_order():
    """The same rows as the plain first-fit: each extent in the lowest row whose last extent
    ends (with the gap) before it starts."""
    rnd = random.Random(11)
    for _ in range(50):
        extents = [(left, left + rnd.choice((1, 5, 40, 300))) for left in (rnd.uniform(0, 500) for _ in range(80))]
        expected, ends = [0] * len(extents), []
        for i in sorted(range(len(extents)), key=lambda i: extents[i]):
            left, right = extents[i]
            row = next((r for r, end in enumerate(ends) if end + 2 <= left), len(ends))
            ends[row:row + 1] = [right]
            expected[i] = row
        assert stack_rows(extents, gap=2) == expected


def _event(i, edtf_start, days=1, title=None, tags=None, precision="day", fuzzy=(0, 0)):
    start = edtf_start
    end = start + days * 86_400
    return {"id": i, "title": title or f"Event {i}", "date_edtf": "2024-11-18", "start_s": start, "end_s": end,
            "fuzzy_start_s": start - fuzzy[0], "fuzzy_end_s": end + fuzzy[1], "date_precision": precision,
            "first_reported_s": None, "first_reported_edtf": None, "source_count": 0, "contested": 0,
            "tags": tags, "entities": None}


def test_lanes_group_by_tag_with_untagged_last():
    events = [_event(1, 0, tags="b, a"), _event(2, 0, tags="a"), _event(3, 0)]
    lanes = lanes_of(events, "tag")
    assert [(lane.label, [e["id"] for e in lane.events]) for lane in lanes] == [
        ("a", [1, 2]), ("b", [1]), ("(no tag)", [3])]
    assert [e["id"] for e in lanes_of(events, "none")[0].events] == [1, 2, 3]
    with pytest.raises(ValueError):
        lanes_of(events, "colour")


def test_scene_labels_never_overlap_and_long_titles_are_elided(qapp):
    rnd = random.Random(5)
    start = seconds_of(2024, 11, 1)
    events = [_event(i, start + rnd.randrange(30) * 86_400, title=("word " * rnd.randrange(1, 40)).strip(),
                     days=rnd.choice([1, 1, 1, 5, 30]), precision=rnd.choice(["day", "day", "month", "interval"]),
                     fuzzy=rnd.choice([(0, 0), (3 * 86_400, 3 * 86_400)]))
              for i in range(300)]
    builder = SceneBuilder(QFont())
    scene = builder.build(events, Viewport.fitted(start, start + 30 * 86_400, 1200), "none")
    assert len(scene.items) == 300
    rows = {}
    for item in scene.items:
        assert item.label_w <= LABEL_MAX_W
        assert builder.metrics.horizontalAdvance(item.label) <= LABEL_MAX_W + 1
        rows.setdefault(item.y, []).append(item)
    long_titles = [i for i in scene.items if len(i.event["title"]) > 100]
    assert long_titles and all(i.label.endswith("…") for i in long_titles)
    for items in rows.values():
        spans = sorted((min(i.label_x, i.left), i.label_x + i.label_w) for i in items)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_shifted_date_moves_by_whole_days_and_keeps_the_qualifier():
    assert shifted_date("2024-11-18", 3) == "2024-11-21"
    assert shifted_date("2024-11-30", 1) == "2024-12-01"
    assert shifted_date("2024-03-01", -1) == "2024-02-29"
    assert shifted_date("2024-11-18~", -18) == "2024-10-31~"
    assert shifted_date("0001-01-01", -1) == "0000-12-31"
    assert movable("2024-11-18?") and not movable("2024-11") and not movable("2024-11-18/2024-11-20")
    assert not movable("2024-11-18T06:00:00Z")
    with pytest.raises(ValueError):
        shifted_date("2024-11", 1)


def test_shifted_date_across_year_zero():
    assert shifted_date("0000-01-01", -1) == "-0001-12-31"


def test_an_approximate_day_left_of_the_view_keeps_its_label_in_view_while_its_reach_is(qapp):
    day = seconds_of(2024, 11, 20)
    reach = 3 * 86_400  # "2024-11-20~": it may have been up to three days later
    event = _event(1, day, title="Biden approves anti-personnel mines", days=1, precision="day", fuzzy=(reach, reach))
    builder = SceneBuilder(QFont())
    next_day = Viewport.fitted(day + 86_400, day + 2 * 86_400, 1200, margin=0)
    item = builder.build([event], next_day, "none").items[0]
    assert item.x0 < 0 < item.outer_right(1200)  # its day is off to the left, its reach in view
    assert 0 <= item.label_x <= 40 and item.label_x + item.label_w <= 1200
    # as the end of its reach leaves the view, the label slides out with it (as a long bar's does)
    tail = Viewport(event["fuzzy_end_s"] - 20 * next_day.seconds_per_px, next_day.seconds_per_px, 1200)
    item = builder.build([event], tail, "none").items[0]
    assert round(item.outer_right(1200)) == 20 and round(item.label_x) == 20 - 40


def test_a_label_uses_the_room_up_to_the_next_mark_in_its_row_and_is_elided_only_when_needed(qapp):
    from desktop_app.timeline.scene import GAP, LABEL_MIN_W

    start = seconds_of(2024, 11, 1)
    long_title = "Kremlin calls a freeze along the current front line unacceptable, citing the Istanbul talks"
    alone = _event(1, start, title=long_title)
    builder = SceneBuilder(QFont())
    full_w = builder.metrics.horizontalAdvance(long_title)
    assert LABEL_MIN_W < full_w < LABEL_MAX_W
    viewport = Viewport.fitted(start, start + 30 * 86_400, 1920)
    [item] = builder.build([alone], viewport, "none").items
    assert item.label == long_title and item.label_w == pytest.approx(full_w)  # free room: the whole title

    # a mark just after it in the same row: the label stops short of it, elided
    days = round(200 * viewport.seconds_per_px / 86_400) + 1
    near = _event(2, start + days * 86_400, title="Next")
    items = {i.id: i for i in builder.build([alone, near], viewport, "none").items}
    first, second = items[1], items[2]
    assert first.y == second.y  # still one row: the short room fits
    assert first.label.endswith("…") and first.label_w >= LABEL_MIN_W - 10  # at least its short room
    assert first.label_x + first.label_w + GAP <= second.left + 0.5
    # at the view's right edge the label is elided there, not run off
    edge = Viewport.fitted(start - 29 * 86_400, start + 86_400, 1200, margin=0)
    [item] = builder.build([alone], edge, "none").items
    assert item.label_x + item.label_w <= 1200


def test_an_uncertain_fade_ends_inside_the_picture_not_cut_by_its_edge(qapp):
    from PySide6.QtGui import QPalette

    from desktop_app.timeline.colours import Colours

    start = seconds_of(2024, 11, 1)
    # an approximate month reaching ten days past the right edge of the view
    event = _event(1, start, title="About November", days=30, precision="month", fuzzy=(0, 40 * 86_400))
    viewport = Viewport.fitted(start - 60 * 86_400, start + 35 * 86_400, 800, margin=0)
    scene = SceneBuilder(QFont()).build([event], viewport, "none")
    colours = Colours.from_palette(QPalette())
    image = painted(scene, 800, 120, colours)
    y = int(scene.items[0].y) + 44 - 4  # in the bar, above its label's line

    def distance(x):
        return max(abs(a - b) for a, b in zip(image.pixelColor(x, y).getRgb(), colours.base.getRgb()))
    assert distance(799) <= 3  # faded out by the edge
    assert distance(int(scene.items[0].x1) + 3) > 20  # and drawn after the strict end
