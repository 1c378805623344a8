"""The window and another program on one project: a banner says the project is open elsewhere
(a lock beside it, taken over when its holder died), and the window re-reads what the other
program wrote when it is activated."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from db import events, ops
from db.store import open_project
from desktop_app.reliability.instance_lock import lock_path

ROOT = Path(__file__).resolve().parents[3]
HOLDER = """
import sys
from desktop_app.reliability.instance_lock import ProjectLock
lock = ProjectLock(sys.argv[1])
print("held" if lock.held else f"not held {lock.lock.error()} {lock.holder}", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def other_instance(project):
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(project)], cwd=ROOT, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdout.readline().strip() == "held"
    yield child
    if child.poll() is None:
        child.kill()
    child.wait(10)


def reopen(qtbot, window):
    path = window.session.path
    window.project_files.close_action.trigger()
    qtbot.wait(1)  # as a person would: the closed project's pages go before the next opens
    assert window.project_files.open_path(path)


def test_a_second_instance_gets_a_banner_and_may_open_anyway(qtbot, project, other_instance, settings):
    from desktop_app.app import open_session
    from desktop_app.main_window.window import MainWindow

    window = MainWindow(open_session(project), settings)
    qtbot.addWidget(window)
    window.show()
    banner = window.instance_guard.banner
    assert banner.isVisible()
    assert f"process {other_instance.pid}" in banner.message.text() and project.name in banner.message.text()
    banner.dismiss_button.click()
    assert not banner.isVisible()
    assert events.count_events(window.session.db) == 5  # opened anyway, and usable
    window.session.push(events.add_event("Written while the other has it open", "2025"))
    reopen(qtbot, window)
    assert banner.isVisible()  # shown again for the next opening
    qtbot.wait(1)
    banner.close_project_button.click()
    assert window.session is None and not banner.isVisible()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_the_lock_of_a_killed_instance_is_taken_over(qtbot, other_instance, window, project):
    assert window.instance_guard.banner.isVisibleTo(window)
    other_instance.send_signal(signal.SIGKILL)
    other_instance.wait(10)
    reopen(qtbot, window)
    assert not window.instance_guard.banner.isVisibleTo(window)
    assert window.instance_guard.lock.held
    assert Path(lock_path(project)).read_text().split("\n")[0] == str(os.getpid())


def test_the_lock_goes_when_the_project_is_closed(window, project):
    assert window.instance_guard.lock.held and Path(lock_path(project)).exists()
    assert not window.instance_guard.banner.isVisibleTo(window)
    window.project_files.close_action.trigger()
    assert not Path(lock_path(project)).exists()


def activate(window):
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))


def test_edits_by_another_program_are_shown_when_the_window_is_activated(qtbot, window, project):
    session = window.session
    session.push(events.add_event("Our own edit", "2025"))
    with qtbot.assertNotEmitted(session.changed):
        activate(window)  # our own commits are no news
    command = subprocess.run([sys.executable, "-m", "desktop_app.cli", "add-event", "--db", str(project),
                              "--date", "2025-01-05", "--title", "Added by the command line"],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert command.returncode == 0, command.stderr
    with qtbot.waitSignal(session.changed, timeout=1000) as news:
        activate(window)
    assert events.count_events(session.db) == 7
    added = events.existing_ids(session.db, range(1, 100))[-1]
    # what the other program changed, not every table: its history names the new event's row
    assert news.args[0].rows["events"] == {added} and "sources" not in news.args[0].rows
    assert window.show_page("Timeline").model.rowCount() == 7  # the views read again
    with qtbot.assertNotEmitted(session.changed):
        activate(window)  # nothing new since


SECOND_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from db import events
from desktop_app.app import make_application, run_gui
from desktop_app.main_window.window import MainWindow

app = make_application()

def once_open():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    banner = window.instance_guard.banner
    print("BANNER", banner.isVisible(), banner.message.text(), flush=True)
    window.session.push(events.add_event("Added in the second window", "2025-01-06"))
    print("EDITED", flush=True)
    sys.stdin.readline()
    app.quit()

QTimer.singleShot(0, once_open)
sys.exit(run_gui(sys.argv[1]))
"""


def test_a_second_sourceline_on_the_project_warns_and_the_first_sees_its_edits(qtbot, window, project, tmp_path):
    """Two real application instances: the second (a child process running the app as
    `sourceline PATH` does) shows the banner naming this one; its edit reaches this window when
    it is activated, with no "database is locked" anywhere."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c")}
    child = subprocess.Popen([sys.executable, "-c", SECOND_WINDOW, str(project)], cwd=ROOT, env=env, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        banner = child.stdout.readline().split(" ", 2)
        assert banner[:2] == ["BANNER", "True"], banner
        assert f"process {os.getpid()}" in banner[2] and project.name in banner[2]
        assert child.stdout.readline().strip() == "EDITED"
        with qtbot.waitSignal(window.session.changed, timeout=1000):
            activate(window)
        titles = [row["title"] for row in events.events_in_range(window.session.db, -10**12, 10**12)]
        assert "Added in the second window" in titles
        window.session.push(events.add_event("And one here meanwhile", "2025-01-07"))
        _, err = child.communicate("\n", timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    assert child.returncode == 0 and "locked" not in err, err
    assert events.count_events(window.session.db) == 7


def test_undo_history_starts_again_after_another_programs_edits(qtbot, window, project):
    """Undo replays our edits by row id: after another program took the id of an event we
    deleted, undoing that deletion would fail (UNIQUE constraint) — so its news clears the history."""
    session = window.session
    kept = session.push(events.add_event("Ours, kept", "2025-02-01"))
    deleted = session.push(events.add_event("Ours, then deleted", "2025-02-02"))
    session.push(events.delete_events([deleted]))
    other = open_project(project)
    try:
        assert ops.run(other, events.add_event("The other program's", "2025-02-03")) == deleted  # the freed id
    finally:
        other.close()
    assert session.undo_stack.canUndo()
    with qtbot.waitSignal(session.changed, timeout=1000):
        activate(window)
    assert session.undo_stack.count() == 0 and not session.undo_stack.canUndo()
    assert "changed by another program" in window.statusBar().currentMessage()
    assert events.get_event(session.db, deleted)["title"] == "The other program's"
    assert events.get_event(session.db, kept)["title"] == "Ours, kept"
    # edits after it are undoable again
    session.push(events.update_event(kept, title="Ours, renamed"))
    session.undo_stack.undo()
    assert events.get_event(session.db, kept)["title"] == "Ours, kept"


def test_our_own_background_commit_is_not_taken_for_another_programs(qtbot, window, project):
    session = window.session
    session.push(events.add_event("Ours", "2025-02-01"))
    worker = open_project(project)  # a worker thread's connection, as an import has
    try:
        ops.run(worker, events.add_event("Imported by our worker", "2025-02-02"))
    finally:
        worker.close()
    session.committed_in_background.emit()
    with qtbot.assertNotEmitted(session.changed):
        activate(window)
    assert session.undo_stack.count() == 1
