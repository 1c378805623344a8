"""The window's own source import is not taken for another program's edit (issue 14, item 3):
when the import's progress dialog closes, the window is activated before the import has said its
commit was its own; the status bar must not say another program changed the project, and the
import stays undoable."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from db import events, sources
from desktop_app.importing import plan_import
from desktop_app.sources.import_flow import start_import


class ActivateOnHide(QObject):
    """As a window manager does: the window under a closing dialog is activated at once."""

    def __init__(self, window):
        super().__init__()
        self.window = window

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Hide:
            QApplication.sendEvent(self.window, QEvent(QEvent.Type.WindowActivate))
        return False


def test_a_source_import_keeps_the_undo_history_and_is_not_another_programs(qtbot, window, tmp_path):
    session = window.session
    session.push(events.add_event("An edit before the import", "2025-01-01"))
    text = tmp_path / "article.txt"
    text.write_text("The bridge closed on 3 March 2024.\n" * 2000)
    runner = start_import(window, session, plan_import([text], session.db), {})
    runner.progress.show()
    activator = ActivateOnHide(window)
    runner.progress.installEventFilter(activator)
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        pass
    qtbot.wait(50)  # the activation's check runs from the event loop
    assert "another program" not in window.statusBar().currentMessage()
    assert "Undo removes them" in window.statusBar().currentMessage()
    assert session.undo_stack.count() == 2
    imported = sources.count_sources(session.db)
    session.undo_stack.undo()  # the import goes in one step
    assert session.undo_stack.index() == 1 and sources.count_sources(session.db) == imported - 1
