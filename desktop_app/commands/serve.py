"""`sourceline serve`: the project in Datasette, read-only, for a team lead's browser."""
from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from db.errors import ProjectFileError, SourcelineError
from db.store import look, recognise_for_reading
from desktop_app.command_options import project_command

INSTALL = "pip install 'sourceline[serve]'"


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "serve", run, help="browse the project read-only in Datasette",
        description="Serve the project with Datasette, read-only, with a description of each table and canned "
        "queries: events by period, contested events, sources with the events citing them, highlights by tag. It "
        "serves a copy taken as it starts (the project may stay open in Sourceline; the project file is never "
        "written), so later edits show after a restart.")
    parser.add_argument("--port", type=int, default=8001, help="the port (default 8001)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default 127.0.0.1: this computer only)")


def _snapshot(path: Path, copy: Path) -> None:
    """Copy the project as it is now into ``copy``, through a read-only connection that sees the
    WAL: Datasette then opens the copy immutable (an immutable read of a live project file would
    miss the pages still in its WAL), and the project itself is never written."""
    recognise_for_reading(path)
    try:
        with look(path) as conn:
            target = sqlite3.connect(copy)
            try:
                conn.backup(target)
            finally:
                target.close()
    except sqlite3.DatabaseError as error:
        raise ProjectFileError(f"{path}: cannot be copied to serve it ({error})") from error


def run(args) -> int:
    path = Path(args.db)
    with tempfile.TemporaryDirectory(prefix="sourceline-serve-") as folder:
        copy = Path(folder) / f"{path.stem}.sqlite"
        _snapshot(path, copy)
        try:
            import uvicorn
            from datasette.app import Datasette
        except ImportError as error:
            raise SourcelineError(
                f"`sourceline serve` needs Datasette, an optional part of Sourceline: {INSTALL}") from error
        from db.served_queries import metadata

        datasette = Datasette(immutables=[str(copy)], metadata=metadata(path.stem, f"{path.stem} (Sourceline)"),
                              settings={"allow_download": False})
        print(f"serving {path} read-only at http://{args.host}:{args.port}/{path.stem} (Ctrl+C stops)", flush=True)
        uvicorn.run(datasette.app(), host=args.host, port=args.port, log_level="warning")
    return 0
