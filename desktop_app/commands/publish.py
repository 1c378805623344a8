"""`sourceline publish`: a read-only copy of the project as plain pages, for readers with a browser."""
from __future__ import annotations

from pathlib import Path

from db.store import open_project
from desktop_app.command_options import project_command


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "publish", run, help="write a read-only copy of the project as web pages",
        description="Write the project as plain web pages that open from the folder with no network: an overview "
        "with the timeline picture, the chronology with every citation, one page per source, the bibliography. "
        "The folder must be new, empty, or an earlier publication (which is replaced).")
    parser.add_argument("--out", required=True, metavar="DIR", help="the folder to write")
    parser.add_argument("--title", help="the site's title (default: the project file's name)")


def run(args) -> int:
    from desktop_app.publishing.drawing import timeline_drawer
    from desktop_app.publishing.site import publish

    db = open_project(args.db)
    try:
        title = args.title or Path(args.db).stem
        done = publish(db, args.out, title, timeline_drawer(db, title))
    finally:
        db.close()
    print(f"published {done.events:,} events and {done.sources:,} sources to {done.folder} "
          f"({done.pages:,} pages); open {Path(done.folder) / 'index.html'}")
    return 0
