"""Steps 8–11: authors, exchanging changes between copies, eras, source places and image regions."""
from __future__ import annotations

import hashlib
import uuid
from typing import TYPE_CHECKING

from db.migration_steps.ladder import migrations
from db.migration_steps.records import NOW, RECORD_TABLES, record_columns

if TYPE_CHECKING:
    from db.connection import Database


@migrations()
def m008_authors(db: Database) -> None:
    """Who did what: the people who edit the project (a stable id and the name they go by), the
    author of every history row, and who created and last changed each record (author ids; NULL
    for what was written before authors were recorded, or in bulk by an import)."""
    db.executescript("""
        CREATE TABLE authors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL
        );
        ALTER TABLE history ADD COLUMN author_id TEXT;
    """)
    for table in RECORD_TABLES:
        db.executescript(f"""
            ALTER TABLE {table} ADD COLUMN created_by TEXT;
            ALTER TABLE {table} ADD COLUMN modified_by TEXT;
        """)
    db.execute("PRAGMA user_version = 8")


@migrations()
def m009_exchange(db: Database) -> None:
    """Exchanging changes between copies of one project. ``project_info`` names the project: its
    uuid (which copies share, and a change file carries) and the key change files are signed with
    — both derived from when the project was first created, so copies made from one file before
    this step still agree. ``exchanges`` lists the change files exported (the history row each
    reached: the next export starts there) and applied (a file applied twice changes nothing);
    ``exchange_conflicts`` holds the conflicts an applied file left for review."""
    born = db.execute("SELECT applied_at FROM _sqlite_migrations WHERE name = 'm001_initial_schema'").fetchone()
    seed = f"sourceline project created {born[0] if born else ''}"
    db.executescript("""
        CREATE TABLE project_info (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE exchanges (
            id INTEGER PRIMARY KEY,
            direction TEXT NOT NULL CHECK (direction IN ('export', 'apply')),
            file_id TEXT NOT NULL,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            author_id TEXT,
            -- export: the last history row it holds (the next export starts after it)
            upto INTEGER,
            summary_json TEXT CHECK (summary_json IS NULL OR json_valid(summary_json))
        );
        CREATE INDEX exchanges_by_file ON exchanges(file_id);
        -- a record deleted here is found (and can be restored) by its uuid
        CREATE INDEX history_by_uuid ON history(record_uuid, id) WHERE record_uuid IS NOT NULL;
        CREATE TABLE exchange_conflicts (
            id INTEGER PRIMARY KEY,
            file_id TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_uuid TEXT NOT NULL,
            -- a column, or '(record)' when one side deleted what the other changed
            field TEXT NOT NULL,
            mine_json TEXT CHECK (json_valid(mine_json)),
            theirs_json TEXT CHECK (json_valid(theirs_json)),
            my_author_id TEXT,
            my_at TEXT,
            their_author_id TEXT,
            their_at TEXT,
            -- what taking theirs needs beyond the field (their other values, rows that depend on it)
            detail_json TEXT CHECK (detail_json IS NULL OR json_valid(detail_json))
        );
    """)
    db.execute("INSERT INTO project_info (key, value) VALUES ('uuid', ?), ('exchange_key', ?)",
               (str(uuid.uuid5(uuid.NAMESPACE_URL, seed)), hashlib.sha256(f"{seed} exchange key".encode()).hexdigest()))
    db.execute("PRAGMA user_version = 9")


@migrations()
def m010_eras(db: Database) -> None:
    """Named periods ("Kursk incursion", "Trump transition"): the analyst's records as events are,
    with a name, an EDTF date (an interval or a single date) and the same derived bounds as an
    event's (``db.dates.bounds``), and a colour (``#rrggbb``), or none for the theme's."""
    db.executescript(f"""
        CREATE TABLE eras (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            date_edtf TEXT NOT NULL,
            start_s INTEGER NOT NULL,
            end_s INTEGER NOT NULL CHECK (end_s >= start_s),
            fuzzy_start_s INTEGER,
            fuzzy_end_s INTEGER,
            color TEXT CHECK (color IS NULL OR (length(color) = 7
                AND color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]')),
            {record_columns()}
        );
        CREATE INDEX eras_by_start ON eras(start_s, end_s);
        CREATE TRIGGER eras_touch AFTER UPDATE ON eras
        WHEN new.modified_at = old.modified_at
        BEGIN
            UPDATE eras SET modified_at = {NOW} WHERE id = new.id;
        END;
    """)
    db.execute("PRAGMA user_version = 10")


@migrations()
def m011_source_places_and_image_regions(db: Database) -> None:
    """Where a source was made — a photograph's GPS position — in the columns and checks events'
    place has (WGS 84 degrees, south and west negative); and for a highlight drawn over a picture,
    its region in the picture's upright pixels as a JSON [x, y, width, height] (``db.image_regions``)."""
    db.executescript("""
        ALTER TABLE sources ADD COLUMN latitude REAL CHECK (latitude BETWEEN -90 AND 90);
        ALTER TABLE sources ADD COLUMN longitude REAL CHECK (longitude BETWEEN -180 AND 180);
        ALTER TABLE annotations ADD COLUMN region TEXT CHECK (region IS NULL OR json_valid(region));
    """)
    db.execute("PRAGMA user_version = 11")
