"""The map canvas: holds the view, the cached frame and the selection; paints them; turns the wheel
(zoom around the pointer), a drag (pan), a click (select, Ctrl+click to add) and a Shift+drag
(lasso) into views and selections.

It shows what the timeline shows: the page gives it the timeline's filter and the period in view
(:meth:`set_filter`), and the selection both ways (:meth:`select_events`, ``selection_changed``).
A filtered frame (a period, tags, words) is counted on a thread of its own (frame_worker.py);
meanwhile the last frame stays on screen, drawn at the new view.
"""
from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from db import geo
from db.events import EventFilter
from desktop_app.dates.render import in_words_or_raw
from desktop_app.map.basemap_layer import BasemapLayer
from desktop_app.map.frame_worker import FrameFetcher
from desktop_app.map.frames import CellsFrame, MapFrameSource, MarksFrame
from desktop_app.map.hits import lassoed, spot_at, stack_at
from desktop_app.map.painting import MapColours, paint_map
from desktop_app.map.projection import MapView, fit, world_view
from desktop_app.map.labels import index_if_ready, shipped_index

WATCHED_TABLES = ("events", "event_tags", "event_entities", "citations", "tags", "entities")
WHEEL_STEP = 1.25
REQUERY_DELAY_MS = 80
NAMES_POLL_MS = 150  # how often a map drawn without town names looks whether they are ready
DRAG_PX = 4  # a press that moves less than this is a click


