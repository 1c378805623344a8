"""``--author`` for the commands that edit a project, and opening a project signed by it."""
from __future__ import annotations

from db.connection import Database

from db import authorship
from db.store import open_project
from desktop_app.authors import identity


def add_option(parser) -> None:
    parser.add_argument("--author", metavar="NAME",
                        help=f"who makes these edits (default: ${identity.ENVIRONMENT}, else your saved name)")


def open_as_author(args) -> Database:
    """Open ``args.db`` with the run's author set, so every edit is signed."""
    author = identity.resolve(getattr(args, "author", None))
    db = open_project(args.db, verify=True)  # work that writes never writes into a garbled file
    authorship.use(db, author)
    return db
