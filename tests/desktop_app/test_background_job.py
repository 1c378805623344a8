"""The background job every long operation runs on: the work in a worker thread, progress
reports thinned out on their way to the GUI thread, Cancel, and the three endings."""
from __future__ import annotations

import threading

from db.errors import SourcelineError
from desktop_app.background_job import PROGRESS_STEPS, BackgroundJob
from tests.conftest import ending_of


class Stopped(SourcelineError):
    def __init__(self):
        super().__init__("stopped; nothing was done")


class Counting(BackgroundJob):
    """Notes every report that reaches the GUI thread."""

    def __init__(self, work, **kwargs):
        super().__init__(work, "Counting", "Counting…", Stopped, **kwargs)
        self.shown: list[int] = []

    def progress_text(self, done: int, total: int) -> str:
        self.shown.append(done)
        return f"Counted {done:,} of {total:,}"


def test_the_work_runs_off_the_gui_thread_and_only_reports_that_move_the_bar_cross(qtbot):
    worked_in = []
    results = []

    def work(report, cancelled):
        worked_in.append(threading.get_ident())
        for done in range(1, 100_001):
            report(done, 100_000)
        return "counted"

    job = Counting(work)
    job.finished.connect(results.append)
    job.start()
    assert ending_of(qtbot, job) == "finished"
    assert results == ["counted"]
    assert worked_in and worked_in[0] != threading.get_ident()
    assert 0 < len(job.shown) <= PROGRESS_STEPS and job.shown[-1] == 100_000
    assert job.shown == sorted(job.shown)


def test_cancel_is_seen_by_the_work_and_ends_as_cancelled(qtbot):
    running = threading.Event()
    seen = []

    def work(report, cancelled):
        running.set()
        while report(1, 2):
            running.wait(0.001)
        seen.append(cancelled())
        raise Stopped()

    job = Counting(work)
    job.start()
    assert running.wait(10)
    job.cancel()
    assert job.progress.labelText() == "Cancelling…"
    assert ending_of(qtbot, job) == "cancelled"
    assert seen == [True] and not job.is_running()


def test_a_problem_of_the_users_is_a_message_and_a_bug_is_raised_on_the_gui_thread(qtbot):
    def refused(report, cancelled):
        raise SourcelineError("the file is not there")

    job = Counting(refused)
    messages = []
    job.failed.connect(messages.append)
    job.start()
    assert ending_of(qtbot, job) == "failed"
    assert messages == ["the file is not there"]

    def buggy(report, cancelled):
        raise KeyError("a bug")

    job = Counting(buggy)
    job.failed.connect(messages.append)
    with qtbot.captureExceptions() as exceptions:
        job.start()
        with qtbot.waitSignal(job.ended, timeout=10_000):
            pass
    assert [kind for kind, _, _ in exceptions] == [KeyError]
    assert messages == ["the file is not there"]  # a bug is no message for the user


def test_a_job_without_a_cancellation_has_no_cancel_button_and_its_reported_errors_stay_failures(qtbot):
    from PySide6.QtWidgets import QPushButton

    def refused(report, cancelled):
        raise Stopped()  # a SourcelineError like any other, here: no cancellation was given

    job = BackgroundJob(refused, "Updating", "Updating…", None)
    job.progress.show()
    assert job.progress.findChild(QPushButton) is None
    messages = []
    job.failed.connect(messages.append)
    job.start()
    assert ending_of(qtbot, job) == "failed"
    assert messages == ["stopped; nothing was done"]
