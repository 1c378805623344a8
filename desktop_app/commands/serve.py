"""`sourceline serve`: the project in Datasette, read-only, for a team lead's browser."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from db.errors import ProjectFileError, SourcelineError
from db.store import peek

INSTALL = "pip install 'sourceline[serve]'"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve", help="browse the project read-only in Datasette",
        description="Serve the project with Datasette, read-only (the file is opened immutable: nothing can change "
        "it), with a description of each table and canned queries: events by period, contested events, sources "
        "with the events citing them, highlights by tag. It shows the file as last saved by a closed Sourceline.")
    parser.add_argument("--db", required=True, metavar="PATH", help="the project file")
    parser.add_argument("--port", type=int, default=8001, help="the port (default 8001)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default 127.0.0.1: this computer only)")
    parser.set_defaults(run=run)


def _check(path: Path) -> None:
    if not path.is_file():
        raise ProjectFileError(f"{path}: no such project file")
    try:
        with peek(path) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise ProjectFileError(f"{path}: not a Sourceline project ({error})") from error
    if version == 0:
        raise ProjectFileError(f"{path}: not a Sourceline project")


def run(args) -> int:
    path = Path(args.db)
    _check(path)
    try:
        import uvicorn
        from datasette.app import Datasette
    except ImportError as error:
        raise SourcelineError(f"`sourceline serve` needs Datasette, an optional part of Sourceline: {INSTALL}") from error
    from db.served_queries import metadata

    datasette = Datasette(immutables=[str(path)], metadata=metadata(path.stem, f"{path.stem} (Sourceline)"),
                          settings={"allow_download": False})
    print(f"serving {path} read-only at http://{args.host}:{args.port}/{path.stem} (Ctrl+C stops)", flush=True)
    uvicorn.run(datasette.app(), host=args.host, port=args.port, log_level="warning")
    return 0
