"""Tools → Check Project…: `sourceline check` in the window. The check runs in a worker on a
connection of its own (it reads every page: seconds on a large project); a project with derived
data to rebuild is offered Repair, which runs the same way and then has every view read again."""
from __future__ import annotations

import sqlite3
from contextlib import closing

from PySide6.QtWidgets import QMessageBox

from db import catch_up
from db.check import Report, check
from db.errors import DamagedProjectError, SourcelineError
from db.ops import Changes
from db.store import open_project
from desktop_app.background_job import BackgroundJob
from desktop_app.reliability.literal_text import literal
from desktop_app.reliability.logs import log

TITLE = "Check Project"


def check_project(window, repair: bool = False) -> BackgroundJob | None:
    session = window.session
    if session is None:
        return None
    path = session.path

    def work(report, cancelled) -> Report:
        try:
            db = open_project(path)
        except DamagedProjectError as error:
            return Report(problems=[str(error)])
        with closing(db):
            return check(db, repair=repair)

    job = BackgroundJob(work, TITLE, f"{'Repairing' if repair else 'Checking'} {path.name}…", None, window,
                        reported=(SourcelineError, sqlite3.Error))
    job.setObjectName("checkProject")
    job.progress.setRange(0, 0)  # SQLite's checks say nothing of their progress
    job.finished.connect(lambda report: _tell(window, session, report))
    job.failed.connect(lambda message: QMessageBox.warning(window, TITLE, literal(message)))
    job.ended.connect(job.deleteLater)
    job.start()
    return job


def _tell(window, session, report: Report) -> None:
    log.info("Check of %s: %s", session.path, report.as_json())
    if report.repaired and session is window.session:
        session.committed_in_background.emit()  # our repair, not another program's edit
        # rebuilt derived rows only (indexes, counts): the records and so the undo history stand
        session.broadcast(Changes(catch_up.everything()))
    done = "".join(f"Rebuilt: {text}.\n" for text in report.repaired)
    if report.ok:
        QMessageBox.information(window, TITLE, literal(f"{done}{session.path.name} is sound."))
        return
    found = "".join(f"• {text}\n" for text in report.problems)
    damaged = any(text.startswith("SQLite") or "damaged" in text for text in report.problems)
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, "", parent=window)
    if damaged:
        box.setText(literal(f"{done}SQLite says {session.path.name} is damaged:\n{found}\nFile → Restore from "
                            "Backup… shows what each backup holds next to this file, and keeps this file."))
        repair = None
    else:
        box.setText(literal(f"{done}{found}\nRepair rebuilds these from your records (nothing you wrote is "
                            "changed)."))
        repair = box.addButton("&Repair", QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    box.exec()
    chosen = box.clickedButton()
    box.deleteLater()
    if repair is not None and chosen is repair and session is window.session:
        check_project(window, repair=True)
