"""The map beside the timeline: where events happened, offline (see projection.py for the why of
Web Mercator). The Timeline page holds the map panel; ``install(window)`` adds Tools → Place Events
on the Map…, where the gazetteer's proposals are ticked and applied as one undoable edit."""
from __future__ import annotations


def install(window) -> None:
    # Imported here so that importing the package (the CLI does) does not load the widgets.
    from desktop_app.map.places_dialog import PlacesDialog

    action = window.menus["tools"].addAction("&Place Events on the Map…")
    action.setToolTip("Coordinates from the offline gazetteer for events that name a place")
    action.triggered.connect(lambda: window.session and PlacesDialog(window.session, window).exec())
