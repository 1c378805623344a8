"""An edit that fails because the disk is full leaves the project as it was, puts nothing on the
undo stack, and is explained; the next edit, once there is room, works."""
import pytest

from db import events

pytestmark = pytest.mark.qt_no_exception_capture


def fill_the_disk(session):
    """Limit the file to the pages it has: the next write that needs a page fails with SQLITE_FULL."""
    pages = session.db.conn.execute("PRAGMA page_count").fetchone()[0]
    session.db.conn.execute(f"PRAGMA max_page_count = {pages}")


def make_room(session):
    session.db.conn.execute("PRAGMA max_page_count = 1073741823")


def state(session):
    conn = session.db.conn
    return (conn.execute("SELECT count(*), group_concat(title) FROM events").fetchone(),
            conn.execute("SELECT count(*) FROM history").fetchone()[0],
            conn.execute("SELECT count(*) FROM event_day_counts").fetchone()[0])


def test_a_failed_edit_is_rolled_back_and_not_on_the_undo_stack(session):
    before = state(session)
    fill_the_disk(session)
    big = "A long description. " * 20_000
    with pytest.raises(Exception) as caught:
        session.push(events.add_event("Does not fit", "2024-11-20", description=big))
    assert "full" in str(caught.value)
    assert session.undo_stack.count() == 0
    assert not session.db.conn.in_transaction
    assert state(session) == before
    make_room(session)
    session.push(events.add_event("Fits now", "2024-11-20", description=big))
    assert session.undo_stack.count() == 1
    assert events.count_events(session.db) == before[0][0] + 1
    assert session.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_edit_from_the_window_on_a_full_disk_says_so(qtbot, window, hook, message_boxes):
    session = window.session
    count = events.count_events(session.db)
    fill_the_disk(session)
    new_event = next(a for a in window.menus["edit"].actions() if a.text() == "&New Event")
    added = 0
    # New events fill the free room in the file's pages, until one needs a page it cannot have.
    while not message_boxes and added < 5000:
        new_event.trigger()
        added += not message_boxes
    assert message_boxes[0][:2] == ("warning", "The disk is full")
    assert "Nothing was lost" in message_boxes[0][2]
    assert hook.dialog is None  # a full disk is not reported as a bug
    assert events.count_events(session.db) == count + added
    assert session.undo_stack.count() == added  # every edit that was saved, and not the one that failed
    assert not session.db.conn.in_transaction
    make_room(session)
    new_event.trigger()
    assert events.count_events(session.db) == count + added + 1
    assert session.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
