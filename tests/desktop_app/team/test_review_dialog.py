"""File → Exchange in the window: apply a teammate's changes, review the conflicts with qtbot, undo."""
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from db import authorship, ops
from db import exchange_conflicts as conflicts
from db.authorship import Author
from db.events import add_event, update_event
from db.store import open_project
from desktop_app.exchange.exchanging import export_changes
from desktop_app.teamwork import exchange_menu
from desktop_app.teamwork.review_dialog import MINE_COLUMN, RECORD_COLUMN, THEIRS_COLUMN, ReviewDialog

ANA = Author("7a1c0000-0000-4000-8000-00000000000a", "Ana Ruiz")
BEN = Author("7a1c0000-0000-4000-8000-00000000000b", "Ben Okafor")


def _id(db, title):
    return db.conn.execute("SELECT id FROM events WHERE title = ?", (title,)).fetchone()[0]


@pytest.fixture
def from_ana(tmp_path, _small_project_file):
    """Ana's change file, made on her own copy of the same project: a new title for the bridge
    event, a new description for the minister, a new event, and <script> in a title."""
    path = tmp_path / "ana.sourceline"
    shutil.copyfile(_small_project_file, path)
    db = open_project(path)
    authorship.use(db, ANA)
    ops.run(db, update_event(_id(db, "Bridge closed to traffic"), title="Bridge shut"))
    ops.run(db, update_event(_id(db, "Minister resigns"), description="<script>alert(1)</script> by letter"))
    ops.run(db, add_event("Ferry service starts", "2024-11-16"))
    out = tmp_path / "ana.slchanges"
    export_changes(db, out)
    db.close()
    return out


def test_applying_opens_the_review_and_the_choice_is_one_undo_step(qtbot, window, from_ana, tmp_path):
    session = window.session
    session.set_author(BEN)
    bridge = _id(session.db, "Bridge closed to traffic")
    session.push(update_event(bridge, title="Bridge closed for repairs"))
    steps = session.undo_stack.count()

    applied = exchange_menu.apply_from(window, from_ana)
    assert applied.summary["created"] == 1 and applied.summary["changed"] == 1
    assert session.undo_stack.count() == steps + 1  # the apply is one step
    dialog = window.review_dialog
    assert isinstance(dialog, ReviewDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, RECORD_COLUMN).text() == "Event: Bridge closed for repairs"
    mine = dialog.table.cellWidget(0, MINE_COLUMN)
    theirs = dialog.table.cellWidget(0, THEIRS_COLUMN)
    mine_value, mine_by = (label.text() for label in mine.findChildren(QLabel))
    theirs_value, theirs_by = (label.text() for label in theirs.findChildren(QLabel))
    assert (mine_value, theirs_value) == ("Bridge closed for repairs", "Bridge shut")
    assert mine_by.startswith("Ben Okafor, ") and theirs_by.startswith("Ana Ruiz, ")
    assert not dialog.apply_button.isEnabled()  # nothing chosen yet
    dialog.grab().save(str(tmp_path / "review.png"))

    qtbot.mouseClick(theirs.findChildren(QLabel)[0], Qt.MouseButton.LeftButton)  # the value chooses its side
    assert dialog.choices() == {dialog._rows[0][0].id: "theirs"}
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    db = session.db
    assert db.conn.execute("SELECT title FROM events WHERE id = ?", (bridge,)).fetchone()[0] == "Bridge shut"
    assert conflicts.pending_count(db) == 0
    assert session.undo_stack.count() == steps + 2 and session.undo_stack.undoText() == "Settle 1 conflict"

    session.undo_stack.undo()  # the choice, undone in one step: the conflict waits again
    assert db.conn.execute("SELECT title FROM events WHERE id = ?", (bridge,)).fetchone()[0] == "Bridge closed for repairs"
    assert conflicts.pending_count(db) == 1
    session.undo_stack.undo()  # and the whole apply
    assert db.conn.execute("SELECT count(*) FROM events WHERE title = 'Ferry service starts'").fetchone()[0] == 0
    assert conflicts.pending_count(db) == 0
    # undone, the file is no longer noted as applied: applying it again is not refused
    assert exchange_menu.apply_from(window, from_ana).already is None


def test_keep_all_mine_settles_every_conflict_as_ours(qtbot, window, from_ana):
    session = window.session
    session.set_author(BEN)
    bridge = _id(session.db, "Bridge closed to traffic")
    session.push(update_event(bridge, title="Bridge closed for repairs"))
    exchange_menu.apply_from(window, from_ana)
    dialog = window.review_dialog
    qtbot.addWidget(dialog)
    dialog.all_mine.click()
    assert dialog.apply_button.text() == "&Apply 1 Choice"
    dialog.apply_button.click()
    assert session.db.conn.execute("SELECT title FROM events WHERE id = ?", (bridge,)).fetchone()[0] == \
        "Bridge closed for repairs"
    assert conflicts.pending_count(session.db) == 0
    empty = ReviewDialog(session)
    qtbot.addWidget(empty)
    assert empty.table.rowCount() == 0 and not empty.apply_button.isEnabled()
    assert empty.intro.text() == "No conflicts are waiting."


def test_a_file_for_another_project_is_refused_and_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from db.store import create_project

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    other = create_project(tmp_path / "other.sourceline")
    authorship.use(other, ANA)
    ops.run(other, add_event("Elsewhere", "2020"))
    export_changes(other, tmp_path / "other.slchanges")
    other.close()
    steps = window.session.undo_stack.count()
    assert exchange_menu.apply_from(window, tmp_path / "other.slchanges") is None
    assert len(said) == 1 and "another project" in said[0]
    assert window.session.undo_stack.count() == steps
