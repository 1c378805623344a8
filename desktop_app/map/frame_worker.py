"""Map frames asked of the store on a thread of its own, for the frames that count events one by
one (a period, words, tags: any filter), so the GUI thread never waits for such a count; the canvas
keeps drawing the last frame until the answer comes. Unfiltered frames are sums of the kept
per-cell counts and stay on the GUI thread.

Only the latest question matters: the worker skips a question already overtaken when it gets to
it, and an answer to anything but the latest question is dropped. The worker reads through a
connection of its own (SQLite's WAL lets both read at once), opened on its thread; a plain daemon
thread, so that a window closed without stopping it is not held open (or aborted) by it.
"""
from __future__ import annotations

import queue
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from db.events import EventFilter
from db.store import open_project
from desktop_app.map.frames import MapFrame, MapFrameSource
from desktop_app.map.projection import MapView


class _Answers(QObject):
    # emitted on the worker's thread, delivered on the GUI thread (where this object lives)
    answered = Signal(int, object)  # the question's number, its frame


class FrameFetcher:
    """Fetches frames for views of the project at ``path``; ``on_ready(frame, where, lanes)`` is
    called on the GUI thread with the answer to the latest question only."""

    def __init__(self, path: Path, on_ready):
        self.latest = 0  # the latest question's number (the worker reads it: an int, set atomically)
        self._on_ready = on_ready
        self._asked: dict[int, tuple[EventFilter, str]] = {}
        self._answers = _Answers()
        self._answers.answered.connect(self._answered)
        self._questions: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._work, args=(Path(path),), name="map-frames", daemon=True)
        self._thread.start()

    def ask(self, where: EventFilter, lanes: str, view: MapView) -> int:
        """Ask for the frame of ``view`` under ``where``; returns the question's number."""
        self.latest += 1
        self._asked = {self.latest: (where, lanes)}
        self._questions.put((self.latest, where, lanes, view))
        return self.latest

    def forget(self) -> None:
        """Drop any answer still to come (the filter or the project's events changed)."""
        self.latest += 1
        self._asked = {}

    @property
    def busy(self) -> bool:
        return bool(self._asked)

    def stop(self) -> None:
        """Close the worker's connection and end its thread (after the question it is answering)."""
        self.forget()
        self._questions.put(None)
        self._thread.join()

    def _work(self, path: Path) -> None:
        source = None
        try:
            while (question := self._questions.get()) is not None:
                number, where, lanes, view = question
                if number != self.latest:  # overtaken while it waited
                    continue
                if source is None:
                    source = MapFrameSource(open_project(path))
                source.where, source.lanes = where, lanes
                self._answers.answered.emit(number, source.fetch(view))
        finally:
            if source is not None:
                source.db.close()

    def _answered(self, number: int, frame: MapFrame) -> None:
        asked = self._asked.pop(number, None)
        if asked is not None:
            self._on_ready(frame, *asked)
