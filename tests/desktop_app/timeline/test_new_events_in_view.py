"""Events added elsewhere (the reader, the command line's import into this window) are brought
into view: a project's first events by fitting the view to them, a new event out of view by
moving there; an event added in view leaves the view where it is."""
import pytest

from db import events
from db.dates import bounds


@pytest.fixture
def empty_window(show_window, empty_project):
    from desktop_app.app import open_session

    return show_window(open_session(empty_project))


def in_view(canvas, edtf):
    span = bounds(edtf)
    return canvas.viewport().contains(span.start, span.end)


def test_a_projects_first_events_made_on_another_page_are_in_view_on_the_timeline(empty_window, qtbot):
    canvas = empty_window.page("Timeline").timeline.canvas
    empty_window.show_page("Reader")  # created from the reader: the timeline is hidden meanwhile
    session = empty_window.session
    session.push(events.add_event("Kursk incursion begins", "2024-08-06"))
    session.push(events.add_event("Ceasefire talks", "2024-11-18"))
    empty_window.show_page("Timeline")
    qtbot.waitUntil(lambda: canvas.scene() is not None and len(canvas.scene().items) == 2)
    assert in_view(canvas, "2024-08-06") and in_view(canvas, "2024-11-18")
    assert canvas.empty_message() is None


def test_a_new_event_out_of_view_is_brought_into_view_one_in_view_stays(window, qtbot):
    canvas = window.page("Timeline").timeline.canvas
    qtbot.waitUntil(lambda: canvas.scene() is not None)
    session = window.session
    viewport = canvas.viewport()
    at = bounds("2024-11-16")
    canvas.set_viewport(viewport.centered_on(at.start).zoomed(8))  # the user moved the view
    moved = canvas.viewport()
    session.push(events.add_event("Within the view", "2024-11-16"))
    assert canvas.viewport() == moved
    session.push(events.add_event("Long before", "1991-08-24"))
    assert in_view(canvas, "1991-08-24") and canvas.viewport().seconds_per_px == moved.seconds_per_px
    session.undo_stack.undo()  # gone again: the view stays where it went
    session.undo_stack.redo()  # back, the same event: not new
    assert in_view(canvas, "1991-08-24")
