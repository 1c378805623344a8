"""The schema as a ladder of small named steps (sqlite-utils Migrations).

Each step runs in one transaction together with the record of it having been applied, and ends by
setting ``PRAGMA user_version`` to its rung, so that any SQLite tool can tell the schema version.
Never edit a step that has shipped: add a new one, last in this file (the first ones live in
``db/migration_steps/``, imported below in ladder order, which is the order they run in).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from db.migration_steps import (  # noqa: F401 (importing a step module registers its steps, in this order)
    m001_initial_schema,
    m002_m007_queries_originals_places,
    m008_m011_authors_exchange_eras,
)
from db.migration_steps.ladder import APPLICATION_ID, LADDER, migrations
from db.migration_steps.records import RECORD_TABLES

if TYPE_CHECKING:
    from db.connection import Database

__all__ = ["APPLICATION_ID", "LADDER", "RECORD_TABLES", "SCHEMA_VERSION", "migrations"]

SCHEMA_VERSION = 12  # the user_version the last step sets


@migrations()
def m012_era_authors(db: Database) -> None:
    """Who created and last changed each era, as for every other record (``m008_authors``), so
    that eras travel in change files with their authors."""
    db.executescript("""
        ALTER TABLE eras ADD COLUMN created_by TEXT;
        ALTER TABLE eras ADD COLUMN modified_by TEXT;
    """)
    db.execute("PRAGMA user_version = 12")
