"""The map panel beside the timeline: the canvas under a small bar (fit to events, whole period,
what is shown). The page gives it the timeline's filter, lane mode and period in view; with
*Whole period* ticked it ignores the period."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from db import events
from db.events import EventFilter
from desktop_app.map.canvas import MapCanvas
from desktop_app.map.frames import CellsFrame, MarksFrame

FOLLOW_DELAY_MS = 150  # the map follows a timeline pan once it pauses this long


class MapPanel(QWidget):
    selection_changed = Signal(list)
    event_activated = Signal(int)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Map panel")
        self._where = EventFilter()
        self._period: tuple[int, int] | None = None
        self._lanes = "none"
        self._pending = False  # a follow was due while the panel was hidden
        self.fit_button = QToolButton(text="Fit to events", toolTip="Show every event shown on the timeline (Home)")
        self.fit_button.setAccessibleName("Fit the map to the events")
        self.whole_period = QCheckBox("Whole period")
        self.whole_period.setToolTip("Show the events of every date, not only of the period the timeline shows")
        self.shown = QLabel()
        self.shown.setAccessibleName("What the map shows")
        # the bar never holds the panel wider than the map needs: the text is cut on a narrow map
        self.shown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.shown.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # made after the bar, so that Tab reaches the bar first, as it is read
        self.canvas = MapCanvas(session)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.whole_period)
        bar.addWidget(self.shown, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self._follow = QTimer(self, singleShot=True, interval=FOLLOW_DELAY_MS)
        self._follow.timeout.connect(self._apply)
        self.fit_button.clicked.connect(self.canvas.fit_to_events)
        self.whole_period.toggled.connect(lambda _: self._apply())
        self.canvas.selection_changed.connect(self.selection_changed)
        self.canvas.event_activated.connect(self.event_activated)
        self.canvas.frame_changed.connect(self._show_what)

    def set_filter(self, where: EventFilter, lanes: str | None = None) -> None:
        self._where = where
        self._lanes = lanes or self._lanes
        self._apply()

    def set_period(self, start_s: float, end_s: float, lanes: str | None = None, defer: bool = True) -> None:
        """The period the timeline shows (the map follows it unless *Whole period* is ticked)."""
        self._period = (int(start_s), int(end_s) + 1)
        self._lanes = lanes or self._lanes
        if defer:
            self._follow.start()
        else:
            self._apply()

    def where(self) -> EventFilter:
        """The filter the map applies: the timeline's, within the period unless the whole is asked
        or the period holds every event anyway (then the kept per-cell counts serve it)."""
        if self._period is None or self.whole_period.isChecked():
            return self._where
        every = events.extent(self.canvas.session.db)
        if every is not None and self._period[0] <= every[0] and self._period[1] >= every[1]:
            return self._where
        return self._where.within(*self._period)

    def _apply(self) -> None:
        self._follow.stop()
        self.canvas.set_filter(self.where(), self._lanes)
        self._show_what()

    def _show_what(self) -> None:
        frame = self.canvas.frame()
        if isinstance(frame, CellsFrame):
            text = f"{sum(n for _, _, n in frame.cells):,} events, as counts per square"
        elif isinstance(frame, MarksFrame):
            text = f"{len(frame.events):,} event{'s' if len(frame.events) != 1 else ''} with a place"
        else:
            text = ""
        self.shown.setText(text)

    # A hidden panel (another tab, or a project being closed) asks the store nothing: a pending
    # follow waits until it is shown again.
    def hideEvent(self, event):  # noqa: N802 (Qt's name)
        self._pending = self._pending or self._follow.isActive()
        self._follow.stop()
        super().hideEvent(event)

    def showEvent(self, event):  # noqa: N802
        if self._pending:
            self._pending = False
            self._apply()
        super().showEvent(event)

    def select_events(self, ids) -> None:
        self.canvas.select_events(ids)

    def selected_ids(self) -> list[int]:
        return self.canvas.selected_ids()
