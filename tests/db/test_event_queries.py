"""Window queries, counts, density and extent: right answers whatever the events' spans."""
import pytest

from db import dates, events, ops
from db.events import EventFilter


def add(db, title, edtf):
    return ops.run(db, events.add_event(title, edtf))


def window(db, a, b):
    return [e["title"] for e in events.events_in_range(db, dates.bounds(a).start, dates.bounds(b).end)]


def test_a_long_event_that_began_long_before_is_in_a_late_window(db):
    add(db, "Grain deal", "2022-07-22/2023-07-17")
    add(db, "Strike", "2024-11-19")
    add(db, "Old", "1990")
    assert window(db, "2023-07-01", "2023-07-31") == ["Grain deal"]
    assert window(db, "2024-11-19", "2024-11-19") == ["Strike"]
    long_ago = add(db, "Cold War", "1947/1991")
    assert window(db, "1991-06", "1991-06") == ["Cold War"]
    # the longest span is remembered after a delete: still right, just less tight
    ops.run(db, events.delete_events([long_ago]))
    assert window(db, "1991-06", "1991-06") == []
    assert events.count_in_range(db, dates.bounds("2022").start, dates.bounds("2024").end) == 2


def test_a_date_change_that_lengthens_an_event_widens_the_bound(db):
    event_id = add(db, "Talks", "2024-11-18")
    ops.run(db, events.update_event(event_id, date_edtf="2020/2024-11-18"))
    assert window(db, "2021-03", "2021-03") == ["Talks"]


def test_density_and_extent(db):
    for day in ("2024-11-15", "2024-11-15", "2024-11-19", "2022-07-22/2023-07-17"):
        add(db, "e", day)
    start, end = dates.bounds("2024-11-15").start, dates.bounds("2024-11-20").start
    assert events.density(db, start, end, 5) == [2, 0, 0, 0, 1]
    assert events.density(db, start, end, 5, EventFilter(text="e")) == [2, 0, 0, 0, 1]
    assert events.extent(db) == (dates.bounds("2022-07-22").start, dates.bounds("2024-11-19").end)


def test_list_position_matches_page_order_for_every_sort(db):
    for title, edtf in [("b", "2024-11-15"), ("a", "2024-11-19"), ("c", "2022")]:
        add(db, title, edtf)
    for sort in events.SORTS:
        for descending in (False, True):
            page = events.event_page(db, sort=sort, descending=descending)
            for row, event in enumerate(page):
                assert events.row_of_event(db, event["id"], sort=sort, descending=descending) == row, (sort, descending)


@pytest.mark.parametrize("sort", ["date", "title", "first_reported"])
@pytest.mark.parametrize("descending", [False, True])
def test_pages_read_from_the_end_are_the_same_pages(db, sort, descending):
    """The second half of the list is read backwards from its end (cheap at a million events):
    every page must hold the same events in the same order as one read from the start."""
    import random

    rnd = random.Random(5)
    for _ in range(37):
        day = f"2024-11-{rnd.randint(1, 3):02d}"  # many ties: the id decides
        ops.run(db, events.add_event(rnd.choice(["Alpha", "beta", "Gamma", "alpha"]), day))
    where = events.EventFilter(start_s=dates.bounds("2024-11-02").start)
    total = events.count_events(db, where)
    whole = [e["id"] for e in events.event_page(db, where, sort, descending, limit=1000)]
    assert len(whole) == total > 10
    for offset in range(0, total + 3, 4):
        page = events.event_page(db, where, sort, descending, offset=offset, limit=5, total=total)
        assert [e["id"] for e in page] == whole[offset:offset + 5]
