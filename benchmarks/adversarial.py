"""The adversarial pass of issue 14 (not in the test suite: it takes minutes). Prints counts of
tracebacks, hangs, false alarms and foreign files modified — each must be 0.

    PYTHONPATH=. python -m benchmarks.adversarial [--seconds 60] [--small-disk DIR]

1. Every bad project file we can make × every `sourceline` command, each in a child process with a
   time limit (a hang is a command still running after it).
2. Concurrent writers for --seconds: two add-event loops, a library edit loop (source imports),
   dataset imports, and the window (an offscreen app making edits), on one project.
3. A full disk: --small-disk names a small file system (e.g. a 6 MB tmpfs) to edit on until it
   fills; reading commands must work on the full disk, and every command must succeed on what is
   left once room is made (no false "damaged", no other failure).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_S = 90
TOTALS = {"runs": 0, "tracebacks": 0, "hangs": 0, "false alarms": 0, "commands failed": 0, "foreign files modified": 0}


def sourceline(argv, timeout=LIMIT_S, env=None):
    TOTALS["runs"] += 1
    try:
        done = subprocess.run([sys.executable, "-m", "desktop_app.cli", *map(str, argv)], cwd=ROOT, capture_output=True,
                              text=True, timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    except subprocess.TimeoutExpired:
        TOTALS["hangs"] += 1
        print("HANG", argv)
        return None
    if "Traceback" in done.stderr:
        TOTALS["tracebacks"] += 1
        print("TRACEBACK", argv, done.stderr[-600:])
    return done


def fingerprint(folder: Path, name: str) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()
            if p.name.startswith(name) and p.is_file()}


def bad_files(work: Path, project: Path) -> dict:
    """name -> (path, kind): kind is 'foreign' (must never change), 'intact' (must never be called
    damaged), or 'bad' (refused or reported, never a traceback)."""
    from tests.reliability.bad_projects import foreign, future, garble_middle, interrupted_checkpoint

    made = {}

    def copy(name):
        path = work / f"{name}.sourceline"
        shutil.copyfile(project, path)
        return path

    (work / "not_sqlite.sourceline").write_text("Meeting notes\n" * 100)
    made["not SQLite"] = (work / "not_sqlite.sourceline", "bad")
    cut = copy("cut_short")
    with cut.open("r+b") as handle:
        handle.truncate(cut.stat().st_size // 2)
    made["cut short"] = (cut, "bad")
    made["garbled middle"] = (garble_middle(copy("garbled")), "bad")
    for table in ("events_fts", "sources_fts", "history", "event_day_counts"):
        path = copy(f"drop_{table}")
        conn = sqlite3.connect(path)
        conn.execute(f"DROP TABLE {table}")
        conn.commit()
        conn.close()
        made[f"tampered: {table}"] = (path, "bad")
    for version in (0, 2, 3, -1):
        made[f"foreign v{version}"] = (foreign(work / f"foreign_v{version}.sqlite", version), "foreign")
    made["foreign v3 WAL"] = (foreign(work / "foreign_wal.sqlite", 3, wal=True), "foreign")
    fifo = work / "fifo.sourceline"
    os.mkfifo(fifo)
    made["FIFO"] = (fifo, "bad")
    (work / "dir.sourceline").mkdir()
    made["directory"] = (work / "dir.sourceline", "bad")
    made["device"] = (Path("/dev/null"), "bad")
    read_only = copy("read_only")
    read_only.chmod(0o444)
    made["read-only"] = (read_only, "bad")
    made["newer schema"] = (future(copy("newer")), "bad")
    made["full-disk state"] = (interrupted_checkpoint(copy("fulldisk_source"), work / "fulldisk.sourceline"), "intact")
    wal_only = work / "wal_only.sourceline"
    shutil.copyfile(project, wal_only)
    db = sqlite3.connect(wal_only)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("INSERT INTO tags (name) VALUES ('only in the WAL')")
    db.commit()
    shutil.copyfile(wal_only, work / "walstate.sourceline")
    shutil.copyfile(f"{wal_only}-wal", work / "walstate.sourceline-wal")
    db.close()
    made["WAL-only state"] = (work / "walstate.sourceline", "intact")
    made["sound project"] = (copy("sound"), "intact")
    return made


def pass_bad_files(work: Path, project: Path) -> None:
    from tests.reliability.bad_projects import commands

    files = bad_files(work, project)
    for name, (path, kind) in files.items():
        for command, argv in commands(path, work).items():
            before = fingerprint(path.parent, path.name) if kind == "foreign" else None
            done = sourceline(argv)
            if done is None:
                continue
            if kind == "foreign" and fingerprint(path.parent, path.name) != before:
                TOTALS["foreign files modified"] += 1
                print("MODIFIED", name, command)
            if kind == "intact" and "damaged" in done.stderr + done.stdout:
                TOTALS["false alarms"] += 1
                print("FALSE ALARM", name, command, done.stderr[-300:])
    print(f"bad files: {len(files)} files × {len(commands(project, work))} commands")


WINDOW = """
import sqlite3, sys, time
from PySide6.QtCore import QSettings, QTimer
from desktop_app.app import make_application, open_session
from desktop_app.main_window.window import MainWindow
from desktop_app.reliability.problems import BUSY, classify
from db import events
app = make_application()
window = MainWindow(open_session(sys.argv[1]), QSettings(sys.argv[3], QSettings.Format.IniFormat))
window.show()
end = time.monotonic() + float(sys.argv[2])
made = []
def edit():
    if time.monotonic() > end:
        print("WINDOW EDITS", len(made), flush=True)
        window.set_session(None)
        app.quit()
        return
    try:
        made.append(window.session.push(events.add_event(f"From the window {len(made)}", "2025-01-01")))
    except sqlite3.Error as error:  # the window says "busy" for this (problems.classify); anything else is a bug
        if classify(error) is None or classify(error).kind != BUSY:
            raise
        print("WINDOW BUSY", flush=True)
    QTimer.singleShot(200, edit)
