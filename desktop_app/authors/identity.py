"""The person using this Sourceline: a stable id and the name shown on their edits.

Kept in ``author.json`` in the user's data folder, shared by the window and the command line.
The id never changes, so renaming oneself keeps one's earlier edits; until the user has given a
name (at first run or in Preferences) the login name stands in.

On the command line ``--author NAME`` (or ``SOURCELINE_AUTHOR``) names the author of that run:
the user's own id when it is their saved name, otherwise an id derived from the name, the same
on every run and every machine, so a script that signs its edits "Import bot" is one author.
"""
from __future__ import annotations

import getpass
import json
import os
import platform
import uuid
from pathlib import Path

from db.authorship import Author
from db.backups import data_dir
from db.errors import SourcelineError
from desktop_app.formats.atomic_write import atomic_path

ENVIRONMENT = "SOURCELINE_AUTHOR"
FILE_NAME = "author.json"
# Names given on the command line map to ids under this namespace (uuid5).
_NAMESPACE = uuid.UUID("6f1c8d2e-5b7a-4d3e-9a41-2c9e7b5d0f18")
MAX_NAME = 120


def _path() -> Path:
    return data_dir() / FILE_NAME


def _login_name() -> str:
    try:
        return getpass.getuser() or "Analyst"
    except (KeyError, OSError):  # no login name in a container or a service account
        return "Analyst"


def clean_name(name: str) -> str:
    """A name fit to show on edits: one line, trimmed, not empty, not too long."""
    name = " ".join((name or "").split())
    if not name:
        raise SourcelineError("an author needs a name")
    if len(name) > MAX_NAME:
        raise SourcelineError(f"an author's name is at most {MAX_NAME} characters")
    return name


def _read() -> dict:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def saved() -> tuple[Author, bool]:
    """The user's identity and whether they have given their name. Until they have, it is their
    login name with an id derived from it and the machine's name: the same on every run, and
    nothing is written to the data folder by merely opening a project."""
    data = _read()
    try:
        return Author(str(uuid.UUID(str(data["id"]))), clean_name(str(data["name"]))), bool(data.get("confirmed"))
    except (KeyError, ValueError, SourcelineError):
        login = _login_name()
        return Author(str(uuid.uuid5(_NAMESPACE, f"login {login}@{platform.node()}")), login), False


def save_name(name: str) -> Author:
    """Set the user's name (keeping their id) and mark it given. ``SourcelineError`` when the data
    folder cannot be written."""
    author = Author(saved()[0].id, clean_name(name))
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as temporary:
            temporary.write_text(json.dumps({"id": author.id, "name": author.name, "confirmed": True}),
                                 encoding="utf-8")
    except OSError as error:
        raise SourcelineError(f"your name could not be saved in {path.parent} ({error.strerror or error})") from error
    return author


def resolve(name: str | None = None) -> Author:
    """The author of this run: ``name`` (from ``--author``), else ``SOURCELINE_AUTHOR``, else the
    saved identity."""
    given = name if name is not None else (os.environ.get(ENVIRONMENT) or "").strip() or None
    mine, _ = saved()
    if given is None:
        return mine
    given = clean_name(given)
    if given.casefold() == mine.name.casefold():
        return mine
    return Author(str(uuid.uuid5(_NAMESPACE, given.casefold())), given)
