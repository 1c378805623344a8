"""The ladder the schema's steps register on, and the marks a project file carries."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Migrations

    from db.connection import Database


class _Ladder:
    """The steps, in order, handed to sqlite-utils' ``Migrations`` only when a file is migrated or
    asked what it lacks: importing sqlite-utils costs more than opening an up-to-date project, so
    opening one (``user_version`` already at ``SCHEMA_VERSION``) never loads it."""

    def __init__(self, name: str):
        self._name = name
        self._steps: list = []
        self._built: Migrations | None = None

    def __call__(self, **options):
        """``@migrations()`` adds the function below as the next step (options as sqlite-utils')."""
        def register(step):
            self._steps.append((step, options))
            return step
        return register

    def _migrations(self) -> Migrations:
        if self._built is None:
            from sqlite_utils import Migrations

            self._built = Migrations(self._name)
            for step, options in self._steps:
                self._built(**options)(step)
        return self._built

    @staticmethod
    def _on(db: Database):
        # sqlite-utils' Database on our connection; it must not turn recursive triggers on (the
        # *_touch triggers update the row they fire on)
        from sqlite_utils import Database as SqliteUtilsDatabase

        return SqliteUtilsDatabase(db.conn, recursive_triggers=False)

    def pending(self, db: Database) -> list:
        return self._migrations().pending(self._on(db))

    def apply(self, db: Database, stop_before: str | None = None) -> None:
        self._migrations().apply(self._on(db), stop_before=stop_before)


LADDER = "sourceline"  # the migration set recorded in _sqlite_migrations
migrations = _Ladder(LADDER)
# PRAGMA application_id of a project ("SrcL"): written at creation, and by m007 for older projects.
APPLICATION_ID = 0x5372634C
