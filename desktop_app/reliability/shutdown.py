"""Closing the window, or quitting, while a long operation runs: it is cancelled and waited for.

Imports and exports run in worker threads (``desktop_app.background_job``): a cancelled import
rolls its one transaction back, a cancelled export leaves no partial file (atomic writes).
Without this, closing mid-import would tear the application down under a running thread (Qt
aborts the process: "QThread destroyed while thread is still running").

A long operation is a background job that is a child of the window.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QEventLoop, QObject, QTimer

from desktop_app.background_job import BackgroundJob
from desktop_app.reliability.logs import log

# A cancelled import stops within a few hundred rows, an export at its next page of events or
# before its file replaces the previous one; this is a safety net.
WAIT_MS = 60_000
POLL_MS = 20


def running_operations(window) -> list[BackgroundJob]:
    return [job for job in window.findChildren(BackgroundJob) if job.is_running()]


def cancel_and_wait(window, timeout_ms: int = WAIT_MS) -> bool:
    """Cancel every long operation of the window and wait (events keep flowing) until the workers
    have finished; True when none is left running."""
    running = running_operations(window)
    if not running:
        return True
    log.info("Closing: cancelling %d running operation(s)", len(running))
    for operation in running:
        operation.cancel()
    deadline = QDeadlineTimer(timeout_ms)
    loop = QEventLoop()
    timer = QTimer(interval=POLL_MS)
    timer.timeout.connect(lambda: loop.quit() if deadline.hasExpired() or not running_operations(window) else None)
    timer.start()
    loop.exec()
    timer.stop()
    left = running_operations(window)
    if left:
        log.error("Closing: %d operation(s) still running after %d ms", len(left), timeout_ms)
    return not left


class CloseGuard(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)
        QCoreApplication.instance().aboutToQuit.connect(self._quitting)

    def _quitting(self) -> None:
        cancel_and_wait(self.window)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.Close:
            cancel_and_wait(self.window)
        return False
