"""``sourceline bench``: build a synthetic project, measure what a user waits for, print a table.

Every heavy step runs in a child process, so each has its own peak memory (``os.wait4``) and the
numbers do not depend on what the previous step left in memory:

1. generate the project (events, sources with text, annotations, citations) through ``db.bulk``;
2. write an ACLED-style CSV of the same number of events and import it, through the real
   importer, into a new project: the import rate;
3. open the window on the project three times (``sourceline --db PATH --quit-after-paint``,
   offscreen): the time to the first painted window, the median of three;
4. in the window: timeline frames at full zoom-out, the busiest month and day, a typical week and
   day (query, layout and paint, the
   median of several), map frames zoomed out, on a region and on a city (every date, and the
   last year), the event list scrolled to its end, 50 searches (median and 95th percentile);
5. start-up side by side with the bare platform (``benchmarks/startup.py``), as ratios from one
   interleaved run: the window's first paint against a bare PySide6 window, on the sample project
   and on the generated one, and commands against bare Python + sqlite3 processes.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks import startup
from benchmarks.acled_csv import write_acled_csv

ROOT = Path(__file__).resolve().parents[1]
PAINTS = 3
# (what the row says, the probe's name): the busiest month and day, and a day and week of median business
FRAMES = (("full zoom-out", "all"), ("busiest month", "month"), ("busiest day", "day"),
          ("a typical week", "typical week"), ("a typical day", "typical day"))
MAP_FRAMES = ("zoomed out", "a region", "a city", "zoomed out, the last year", "a region, the last year",
              "a city, the last year")


@dataclass
class Row:
    name: str
    value: float
    unit: str
    target: str = ""  # e.g. "≥ 100,000"; empty when there is none
    met: bool | None = None

    def cells(self) -> tuple[str, str, str]:
        if self.unit == "×":
            shown = f"{self.value:.2f}"
        else:
            shown = f"{self.value:,.0f}" if self.value >= 100 else f"{self.value:,.1f}"
        verdict = "" if self.met is None else ("yes" if self.met else "NO")
        return f"{shown} {self.unit}", self.target, verdict


class ChildFailed(RuntimeError):
    pass


def _environment(data_dir: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SOURCELINE_DATA_DIR=str(data_dir))
    # An installed Sourceline starts from compiled bytecode; without it every start compiles
    # every module again (~0.2 s), which is not what a user waits for.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    return env


def _child(args: list[str], env: dict) -> tuple[str, float]:
    """Run a child to its end: its standard output and its peak resident memory in MB."""
    process = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise ChildFailed(f"{' '.join(args[:3])} failed ({process.returncode}):\n{err[-2000:]}")
    return out, usage.ru_maxrss / 1024  # Linux reports kilobytes


def _probe(name: str, env: dict, *args) -> tuple[dict, float]:
    out, peak = _child(["-m", "benchmarks.probes", name, *map(str, args)], env)
    return json.loads(out.strip().splitlines()[-1]), peak


def run(events: int, sources: int, out_dir: str | Path | None = None, keep: bool = False, say=print,
        rounds: int = startup.ROUNDS) -> list[Row]:
    made_dir = out_dir is None
    folder = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="sourceline-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = _environment(folder / "data")
    project = folder / f"bench-{events}.sourceline"
    imported = folder / f"imported-{events}.sourceline"
    csv_path = folder / f"acled-{events}.csv"
    sample = folder / "sample.sourceline"
    for leftover in (project, imported, sample):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{leftover}{suffix}").unlink(missing_ok=True)
    peaks: dict[str, float] = {}
    try:
        say(f"generating a project of {events:,} events and {sources:,} sources in {folder} …")
        generated, peaks["generate"] = _probe("generate", env, project, events, sources)
        say(f"writing an ACLED-style CSV of {events:,} rows …")
        write_acled_csv(csv_path, events)
        say("importing it …")
        imported_result, peaks["import"] = _probe("import", env, imported, csv_path)
        say(f"opening the window {PAINTS} times …")
        paints = []
        for _ in range(PAINTS):
            out, peaks["first paint"] = _child(["-m", "desktop_app.cli", "--db", str(project), "--quit-after-paint"],
                                               env)
            paints.append(float(out.strip().splitlines()[-1]))
        say("timeline, list and search …")
        gui, peaks["window"] = _probe("gui", env, project)
        size_mb = sum(Path(f"{project}{s}").stat().st_size for s in ("", "-wal") if Path(f"{project}{s}").exists())
        say(f"start-up beside bare Qt and bare sqlite3, {rounds} interleaved rounds …")
        _child(["-m", "desktop_app.cli", "new", str(sample), "--sample"], env)
        side_by_side = {"sample": startup.window(sample, env, rounds), "project": startup.window(project, env, rounds),
                        "commands": startup.commands(sample, env, rounds)}
        rows = _table(events, generated, imported_result, paints, gui, size_mb / 1e6, peaks) + _startup_rows(
            side_by_side)
    finally:
        if not keep:
            for path in (project, imported, csv_path, sample):
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            if made_dir:
                shutil.rmtree(folder, ignore_errors=True)
    return rows


def _table(events, generated, imported, paints, gui, size_mb, peaks) -> list[Row]:
    rate = imported["rows"] / imported["seconds"]
    frames = gui["frames_ms"]
    peak = max(peaks["import"], peaks["first paint"], peaks["window"])
    return [
        Row("events", events, ""),
        Row("generate the project (bulk path)", generated["seconds"], "s"),
        Row("import rate (ACLED CSV, real importer)", rate, "events/s", "≥ 100,000", rate >= 100_000),
        Row("import: share of its time inside SQLite", 100 * imported["sqlite_seconds"] / imported["seconds"], "%"),
        Row("project file size", size_mb, "MB"),
        # the map is beside the timeline: the first paint draws it too
        Row("first paint (median of 3)", statistics.median(paints), "ms", "< 1,000", statistics.median(paints) < 1_000),
        *(Row(f"timeline frame, {name}", frames[key], "ms", "< 16", frames[key] < 16) for name, key in FRAMES),
        *map_rows(gui["map_frames_ms"]),
        Row("event list: show the last page", gui["list_end_ms"], "ms"),
        Row("search, median of 50", gui["search_median_ms"], "ms", "< 50", gui["search_median_ms"] < 50),
        Row("search, 95th percentile", gui["search_p95_ms"], "ms", "< 200", gui["search_p95_ms"] < 200),
        Row("peak memory: import", peaks["import"], "MB"),
        Row("peak memory: window (open, frames, list, search)", max(peaks["first paint"], peaks["window"]), "MB"),
        Row("peak memory, largest", peak, "MB", "< 400", peak < 400),
    ]


def map_rows(frames: dict) -> list[Row]:
    """A cold map frame's time on the GUI thread (over a period the count is the worker's, apart),
    wall clock and processor time, and a frame while panning."""
    rows = []
    for name in MAP_FRAMES:
        times = frames[name]
        on_worker = "last year" in name
        gui, gui_cpu = (times["paint"], times["paint_cpu"]) if on_worker else (
            times["query"] + times["paint"], times["query_cpu"] + times["paint_cpu"])
        rows += [Row(f"map frame, {name}", gui, "ms", "< 16", gui < 16),
                 Row(f"map frame, {name} (processor time)", gui_cpu, "ms", "< 16", gui_cpu < 16)]
        if on_worker:
            rows.append(Row(f"map count on the worker, {name}", times["query"], "ms"))
    panning = frames["panning"]
    # a pan within the kept frame asks the store nothing: the painting alone
    return rows + [Row("map frame while panning a region", panning["paint"], "ms", "< 16", panning["paint"] < 16)]


def _startup_rows(side_by_side: dict) -> list[Row]:
    sample, project = side_by_side["sample"], side_by_side["project"]
    memory = sample.ours_mb / sample.bare_mb
    return [
        Row("first paint ÷ bare Qt window, sample project", sample.ratio, "×", "≤ 2", sample.ratio <= 2),
        Row("first paint ÷ bare Qt window, this project", project.ratio, "×", "≤ 2.5", project.ratio <= 2.5),
        Row("first paint peak memory ÷ bare Qt window", memory, "×", "≤ 1.5", memory <= 1.5),
        *(Row(f"`{name}` ÷ bare Python + sqlite3, sample project", pair.ratio, "×", "≤ 2", pair.ratio <= 2)
          for name, pair in side_by_side["commands"].items()),
    ]


def format_table(rows: list[Row]) -> str:
    header = ("measure", "value", "target", "met")
    cells = [header] + [(row.name, *row.cells()) for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(4)]
    lines = [" | ".join(cell.ljust(width) if i == 0 else cell.rjust(width) if i == 1 else cell.ljust(width)
                        for i, (cell, width) in enumerate(zip(line, widths))).rstrip() for line in cells]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)


def to_json(rows: list[Row]) -> str:
    return json.dumps({"load_average": os.getloadavg(), "time": time.strftime("%Y-%m-%d %H:%M"),
                       "rows": [asdict(row) for row in rows]}, indent=2)