class MapCanvas(QWidget):
    selection_changed = Signal(list)  # event ids the user selected on the map
    frame_changed = Signal()  # a new frame is shown (an answer from the worker, say)
    event_activated = Signal(int)  # double-click: open this event

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.source = MapFrameSource(session.db)
        self.setAccessibleName("Map")
        self.setAccessibleDescription("Wheel zooms around the pointer, drag pans, click selects, Shift+drag draws a "
                                      "lasso; Home fits the events")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(False)
        self.setMinimumSize(160, 120)
        self._view = world_view(max(1, self.width()), max(1, self.height()))
        self.basemap = BasemapLayer()
        self._frame = None
        self._spots = []
        self._selection: list[int] = []
        self._auto_fit = True
        self._press: QPointF | None = None
        self._press_view: MapView | None = None
        self._lasso: list[tuple[float, float]] | None = None
        self._dragging = False
        self._stale = False  # a query was due when the canvas was hidden
        self._fetcher: FrameFetcher | None = None  # made on the first filtered frame
        self._requery = QTimer(self, singleShot=True, interval=REQUERY_DELAY_MS)
        # repaints until the town names' index, built in a thread, is there to draw them
        self._names_due = QTimer(self, singleShot=True, interval=NAMES_POLL_MS, timeout=self.update)
        self._requery.timeout.connect(self._refresh)
        session.changed.connect(self._on_changes)

    # -- what is shown -----------------------------------------------------------------------

    def view(self) -> MapView:
        return self._view

    def frame(self):
        return self._frame

    def set_view(self, view: MapView, defer: bool = False) -> None:
        self._auto_fit = False
        self._show(view, defer)

    def _show(self, view: MapView, defer: bool = False) -> None:
        self._view = view
        cached = self.source.cached
        if cached is not None and cached.covers(view):
            self._frame = cached
            self._requery.stop()
            self.update()
        elif defer:
            self.update()  # the previous frame at the new view until the gesture pauses
            self._requery.start()
        else:
            self._refresh()

    @property
    def fetching(self) -> bool:
        """Whether a frame asked of the worker is still to come."""
        return self._fetcher is not None and self._fetcher.busy

    def _refresh(self) -> None:
        self._requery.stop()
        cached = self.source.cached
        if cached is not None and cached.covers(self._view):
            self._frame = cached
        elif self.source.where.is_empty:  # sums of kept counts, or the R*Tree: on this thread
            self._frame = self.source.frame(self._view)
        else:
            if self._fetcher is None:
                self._fetcher = FrameFetcher(self.session.path, self._frame_ready)
                self.destroyed.connect(self._fetcher.stop)
            self._fetcher.ask(self.source.where, self.source.lanes, self._view)
            self.update()
            return
        self.update()
        self.frame_changed.emit()

    def _frame_ready(self, frame, where: EventFilter, lanes: str) -> None:
        if where != self.source.where or lanes != self.source.lanes:
            return  # asked under a filter since replaced
        self.source.cached = frame
        if frame.covers(self._view):
            self._frame = frame
            self.update()
            self.frame_changed.emit()
        else:  # the view moved on while it was counted
            self._refresh()

    def reload(self) -> None:
        self.source.invalidate()
        if self._fetcher is not None:
            self._fetcher.forget()
        self._refresh()

    def set_filter(self, where: EventFilter, lanes: str | None = None) -> None:
        """Show the events passing ``where`` (the timeline's filter, narrowed to the period in view).
        The first time, the map fits them; after that it stays where the analyst put it."""
        first = self._frame is None
        self.source.set_filter(where, lanes)
        if first and self._auto_fit:
            self.fit_to_events()
        elif self.source.cached is None:
            if self._fetcher is not None:
                self._fetcher.forget()
            self._refresh()

    def fit_to_events(self) -> None:
        """Show every located event passing the filter; the world when none."""
        box = geo.place_extent(self.session.db, self.source.where)
        w, h = max(1, self.width()), max(1, self.height())
        self._show(fit(box, w, h) if box is not None else world_view(w, h))

    def _on_changes(self, changes) -> None:
        if changes.touches(*WATCHED_TABLES):
            self.reload()

    # -- selection ---------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return list(self._selection)

    def select_events(self, ids) -> None:
        """Select (without telling anyone: the page calls this to mirror another view)."""
        self._selection = list(ids)
        self.update()

    def _set_selection(self, ids: list[int]) -> None:
        self._selection = list(ids)
        self.update()
        self.selection_changed.emit(list(ids))

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        colours = MapColours.from_palette(self.palette())
        places = index_if_ready()
        if places is None:
            self._names_due.start()
        self._spots = paint_map(painter, self._view, self._frame, colours, places, self.font(),
                                set(self._selection), self.source.lanes, self.basemap)
        if self._lasso and len(self._lasso) > 1:
            path = QPainterPath(QPointF(*self._lasso[0]))
            for point in self._lasso[1:]:
                path.lineTo(QPointF(*point))
            path.closeSubpath()
            fill = QColor(colours.selection)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.setPen(QPen(colours.selection, 1.5, Qt.PenStyle.DashLine))
            painter.drawPath(path)
        message = self._empty_message()
        if message:
            painter.setPen(colours.label)
            painter.drawText(self.rect().adjusted(12, 12, -12, -12),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, message)
        painter.end()

    def _empty_message(self) -> str | None:
        if isinstance(self._frame, MarksFrame) and not self._frame.events and geo.located_count(self.session.db) == 0:
            return "No event has a place yet — give one a latitude and longitude, or import a dataset with coordinates"
        return None

    def render_frame_times(self, view: MapView, layer: BasemapLayer | None = None) -> dict[str, float]:
        """How long one frame at ``view`` takes, as the widget would draw it into an offscreen
        image: the store asked as on a fresh view ("query"), then the painting ("paint") with the
        basemap from ``layer`` (drawn again when the view is a new zoom, as after a wheel step);
        each in milliseconds of the wall clock and of processor time ("..._cpu")."""
        wall, cpu = time.perf_counter(), time.process_time()
        frame = MapFrameSource(self.session.db, self.source.where, self.source.lanes).fetch(view)
        times = {"query": time.perf_counter() - wall, "query_cpu": time.process_time() - cpu}
        wall, cpu = time.perf_counter(), time.process_time()
        image = QImage(view.width_px, view.height_px, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        paint_map(painter, view, frame, MapColours.from_palette(self.palette()), shipped_index(), self.font(),
                  set(self._selection), self.source.lanes, layer or BasemapLayer())
        painter.end()
        times.update(paint=time.perf_counter() - wall, paint_cpu=time.process_time() - cpu)
        return {name: seconds * 1000 for name, seconds in times.items()}

    # -- Qt events ---------------------------------------------------------------------------

    def hideEvent(self, event):  # noqa: N802 (Qt's name)
        # hidden (another tab, or its project closing): a query due after a gesture, or one the
        # worker had not answered, waits for the show; the worker and its connection end
        self._stale = self._stale or self._requery.isActive() or self.fetching
        self._requery.stop()
        if self._fetcher is not None:
            self._fetcher.stop()
            self._fetcher = None
        super().hideEvent(event)

    def showEvent(self, event):  # noqa: N802
        if self._stale:
            self._stale = False
            self._refresh()
        super().showEvent(event)

    def resizeEvent(self, event):  # noqa: N802
        if self._auto_fit:
            self.fit_to_events()
        else:
            self._show(self._view.resized(max(1, self.width()), max(1, self.height())))
        super().resizeEvent(event)

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            text = self._tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _tooltip_at(self, pos: QPointF) -> str | None:
        if isinstance(self._frame, CellsFrame):
            lon, lat = self._view.from_screen(pos.x(), pos.y())
            for box, n in self._frame.boxes():
                if box.west <= lon < box.east and box.south <= lat < box.north:
                    return f"<qt>{n:,} event{'s' if n != 1 else ''} here</qt>"
            return None
        spot = spot_at(self._spots, pos.x(), pos.y())
        if spot is None or not isinstance(self._frame, MarksFrame):
            return None
        event = next(e for e in self._frame.events if e["id"] == spot.event_id)
        lines = [f"<b>{escape(event['title'])}</b>", escape(in_words_or_raw(event["date_edtf"]))]
        place = event["location_name"] or f"{event['latitude']:.4f}, {event['longitude']:.4f}"
        lines.append(escape(place) + {2: " (near)", 3: " (somewhere in the region)"}.get(event["geo_precision"] or 1, ""))
        if event["contested"]:
            lines.append("<b>contested</b>: its sources disagree")
        return "<qt>" + "<br>".join(lines) + "</qt>"

    def wheelEvent(self, event):  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            pos = event.position()
            self.set_view(self._view.zoomed(WHEEL_STEP ** steps, pos.x(), pos.y()), defer=True)
        event.accept()

    def keyPressEvent(self, event):  # noqa: N802
        key = event.key()
        pans = {Qt.Key.Key_Left: (80, 0), Qt.Key.Key_Right: (-80, 0), Qt.Key.Key_Up: (0, 80), Qt.Key.Key_Down: (0, -80)}
        if key in pans:
            self.set_view(self._view.panned(*pans[key]))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_view(self._view.zoomed(1.5))
        elif key == Qt.Key.Key_Minus:
            self.set_view(self._view.zoomed(1 / 1.5))
        elif key == Qt.Key.Key_Home:
            self.fit_to_events()
        elif key == Qt.Key.Key_Escape:
            self._set_selection([])
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self._press = event.position()
        self._press_view = self._view
        self._dragging = False
        self._lasso = [(event.position().x(), event.position().y())] \
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else None

    def mouseMoveEvent(self, event):  # noqa: N802
        if self._press is None:
            return
        pos = event.position()
        if self._lasso is not None:
            self._lasso.append((pos.x(), pos.y()))
            self.update()
            return
        if self._dragging or (pos - self._press).manhattanLength() >= DRAG_PX:
            self._dragging = True
            delta = pos - self._press
            self.set_view(self._press_view.panned(delta.x(), delta.y()), defer=True)

    def mouseReleaseEvent(self, event):  # noqa: N802
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if self._lasso is not None:
            ids = lassoed(self._spots, self._lasso)
            self._lasso = None
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                ids = list(dict.fromkeys([*self._selection, *ids]))
            self._set_selection(ids)
        elif self._dragging:
            self._refresh()
        else:
            self._click(event.position(), event.modifiers())
        self._press = None
        self._dragging = False

    def _click(self, pos: QPointF, modifiers) -> None:
        stack = stack_at(self._spots, pos.x(), pos.y())
        if modifiers & Qt.KeyboardModifier.ControlModifier:  # add the place's events, or take them away
            if not stack:
                return
            kept = [i for i in self._selection if i not in stack]
            self._set_selection(kept if set(stack) <= set(self._selection) else [*kept, *stack])
        else:
            self._set_selection(stack)

    def mouseDoubleClickEvent(self, event):  # noqa: N802
        spot = spot_at(self._spots, event.position().x(), event.position().y())
        if spot is not None:
            self.event_activated.emit(spot.event_id)
