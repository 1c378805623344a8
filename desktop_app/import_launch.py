"""What the two import launchers (File → Import Sources…, File → Import Event Dataset…) share:
choosing the files, remembering their folder, and running the import's job with one way of telling
how it ended (a failure in a message box, Cancel in the status bar)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.background_job import BackgroundJob


def choose_files(window, title: str, folder_setting: str, file_filter: str, many: bool) -> list[str]:
    """The files chosen (none when the dialog was cancelled); their folder is offered next time."""
    ask = QFileDialog.getOpenFileNames if many else QFileDialog.getOpenFileName
    chosen, _ = ask(window, title, window.settings.value(folder_setting, ""), file_filter)
    paths = list(chosen) if many else [chosen] if chosen else []
    if paths:
        window.settings.setValue(folder_setting, str(Path(paths[0]).parent))
    return paths


def run_import(window, job: BackgroundJob, title: str, done) -> BackgroundJob:
    """Start ``job``; ``done(result)`` tells what it imported. A failure or Cancel wrote nothing."""
    job.finished.connect(done)
    job.failed.connect(lambda message: QMessageBox.warning(window, title, f"Nothing was imported.\n\n{message}"))
    job.cancelled.connect(lambda: window.statusBar().showMessage("Import cancelled; nothing was written.", 10_000))
    job.ended.connect(job.deleteLater)
    job.start()
    return job
