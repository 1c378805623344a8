"""Running an import off the GUI thread, with a progress dialog whose Cancel writes nothing.

Why a worker with its own connection, for every size: the import is one transaction (one undo
step), and ``Op.do`` runs it to the end in one call, so in the GUI thread a thousand full texts
would freeze the window for seconds. The worker opens the project with ``db.store.open_project``
and runs ``op.do`` there; SQLite's WAL lets the window keep reading meanwhile, and Cancel sets a
flag the edit checks between records (it raises, the transaction rolls back, nothing is written).

A finished op cannot go through ``session.push``, which would run it again. But an op is undone
from its recorded change log, on any connection to the same file, so the done op is put on the
undo stack as it is: ``OpCommand``'s first ``redo`` (the one ``QUndoStack.push`` makes) does
nothing, by design, because the op has already run. Undo then removes the import in one step.

An import of more than ``backups.BULK_THRESHOLD`` sources is backed up first (reason "before-import",
as every dataset import is): the undo history ends with the session, a backup does not.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog

from db import backups
from db.errors import SourcelineError
from db.store import open_project
from desktop_app.importing import ImportCancelled, ImportPlan
from desktop_app.undo import OpCommand

PROGRESS_STEPS = 200  # at most this many progress reports cross to the GUI thread


class _Worker(QObject):
    progressed = Signal(int, int)
    done = Signal(object, object)  # the op, its Changes
    failed = Signal(object)  # the exception

    def __init__(self, path, plan: ImportPlan, decisions: dict, skip_bad_files: bool, cancel: threading.Event):
        super().__init__()
        self._path, self._plan, self._decisions = path, plan, decisions
        self._skip_bad_files, self._cancel = skip_bad_files, cancel
        self._reported = 0

    @Slot()
    def run(self) -> None:
        try:
            op = self._plan.apply(self._decisions, progress=self._report, cancelled=self._cancel.is_set,
                                  skip_bad_files=self._skip_bad_files)
            db = open_project(self._path)
            try:
                backups.before_bulk_change(db, self._path, len(self._plan.records), "before-import")
                changes = op.do(db)
            finally:
                db.close()
        except Exception as error:  # noqa: BLE001 — handed to the GUI thread, which reports or re-raises it
            self.failed.emit(error)
            return
        self.done.emit(op, changes)

    def _report(self, done: int, total: int) -> None:
        if done == total or done - self._reported >= max(1, total // PROGRESS_STEPS):
            self._reported = done
            self.progressed.emit(done, total)


class ImportRunner(QObject):
    """Applies a plan in a worker thread and puts the result on the session's undo stack."""

    finished = Signal(object)  # ImportResult
    cancelled = Signal()  # nothing was written
    failed = Signal(str)  # a message for the user: the import was refused, nothing was written

    def __init__(self, session, plan: ImportPlan, decisions: dict, skip_bad_files: bool = False, parent=None):
        super().__init__(parent)
        self._session = session
        self._cancel = threading.Event()
        total = len(plan.records)
        self.progress = QProgressDialog("Importing sources…", "Cancel", 0, total, parent)
        self.progress.setWindowTitle("Import Sources")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # a small import finishes before it would show
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self._thread = QThread(self)
        self._worker = _Worker(session.path, plan, decisions, skip_bad_files, self._cancel)
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

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setLabelText(f"Importing sources… {done:,} of {total:,}")
        self.progress.setValue(done)

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.progress.close()
        self.progress.deleteLater()
        self._worker.deleteLater()

    def _done(self, op, changes) -> None:
        self._stop()
        self._session.undo_stack.push(OpCommand(self._session, op))
        self._session.announce(changes)
        self.finished.emit(op.result)

    def _failed(self, error: Exception) -> None:
        self._stop()
        if isinstance(error, ImportCancelled):
            self.cancelled.emit()
        elif isinstance(error, SourcelineError):
            self.failed.emit(str(error))
        else:
            raise error  # a bug: let the application's exception hook show it
