"""The timeline canvas: holds the viewport, the cached frame and the selection and paints them;
how it answers the mouse, wheel, pinch and keys is in ``canvas_input``.

Every change of viewport asks the frame source whether its cached frame still covers the view;
only when it does not is the store queried (at once, or shortly after the last wheel step or drag
motion so a continuous gesture does not query per step). Painting reads the cached frame only.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget

from db import events as event_queries
from db.history import events_created_since, newest_history_id
from db.dates import DAY
from db.events import EventFilter
from desktop_app.timeline.era_bands import NO_ERAS, lay_out
from desktop_app.timeline.frames import EventsFrame, FrameSource, tick_scale
from desktop_app.timeline.layout import LANE_MODES
from desktop_app.timeline.gestures import Press
from desktop_app.timeline.canvas_input import CanvasInput
from desktop_app.timeline.colours import Colours
from desktop_app.timeline.painting import paint_frame
from desktop_app.timeline.scene import AXIS_H, SceneBuilder
from desktop_app.timeline.viewport import Viewport

# Edits to these tables can change what the timeline draws.
WATCHED_TABLES = ("events", "event_tags", "event_entities", "citations", "tags", "entities", "eras")
KEY_ZOOM = 1.5
REQUERY_DELAY_MS = 80  # during a continuous gesture, query once it pauses this long
MIN_FIT_SPAN_S = 7 * DAY  # zoom to fit never shows less than a week
FOCUS_FRAME_W = 2


class TimelineCanvas(CanvasInput, QWidget):
    selection_changed = Signal(list)
    event_activated = Signal(int)
    viewport_changed = Signal(object)
    content_height_changed = Signal(int)  # the height of all rows, for the vertical scroll bar
    scrolled = Signal(int)  # the rows were scrolled (by keys or Shift+wheel) to this offset
    data_reloaded = Signal()  # the events or the filter changed and were read again

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.source = FrameSource(session.db)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription("Tab and Shift+Tab select the next and previous event, Return opens it; "
                                      "arrow keys pan, + and − zoom, Home shows every event")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(200, 140)
        self._builder = SceneBuilder(self.font())
        self._selection: list[int] = []
        self._scroll_y = 0
        self._scene = None
        self._eras = NO_ERAS  # the eras in view, placed (era_bands)
        self._frame = None
        self._extent: tuple[int, int] | None = None
        self._auto_fit = True  # until the user moves the view, a resize fits all again
        self._stale = False  # the data changed while the canvas was hidden: read it when shown
        self._history_seen = newest_history_id(session.db)  # events created after it are new
        self._added: list[int] = []  # events added since the last reload: brought into view by it
        self._press: Press | None = None  # while the left button is down
        self._requery = QTimer(self, singleShot=True, interval=REQUERY_DELAY_MS)
        self._requery.timeout.connect(self._refresh)
        self._viewport = Viewport(0.0, DAY, max(1, self.width()))
        session.changed.connect(self._on_changes)
        self._extent = event_queries.extent(session.db, self.source.where)
        self.zoom_to_fit()

    # -- what is shown ---------------------------------------------------------------------

    def viewport(self) -> Viewport:
        return self._viewport

    def set_viewport(self, viewport: Viewport, defer: bool = False) -> None:
        """Show another part of time; ``defer`` waits for a pause before querying the store."""
        self._auto_fit = False
        self._show(viewport.resized(max(1, self.width())), defer)

    def _show(self, viewport: Viewport, defer: bool = False) -> None:
        changed = viewport != self._viewport
        self._viewport = viewport
        if self.source.covers(viewport):
            self._frame = self.source.cached
            self._requery.stop()
            self._rebuild()
        elif defer:
            self._rebuild()  # the stale frame, at the new scale, until the gesture pauses
            self._requery.start()
        else:
            self._refresh()
        if changed:
            self.viewport_changed.emit(viewport)

    def _refresh(self) -> None:
        self._requery.stop()
        self._frame = self.source.frame(self._viewport)
        self._rebuild()

    def _rebuild(self) -> None:
        self._scene, self._eras = lay_out(self._builder, self._frame, self._viewport, self.source.lanes)
        self.content_height_changed.emit(self.content_height())
        self.set_scroll_y(self._scroll_y)  # the rows may have become fewer
        self.update()

    def reload(self) -> None:
        """Read everything again (the project changed in ways the view cannot tell). Events added
        since are brought into view: all of them while the user has not moved the view (a
        project's first events), else the latest added when none of them is in view."""
        self.source.invalidate()
        self._extent = event_queries.extent(self.session.db, self.source.where)
        added, self._added = self._added, []
        if added and self._auto_fit:
            self.zoom_to_fit()
        elif added:
            self._reveal(added)
        self._refresh()
        self.data_reloaded.emit()

    def _reveal(self, ids) -> None:
        shown = [e for e in map(lambda i: event_queries.get_event(self.session.db, i), ids[-500:]) if e is not None]
        if shown and not any(self._viewport.contains(e["start_s"], e["end_s"]) for e in shown):
            latest = shown[-1]
            self._show_span(latest["start_s"], latest["end_s"])

    def set_filter(self, where: EventFilter) -> None:
        self.source.set_filter(where)
        self.reload()

    def lane_mode(self) -> str:
        return self.source.lanes

    def set_lane_mode(self, mode: str) -> None:
        if mode not in LANE_MODES:
            raise ValueError(f"lane mode must be one of {', '.join(LANE_MODES)}, not {mode!r}")
        self.source.set_lanes(mode)
        self._refresh()

    def content_height(self) -> int:
        return int(self._scene.height) + 8 if self._scene is not None else 0

    def set_scroll_y(self, value: float) -> None:
        value = int(min(max(0, value), max(0, self.content_height() - (self.height() - AXIS_H))))
        if value != self._scroll_y:
            self._scroll_y = value
            self.scrolled.emit(value)
            self.update()

    def scroll_y(self) -> int:
        return self._scroll_y

    def frame(self):
        """The cached frame being drawn (an EventsFrame or a DensityFrame)."""
        return self._frame

    def scene(self):
        return self._scene

    def _on_changes(self, changes) -> None:
        if not changes.touches(*WATCHED_TABLES):
            return
        if changes.touches("events"):
            added, self._history_seen = events_created_since(self.session.db, self._history_seen)
            self._added += added
        touched = [i for i in self._selection if changes.may_touch("events", i)]
        if touched:
            # Deleted events leave the highlight quietly: a change is not the user selecting (the
            # page's selection follows the same changes).
            gone = set(touched) - set(event_queries.existing_ids(self.session.db, touched))
            self._selection = [i for i in self._selection if i not in gone]
        if self.isVisible():
            self.reload()
        else:  # another page is showing: read once when the timeline is shown again
            self._stale = True

    # -- zooming ---------------------------------------------------------------------------

    def zoom_in(self, anchor_x: float | None = None) -> None:
        self.set_viewport(self._viewport.zoomed(KEY_ZOOM, anchor_x))

    def zoom_out(self, anchor_x: float | None = None) -> None:
        self.set_viewport(self._viewport.zoomed(1 / KEY_ZOOM, anchor_x))

    def zoom_to_fit(self) -> None:
        """Show every event the filter lets through (a year around today when there is none)."""
        if self._extent is None:
            now = time.time()
            self._fit(now - 180 * DAY, now + 180 * DAY)
        else:
            self._fit(*self._extent)
        self._auto_fit = True

    def zoom_to_selection(self) -> None:
        span = self.selection_span()
        if span is not None:
            self._fit(*span)
            self._auto_fit = False

    def _fit(self, start_s: float, end_s: float) -> None:
        if end_s - start_s < MIN_FIT_SPAN_S:
            middle = (start_s + end_s) / 2
            start_s, end_s = middle - MIN_FIT_SPAN_S / 2, middle + MIN_FIT_SPAN_S / 2
        self._show(Viewport.fitted(start_s, end_s, max(1, self.width())))

    def center_time(self) -> int:
        return round(self._viewport.center_s)

    # -- selection -------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return list(self._selection)

    def select_events(self, ids, reveal: bool = False) -> None:
        """Highlight these events (no selection_changed: the caller knows); ``reveal`` moves the
        view so that they are in it."""
        self._selection = list(dict.fromkeys(ids))
        if reveal:
            span = self.selection_span()
            if span is not None and not self._viewport.contains(*span):
                self._show_span(*span)
        self.update()

    def _show_span(self, start_s: float, end_s: float) -> None:
        """Centre the view on a span, zoomed out to fit it when it is wider than the view."""
        if end_s - start_s <= 0.9 * self._viewport.width_px * self._viewport.seconds_per_px:
            self.set_viewport(self._viewport.centered_on((start_s + end_s) / 2))
        else:
            self._fit(start_s, end_s)
            self._auto_fit = False

    def selection_span(self) -> tuple[int, int] | None:
        found = [event_queries.get_event(self.session.db, i) for i in self._selection[:500]]
        found = [e for e in found if e is not None]
        if not found:
            return None
        return min(e["start_s"] for e in found), max(e["end_s"] for e in found)

    def _set_selection(self, ids: list[int]) -> None:
        """A selection the user made: shown, and announced."""
        if ids != self._selection:
            self._selection = ids
            self.selection_changed.emit(list(ids))
        self.update()

    def step_selection(self, forward: bool) -> bool:
        """Select the next (or previous) event in time among those loaded; False at either end."""
        if not isinstance(self._frame, EventsFrame) or not self._frame.events:
            return False
        ordered = self._frame.events
        ids = [e["id"] for e in ordered]
        if self._selection and self._selection[-1] in ids:
            index = ids.index(self._selection[-1]) + (1 if forward else -1)
        else:
            in_view = [i for i, e in enumerate(ordered) if e["end_s"] > self._viewport.start_s
                       and e["start_s"] < self._viewport.end_s] or [0]
            index = in_view[0] if forward else in_view[-1]
        if not 0 <= index < len(ids):
            return False
        self._set_selection([ids[index]])
        self.select_events([ids[index]], reveal=True)
        return True

    # -- painting --------------------------------------------------------------------------

    def empty_message(self) -> str | None:
        """What the canvas says when there is nothing to draw (None when there is)."""
        if self._extent is None:
            if not self.source.where.is_empty:
                return "No events match the filter — Clear shows them all"
            return "No events yet — press Ctrl+N to add one"
        if self._scene is not None and not self._scene.items:
            # Ctrl+0 (View → Zoom to Fit) works wherever the focus is; Home only in the timeline
            return "No events in this period — press Ctrl+0 to see them all"
        return None

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        colours = Colours.from_palette(self.palette())
        paint_frame(painter, self._viewport, self.height(), tick_scale(self._viewport, self._frame), self._frame, self._scene,
                    colours, selection=set(self._selection), scroll_y=self._scroll_y,
                    now_s=time.time(), message=self.empty_message(), drag=self._drag_preview(), eras=self._eras)
        if self.hasFocus():  # Tab stops here (to walk the events): show that the keys act on it
            painter.setPen(QPen(colours.selection, FOCUS_FRAME_W))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def focusInEvent(self, event):  # noqa: N802
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event):  # noqa: N802
        super().focusOutEvent(event)
        self.update()

    def _drag_preview(self):
        if self._press is not None and self._press.gesture == "move":
            return self._press.preview(self._viewport.seconds_per_px)
        return None

    def render_frame(self, viewport: Viewport, height: int | None = None) -> QImage:
        """One frame at ``viewport`` queried, laid out and painted into an offscreen image as the
        widget would, but cold: the store is asked as on a fresh view, nothing cached is used."""
        height = height or max(self.height(), 300)
        frame = FrameSource(self.session.db, self.source.where, self.source.lanes).fetch(viewport)
        scene, eras = lay_out(self._builder, frame, viewport, self.source.lanes)
        image = QImage(viewport.width_px, height, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        painter.setFont(self.font())
        paint_frame(painter, viewport, height, tick_scale(viewport, frame), frame, scene, Colours.from_palette(self.palette()),
                    selection=set(self._selection), now_s=time.time(), eras=eras)
        painter.end()
        return image

    def render_frame_ms(self, viewport: Viewport, height: int | None = None) -> float:
        """Milliseconds :meth:`render_frame` takes (the benchmark's frame figure)."""
        started = time.perf_counter()
        self.render_frame(viewport, height)
        return (time.perf_counter() - started) * 1000

    # -- Qt events -------------------------------------------------------------------------

    def showEvent(self, event):  # noqa: N802
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    def resizeEvent(self, event):  # noqa: N802
        if self._auto_fit:
            self.zoom_to_fit()
        else:
            self._show(self._viewport.resized(max(1, self.width())))
        super().resizeEvent(event)

    def eras(self):
        """The eras in view, as placed (an ``era_bands.EraStrip``)."""
        return self._eras
