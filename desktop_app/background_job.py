"""A long operation run off the GUI thread: a worker thread, a window-modal progress dialog with
Cancel, and one ending told on the GUI thread. Imports and exports run this way, so the window
keeps painting, and can be closed, however long they take.

The work is a plain callable, ``work(report, cancelled)``, run in a QThread. ``report(done, total)``
moves the bar and answers False once Cancel was pressed (the export writers' protocol);
``cancelled()`` says the same to code that only asks. However often the work reports, a report
crosses to the GUI thread only when the bar would move (PROGRESS_STEPS steps). Work that reads
or writes the project opens a connection of its own there (``db.store.open_project``): SQLite's
WAL lets the window go on reading meanwhile.

The ending, once the worker has stopped: ``finished(result)`` with what the work returned;
``cancelled()`` when it raised its cancellation exception; ``failed(message)`` when it raised a
SourcelineError, a problem of the user's or of the file system, told in one line. Anything else is
a bug: it is raised again on the GUI thread, where the application's exception hook shows it.
``ended`` follows every one of them.
"""
from __future__ import annotations

import threading
from typing import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog

from db.errors import SourcelineError

PROGRESS_STEPS = 1_000
SHOW_AFTER_MS = 300  # a short job is done before its progress dialog would show

Report = Callable[[int, int], bool]
Work = Callable[[Report, Callable[[], bool]], object]


class _Worker(QObject):
    progressed = Signal(int, int)  # done, total
    done = Signal(object)  # what the work returned
    failed = Signal(object)  # the exception

    def __init__(self, work: Work, cancel: threading.Event):
        super().__init__()
        self._work, self._cancel = work, cancel
        self._step = 0  # where start() puts the bar

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self._report, self._cancel.is_set)
        except Exception as error:  # noqa: BLE001 — handed to the GUI thread, which reports or re-raises it
            self.failed.emit(error)
            return
        self.done.emit(result)

    def _report(self, done: int, total: int) -> bool:
        step = PROGRESS_STEPS * min(done, total) // max(1, total)
        if step != self._step:
            self._step = step
            self.progressed.emit(done, total)
        return not self._cancel.is_set()


class BackgroundJob(QObject):
    """Runs ``work`` in a worker thread once ``start`` is called. ``cancellation`` is the exception
    the work raises when it stops for Cancel (None: it cannot be cancelled, and has no Cancel
    button); ``reported`` the exceptions that are the user's to read, not bugs."""

    finished = Signal(object)  # what the work returned
    cancelled = Signal()
    failed = Signal(str)  # a message for the user
    ended = Signal()  # after any of the three

    def __init__(self, work: Work, title: str, label: str, cancellation: type[Exception] | None, parent=None,
                 reported: tuple[type[Exception], ...] = (SourcelineError,)):
        super().__init__(parent)
        self._cancellation, self._reported = cancellation, reported
        self._label = label
        self._cancel = threading.Event()
        self.progress = QProgressDialog(label, "Cancel", 0, PROGRESS_STEPS, parent)
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(SHOW_AFTER_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        if cancellation is None:
            self.progress.setCancelButton(None)
        else:
            self.progress.canceled.connect(self.cancel)
        self._thread = QThread(self)
        self._worker = _Worker(work, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progressed)
        self._worker.done.connect(self._done)
        self._worker.failed.connect(self._failed)

    def start(self) -> None:
        self.progress.setValue(0)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()
        self.progress.setLabelText("Cancelling…")

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def progress_text(self, done: int, total: int) -> str:
        """The progress dialog's label while the work reports; the label it was given, unless a
        job says more (how many of how many)."""
        return self._label

    def _progressed(self, done: int, total: int) -> None:
        if not self._cancel.is_set():  # "Cancelling…" stays until the worker stops
            self.progress.setLabelText(self.progress_text(done, total))
            self.progress.setValue(PROGRESS_STEPS * min(done, total) // max(1, total))

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.progress.close()
        self.progress.deleteLater()
        self._worker.deleteLater()

    def _done(self, result) -> None:
        self._stop()
        self.succeeded(result)
        self.ended.emit()

    def succeeded(self, result) -> None:
        """On the GUI thread, the worker stopped: a job that finishes its work there (the undo
        stack, the views) does so, then emits ``finished``."""
        self.finished.emit(result)

    def _failed(self, error: Exception) -> None:
        self._stop()
        try:
            if self._cancellation is not None and isinstance(error, self._cancellation):
                self.cancelled.emit()
            elif isinstance(error, self._reported):
                self.failed.emit(str(error))
            else:
                raise error  # a bug: let the application's exception hook show it
        finally:
            self.ended.emit()
