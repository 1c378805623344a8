"""A dataset import run off the GUI thread, with a progress dialog whose Cancel writes nothing.

The worker opens its own connection (``db.store.open_project``); SQLite's WAL lets the window go
on reading (and painting) while the import's one transaction is open. Cancel sets a flag the
importer checks every thousand rows: it raises, the transaction rolls back, nothing is written.

The import is not on the undo stack: it is one bulk transaction without a change log (a backup
is taken first instead). Its new rows may take ids that edits on the stack would put back on
undo or redo, so the stack is cleared once the import is in; then every view is told.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog

from db.errors import SourcelineError
from db.ops import Changes
from db.store import open_project
from desktop_app.datasets import ImportCancelled, import_dataset
from desktop_app.datasets.csv_file import CsvFile
from desktop_app.datasets.mapping import Mapping

PROGRESS_STEPS = 1_000
# What an import may have written: every view showing one of these reads again.
TOUCHED_TABLES = ("events", "event_tags", "event_entities", "citations", "tags", "entities", "sources")


class _Worker(QObject):
    progressed = Signal(int, int)
    done = Signal(object)  # the ImportReport
    failed = Signal(object)  # the exception

    def __init__(self, project_path, csv_file: CsvFile, mapping: Mapping, on_bad_row: str, cancel: threading.Event):
        super().__init__()
        self._project_path, self._csv_file, self._mapping = project_path, csv_file, mapping
        self._on_bad_row, self._cancel = on_bad_row, cancel

    @Slot()
    def run(self) -> None:
        try:
            db = open_project(self._project_path)
            try:
                report = import_dataset(db, self._csv_file, self._mapping, self._on_bad_row,
                                        progress=self.progressed.emit, cancelled=self._cancel.is_set,
                                        project_path=self._project_path)
            finally:
                db.close()
        except Exception as error:  # noqa: BLE001 — handed to the GUI thread, which reports or re-raises it
            self.failed.emit(error)
            return
        self.done.emit(report)


class DatasetImportRunner(QObject):
    finished = Signal(object)  # ImportReport
    cancelled = Signal()  # nothing was written
    failed = Signal(str)  # a message for the user; nothing was written

    def __init__(self, session, csv_file: CsvFile, mapping: Mapping, on_bad_row: str, parent=None):
        super().__init__(parent)
        self._session = session
        self._cancel = threading.Event()
        self.progress = QProgressDialog(f"Importing {csv_file.path.name}…", "Cancel", 0, PROGRESS_STEPS, parent)
        self.progress.setWindowTitle("Import Event Dataset")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # a small file is done before it would show
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self._thread = QThread(self)
        self._worker = _Worker(session.path, csv_file, mapping, on_bad_row, self._cancel)
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
        if not self._cancel.is_set():
            self.progress.setValue(PROGRESS_STEPS * done // max(1, total))

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.progress.close()
        self.progress.deleteLater()
        self._worker.deleteLater()

    def _done(self, report) -> None:
        self._stop()
        self._session.undo_stack.clear()
        self._session.announce(Changes({table: frozenset() for table in TOUCHED_TABLES}))
        self.finished.emit(report)

    def _failed(self, error: Exception) -> None:
        self._stop()
        if isinstance(error, ImportCancelled):
            self.cancelled.emit()
        elif isinstance(error, SourcelineError):
            self.failed.emit(str(error))
        else:
            raise error  # a bug: let the application's exception hook show it
