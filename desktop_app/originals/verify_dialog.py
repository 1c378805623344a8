"""Tools → Verify Originals…: every original hashed again in a worker thread (a gigabyte takes
seconds), with progress and Cancel, then one message saying what was found."""
from __future__ import annotations

from contextlib import closing

from PySide6.QtWidgets import QMessageBox

from db import originals
from db.store import open_project
from desktop_app.background_job import BackgroundJob
from desktop_app.originals.files import verification_report
from desktop_app.reliability.literal_text import literal

TITLE = "Verify Originals"


def verify_originals(window, session) -> BackgroundJob:
    path = session.path

    def work(report, cancelled):
        with closing(open_project(path)) as db:
            return originals.verify(db, progress=report, cancelled=cancelled)

    job = BackgroundJob(work, TITLE, "Computing the SHA-256 of every original…", originals.VerifyCancelled, window)
    job.setObjectName("verifyOriginals")
    job.finished.connect(lambda result: _tell(window, *result))
    job.failed.connect(lambda message: QMessageBox.warning(window, TITLE, literal(message)))
    job.ended.connect(job.deleteLater)
    job.start()
    return job


def _tell(window, checked: int, altered: list) -> None:
    report = verification_report(checked, altered)
    box = QMessageBox(QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning, TITLE,
                      literal(report.summary + "." if checked else "This project keeps no original files yet."),
                      QMessageBox.StandardButton.Ok, window)
    box.setObjectName("verifyOriginalsResult")
    if report.lines:
        box.setInformativeText(literal("Each was changed after it was imported; its hash no longer matches:"))
        box.setDetailedText("\n".join(report.lines))
    box.open()
