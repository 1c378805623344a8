"""What an import did, told in the status bar; rows it skipped listed by line in a message box."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

SHOWN_PROBLEMS = 20


def show_report(window, report) -> QMessageBox | None:
    """Say what the import did; returns the message box listing skipped rows, if any."""
    window.statusBar().showMessage(f"Imported {report.summary()}.", 15_000)
    if window.page("Timeline") is not None:
        window.show_page("Timeline")
    if not report.skipped:
        return None
    lines = [f"Line {line}: {problem}" for line, problem in report.problems[:SHOWN_PROBLEMS]]
    if report.skipped > len(lines):
        lines.append(f"… and {report.skipped - len(lines):,} more")
    box = QMessageBox(QMessageBox.Icon.Information, "Import Event Dataset",
                      f"{report.skipped:,} row{'s were' if report.skipped != 1 else ' was'} skipped; "
                      f"the rest was imported.", QMessageBox.StandardButton.Ok, window)
    box.setObjectName("datasetImportReport")
    box.setInformativeText(report.summary())
    box.setDetailedText("\n".join(lines))
    box.open()
    return box