QTimer.singleShot(0, edit)
app.exec()
"""


def pass_concurrent(work: Path, project: Path, seconds: float) -> None:
    from benchmarks.acled_csv import write_acled_csv

    path = work / "busy.sourceline"
    shutil.copyfile(project, path)
    big = write_acled_csv(work / "acled.csv", 30_000)
    bib = work / "library.bib"
    end = time.monotonic() + seconds
    counts = {"edits ok": 0, "busy (said so)": 0, "other failures": 0}
    reported = {}  # command -> edits it reported done
    lock = threading.Lock()

    def loop(make_argv):
        n = 0
        while time.monotonic() < end:
            n += 1
            argv = make_argv(n)
            done = sourceline(argv)
            with lock:
                if done is None:
                    continue
                if done.returncode == 0:
                    counts["edits ok"] += 1
                    reported[argv[0]] = reported.get(argv[0], 0) + 1
                elif "busy" in done.stderr:
                    counts["busy (said so)"] += 1
                else:
                    counts["other failures"] += 1
                    print("FAILED", argv[0], done.stderr[-300:])
                if "damaged" in done.stderr:
                    TOTALS["false alarms"] += 1

    def library(n):
        bib.write_text(f"@book{{k{n}x{time.monotonic_ns()}, title = {{Book {n}}}, year = {{2001}}}}\n")
        return ["import", "--db", path, bib]

    loops = [lambda n, w=w: ["add-event", "--db", path, "--date", "2024-11-15", "--title", f"Loop {w} edit {n}"]
             for w in (1, 2)]
    loops += [library, lambda n: ["import-events", "--db", path, big, "--quiet", "--dataset", f"run{n}"]]
    window = subprocess.Popen([sys.executable, "-c", WINDOW, str(path), str(seconds), str(work / "window.ini")],
                              cwd=ROOT, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
    threads = [threading.Thread(target=loop, args=(make,)) for make in loops]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        out, err = window.communicate(timeout=seconds + 120)
    except subprocess.TimeoutExpired:
        window.kill()
        out, err = window.communicate()
        TOTALS["hangs"] += 1
    if "Traceback" in err:
        TOTALS["tracebacks"] += 1
        print("WINDOW TRACEBACK", err[-800:])
    check = sourceline(["check", "--db", path])
    # every edit reported done is in the file: the loops' add-events and the window's
    conn = sqlite3.connect(path)
    kept = {title: conn.execute("SELECT count(*) FROM events WHERE title LIKE ?", (f"{title}%",)).fetchone()[0]
            for title in ("Loop ", "From the window ")}
    conn.close()
    window_said = out.split()[-1] if out.strip() else "?"
    lost = reported.get("add-event", 0) - kept["Loop "] + (int(window_said) - kept["From the window "]
                                                            if window_said.isdigit() else 0)
    print(f"concurrent writers for {seconds:.0f} s: {counts}; {out.strip()}; in the file: {kept} ({lost} lost); "
          f"check: {check.stdout.strip() if check else '?'}")


def _must_work(where: str, command: str, done) -> None:
    """Count a command that failed on an intact project: a false alarm when it called the file
    damaged, a failure otherwise (both print its last line)."""
    if done is None or done.returncode == 0:
        return
    said = (done.stderr.strip() or done.stdout.strip()).splitlines()[-1:] or ["(nothing said)"]
    TOTALS["false alarms" if "damaged" in done.stderr + done.stdout else "commands failed"] += 1
    print(f"FAILED {where}: {command}: {said[0][:200]}")


def pass_disk_full(small_disk: Path, project: Path) -> None:
    path = small_disk / "p.sourceline"
    shutil.copyfile(project, path)
    done_edits, full = 0, None
    for n in range(10_000):
        done = sourceline(["add-event", "--db", path, "--date", "2024-11-15", "--title", f"Edit {n}",
                           "--description", "x" * 20_000])
        if done is None or done.returncode:
            full = done.stderr.strip() if done else "hang"
            break
        done_edits += 1
    # On the full disk, reading must still work; a backup has no room and must say so in one line.
    for command in (["info", "--db", path], ["events", "--db", path], ["search", "--db", path, "Edit"]):
        _must_work("on the full disk", command[0], sourceline(command))
    done = sourceline(["backup", "--db", path])
    if done is not None and "damaged" in done.stderr:
        TOTALS["false alarms"] += 1
        print("FALSE ALARM on the full disk: backup", done.stderr[-300:])
    conn = sqlite3.connect(path)
    kept = conn.execute("SELECT count(*) FROM events WHERE title LIKE 'Edit %'").fetchone()[0]
    verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    lost = done_edits - kept
    # Room is made by moving the project, with its WAL, off the small disk: every command must work on it.
    moved = Path(tempfile.gettempdir()) / "adversarial_fulldisk.sourceline"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            shutil.move(f"{path}{suffix}", f"{moved}{suffix}")
    work = moved.parent / "adversarial_fulldisk_work"
    work.mkdir(exist_ok=True)
    from tests.reliability.bad_projects import commands

    ran = commands(moved, work)
    for command, argv in ran.items():
        _must_work("after room was made", command, sourceline(argv))
    print(f"disk full: {done_edits} edits reported done, {kept} in the file ({lost} lost), integrity {verdict}; "
          f"{len(ran)} commands run once room was made; "
          f"the edit that filled it said: {full[:160] if full else '(never filled)'}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--small-disk", type=Path)
    parser.add_argument("--skip", action="append", default=[], choices=("files", "concurrent", "disk"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ["SOURCELINE_DATA_DIR"] = str(work / "user-data")
        from tests.conftest import build_small_project

        project = work / "template.sourceline"
        build_small_project(project)
        if "files" not in args.skip:
            (work / "files").mkdir()
            pass_bad_files(work / "files", project)
        if "concurrent" not in args.skip:
            (work / "busy").mkdir()
            pass_concurrent(work / "busy", project, args.seconds)
        if "disk" not in args.skip and args.small_disk:
            pass_disk_full(args.small_disk, project)
    print(", ".join(f"{name}: {n}" for name, n in TOTALS.items()))


if __name__ == "__main__":
    main()
