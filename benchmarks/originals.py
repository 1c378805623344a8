"""A project holding a gigabyte of originals: is it still quick to open, back up and verify?

``python -m benchmarks.originals [--megabytes 1024] [--files 200] [--out DIR]`` builds the sample
project twice — as it is, and with ``--files`` originals of ``--megabytes`` in all, each linked
from a source (random bytes: nothing compresses, as PDFs and photographs barely do) — then
measures, each in a child process of its own (its peak memory is its own):

- the first paint of the window on either project (median of three), and its peak memory;
- listing the sources with their originals (``sourceline sources``);
- a backup through SQLite's online backup API (what the window does on opening, hourly);
- ``sourceline verify``: every original hashed again.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import _child, _environment

PAINTS = 3


def _fill(project: str, megabytes: str, files: str) -> dict:
    """Child: add the originals, each with a source, in one transaction per file (as imports do)."""
    import hashlib
    import io

    from db import ops, originals
    from db.ops import Op
    from db.sources import insert_source
    from db.store import open_project

    db = open_project(project)
    size = int(megabytes) * 1024 * 1024 // int(files)
    started = time.perf_counter()
    for number in range(int(files)):
        data = b"%PDF-1.7\n" + os.urandom(size - 9)
        digest = hashlib.sha256(data).hexdigest()

        def add(d, data=data, digest=digest, number=number):
            kept = originals.store(d, io.BytesIO(data), len(data), digest, "application/pdf", f"report-{number}.pdf")
            return insert_source(d, {"title": f"Report {number}", "type": "report"}, original_id=kept)

        ops.run(db, Op("Import", add))
    db.close()
    return {"seconds": time.perf_counter() - started}


def _backup(project: str) -> dict:
    from db.backups import make_backup_of_file

    started = time.perf_counter()
    made = make_backup_of_file(project, "benchmark", keep=None)
    seconds = time.perf_counter() - started
    if made is None:
        raise SystemExit("no room for the backup")
    size = made.path.stat().st_size
    made.path.unlink()
    made.path.with_suffix(".json").unlink()
    return {"seconds": seconds, "bytes": size}


def _timed_command(env, *args) -> tuple[float, float]:
    started = time.perf_counter()
    _, peak = _child(["-m", "desktop_app.cli", *args], env)
    return time.perf_counter() - started, peak


def _paints(env, project: Path) -> tuple[float, float]:
    times, peak = [], 0.0
    for _ in range(PAINTS):
        out, used = _child(["-m", "desktop_app.cli", "--db", str(project), "--quit-after-paint"], env)
        times.append(float(out.strip().splitlines()[-1]))
        peak = max(peak, used)
    return statistics.median(times), peak


def run(megabytes: int, files: int, folder: Path, say=print) -> list[tuple[str, str]]:
    env = _environment(folder / "data")
    plain, heavy = folder / "plain.sourceline", folder / "originals.sourceline"
    for path in (plain, heavy):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        _child(["-m", "desktop_app.cli", "new", str(path), "--sample"], env)
    say(f"storing {files} originals, {megabytes:,} MB in all …")
    out, fill_peak = _child(["-m", "benchmarks.originals", "--child", "fill", str(heavy), str(megabytes), str(files)],
                            env)
    filled = json.loads(out.strip().splitlines()[-1])
    say("first paint, with and without the originals …")
    paint_plain, peak_plain = _paints(env, plain)
    paint_heavy, peak_heavy = _paints(env, heavy)
    say("listing, backing up, verifying …")
    list_s, list_peak = _timed_command(env, "sources", "--db", str(heavy), "--format", "json")
    out, backup_peak = _child(["-m", "benchmarks.originals", "--child", "backup", str(heavy)], env)
    backup = json.loads(out.strip().splitlines()[-1])
    verify_s, verify_peak = _timed_command(env, "verify", "--db", str(heavy))
    size = heavy.stat().st_size / 1e6
    rows = [
        ("originals", f"{files} files, {megabytes:,} MB"),
        ("project file size", f"{size:,.0f} MB"),
        ("storing them (one import each)", f"{filled['seconds']:.1f} s ({megabytes / filled['seconds']:,.0f} MB/s), "
                                           f"peak {fill_peak:.0f} MB"),
        ("first paint, sample project alone", f"{paint_plain:.0f} ms, peak {peak_plain:.0f} MB"),
        ("first paint, with the originals", f"{paint_heavy:.0f} ms, peak {peak_heavy:.0f} MB"),
        ("sourceline sources --format json", f"{list_s * 1000:.0f} ms, peak {list_peak:.0f} MB"),
        ("backup (online backup API)", f"{backup['seconds']:.1f} s for {backup['bytes'] / 1e6:,.0f} MB, "
                                       f"peak {backup_peak:.0f} MB"),
        ("sourceline verify", f"{verify_s:.1f} s ({megabytes / verify_s:,.0f} MB/s), peak {verify_peak:.0f} MB"),
    ]
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.originals", description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=1024)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--out", metavar="DIR")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        step, *rest = args.child
        print(json.dumps({"fill": _fill, "backup": _backup}[step](*rest)))
        return 0
    folder = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="sourceline-originals-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        rows = run(args.megabytes, args.files, folder, say=lambda text: print(text, file=sys.stderr, flush=True))
    finally:
        if not args.out:
            shutil.rmtree(folder, ignore_errors=True)
    print_rows(rows)
    return 0


def print_rows(rows: list[tuple[str, str]]) -> None:
    """Measures and values in two columns, then the machine's load (which slows every figure)."""
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    load = os.getloadavg()
    print(f"(load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f})")


if __name__ == "__main__":
    sys.exit(main())
