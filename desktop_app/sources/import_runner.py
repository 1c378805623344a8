"""Running an import off the GUI thread (``background_job``), with a progress dialog whose Cancel
writes nothing.

Why a worker with its own connection, for every size: the import is one transaction (one undo
step), and ``Op.do`` runs it to the end in one call, so in the GUI thread a thousand full texts
would freeze the window for seconds. The worker opens the project with ``db.store.open_project``
and runs ``op.do`` there; SQLite's WAL lets the window keep reading meanwhile, and Cancel sets a
flag the edit checks between records (it raises, the transaction rolls back, nothing is written).

A finished op cannot go through ``session.push``, which would run it again. But an op is undone
from its recorded change log, on any connection to the same file, so the session adopts the
done op (``Session.adopt``): it goes on the undo stack as it is, and undo removes the import in
one step.

An import of more than ``backups.BULK_THRESHOLD`` sources is backed up first (reason "before-import",
as every dataset import is): the undo history ends with the session, a backup does not.
"""
from __future__ import annotations

from contextlib import closing

from db import backups
from db.store import open_project
from desktop_app.background_job import BackgroundJob
from desktop_app.importing import ImportCancelled, ImportPlan


class ImportRunner(BackgroundJob):
    """Applies a plan in a worker thread and puts the result on the session's undo stack.
    ``finished`` carries the ImportResult; ``cancelled`` and ``failed``: nothing was written."""

    def __init__(self, session, plan: ImportPlan, decisions: dict, skip_bad_files: bool = False, parent=None):
        path = session.path

        def work(report, cancelled):
            op = plan.apply(decisions, progress=report, cancelled=cancelled, skip_bad_files=skip_bad_files)
            with closing(open_project(path)) as db:
                backups.before_bulk_change(db, path, len(plan.records), "before-import")
                return op, op.do(db)

        super().__init__(work, "Import Sources", "Importing sources…", ImportCancelled, parent)
        self._session = session

    def progress_text(self, done: int, total: int) -> str:
        return f"Importing sources… {done:,} of {total:,}"

    def succeeded(self, result) -> None:
        op, changes = result
        self.finished.emit(self._session.adopt(op, changes, self))
