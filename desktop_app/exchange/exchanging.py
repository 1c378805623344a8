"""Export my changes, apply a teammate's: the one path the window and the command line share."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import apsw
from db.connection import Database

from db import authorship, exchange
from db import exchange_conflicts as conflicts
from db.errors import FileProblem
from desktop_app.exchange import change_file


def export_changes(db: Database, path: str | Path, since: int | None = None, project_name: str = "") -> change_file.ChangeFile:
    """Write every change since ``since`` (default: since the last export) to ``path``; the next
    export starts where this one ends."""
    project = exchange.identity(db)
    author = authorship.current(db)
    made = exchange.export(db, since)
    written = change_file.ChangeFile(
        project.uuid, {"id": author.id, "name": author.name} if author else {}, made.changeset, made.since, made.upto,
        made.counts, made.notes, made.authors, made.originals, project_name=project_name)
    change_file.write(path, written, project.key)
    exchange.record_export(db, written.file_id, made.upto, made.counts)
    return written


@dataclass
class Applied:
    sender: dict
    already: str | None = None  # when this file was applied before (then nothing changed)
    summary: dict = field(default_factory=dict)
    conflicts: list[dict] = field(default_factory=list)
    policy: str = "review"

    @property
    def pending(self) -> bool:
        return self.policy == "review" and bool(self.conflicts)

    def as_json(self, path) -> dict:
        return {"file": str(path), "from": self.sender, "already_applied": self.already, **self.summary,
                "on_conflict": self.policy, "conflicts": self.conflicts}


def read_change_file(db: Database, path: str | Path) -> change_file.ChangeFile:
    """The change file at ``path``, checked against this project (``FileProblem`` otherwise)."""
    project = exchange.identity(db)
    read = change_file.read(path, project.uuid, project.key)
    try:
        exchange.check_changeset(db, read.changeset)
    except (apsw.Error, ValueError) as error:
        raise FileProblem(path, None, f"the change file's changes cannot be read ({error}); nothing was changed") from error
    return read


def apply_changes(db: Database, path: str | Path, policy: str, run: Callable) -> Applied:
    """Apply the change file at ``path``: ``run(op)`` does the edit (``ops.run`` headless,
    ``session.push`` in the window). Conflicts are kept for review, or settled by ``policy``."""
    read = read_change_file(db, path)
    sender = read.author or {}
    applied = Applied({"id": sender.get("id"), "name": sender.get("name")}, policy=policy)
    applied.already = exchange.applied_at(db, read.file_id)
    if applied.already:
        return applied
    outcome: list = []
    op = exchange.apply(read.changeset, read.file_id, sender.get("name") or "a teammate", read.notes,
                        read.authors, policy, outcome, read.originals)
    author = authorship.Author(sender["id"], sender["name"]) if sender.get("id") else None
    with authorship.carried(db, author):
        run(op)
    result = outcome[0]
    applied.summary = result.summary()
    names = authorship.names(db, {a for c in result.conflicts for a in (c.my_author, c.their_author)})
    applied.conflicts = [dict(c.as_json(names), title=conflicts.record_title(db, c.table, c.uuid))
                         for c in result.conflicts]
    return applied
