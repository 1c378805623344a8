"""The eras' part of the timeline's right-click menu: edit or delete the era whose tab is under
the pointer, name the period of the selected events or the period in view, open the Eras list."""
from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu

from db import eras as era_store
from desktop_app import verbs
from desktop_app.eras.periods import period_ends

MENU_NAME_CHARS = 40


def _menu_text(name: str) -> str:
    name = name if len(name) <= MENU_NAME_CHARS else name[:MENU_NAME_CHARS - 1] + "…"
    return name.replace("&", "&&")  # a name's "&" is shown, not taken for a shortcut


def add_era_actions(menu: QMenu, view, pos: QPointF) -> None:
    """Add the era actions for a right-click at ``pos`` (canvas coordinates) on ``view`` (a TimelineView)."""
    from desktop_app.eras import show_eras
    from desktop_app.eras.dialogs import open_form

    session, parent = view.session, view.window()
    menu.addSeparator()
    band = view.canvas.eras().band_at(pos.x(), pos.y())
    if band is not None:
        era_id, name = band.era["id"], _menu_text(band.era["name"])
        menu.addAction(f"Edit Era “{name}”…", lambda: open_form(session, parent, era_store.get_era(session.db, era_id)))
        menu.addAction(f"Delete Era “{name}”", lambda: verbs.delete_era(session, parent, era_id))
    span = view.canvas.selection_span()
    if span is not None:
        menu.addAction("Name the Selected Events’ Period…", lambda: open_form(session, parent, ends=period_ends(*span)))
    viewport = view.viewport()
    menu.addAction("Name the Period in View…",
                   lambda: open_form(session, parent, ends=period_ends(viewport.start_s, viewport.end_s)))
    if hasattr(parent, "session_changed"):  # in the main window: its Eras list
        menu.addAction("Eras…", lambda: show_eras(parent))
