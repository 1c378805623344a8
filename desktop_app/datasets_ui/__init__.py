"""File → Import Event Dataset…: a CSV file of events (an ACLED export, or any CSV) chosen, its
columns mapped in a dialog, then imported off the GUI thread with progress and Cancel."""
from __future__ import annotations

LAST_FOLDER = "datasets/last_folder"
FILE_FILTER = "CSV files (*.csv *.tsv *.txt);;All files (*)"


def install(window) -> None:
    from desktop_app.main_window.project_action import project_action

    project_action(window, "file", "import_dataset", "Import Event &Dataset…",
                   "Import events from a CSV file: an ACLED export or any table of events", choose_and_import)


def choose_and_import(window) -> None:
    from desktop_app.import_launch import choose_files

    if window.session is None:
        return
    for path in choose_files(window, "Import Event Dataset", LAST_FOLDER, FILE_FILTER, many=False):
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
    from desktop_app.datasets_ui.report import show_report
    from desktop_app.datasets_ui.runner import DatasetImportRunner
    from desktop_app.import_launch import run_import

    runner = DatasetImportRunner(session, csv_file, mapping, on_bad_row, window)
    runner.setObjectName("datasetImportRunner")
    return run_import(window, runner, "Import Event Dataset", lambda report: show_report(window, report))
