"""`sourceline verify` (every original's hash computed again) and `sourceline original` (a
source's original written back to a file, byte for byte)."""
from __future__ import annotations

import json
import sys

from db import originals
from db.errors import SourcelineError
from db.sources import source_title
from db.store import open_project
from desktop_app.command_options import add_format, project_command
from desktop_app.originals.files import save_original, verification_report


def register(subparsers) -> None:
    verify = project_command(
        subparsers, "verify", run_verify,
        description="Compute the SHA-256 of every original kept in the project again and compare it with the "
        "hash recorded when it was imported. Exit 0 when all are intact, 1 naming each one that is not.")
    add_format(verify)

    original = project_command(
        subparsers, "original", run_original,
        description="Write the file a source was imported from, exactly as it was imported, to FILE.")
    original.add_argument("--source", required=True, type=int, metavar="ID", help="the source's id")
    original.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it")


def run_verify(args) -> int:
    db = open_project(args.db)
    try:
        checked, altered = originals.verify(db)
    finally:
        db.close()
    report = verification_report(checked, altered)
    if args.format == "json":
        print(json.dumps({"checked": checked, "intact": checked - len(altered),
                          "altered": [{"id": a.original.id, "file_name": a.original.file_name,
                                       "recorded_sha256": a.original.sha256, "found_sha256": a.found_sha256,
                                       "recorded_size": a.original.size, "found_size": a.found_size}
                                      for a in altered]}, ensure_ascii=False, indent=2))
    else:
        print(report.summary)
        for line in report.lines:
            print(f"  {line}", file=sys.stdout)
    return 1 if altered else 0


def run_original(args) -> int:
    db = open_project(args.db)
    try:
        if source_title(db, args.source) is None:
            raise SourcelineError(f"{args.db}: there is no source {args.source}")
        original = originals.of_source(db, args.source)
        if original is None:
            raise SourcelineError(f"{args.db}: source {args.source} was not imported from a file; it has no original")
        save_original(db, original, args.output)
    finally:
        db.close()
    print(f"wrote {args.output} ({original.size:,} bytes, sha256 {original.sha256})")
    return 0
