"""File → Import Event Dataset…: a CSV file of events (an ACLED export, or any CSV) chosen, its
columns mapped in a dialog, then imported off the GUI thread with progress and Cancel."""
from __future__ import annotations

from pathlib import Path

LAST_FOLDER = "datasets/last_folder"
FILE_FILTER = "CSV files (*.csv *.tsv *.txt);;All files (*)"


def install(window) -> None:
    from PySide6.QtGui import QAction

    action = QAction("Import Event &Dataset…", window)
    action.setStatusTip("Import events from a CSV file: an ACLED export or any table of events")
    action.triggered.connect(lambda: choose_and_import(window))
    action.setEnabled(window.session is not None)
    window.session_changed.connect(lambda session: action.setEnabled(session is not None))
    window.menus["file"].addAction(action)
    window.named_actions["import_dataset"] = action


def choose_and_import(window) -> None:
    from PySide6.QtWidgets import QFileDialog

    if window.session is None:
        return
    path, _ = QFileDialog.getOpenFileName(window, "Import Event Dataset", window.settings.value(LAST_FOLDER, ""),
                                          FILE_FILTER)
    if path:
        window.settings.setValue(LAST_FOLDER, str(Path(path).parent))
        open_mapping_dialog(window, path)


def open_mapping_dialog(window, path):
    """Read the file's header and show the mapping dialog; the import starts when it is accepted.
    Returns the dialog (None when the file cannot be read, which is said in a message box)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from db.errors import SourcelineError
    from desktop_app.datasets.csv_file import CsvFile
    from desktop_app.datasets_ui.mapping_dialog import MappingDialog

    session = window.session
    if session is None:
        return None
    try:
        csv_file = CsvFile.open(path)
    except SourcelineError as error:
        QMessageBox.warning(window, "Import Event Dataset", f"Cannot import this file.\n\n{error}")
        return None
    dialog = MappingDialog(csv_file, window.settings, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: start_import(window, session, csv_file, dialog.mapping(), dialog.on_bad_row()))
    dialog.open()
    return dialog


def start_import(window, session, csv_file, mapping, on_bad_row):
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.datasets_ui.report import show_report
    from desktop_app.datasets_ui.runner import DatasetImportRunner

    runner = DatasetImportRunner(session, csv_file, mapping, on_bad_row, window)
    runner.setObjectName("datasetImportRunner")
    runner.finished.connect(lambda report: show_report(window, report))
    runner.failed.connect(lambda message: QMessageBox.warning(window, "Import Event Dataset",
                                                              f"Nothing was imported.\n\n{message}"))
    runner.cancelled.connect(lambda: window.statusBar().showMessage("Import cancelled; nothing was written.", 10_000))
    runner.ended.connect(runner.deleteLater)
    runner.start()
    return runner
