"""File → Export… on a project of a few thousand events: the export runs in a worker thread on a
connection of its own while the window's event loop keeps turning (and the window keeps reading
the project); Cancel keeps the previous file, or leaves none; closing the window mid-export
cancels it."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from db.events import count_events
from tests.conftest import ending_of

EVENTS = 3_000


@pytest.fixture(scope="session")
def _big_project_file(tmp_path_factory):
    from benchmarks.project import build_project

    return build_project(tmp_path_factory.mktemp("big") / "big.sourceline", EVENTS, 20)


@pytest.fixture
def project(tmp_path, _big_project_file):
    """The ``window`` fixture's project, here the big one (a copy: a closed project is one file)."""
    path = tmp_path / "big.sourceline"
    shutil.copyfile(_big_project_file, path)
    return path


def _export_dialog(qtbot, window, label: str):
    from desktop_app.exporting_ui import open_export_dialog

    dialog = open_export_dialog(window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findText(label))
    return dialog


def test_the_window_keeps_turning_and_reading_while_an_export_is_written(window, qtbot, tmp_path):
    dialog = _export_dialog(qtbot, window, "Chronology — Markdown")
    target = tmp_path / "chronology.md"
    db = window.session.db
    ticks = []
    timer = QTimer(interval=5)
    # Each tick reads the project on the window's own connection while the worker holds its read.
    timer.timeout.connect(lambda: ticks.append(count_events(db) if job.is_running() else None))
    job = dialog.export_to(target)
    timer.start()
    assert not dialog.export_button.isEnabled()
    assert ending_of(qtbot, job) == "finished"
    timer.stop()
    during = [count for count in ticks if count is not None]
    assert len(during) >= 10  # the event loop kept turning while the worker wrote
    assert set(during) == {EVENTS}
    written = target.read_text(encoding="utf-8")
    assert written.count("\n## ") == EVENTS + 1 and "\n## References\n" in written  # the events, then the sources
    assert dialog.last_written == target and dialog.export_button.isEnabled()
    assert window.statusBar().currentMessage() == "Exported chronology.md"


@pytest.mark.parametrize("label, previous", [
    ("Chronology — Markdown", b"# The previous chronology\n"),
    ("Evidence table — CSV", None),
    ("Timeline picture — PNG", b"\x89PNG the previous picture"),  # stopped as it is about to replace it
])
def test_cancel_keeps_the_previous_file_or_leaves_none(window, qtbot, tmp_path, label, previous):
    dialog = _export_dialog(qtbot, window, label)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"export{dialog.choice().suffix}"
    if previous is not None:
        target.write_bytes(previous)
    job = dialog.export_to(target)
    job.progress.show()  # at once rather than after SHOW_AFTER_MS: Cancel is pressed while the worker writes
    qtbot.mouseClick(job.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert ending_of(qtbot, job) == "cancelled"
    assert [p.name for p in folder.iterdir()] == ([target.name] if previous is not None else [])
    if previous is not None:
        assert target.read_bytes() == previous
    assert dialog.last_written is None and dialog.export_button.isEnabled()
    assert window.statusBar().currentMessage() == "Export cancelled; no file was written."


def test_closing_the_window_mid_export_cancels_it_and_writes_nothing(window, qtbot, tmp_path):
    from desktop_app.reliability.shutdown import running_operations

    dialog = _export_dialog(qtbot, window, "Chronology — PDF")
    folder = tmp_path / "out"
    folder.mkdir()
    job = dialog.export_to(folder / "chronology.pdf")
    assert job.is_running()
    window.close()
    assert running_operations(window) == []
    assert list(folder.iterdir()) == []
