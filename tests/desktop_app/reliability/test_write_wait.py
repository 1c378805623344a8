"""An edit in the window that must wait for another writer shows that it waits — a status bar
message and the busy cursor — and succeeds when its turn comes (issue 14, item 10)."""
from __future__ import annotations

import sqlite3
import threading

from PySide6.QtWidgets import QApplication

from db import events
from desktop_app.reliability.write_wait import WAITING


def test_an_edit_waiting_for_another_writer_says_so_and_then_succeeds(qtbot, window, project):
    said, cursors = [], []

    def seen(message):
        said.append(message)
        cursors.append(QApplication.overrideCursor() is not None)

    window.statusBar().messageChanged.connect(seen)
    other = sqlite3.connect(project, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another program writing (an import on its own connection)
    other.execute("INSERT INTO tags (name) VALUES ('written elsewhere')")
    threading.Timer(0.5, lambda: other.execute("COMMIT")).start()  # it finishes after a while
    try:
        new = window.session.push(events.add_event("Waited its turn", "2025-01-01"))
    finally:
        other.close()
    assert WAITING in said and cursors[said.index(WAITING)]
    assert QApplication.overrideCursor() is None and window.statusBar().currentMessage() != WAITING
    assert events.get_event(window.session.db, new)["title"] == "Waited its turn"
