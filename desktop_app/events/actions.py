"""The Edit and View menu entries for events and the timeline, with their shortcuts.

The actions are made once for the window and act on whatever Timeline page is showing (pages are
rebuilt for every project). Keys that also mean something while typing (Delete, Return, + and -)
only fire when the list or the timeline has focus.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

PAGE = "Timeline"
LANE_MODES = (("none", "&None"), ("tag", "By &Tag"), ("entity", "By &Entity"))
LANE_SETTING = "timeline/lanes"


class EventActions:
    def __init__(self, window):
        self.window = window
        edit, view = window.menus["edit"], window.menus["view"]
        edit.addSeparator()
        self.new_event = self._action(edit, "&New Event", "Ctrl+N", lambda page: page.new_event(),
                                      "Add an event at the date in the middle of the timeline")
        self.edit_event = self._action(edit, "&Edit Event", "Return", lambda page: page.edit_selected(),
                                       "Edit the selected event", local=True)
        self.delete = self._action(edit, "&Delete", QKeySequence.StandardKey.Delete,
                                   lambda page: page.delete_selected(), "Delete the selected events", local=True)
        edit.addSeparator()
        self.find = self._action(edit, "&Filter Events", QKeySequence.StandardKey.Find,
                                 lambda page: page.filter_bar.focus_search(), "Search and filter the events")

        self.zoom_in = self._action(view, "Zoom &In", "+", lambda page: page.timeline.zoom_in(), local=True)
        self.zoom_out = self._action(view, "Zoom &Out", "-", lambda page: page.timeline.zoom_out(), local=True)
        self.zoom_in.setShortcuts([QKeySequence("+"), QKeySequence("="), QKeySequence.StandardKey.ZoomIn])
        self.zoom_out.setShortcuts([QKeySequence("-"), QKeySequence.StandardKey.ZoomOut])
        self.zoom_fit = self._action(view, "Zoom to &Fit", "Ctrl+0", lambda page: page.timeline.zoom_to_fit(),
                                     "Show every event that passes the filter")
        self.zoom_selection = self._action(view, "Zoom to &Selection", "Ctrl+Shift+0",
                                           lambda page: page.timeline.zoom_to_selection())
        lanes = view.addMenu("Group &Lanes")
        self.lane_group = QActionGroup(window)
        self.lane_actions = {}
        current = window.settings.value(LANE_SETTING, "none")
        for mode, label in LANE_MODES:
            action = lanes.addAction(label)
            action.setCheckable(True)
            action.setChecked(mode == current)
            action.triggered.connect(lambda _=False, mode=mode: self._set_lanes(mode))
            self.lane_group.addAction(action)
            self.lane_actions[mode] = action
        view.addSeparator()
        self._local = [self.edit_event, self.delete, self.zoom_in, self.zoom_out]
        self._all = [self.new_event, self.find, self.zoom_fit, self.zoom_selection, *self._local,
                     *self.lane_actions.values()]
        window.session_changed.connect(self._follow)
        self._follow(window.session)

    def _action(self, menu, text, shortcut, run, tip: str | None = None, local: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        if local:
            # Only where the action is added (the list, the timeline), so Delete and Return keep
            # their meaning in text fields. The menu still shows the key.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self._run(run))
        menu.addAction(action)
        return action

    def _run(self, run) -> None:
        page = self.window.show_page(PAGE)
        if page is not None:
            run(page)

    def _set_lanes(self, mode: str) -> None:
        self.window.settings.setValue(LANE_SETTING, mode)
        page = self.window.page(PAGE)
        if page is not None:
            page.timeline.set_lane_mode(mode)

    def _follow(self, session) -> None:
        for action in self._all:
            action.setEnabled(session is not None)

    def attach(self, page) -> None:
        """Give a new page the focus-local keys and the remembered lane grouping."""
        page.list.table.addActions(self._local)
        # The timeline zooms about the mouse with + and - and opens with Return by itself.
        page.timeline.addAction(self.delete)
        page.timeline.set_lane_mode(self.window.settings.value(LANE_SETTING, "none"))
