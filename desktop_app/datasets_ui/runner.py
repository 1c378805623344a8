"""A dataset import run off the GUI thread (``background_job``), with a progress dialog whose
Cancel writes nothing.

The worker opens its own connection (``db.store.open_project``); SQLite's WAL lets the window go
on reading (and painting) while the import's one transaction is open. Cancel sets a flag the
importer checks every thousand rows: it raises, the transaction rolls back, nothing is written.

The import is not on the undo stack: it is one bulk transaction without a change log (a backup
is taken first instead). Its new rows may take ids that edits on the stack would put back on
undo or redo, so the session adopts it as work that cannot be undone: the undo history starts
again (said once in the status bar), then every view is told.
"""
from __future__ import annotations

from contextlib import closing

from db.ops import Changes
from db.store import open_project
from desktop_app.background_job import BackgroundJob
from desktop_app.datasets import ImportCancelled, import_dataset
from desktop_app.datasets.csv_file import CsvFile
from desktop_app.datasets.mapping import Mapping

# What an import may have written (which rows is not listed: there may be a million).
TOUCHED_TABLES = ("events", "event_tags", "event_entities", "citations", "tags", "entities", "sources")
CANNOT_UNDO = ("{name} was imported; a dataset import cannot be undone (the backup taken before it can "
               "restore the project), so the undo history starts again here")


class DatasetImportRunner(BackgroundJob):
    """``finished`` carries the ImportReport; ``cancelled`` and ``failed``: nothing was written."""

    def __init__(self, session, csv_file: CsvFile, mapping: Mapping, on_bad_row: str, parent=None):
        project_path = session.path

        def work(report, cancelled):
            with closing(open_project(project_path)) as db:
                return import_dataset(db, csv_file, mapping, on_bad_row, progress=report, cancelled=cancelled,
                                      project_path=project_path)

        super().__init__(work, "Import Event Dataset", f"Importing {csv_file.path.name}…", ImportCancelled, parent)
        self._session = session
        self._csv_file = csv_file

    def progress_text(self, done: int, total: int) -> str:
        name, lines = self._csv_file.path.name, self._csv_file.lines
        if done <= lines:
            return f"Importing {name}… line {done:,} of {lines:,}"
        return f"Importing {name}… indexing the new events"

    def succeeded(self, report) -> None:
        changes = Changes({table: frozenset() for table in TOUCHED_TABLES})
        self._session.adopt(report, changes, self, cannot_undo=CANNOT_UNDO.format(name=self._csv_file.path.name))
        self.finished.emit(report)
