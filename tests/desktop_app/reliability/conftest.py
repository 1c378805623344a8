"""Backups and logs of these tests go to ``tmp_path``, never to the user's data folder."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop_app.reliability import logs
from desktop_app.reliability.crash_report import ExceptionHook


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "user-data"
    monkeypatch.setenv("SOURCELINE_DATA_DIR", str(folder))
    monkeypatch.delenv("SOURCELINE_KEEP_BACKUPS", raising=False)
    return folder


def events_csv(path: Path, rows: int):
    """A plain event CSV (id, date, title, tags, actor1) for the mapped importer, opened."""
    from desktop_app.datasets.csv_file import CsvFile

    with path.open("w") as handle:
        handle.write("id,date,title,tags,actor1\n")
        for n in range(rows):
            handle.write(f"E{n},2024-{1 + n % 12:02d}-{1 + n % 28:02d},Event number {n},tag{n % 50},Actor {n % 30}\n")
    return CsvFile.open(path)


def fingerprint(path) -> tuple[str, float]:
    """A file's content hash and modification time: equal before and after means untouched."""
    path = Path(path)
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@pytest.fixture
def message_boxes(monkeypatch):
    """QMessageBox's static dialogs answered at the edge: warnings recorded, questions answered
    with ``message_boxes.answer`` (Yes unless set)."""
    from PySide6.QtWidgets import QMessageBox

    class Shown(list):
        answer = QMessageBox.StandardButton.Yes

    shown = Shown()

    def warning(parent, title, text, *args, **kwargs):
        shown.append(("warning", title, text))
        return QMessageBox.StandardButton.Ok

    def question(parent, title, text, *args, **kwargs):
        shown.append(("question", title, text))
        return shown.answer

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "question", question)
    return shown


@pytest.fixture
def log_file(tmp_path):
    """The rotating log, in tmp_path for the test."""
    path = logs.setup_logging(tmp_path / "logs")
    yield path
    for handler in list(logs.log.handlers):
        logs.log.removeHandler(handler)
        handler.close()


@pytest.fixture
def hook(window, log_file):
    """The exception hook installed for the test (mark the test qt_no_exception_capture)."""
    installed = ExceptionHook().install()
    installed.attach(window)
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()
