"""`sourceline new` and `sourceline info`: create a project, describe one."""
from __future__ import annotations

import json
import os
from pathlib import Path

from db.store import create_project, open_project, schema_version
from db.summary import row_counts
from desktop_app.command_options import add_format, project_command

TABLES = ("events", "sources", "annotations", "citations", "entities", "tags")  # the counts `info` prints


def register(subparsers) -> None:
    new = subparsers.add_parser("new", description="Create an empty project file, "
                                "or with --sample a copy of the sample project.")
    new.add_argument("path", help="the new project file (e.g. ukraine.sourceline)")
    new.add_argument("--sample", action="store_true", help="fill it with the sample project")
    new.set_defaults(run=run_new)

    info = project_command(
        subparsers, "info", run_info,
        description="Print what a project holds: counts, schema version, file size.")
    add_format(info)


def run_new(args) -> int:
    db = create_project(args.path)
    try:
        if args.sample:
            from desktop_app.sample import build_sample

            build_sample(db)
    except BaseException:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(args.path + suffix).unlink(missing_ok=True)
        raise
    db.close()
    print(f"created {args.path}")
    return 0


def project_info(path: str) -> dict:
    db = open_project(path, verify=True)  # info says whether SQLite can read all of it
    try:
        counts = row_counts(db, TABLES)
        version = schema_version(db)
    finally:
        db.close()
    return {"path": str(path), "schema_version": version, "file_size_bytes": os.path.getsize(path), "counts": counts}


def run_info(args) -> int:
    info = project_info(args.db)
    if args.format == "json":
        print(json.dumps(info, indent=2))
        return 0
    print(f"project        {info['path']}")
    print(f"schema version {info['schema_version']}")
    print(f"file size      {info['file_size_bytes'] / 1_048_576:.1f} MiB")
    for table, n in info["counts"].items():
        print(f"{table:<14} {n:,}")
    return 0
