"""`sourceline check`: is the project sound; with --repair, rebuild what is derivable."""
from __future__ import annotations

import json

from db.check import Report, check
from db.errors import DamagedProjectError
from db.store import open_project
from desktop_app.command_options import add_format, project_command


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "check", run, help="check a project's integrity; --repair rebuilds what is derivable",
        description="Check the project: SQLite's integrity check, the full-text indexes, the schema's tables, "
        "indexes and triggers, and the derived data (events per day, spans, first-reported dates). With --repair, "
        "rebuild whatever is derived from your records. Exit status 0 when sound (or repaired), 1 when damage "
        "remains (then restore a backup: `sourceline restore`).")
    parser.add_argument("--repair", action="store_true", help="rebuild indexes, counts and dropped tables or triggers")
    add_format(parser)


def run(args) -> int:
    try:
        db = open_project(args.db)
    except DamagedProjectError as error:
        report = Report(problems=[str(error)])
    else:
        try:
            report = check(db, repair=args.repair)
        finally:
            db.close()
    if args.format == "json":
        print(json.dumps(report.as_json(), indent=2))
    else:
        for text in report.repaired:
            print(f"repaired: {text}")
        for text in report.problems:
            print(f"problem: {text}")
        if report.ok:
            print(f"{args.db}: sound" + (" (after the repairs above)" if report.repaired else ""))
        else:
            print(f"{args.db}: " + ("damaged; restore a backup (`sourceline backup --list`, `sourceline restore`)"
                                    if not report.repaired and any(p.startswith("SQLite") or "damaged" in p
                                                                   for p in report.problems)
                                    else "problems remain; `sourceline check --repair` rebuilds what is derivable"))
    return 0 if report.ok else 1
