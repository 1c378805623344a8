"""`sourceline capture`: fetch a web page now, write the exchange as a WARC, import it as a source."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from db import ops
from db.errors import SourcelineError
from db.store import open_project
from desktop_app.capture.http_capture import Capture, Limits, capture, checked_url, warc_name
from desktop_app.command_options import project_command
from desktop_app.importing import SKIP, plan_import


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "capture", run,
        description="Fetch the web page at URL (following redirects), write every request and response to a "
        "WARC file and import the page as a source: its text, address and capture time, with the WARC kept "
        "in the project as its original. Nothing the page refers to (images, scripts) is fetched.")
    parser.add_argument("url", metavar="URL", help="the http:// or https:// address of the page")
    parser.add_argument("-o", "--output", metavar="FILE.warc.gz", help="also keep the WARC file here")
    parser.add_argument("--timeout", type=float, default=Limits.total_seconds, metavar="SECONDS",
                        help=f"give up after this long in all (default {Limits.total_seconds:g})")
    parser.add_argument("--max-size", type=float, default=Limits.max_bytes / 2**20, metavar="MB",
                        help=f"refuse a page larger than this (default {Limits.max_bytes / 2**20:g} MB)")


def run(args) -> int:
    url = checked_url(args.url)
    if args.timeout <= 0 or args.max_size <= 0:
        raise SourcelineError("--timeout and --max-size must be above zero")
    if args.output and Path(args.output).exists():
        raise SourcelineError(f"{args.output} exists already; give another name for the WARC file")
    limits = Limits(read_seconds=min(Limits.read_seconds, args.timeout), total_seconds=args.timeout,
                    max_bytes=int(args.max_size * 2**20))
    db = open_project(args.db)  # a file that is no project is refused before the network is used
    try:
        with tempfile.TemporaryDirectory(prefix="sourceline-capture-") as scratch:
            warc = Path(args.output) if args.output else Path(scratch) / warc_name(url)
            captured = capture(url, warc, limits)
            _print_capture(captured)
            plan = plan_import([warc], db)
            if plan.problems:
                print(f"sourceline: {plan.problems[0]} (nothing was imported)", file=sys.stderr)
                return 1
            for line in plan.warnings:
                print(f"note: {line}")
            result = ops.run(db, plan.apply(default=SKIP))
    finally:
        db.close()
    for source_id, title in result.added:
        print(f"added source {source_id}: {title}")
    for source_id, title in result.skipped:
        print(f"already in the project as source {source_id}: {title}")
    return 0


def _print_capture(captured: Capture) -> None:
    for origin, status, target in captured.redirects:
        print(f"redirect: {origin} → {status} → {target}")
    print(f"captured {captured.url} ({captured.status}, {captured.media_type}) into {captured.warc.name}")
