"""File → Import Event Dataset… in the window: the mapping dialog (guesses, preview, choices
remembered per header layout), the import in a worker thread with the window responsive, Cancel,
the views refreshed, skipped rows reported."""
from __future__ import annotations

import shutil

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from benchmarks.acled_csv import write_acled_csv
from desktop_app import datasets_ui
from desktop_app.datasets import ACLED
from desktop_app.datasets.csv_file import CsvFile
from desktop_app.datasets_ui.mapping_dialog import MappingDialog
from tests.conftest import SMALL_PROJECT_EVENTS
from tests.desktop_app.datasets.conftest import DATA

SMALL = len(SMALL_PROJECT_EVENTS)


def _holds(dialog: MappingDialog) -> dict:
    return {column: dialog.columns.cellWidget(row, 1).currentData()
            for row, column in enumerate(dialog.csv_file.header) if dialog.columns.cellWidget(row, 1).currentData()}


def _preview(dialog: MappingDialog, column: int) -> list[str]:
    return [dialog.preview.item(row, column).text() for row in range(dialog.preview.rowCount())]


def test_dialog_guesses_previews_and_refuses_two_dates(qtbot, settings):
    dialog = MappingDialog(CsvFile.open(DATA / "generic_events.csv"), settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.acled.isChecked()
    assert _holds(dialog)["Headline"] == "title" and _holds(dialog)["Category"] == "tags"
    assert _preview(dialog, 1) == ["Saturday 2 March 2024", "March 2024", "spring 2024", "about 5 March 2024"]
    assert _preview(dialog, 2)[0] == "Strike at the port"
    dialog.set_column_field("Summary", "title")
    dialog.set_column_field("Headline", "")
    assert _preview(dialog, 2)[0] == 'Dock workers stopped work, demanding "fair pay".'
    dialog.set_column_field("ID", "date")
    assert dialog.problem.isVisible() and "only one column can be the date" in dialog.problem.text()
    assert not dialog.import_button.isEnabled()
    dialog.set_column_field("ID", "external_id")
    assert dialog.import_button.isEnabled() and not dialog.problem.isVisible()


def test_choices_are_remembered_per_header_layout(qtbot, settings, tmp_path):
    dialog = MappingDialog(CsvFile.open(DATA / "generic_events.csv"), settings)
    qtbot.addWidget(dialog)
    dialog.set_column_field("Category", "")
    dialog.precision.setCurrentIndex(dialog.precision.findData("month"))
    dialog.dataset.setText("port-strikes")
    dialog.bad_rows.setCurrentIndex(dialog.bad_rows.findData("stop"))
    dialog.accept()
    # a newer file with the same columns opens with the same choices
    newer = tmp_path / "newer.csv"
    shutil.copy(DATA / "generic_events.csv", newer)
    again = MappingDialog(CsvFile.open(newer), settings)
    qtbot.addWidget(again)
    assert "Category" not in _holds(again) and _holds(again)["Headline"] == "title"
    assert (again.precision.currentData(), again.dataset.text(), again.on_bad_row()) == ("month", "port-strikes", "stop")
    assert _preview(again, 1)[0] == "March 2024"
    other = MappingDialog(CsvFile.open(DATA / "utf8_bom.csv"), settings)  # another layout: guessed afresh
    qtbot.addWidget(other)
    assert other.precision.currentData() == "auto" and other.dataset.text() == ""


def test_acled_export_needs_no_column_choices(qtbot, settings):
    dialog = MappingDialog(CsvFile.open(DATA / "acled_small.csv"), settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.acled.isChecked() and dialog.mapping() == ACLED
    assert dialog.acled_note.isVisible() and not dialog.columns.isVisible()
    assert _preview(dialog, 1)[2] == "10–16 November 2024"  # time precision 2: a week


def test_import_runs_off_the_gui_thread_and_refreshes_the_views(qtbot, window, tmp_path):
    page = window.page("Timeline")
    assert page.model.rowCount() == SMALL
    csv_file = CsvFile.open(write_acled_csv(tmp_path / "acled.csv", 6_000))
    ticks, labels = [], set()
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: (ticks.append(runner.is_running()), labels.add(runner.progress.labelText())))
    runner = datasets_ui.start_import(window, window.session, csv_file, ACLED, "skip")
    # the rows, then (for a file larger than the project) the indexes built after them
    assert runner.progress_text(6_001, 6_601) == "Importing acled.csv… line 6,001 of 6,001"
    assert runner.progress_text(6_300, 6_601) == "Importing acled.csv… indexing the new events"
    timer.start()
    with qtbot.waitSignal(runner.finished, timeout=120_000):
        pass
    timer.stop()
    assert sum(ticks) >= 5  # the event loop kept turning while the worker imported
    assert any(label.startswith("Importing acled.csv… line ") for label in labels)
    assert page.model.rowCount() == SMALL + 6_000
    assert window.session.undo_stack.count() == 0
    assert window.statusBar().currentMessage().startswith("Imported acled.csv: 6,000 added")
    assert not window.refresh_on_focus.check()  # our own import, not another program's news


def test_cancel_writes_nothing(qtbot, window, tmp_path):
    csv_file = CsvFile.open(write_acled_csv(tmp_path / "acled.csv", 4_000))
    runner = datasets_ui.start_import(window, window.session, csv_file, ACLED, "skip")
    with qtbot.waitSignal(runner.cancelled, timeout=60_000):
        runner.cancel()
    count = window.session.db.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert count == SMALL
    assert "cancelled" in window.statusBar().currentMessage()


def test_skipped_rows_are_listed_by_line(qtbot, window):
    runner = datasets_ui.start_import(window, window.session, CsvFile.open(DATA / "acled_bad_rows.csv"), ACLED, "skip")
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        pass
    box = window.findChild(QMessageBox, "datasetImportReport")
    assert box is not None and box.isVisible()
    assert box.text() == "4 rows were skipped; the rest was imported."
    assert box.detailedText().splitlines()[0] == "Line 5: cannot read the date '2024-13-45'"
    box.close()


def test_menu_action_follows_the_open_project(window):
    action = window.named_actions["import_dataset"]
    assert action.isEnabled() and action in window.menus["file"].actions()
    window.set_session(None)
    assert not action.isEnabled()
