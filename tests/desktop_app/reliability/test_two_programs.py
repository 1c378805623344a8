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
    with qtbot.assertNotEmitted(session.reloaded):
        session.push(events.add_event("Our own edit", "2025"))  # our own commits are no news
        activate(window)
    other = open_project(project)  # the command line, say
    ops.run(other, events.add_event("Added by the command line", "2025-01-05"))
    other.close()
    with qtbot.waitSignal(session.reloaded, timeout=1000):
        activate(window)
    assert events.count_events(session.db) == 7
    with qtbot.assertNotEmitted(session.reloaded):
        activate(window)  # nothing new since
