"""Start-up side by side with the bare platform, in one interleaved run.

The machine is noisy and absolute start-up times are not comparable from one run to the next, so
each Sourceline start is timed right beside a bare process doing the same job the same way, and
the figures are ratios:

- the window: ``sourceline --db PATH --quit-after-paint`` against a bare PySide6 ``QMainWindow``
  that quits after its first paint;
- a command (``info``, ``search``, ``events --format json``) against a bare Python process that
  runs the same queries with the standard library's sqlite3 and prints the same kind of output.

Both sides are timed from the parent, from spawning the process to reading its first line of
output (the window) or to its exit (a command), so the interpreter's own start counts on both.
Rounds alternate which side goes first.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROUNDS = 7
SEARCH_WORDS = "bridge"

BARE_WINDOW = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
        return False

app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

BARE_INFO = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA user_version").fetchone()
for table in ("events", "sources", "annotations", "citations", "entities", "tags"):
    print(table, conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
print(os.path.getsize(sys.argv[1]))
"""

BARE_SEARCH = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
match = '"' + sys.argv[2] + '"*'
for table, record in (("events_fts", "events"), ("sources_fts", "sources"), ("annotations_fts", "annotations")):
    for rowid, rank in conn.execute(
            f"SELECT rowid, bm25({table}) AS r FROM {table} WHERE {table} MATCH ? ORDER BY r LIMIT 20", (match,)):
        snippet = conn.execute(f"SELECT snippet({table}, -1, '[', ']', '…', 12) FROM {table} "
                               f"WHERE {table} MATCH ? AND rowid = ?", (match, rowid)).fetchone()[0]
        print(table, rowid, snippet)
"""

BARE_EVENTS_JSON = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.row_factory = sqlite3.Row
rows = [dict(row) for row in conn.execute(
    "SELECT id, uuid, title, description, date_edtf, start_s, end_s, date_precision FROM events "
    "ORDER BY start_s, end_s, id")]
print(json.dumps(rows, ensure_ascii=False, indent=2))
"""


@dataclass(frozen=True)
class Pair:
    """One measure: the median seconds of each side, the median of the per-round ratios, and the
    peak memory (MB) of each side."""
    ours: float
    bare: float
    ratio: float
    ours_mb: float
    bare_mb: float


def _timed(args: list[str], env: dict, until_first_line: bool) -> tuple[float, float]:
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    if until_first_line:
        process.stdout.readline()
        elapsed = time.perf_counter() - started
        process.stdout.read()
    else:
        process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if not until_first_line:
        elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(args[:4])} failed ({os.waitstatus_to_exitcode(status)})")
    return elapsed, usage.ru_maxrss / 1024


def _compare(ours: list[str], bare: list[str], env: dict, until_first_line: bool, rounds: int) -> Pair:
    ours_times, bare_times, ratios, ours_mb, bare_mb = [], [], [], [], []
    for round_ in range(rounds):
        sides = [(ours, ours_times, ours_mb), (bare, bare_times, bare_mb)]
        for args, times, peaks in sides if round_ % 2 == 0 else reversed(sides):
            elapsed, peak = _timed(args, env, until_first_line)
            times.append(elapsed)
            peaks.append(peak)
        ratios.append(ours_times[-1] / bare_times[-1])
    return Pair(statistics.median(ours_times), statistics.median(bare_times), statistics.median(ratios),
                max(ours_mb), max(bare_mb))


def window(project: Path, env: dict, rounds: int = ROUNDS) -> Pair:
    """Sourceline's window on ``project`` against a bare PySide6 window, to the first paint."""
    python = sys.executable
    return _compare([python, "-m", "desktop_app.cli", "--db", str(project), "--quit-after-paint"],
                    [python, "-c", BARE_WINDOW], env, until_first_line=True, rounds=rounds)


def commands(project: Path, env: dict, rounds: int = ROUNDS) -> dict[str, Pair]:
    """``info``, ``search`` and ``events --format json`` against bare sqlite3 processes."""
    python, db = sys.executable, str(project)
    cases = {
        "info": (["info", "--db", db], [BARE_INFO, db]),
        "search": (["search", "--db", db, SEARCH_WORDS], [BARE_SEARCH, db, SEARCH_WORDS]),
        "events --format json": (["events", "--db", db, "--format", "json"], [BARE_EVENTS_JSON, db]),
    }
    return {name: _compare([python, "-m", "desktop_app.cli", *ours], [python, "-c", *bare], env,
                           until_first_line=False, rounds=rounds)
            for name, (ours, bare) in cases.items()}


def _rows(name: str, pair: Pair, target: float) -> list[tuple[str, str, str, str, str]]:
    return [(name, f"{pair.ours * 1000:,.0f} ms", f"{pair.bare * 1000:,.0f} ms", f"{pair.ratio:.2f}×",
             f"≤ {target:g}× {'yes' if pair.ratio <= target else 'NO'}")]


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.startup [--rounds K] [--project PATH]``: only the start-up side of
    ``sourceline bench`` (a minute, not the whole bench), on a fresh sample project — and on PATH's
    window too when given — with each side's median time beside the ratio."""
    import argparse
    import tempfile

    from benchmarks.run import ROOT, _environment

    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup", description=main.__doc__)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--project", metavar="PATH", help="also the window's first paint on this project")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sourceline-startup-") as folder:
        env = _environment(Path(folder) / "data")
        sample = Path(folder) / "sample.sourceline"
        subprocess.run([sys.executable, "-m", "desktop_app.cli", "new", str(sample), "--sample"], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)
        first = window(sample, env, args.rounds)
        rows = _rows("window first paint, sample project", first, 2)
        rows.append(("window first paint, peak memory", f"{first.ours_mb:,.0f} MB", f"{first.bare_mb:,.0f} MB",
                     f"{first.ours_mb / first.bare_mb:.2f}×",
                     f"≤ 1.5× {'yes' if first.ours_mb / first.bare_mb <= 1.5 else 'NO'}"))
        if args.project:
            rows += _rows(f"window first paint, {Path(args.project).name}", window(Path(args.project), env, args.rounds),
                          2.5)
        for name, pair in commands(sample, env, args.rounds).items():
            rows += _rows(f"`{name}`", pair, 2)
    header = ("measure", "Sourceline", "bare", "ratio", "target")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    load = os.getloadavg()
    print(f"({args.rounds} interleaved rounds; load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
