"""How the timeline canvas answers the mouse, wheel, pinch and keys: zooms, pans, selections,
moves of an event by dragging it, and tooltips. Mixed into ``TimelineCanvas``, whose viewport,
scene and selection these handlers read and change through its methods."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QToolTip

from db import events as event_queries
from desktop_app import verbs
from desktop_app.timeline import tooltips
from desktop_app.timeline.frames import DensityFrame
from desktop_app.timeline.gestures import Press
from desktop_app.timeline.moving import shifted_date
from desktop_app.timeline.scene import AXIS_H, ROW_H

WHEEL_STEP = 1.2  # zoom factor per wheel notch (120 eighths of a degree)
KEY_PAN = 1 / 8  # of the width per arrow press


class CanvasInput:
    """The input handlers of ``TimelineCanvas`` (a QWidget: ``super()`` reaches QWidget's)."""

    def event(self, event):
        if event.type() == QEvent.Type.NativeGesture \
                and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.set_viewport(self._viewport.zoomed(1 + event.value(), event.position().x()), defer=True)
            return True
        if event.type() == QEvent.Type.ToolTip:
            text = self._tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _item_at(self, pos: QPointF):
        if self._scene is None or pos.y() < AXIS_H + self._eras.height:
            return None
        return self._scene.item_at(pos.x(), pos.y() - AXIS_H + self._scroll_y)

    def _tooltip_at(self, pos: QPointF) -> str | None:
        band = self._eras.band_at(pos.x(), pos.y())
        if band is not None:
            return tooltips.era_tooltip(band.era)
        if isinstance(self._frame, DensityFrame):
            return tooltips.density_tooltip(self._frame, self._viewport.t_of(pos.x()))
        item = self._item_at(pos)
        if item is None:
            return None
        return tooltips.event_tooltip(item.event, event_queries.source_count(self.session.db, item.id))

    def wheelEvent(self, event):  # noqa: N802
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and delta.y():
            self.set_scroll_y(self._scroll_y - delta.y() / 120 * ROW_H * 2)
        elif abs(delta.x()) > abs(delta.y()):
            self.set_viewport(self._viewport.panned(-delta.x() / 120 * self.width() * KEY_PAN), defer=True)
        elif delta.y():
            factor = WHEEL_STEP ** (delta.y() / 120)
            self.set_viewport(self._viewport.zoomed(factor, event.position().x()), defer=True)
        event.accept()

    def keyPressEvent(self, event):  # noqa: N802
        key, mods = event.key(), event.modifiers()
        cursor = self.mapFromGlobal(QCursor.pos())
        anchor = cursor.x() if self.rect().contains(cursor) else None
        step = self.width() * (0.5 if mods & Qt.KeyboardModifier.ShiftModifier else KEY_PAN)
        if key == Qt.Key.Key_Left:
            self.set_viewport(self._viewport.panned(-step))
        elif key == Qt.Key.Key_Right:
            self.set_viewport(self._viewport.panned(step))
        elif key == Qt.Key.Key_Up:
            self.set_scroll_y(self._scroll_y - ROW_H)
        elif key == Qt.Key.Key_Down:
            self.set_scroll_y(self._scroll_y + ROW_H)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in(anchor)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out(anchor)
        elif key == Qt.Key.Key_Home:
            self.zoom_to_fit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selection:
            self.event_activated.emit(self._selection[-1])
        elif key == Qt.Key.Key_Escape and self._press is not None and self._press.gesture == "move":
            self._cancel_gesture()
        elif key == Qt.Key.Key_Escape and self._selection:
            self._set_selection([])
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        # Tab walks through the events in time; past the last (or first) it leaves the timeline.
        return self.step_selection(forward) or super().focusNextPrevChild(forward)

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position()
        self._press = Press(pos.x(), pos.y(), self._item_at(pos), self._viewport)

    def mouseMoveEvent(self, event):  # noqa: N802
        if self._press is None:
            return
        pos = event.position()
        gesture = self._press.follow(pos.x(), pos.y(), QApplication.startDragDistance())
        if gesture == "pan":
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.set_viewport(self._press.panned_view(pos.x()), defer=True)
        elif gesture == "move":
            self.setCursor(Qt.CursorShape.SizeHorCursor)
            self.update()

    def mouseReleaseEvent(self, event):  # noqa: N802
        press = self._press
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        self._cancel_gesture()
        if press.gesture is None:
            self._click(press.item, event.modifiers())
        elif press.gesture == "pan" and self._requery.isActive():
            self._refresh()
        elif press.gesture == "move" and press.days:
            self._move_event(press.item.event, press.days)

    def _cancel_gesture(self) -> None:
        self._press = None
        self.unsetCursor()
        self.update()

    def _click(self, item, modifiers) -> None:
        toggle = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if item is None:
            if not toggle:
                self._set_selection([])
        elif toggle:
            ids = [i for i in self._selection if i != item.id]
            self._set_selection(ids if item.id in self._selection else ids + [item.id])
        else:
            self._set_selection([item.id])

    def _move_event(self, event: dict, days: int) -> None:
        verbs.edit_event(self.session, self, event["id"], date_edtf=shifted_date(event["date_edtf"], days))

    def mouseDoubleClickEvent(self, event):  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if isinstance(self._frame, DensityFrame):  # too many to pick one: look closer there
            self.zoom_in(event.position().x())
            self.zoom_in(event.position().x())
            return
        item = self._item_at(event.position())
        if item is not None:
            self._set_selection([item.id])
            self.event_activated.emit(item.id)
