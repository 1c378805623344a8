"""A text of tens of megabytes opened in the Reader the way a user does (issue 14, item 18):
``python -m benchmarks.big_text [MEGABYTES]``, also a row group of ``python -m benchmarks.inputs``.

The project is written by a child process of its own, so that the measuring process has never
held the text before it opens it. The measuring child builds the main window on it, shows a small
source first (the Reader page built), then asks for the big one through the window's own signal:
the text comes out of SQLite, goes into the view and the reading assistant starts on it.

- first screen: from the request to the first paint of the text's viewport (wall clock; the
  process's processor time; the GUI thread's own processor time);
- a jump to the end (the scroll bar dragged there): until the screen there is painted;
- the reading assistant: how long it read (up to ``ASSISTANT_S``), the longest event-loop turn
  meanwhile (the longest gap between the ticks of a 10 ms timer);
- memory: the peak resident memory the process added from before the request (the kernel's
  high-water mark, reset just before), against the text's size in UTF-8.

Each figure is printed with the 1-minute load average it was measured at.
"""
from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ASSISTANT_S = 120.0  # the reading assistant is watched this long at most
PARAGRAPH = ("On Tuesday 19 November 2024 the council met again, and the minister said the bridge would stay "
             "closed until the spring; residents protested at the square on 21 November. ") * 3


def big_text(megabytes: float) -> str:
    return "\n\n".join(f"{n}. {PARAGRAPH}" for n in range(int(megabytes * 1e6) // (len(PARAGRAPH) + 8)))


def write_project(path: str, megabytes: str) -> dict:
    """A project with a small source and a big one (child process)."""
    from db import sources
    from db.ops import run
    from db.store import create_project

    db = create_project(path)
    small = run(db, sources.add_source({"title": "A short text"}, "2024-11-22",
                                         full_text="A short text written on 3 May 2020."))
    text = big_text(float(megabytes))
    big = run(db, sources.add_source({"title": "Minutes of the council, 2024"}, "2024-11-22",
                                       full_text=text))
    db.close()
    return {"small": small, "big": big, "text": len(text.encode()) / 1e6}


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _peak_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) / 1e3 for line in status if line.startswith("VmHWM"))


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as refs:  # "5": the high-water mark starts again from now
        refs.write("5")


class _Turns:
    """The longest gap between ticks of a 10 ms timer while ``until()`` is false (or ``limit_s``)."""

    def __init__(self, app, until, limit_s: float):
        from PySide6.QtCore import QEventLoop, QTimer

        self.longest, self._until, self._loop = 0.0, until, QEventLoop()
        self._started = self._last = time.perf_counter()
        self._limit = limit_s
        timer = QTimer(interval=10)
        timer.timeout.connect(self._tick)
        timer.start()
        if not until():
            self._loop.exec()
        timer.stop()
        self.took = time.perf_counter() - self._started

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest, self._last = max(self.longest, now - self._last), now
        if self._until() or now - self._started > self._limit:
            self._loop.quit()


def reader(megabytes: str = "25") -> dict:
    """The measures above, in this process (a child of its own)."""
    folder = Path(tempfile.mkdtemp())
    os.environ.update({"SOURCELINE_DATA_DIR": str(folder / "data"), "QT_QPA_PLATFORM": "offscreen"})
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(folder / name)
    path = folder / "big.sourceline"
    made = json.loads(subprocess.run([sys.executable, "-m", "benchmarks.big_text", "--write", str(path), megabytes],
                                     capture_output=True, text=True, check=True).stdout)

    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import open_session
    from desktop_app.main_window.window import MainWindow

    app = QApplication([])
    window = MainWindow(open_session(path), QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1024, 700)
    window.show()
    window.source_requested.emit(made["small"], None)
    page = window.page("Reader")
    _Turns(app, lambda: False, 0.5)  # the window and the short text painted, the worker done
    gc.collect()
    before = _rss_mb()
    _reset_peak()

    class Painted(QObject):
        at = None

        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint and self.at is None:
                self.at = (time.perf_counter(), time.process_time(), time.thread_time())
            return False

    def until_painted(ask) -> tuple[float, float, float]:
        painted = Painted()
        page.text_view.viewport().installEventFilter(painted)
        wall, cpu, gui_cpu = time.perf_counter(), time.process_time(), time.thread_time()
        ask()
        while painted.at is None:
            app.processEvents()
        page.text_view.viewport().removeEventFilter(painted)
        return painted.at[0] - wall, painted.at[1] - cpu, painted.at[2] - gui_cpu

    load = os.getloadavg()[0]
    first = until_painted(lambda: window.source_requested.emit(made["big"], None))
    bar = page.text_view.verticalScrollBar()
    jump = until_painted(lambda: (bar.setValue(bar.maximum()), page.text_view.viewport().update()))
    reading = _Turns(app, lambda: "looking" not in page.assistant.heading.text(), ASSISTANT_S)
    return {"load": load, "text": made["text"], "first wall": first[0], "first cpu": first[1],
            "first gui cpu": first[2], "jump to the end": jump[0],
            "assistant": reading.took, "assistant done": "looking" not in page.assistant.heading.text(),
            "assistant longest turn": reading.longest, "dates": len(page.assistant.findings.dates),
            "peak added": _peak_mb() - before, "held": _rss_mb() - before,
            "load after": os.getloadavg()[0]}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--write"]:
        print(json.dumps(write_project(*argv[1:])))
        return 0
    print(json.dumps(reader(*argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
