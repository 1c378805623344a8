"""The events screen: the "Timeline" page (filter bar, timeline, event list, editor) and its menus."""
from __future__ import annotations


def install(window) -> None:
    # Imported here so that importing the package (the CLI does) does not load the widgets.
    from desktop_app.events.actions import EventActions
    from desktop_app.events.page import TimelinePage

    actions = EventActions(window)
    window.add_page("Timeline", lambda session, window: TimelinePage(session, window, actions))
