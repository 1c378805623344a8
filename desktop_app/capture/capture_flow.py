"""File → Capture Web Page… in the window: the address asked for, the page fetched off the GUI
thread (progress, Cancel), the WARC kept in the user's data folder (``captures/``) and then shown
in the import dialog like any file, so the analyst sees what the page gives before importing it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout

from db.backups import data_dir
from db.errors import SourcelineError
from desktop_app.background_job import BackgroundJob
from desktop_app.capture.http_capture import CaptureCancelled, capture, checked_url, warc_name
from desktop_app.reliability.literal_text import literal
from desktop_app.sources.import_flow import import_files

EXPLANATION = ("Sourceline fetches this one page now, following redirects, and keeps every request and "
               "response as a WARC file: the page's text is imported, and the WARC is kept in the project as "
               "its original with its SHA-256. Images, scripts and other resources are not fetched. Nothing "
               "else in Sourceline uses the network.")


class CaptureDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Capture Web Page")
        self.resize(560, 0)
        self.address = QLineEdit(placeholderText="https://…")
        self.address.setAccessibleName("Address of the page")
        explanation = QLabel(EXPLANATION, wordWrap=True)
        self.problem = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.capture_button = buttons.addButton("Capture", QDialogButtonBox.ButtonRole.AcceptRole)
        self.capture_button.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Address", self.address)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def url(self) -> str:
        return self.address.text().strip()

    def _accept(self) -> None:
        try:
            checked_url(self.url())
        except SourcelineError as error:
            self.problem.setText(str(error).removesuffix("; nothing was captured"))
            self.problem.show()
            return
        self.accept()


def ask_and_capture(window) -> CaptureDialog | None:
    if window.session is None:
        return None
    dialog = CaptureDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: start_capture(window, dialog.url()))
    dialog.open()
    return dialog


def start_capture(window, url: str) -> BackgroundJob:
    """Fetch ``url`` in a worker; once written, its WARC goes to the import dialog."""
    folder = data_dir() / "captures"
    warc = folder / warc_name(url)

    def work(report, cancelled):
        folder.mkdir(parents=True, exist_ok=True)
        return capture(url, warc, cancelled=cancelled)

    job = BackgroundJob(work, "Capture Web Page", f"Capturing {url}…", CaptureCancelled, window)
    job.setObjectName("captureJob")
    job.finished.connect(lambda captured: import_files(window, [captured.warc]))
    job.failed.connect(lambda message: QMessageBox.warning(window, "Capture Web Page", literal(message)))
    job.cancelled.connect(lambda: window.statusBar().showMessage("Capture cancelled; nothing was captured.", 10_000))
    job.ended.connect(job.deleteLater)
    job.start()
    return job
