"""`sourceline bench`: synthetic projects, and how long what a user waits for takes on them.

The benchmark lives in the checkout (``benchmarks/``), not in the installed application; this
command finds it beside the package and says so when it is not there (an installed bundle).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from db.errors import SourcelineError

CHECKOUT = Path(__file__).resolve().parents[2]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "bench",
        description="Generate a synthetic project (events, sources with text, annotations, citations) and an "
        "ACLED-style CSV of the same size, then measure: the import rate, the file size, the time to the first "
        "painted window, timeline frames at three zooms, the event list's last page, search latency and peak "
        "memory. Prints a table with the targets.")
    parser.add_argument("--events", type=int, default=10_000, metavar="N", help="events (default 10,000)")
    parser.add_argument("--sources", type=int, default=200, metavar="M", help="sources with ~5 KB of text (default 200)")
    parser.add_argument("--out", metavar="DIR", help="where the projects and the CSV go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the projects and the CSV afterwards")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--rounds", type=int, default=7, metavar="K",
                        help="interleaved rounds of the start-up comparisons with bare Qt and sqlite3 (default 7)")
    parser.set_defaults(run=run)


def run(args) -> int:
    if not (CHECKOUT / "benchmarks" / "run.py").is_file():
        raise SourcelineError("the benchmark needs a source checkout (benchmarks/ beside desktop_app/)")
    if args.events < 1 or args.sources < 0 or args.rounds < 1:
        raise SourcelineError("--events and --rounds must be at least 1, --sources at least 0")
    if str(CHECKOUT) not in sys.path:
        sys.path.insert(0, str(CHECKOUT))
    from benchmarks.run import ChildFailed, format_table, run as run_bench, to_json

    try:
        rows = run_bench(args.events, args.sources, args.out, args.keep,
                         say=lambda text: print(text, file=sys.stderr, flush=True), rounds=args.rounds)
    except ChildFailed as error:
        raise SourcelineError(f"a benchmark step failed: {error}") from error
    load = os.getloadavg()
    print(format_table(rows))
    print(f"(load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}: other work on the machine slows every figure)")
    if args.json:
        Path(args.json).write_text(to_json(rows), encoding="utf-8")
    return 0
