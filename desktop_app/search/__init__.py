"""Find Everywhere (Ctrl+K): one search box over events, sources and highlights.

``install(window)`` adds Edit → Find Everywhere…; choosing a hit asks the window to show it
(``event_requested`` for an event, ``source_requested`` for a source or a highlight).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from db.search import Hit

if TYPE_CHECKING:
    from desktop_app.search.popup import SearchPopup


def go_to(window, hit: Hit) -> None:
    if hit.kind == "event":
        window.event_requested.emit(hit.id)
    elif hit.kind == "source":
        window.source_requested.emit(hit.id, None)
    elif hit.kind == "annotation":
        window.source_requested.emit(hit.source_id, hit.id)


def open_search(window) -> SearchPopup | None:
    if window.session is None:
        return None
    from desktop_app.search.popup import SearchPopup  # (loaded when first asked for, not with the window)

    popup = SearchPopup(window.session.db, window)
    popup.hit_chosen.connect(lambda hit: go_to(window, hit))
    popup.open_over(window)
    return popup


def install(window) -> None:
    action = QAction("Find Everywhere…", window, shortcut=QKeySequence("Ctrl+K"))
    action.setStatusTip("Search events, sources and highlights")
    action.triggered.connect(lambda: open_search(window))
    window.menus["edit"].addAction(action)
    window.session_changed.connect(lambda session: action.setEnabled(session is not None))
