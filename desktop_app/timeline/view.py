"""The timeline view the main window embeds: the canvas, a vertical scroll bar for its rows, and
the overview strip beneath, behaving as one widget with one interface.

Right-click offers the lane modes, the zooms and the eras (name a period, edit the era pointed at); everything else is on the canvas (see
canvas.py) and in the main window's menus, which call the methods below.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QGridLayout, QMenu, QScrollBar, QWidget

from db.events import EventFilter
from desktop_app.eras.timeline_menu import add_era_actions
from desktop_app.timeline.canvas import TimelineCanvas
from desktop_app.timeline.overview import OverviewStrip
from desktop_app.timeline.scene import AXIS_H, ROW_H
from desktop_app.timeline.viewport import Viewport

LANE_CHOICES = (("none", "No lanes"), ("tag", "Lanes by tag"), ("entity", "Lanes by entity"))


class TimelineView(QWidget):
    selection_changed = Signal(list)  # event ids the user selected (click, Ctrl+click, Tab, Escape)
    event_activated = Signal(int)  # double-click or Enter: open this event in the editor
    viewport_changed = Signal(object)  # the new Viewport

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Timeline")
        self.canvas = TimelineCanvas(session, self)
        self.overview = OverviewStrip(session, self)
        self.scroll_bar = QScrollBar(Qt.Orientation.Vertical, self)
        self.scroll_bar.setSingleStep(ROW_H)
        self.scroll_bar.hide()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 0, 0)
        layout.addWidget(self.scroll_bar, 0, 1)
        layout.addWidget(self.overview, 1, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setRowStretch(0, 1)
        self.setFocusProxy(self.canvas)

        self.canvas.selection_changed.connect(self.selection_changed)
        self.canvas.event_activated.connect(self.event_activated)
        self.canvas.viewport_changed.connect(self._on_viewport)
        self.canvas.content_height_changed.connect(self._update_scroll_bar)
        self.canvas.scrolled.connect(self.scroll_bar.setValue)
        # counted again under the canvas's filter whenever the canvas has read the events again
        self.canvas.data_reloaded.connect(lambda: self.overview.set_filter(self.canvas.source.where))
        self.scroll_bar.valueChanged.connect(self.canvas.set_scroll_y)
        self.overview.center_requested.connect(
            lambda t: self.canvas.set_viewport(self.canvas.viewport().centered_on(t), defer=True))
        self.overview.set_viewport(self.canvas.viewport())

    # -- the interface the main window uses ----------------------------------------------------

    def set_filter(self, where: EventFilter) -> None:
        self.canvas.set_filter(where)  # the overview follows through data_reloaded, with the same filter

    def select_events(self, ids, reveal: bool = False) -> None:
        self.canvas.select_events(ids, reveal)

    def selected_ids(self) -> list[int]:
        return self.canvas.selected_ids()

    def zoom_to_fit(self) -> None:
        self.canvas.zoom_to_fit()

    def zoom_to_selection(self) -> None:
        self.canvas.zoom_to_selection()

    def zoom_in(self) -> None:
        self.canvas.zoom_in()

    def zoom_out(self) -> None:
        self.canvas.zoom_out()

    def set_lane_mode(self, mode: str) -> None:
        self.canvas.set_lane_mode(mode)

    def lane_mode(self) -> str:
        return self.canvas.lane_mode()

    def viewport(self) -> Viewport:
        return self.canvas.viewport()

    def set_viewport(self, viewport: Viewport) -> None:
        self.canvas.set_viewport(viewport)

    def center_time(self) -> int:
        return self.canvas.center_time()

    def render_frame_ms(self, viewport: Viewport, height: int | None = None) -> float:
        return self.canvas.render_frame_ms(viewport, height)

    # -- plumbing --------------------------------------------------------------------------

    def _on_viewport(self, viewport: Viewport) -> None:
        self.overview.set_viewport(viewport)
        self.viewport_changed.emit(viewport)

    def _update_scroll_bar(self, content_height: int) -> None:
        visible = max(0, self.canvas.height() - AXIS_H)
        self.scroll_bar.setPageStep(visible)
        self.scroll_bar.setRange(0, max(0, content_height - visible))
        self.scroll_bar.setVisible(content_height > visible)

    def keyPressEvent(self, event):  # noqa: N802
        # Keys reach the canvas through the focus proxy; one sent to the view itself goes there too.
        self.canvas.keyPressEvent(event)

    def wheelEvent(self, event):  # noqa: N802
        self.canvas.wheelEvent(event)

    def contextMenuEvent(self, event):  # noqa: N802
        menu = QMenu(self)
        group = QActionGroup(menu)
        for mode, title in LANE_CHOICES:
            action = QAction(title, menu, checkable=True, checked=self.lane_mode() == mode)
            action.triggered.connect(lambda _=False, m=mode: self.set_lane_mode(m))
            group.addAction(action)
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction("Zoom to fit", self.zoom_to_fit)
        selection = menu.addAction("Zoom to selection", self.zoom_to_selection)
        selection.setEnabled(bool(self.selected_ids()))
        add_era_actions(menu, self, QPointF(self.canvas.mapFrom(self, event.pos())))
        menu.exec(event.globalPos())
