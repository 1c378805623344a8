"""PDFs imported in the window: a protected one asks for its password; a long one is read in the
worker with progress, and Cancel writes nothing."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QPushButton

from desktop_app.sources.import_dialog import ImportDialog
from desktop_app.sources.import_flow import import_files
from desktop_app.sources.import_runner import ImportRunner
from tests.pdf_making import make_pdf


def type_password(qtbot, answers: list[str], asked: list[str]):
    """Answer each password dialog in turn with the next of ``answers``."""
    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, act)
            return
        asked.append(dialog.labelText())
        dialog.setTextValue(answers.pop(0))
        dialog.accept()
        if answers:
            QTimer.singleShot(10, act)
    QTimer.singleShot(0, act)


def count(db, table="sources") -> int:
    return db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_protected_pdf_asks_for_its_password_until_it_opens(qtbot, window, tmp_path):
    locked = tmp_path / "minutes.pdf"
    make_pdf(locked, [["Minutes of the closed meeting of 4 May 2024."]], title="Minutes", password="s3cret")
    asked: list[str] = []
    type_password(qtbot, ["wrong", "s3cret"], asked)
    dialog = import_files(window, [locked])
    assert len(asked) == 2 and "protected by a password" in asked[0] and "is not this PDF's" in asked[1]
    assert isinstance(dialog, ImportDialog) and not dialog._plan.problems and len(dialog._plan.records) == 1
    steps = window.session.undo_stack.count()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == steps + 1, timeout=20_000)
    text = window.session.db.conn.execute("SELECT full_text FROM sources WHERE title = 'Minutes'").fetchone()[0]
    assert text == "Minutes of the closed meeting of 4 May 2024."


def test_cancel_while_a_long_pdf_is_read_writes_nothing(qtbot, window, tmp_path):
    long_pdf = tmp_path / "long.pdf"
    make_pdf(long_pdf, [[f"Page {n} of the long report, line {line}." for line in range(40)] for n in range(400)],
             title="Long report")
    db = window.session.db
    before, originals, steps = count(db), count(db, "originals"), window.session.undo_stack.count()
    dialog = import_files(window, [long_pdf])
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    runner = window.findChild(ImportRunner, "importRunner")
    ended = []
    runner.cancelled.connect(lambda: ended.append("cancelled"))
    runner.finished.connect(lambda result: ended.append("finished"))
    qtbot.waitUntil(lambda: runner.progress.value() > 0, timeout=20_000)  # pages are being read in the worker
    assert runner.is_running()
    qtbot.mouseClick(runner.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)
    assert ended == ["cancelled"]
    assert (count(db), count(db, "originals"), count(db, "source_pages")) == (before, originals, 0)
    assert window.session.undo_stack.count() == steps
