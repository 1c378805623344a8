"""The "Timeline" page: filter bar on top, the timeline over the event list, the editor on the right.

The page keeps the three in step: one filter for the timeline and the list, one selection (by
event id) across both, the editor on the selected event, the status bar counting what is shown.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from db import events
from db.events import EventFilter
from desktop_app import verbs
from desktop_app.events.edtf_forms import day_of
from desktop_app.events.editor import EventEditor
from desktop_app.events.event_list import EventList
from desktop_app.events.filter_bar import FilterBar
from desktop_app.events.table_model import TITLE, EventTableModel
from desktop_app.main_window.column_widths import fit_columns
from desktop_app.map.view import MapPanel
from desktop_app.reliability.backup_schedule import before_bulk_delete
from desktop_app.selection import Selection, Shared
from desktop_app.timeline.view import TimelineView

# Selections larger than this are not mirrored id by id (each costs a query on a big project).
SYNC_LIMIT = 200
SETTINGS = "timelinePage"
_RESTORE = "restore"  # the selection shown again after a refresh: the views keep where they are


class TimelinePage(QWidget):
    def __init__(self, session, window, actions=None, parent=None):
        super().__init__(parent)
        self.session = session
        self.main_window = window
        self._syncing = False  # the page itself is updating the list's Qt selection
        # What the list, the timeline (and a map) show together; other screens may share them.
        self.selection = Selection()
        self.event_filter: Shared[EventFilter] = Shared(EventFilter())
        self._total = events.count_events(session.db)

        self.setAccessibleName("Timeline page")
        self.model = EventTableModel(session.db, self)
        self.filter_bar = FilterBar(session.db)
        self.timeline = TimelineView(session)
        self.map = MapPanel(session)
        self.list = EventList(self.model)
        self.editor = EventEditor(session)

        # the map beside the timeline: it shows what the timeline shows (filter, period, selection)
        self.top = QSplitter(Qt.Orientation.Horizontal)
        self.top.addWidget(self.timeline)
        self.top.addWidget(self.map)
        self.top.setStretchFactor(0, 3)
        self.top.setStretchFactor(1, 2)
        self.top.setSizes([600, 400])
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(self.top)
        self.left.addWidget(self.list)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 2)
        self.main = QSplitter(Qt.Orientation.Horizontal)
        self.main.addWidget(self.left)
        self.main.addWidget(self.editor)
        self.main.setStretchFactor(0, 1)
        self.main.setSizes([900, 380])
        for splitter in (self.left, self.main):
            splitter.setChildrenCollapsible(False)
        self.top.setCollapsible(0, False)  # the map may be dragged shut
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.main, 1)
        self._restore_layout()

        self.selection.subscribe(self._selection_shown)
        self.event_filter.subscribe(self._filter_shown)
        self.filter_bar.filter_changed.connect(lambda where: self.event_filter.set(where, by=self.filter_bar))
        self.list.clear_filter_requested.connect(self.filter_bar.clear)
        self.list.table.selectionModel().selectionChanged.connect(self._list_selection_changed)
        self.list.table.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self._restore_selection())
        self.list.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.timeline.selection_changed.connect(self._timeline_selection_changed)
        self.timeline.event_activated.connect(self.open_event)
        self.timeline.viewport_changed.connect(
            lambda viewport: self.map.set_period(viewport.start_s, viewport.end_s, self.timeline.lane_mode()))
        self.map.selection_changed.connect(self._map_selection_changed)
        self.map.event_activated.connect(self.open_event)
        session.changed.connect(self._on_changed)
        self.editor.dirty_changed.connect(self._show_saved_state)
        self.editor.problem.connect(lambda message: window.statusBar().showMessage(message, 10_000))
        self.editor.cite_requested.connect(window.cite_requested)
        self.editor.source_requested.connect(window.source_requested)
        window.event_requested.connect(self.reveal_event)
        viewport = self.timeline.viewport()
        self.map.set_period(viewport.start_s, viewport.end_s, self.timeline.lane_mode(), defer=False)
        if actions is not None:
            actions.attach(self)
        self.list.update_empty_state(self._total)
        self._show_counts()
        self._selection_settled()
        self._show_saved_state(False)

    # -- layout remembered between runs ------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.main_window.settings
        for name, splitter in (("main", self.main), ("left", self.left), ("top", self.top)):
            state = settings.value(f"{SETTINGS}/{name}")
            if state is not None:
                splitter.restoreState(state)
            splitter.splitterMoved.connect(lambda *_, n=name, s=splitter: settings.setValue(f"{SETTINGS}/{n}", s.saveState()))
        fit_columns(self.list.table, TITLE, settings, f"{SETTINGS}/columns")

    # -- filter ------------------------------------------------------------------------------

    def apply_filter(self, event_filter: EventFilter) -> None:
        self.event_filter.set(event_filter)

    # -- what other screens may ask (the export dialog: what is shown) ------------------------

    def lane_mode(self) -> str:
        return self.timeline.lane_mode()

    def period_in_view(self) -> tuple[float, float]:
        """The timeline's visible period, as seconds (start, end)."""
        viewport = self.timeline.viewport()
        return viewport.start_s, viewport.end_s

    def _filter_shown(self, event_filter: EventFilter, _by) -> None:
        self.model.set_filter(event_filter)
        self.timeline.set_filter(event_filter)
        self.map.set_filter(event_filter, self.timeline.lane_mode())
        self._restore_selection()
        self.list.update_empty_state(self._total)
        self._show_counts()

    # -- selection, one set of ids across the list and the timeline -----------------------------

    def selected_ids(self) -> list[int]:
        ids = self.list.selected_ids()
        return ids or list(self.timeline.selected_ids())

    def _list_selection_changed(self, *_):
        if self._syncing:
            return
        if not self.selection.select(self.list.selected_ids(limit=SYNC_LIMIT), by=self.list):
            self._selection_settled()  # the same first ids, but more or fewer rows selected

    def _timeline_selection_changed(self, ids) -> None:
        if not self._syncing:
            self.selection.select(list(ids)[:SYNC_LIMIT], by=self.timeline)

    def _map_selection_changed(self, ids) -> None:
        if not self._syncing:
            self.selection.select(list(ids)[:SYNC_LIMIT], by=self.map)

    def select_events(self, ids, reveal: bool = True) -> None:
        """Select events in both views (e.g. a new event, or one a search hit asks for)."""
        if not self.selection.select(ids, by=None if reveal else _RESTORE):
            self._selection_shown(self.selection.ids, None if reveal else _RESTORE)

    def _restore_selection(self) -> None:
        """After a refresh, a filter or a re-sort, select again (by id) what was selected and is
        still shown."""
        self._syncing = True
        try:
            shown = self.list.select_ids(self.selection.ids, scroll=False)
        finally:
            self._syncing = False
        if not self.selection.select(shown, by=_RESTORE):
            self._selection_shown(self.selection.ids, _RESTORE)

    def _selection_shown(self, ids, by) -> None:
        """The page's selection changed (``by`` a view, the page, or another screen sharing it):
        show it in the views that did not make it, and in the editor."""
        self._syncing = True
        try:
            if by is not self.list and by is not _RESTORE:
                self.list.select_ids(ids)
            if by is not self.timeline:
                self.timeline.select_events(ids, reveal=by is not _RESTORE)
        finally:
            self._syncing = False
        self._selection_settled()

    def _selection_settled(self) -> None:
        selected = self.selection.ids
        self.map.select_events(list(selected))
        count = self.list.selected_count() or len(selected)
        self.editor.setVisible(count > 0)  # nothing to edit: the timeline and the list take its room
        if count == 1:
            self.editor.show_event(selected[0] if selected else self.list.current_id())
        elif count > 1:
            self.editor.show_event(None, f"{count:,} events selected.\n\nPress Delete to delete them.")
        else:
            self.editor.show_event(None)
        self._show_selection()

    # -- commands (menu actions land here) ---------------------------------------------------

    def open_event(self, event_id: int) -> None:
        """Show one event in the editor, ready to type into."""
        self.reveal_event(event_id)
        self.editor.focus_title()

    def edit_selected(self) -> None:
        if self.editor.event_id is not None:
            self.editor.focus_title()

    def reveal_event(self, event_id: int) -> None:
        """Select an event in both views, scrolled into sight, open in the editor. A filter that
        hides it is cleared."""
        self.main_window.show_page("Timeline")
        if self.model.row_of(event_id) is None:
            if events.get_event(self.session.db, event_id) is None:
                return
            self.filter_bar.clear()
        self.select_events([event_id])

    def new_event(self) -> int | None:
        """Add "New event" on the day at the timeline's centre, and open it with the title selected."""
        event_id = verbs.add_event(self.session, self, "New event", day_of(self.timeline.center_time())).result
        if event_id is not None:
            self.open_event(event_id)
        return event_id

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) > 1:
            answer = QMessageBox.question(
                self.main_window, "Delete events", f"Delete {len(ids):,} events?\n\nYou can undo this with Ctrl+Z.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        # Undo covers this session only: a large deletion is backed up first (see backup_schedule)
        before_bulk_delete(self.session, len(ids), self.main_window.settings)
        verbs.delete_events(self.session, self, ids)

    # -- after every edit --------------------------------------------------------------------

    def _on_changed(self, changes) -> None:
        if changes.touches("eras"):
            self.filter_bar.refresh_eras()
        if changes.touches("events"):
            self._total = events.count_events(self.session.db)
        self.model.refresh(changes)
        self._restore_selection()
        self.list.update_empty_state(self._total)
        self._show_counts()

    # -- status bar --------------------------------------------------------------------------

    def _show_counts(self) -> None:
        shown = self.model.rowCount()
        if self.model.event_filter.is_empty:
            text = f"{self._total:,} event{'s' if self._total != 1 else ''}"
        else:
            text = f"{shown:,} of {self._total:,} events shown"
        self.main_window.set_status("events", text)

    def _show_selection(self) -> None:
        count = self.list.selected_count() or len(self.selection)
        self.main_window.set_status("selection", f"{count:,} selected" if count else "")

    def _show_saved_state(self, dirty: bool) -> None:
        self.main_window.set_status("saved", "Unsaved edits in the editor — Save with Ctrl+Return" if dirty
                                else "All changes saved")
