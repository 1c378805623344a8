"""The schema as a ladder of small named steps (sqlite-utils Migrations).

Each step runs in one transaction together with the record of it having been applied, and ends by
setting ``PRAGMA user_version`` to its rung, so that any SQLite tool can tell the schema version.
Never edit a step that has shipped: add a new one.
"""
from __future__ import annotations

import hashlib
import uuid
from typing import TYPE_CHECKING

from db.derived import FTS_TABLES, day_of, first_reported_values
from db.geo_index import place_index_statements

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
SCHEMA_VERSION = 12  # the user_version the last step sets
# PRAGMA application_id of a project ("SrcL"): written at creation, and by m007 for older projects.
APPLICATION_ID = 0x5372634C

# Tables whose rows are the analyst's work, with a uuid and created/modified timestamps.
RECORD_TABLES = ("events", "sources", "source_creators", "annotations", "citations", "entities", "entity_aliases", "tags")

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def _record_columns() -> str:
    return f"""
        uuid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
            || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
            || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
        created_at TEXT NOT NULL DEFAULT ({_NOW}),
        modified_at TEXT NOT NULL DEFAULT ({_NOW})"""


def _fts(db: Database, name: str, table: str, columns: tuple[str, ...]) -> None:
    """An external-content FTS5 index over ``table`` kept in step by triggers."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    db.executescript(f"""
        CREATE VIRTUAL TABLE {name} USING fts5({cols}, content='{table}', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO {name}(rowid, {cols}) VALUES (new.id, {new});
        END;
        CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN
            INSERT INTO {name}({name}, rowid, {cols}) VALUES ('delete', old.id, {old});
        END;
        CREATE TRIGGER {name}_au AFTER UPDATE OF {cols} ON {table} BEGIN
            INSERT INTO {name}({name}, rowid, {cols}) VALUES ('delete', old.id, {old});
            INSERT INTO {name}(rowid, {cols}) VALUES (new.id, {new});
        END;
    """)


@migrations()
def m001_initial_schema(db: Database) -> None:
    record = _record_columns()
    db.executescript(f"""
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            description TEXT NOT NULL DEFAULT '',
            date_edtf TEXT NOT NULL,
            -- derived from date_edtf by db.dates.bounds: seconds since 1970 UTC, end exclusive;
            -- fuzzy bounds stretch approximate/uncertain ends, NULL = open end
            start_s INTEGER NOT NULL,
            end_s INTEGER NOT NULL CHECK (end_s >= start_s),
            fuzzy_start_s INTEGER,
            fuzzy_end_s INTEGER,
            date_precision TEXT NOT NULL,
            location_name TEXT,
            latitude REAL CHECK (latitude BETWEEN -90 AND 90),
            longitude REAL CHECK (longitude BETWEEN -180 AND 180),
            -- the id an event dataset gave it (e.g. ACLED event_id_cnty), so a re-import updates it
            dataset TEXT,
            external_id TEXT,
            -- kept by triggers: the earliest issued date among the sources that cite the event
            first_reported_s INTEGER,
            first_reported_edtf TEXT,
            {record}
        );
        CREATE INDEX events_by_start ON events(start_s, end_s);
        CREATE INDEX events_by_title ON events(title COLLATE NOCASE);
        CREATE UNIQUE INDEX events_by_external_id ON events(dataset, external_id) WHERE external_id IS NOT NULL;

        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            csl_type TEXT NOT NULL DEFAULT 'article-newspaper',
            title TEXT NOT NULL DEFAULT '',
            container_title TEXT,
            publisher TEXT,
            issued_edtf TEXT,
            issued_start_s INTEGER,
            url TEXT,
            accessed_edtf TEXT,
            language TEXT,
            doi TEXT,
            isbn TEXT,
            issn TEXT,
            citation_key TEXT,
            -- every other CSL-JSON variable (volume, issue, page, abstract, ...), as a JSON object
            csl_extra TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(csl_extra)),
            full_text TEXT NOT NULL DEFAULT '',
            -- the analyst's grading (Admiralty / NATO system)
            reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
            credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
            evaluation_note TEXT NOT NULL DEFAULT '',
            {record}
        );
        CREATE INDEX sources_by_issued ON sources(issued_start_s);
        CREATE INDEX sources_by_doi ON sources(lower(doi)) WHERE doi IS NOT NULL;
        CREATE INDEX sources_by_url ON sources(url) WHERE url IS NOT NULL;
        CREATE INDEX sources_by_title ON sources(title COLLATE NOCASE);

        CREATE TABLE source_creators (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            role TEXT NOT NULL DEFAULT 'author',
            position INTEGER NOT NULL DEFAULT 0,
            family TEXT,
            given TEXT,
            literal TEXT,
            {record},
            CHECK (coalesce(family, literal) IS NOT NULL)
        );
        CREATE INDEX source_creators_by_source ON source_creators(source_id, role, position);

        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            -- anchored by character range plus the exact quote and its context (W3C text-quote
            -- selector), so it can be found again when the source's text is corrected
            start_char INTEGER NOT NULL CHECK (start_char >= 0),
            end_char INTEGER NOT NULL CHECK (end_char >= start_char),
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
            note TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL DEFAULT 'yellow',
            {record}
        );
        CREATE INDEX annotations_by_source ON annotations(source_id, start_char);

        CREATE TABLE citations (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            annotation_id INTEGER REFERENCES annotations(id) ON DELETE SET NULL,
            locator_type TEXT NOT NULL DEFAULT 'paragraph',
            locator TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT '',
            stance TEXT NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'contradicts', 'mentions')),
            {record}
        );
        CREATE INDEX citations_by_event ON citations(event_id);
        CREATE INDEX citations_by_source ON citations(source_id);
        CREATE INDEX citations_by_annotation ON citations(annotation_id);

        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('person', 'organisation', 'place', 'equipment', 'other')),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            note TEXT NOT NULL DEFAULT '',
            {record}
        );
        CREATE INDEX entities_by_name ON entities(name COLLATE NOCASE);

        CREATE TABLE entity_aliases (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            alias TEXT NOT NULL CHECK (length(trim(alias)) > 0),
            {record},
            UNIQUE (entity_id, alias COLLATE NOCASE)
        );
        CREATE INDEX entity_aliases_by_alias ON entity_aliases(alias COLLATE NOCASE);

        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            color TEXT,
            {record}
        );

        CREATE TABLE event_tags (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (event_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_tags_by_tag ON event_tags(tag_id, event_id);

        CREATE TABLE event_entities (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            PRIMARY KEY (event_id, entity_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_entities_by_entity ON event_entities(entity_id, event_id);

        CREATE TABLE annotation_tags (
            annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (annotation_id, tag_id)
        ) WITHOUT ROWID;

        -- what every edit created, changed or deleted, with the values before and after
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL DEFAULT ({_NOW}),
            edit TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
            table_name TEXT NOT NULL,
            row_id INTEGER,
            record_uuid TEXT,
            before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
            after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json))
        );
        CREATE INDEX history_by_record ON history(table_name, row_id);

        -- events per day of their start, kept by triggers: the zoomed-out timeline draws these
        -- counts instead of reading a million rows
        CREATE TABLE event_day_counts (
            day INTEGER PRIMARY KEY,
            n INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TRIGGER event_day_counts_ai AFTER INSERT ON events BEGIN
            INSERT INTO event_day_counts(day, n) VALUES ({day_of('new.start_s')}, 1)
                ON CONFLICT(day) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER event_day_counts_ad AFTER DELETE ON events BEGIN
            UPDATE event_day_counts SET n = n - 1 WHERE day = {day_of('old.start_s')};
            DELETE FROM event_day_counts WHERE day = {day_of('old.start_s')} AND n <= 0;
        END;
        CREATE TRIGGER event_day_counts_au AFTER UPDATE OF start_s ON events
            WHEN {day_of('old.start_s')} != {day_of('new.start_s')}
        BEGIN
            UPDATE event_day_counts SET n = n - 1 WHERE day = {day_of('old.start_s')};
            DELETE FROM event_day_counts WHERE day = {day_of('old.start_s')} AND n <= 0;
            INSERT INTO event_day_counts(day, n) VALUES ({day_of('new.start_s')}, 1)
                ON CONFLICT(day) DO UPDATE SET n = n + 1;
        END;
    """)
    for table in RECORD_TABLES:
        # Runs once per edit: the store opens connections with recursive triggers off.
        db.execute(f"""
            CREATE TRIGGER {table}_touch AFTER UPDATE ON {table}
            WHEN new.modified_at = old.modified_at
            BEGIN
                UPDATE {table} SET modified_at = {_NOW} WHERE id = new.id;
            END
        """)
    _first_reported_triggers(db)
    for name, (table, columns) in FTS_TABLES.items():
        _fts(db, name, table, columns)
    db.execute("PRAGMA user_version = 1")


def _first_reported_triggers(db: Database) -> None:
    """Keep events.first_reported_* equal to the earliest issued date of the sources citing them."""
    recompute = """
        UPDATE events SET
            {values}
        WHERE id = {event};"""
    db.executescript(f"""
        CREATE TRIGGER citations_first_reported_ai AFTER INSERT ON citations BEGIN
            {recompute.format(event='new.event_id', values=first_reported_values('new.event_id'))}
        END;
        CREATE TRIGGER citations_first_reported_ad AFTER DELETE ON citations BEGIN
            {recompute.format(event='old.event_id', values=first_reported_values('old.event_id'))}
        END;
        CREATE TRIGGER citations_first_reported_au AFTER UPDATE OF event_id, source_id ON citations BEGIN
            {recompute.format(event='old.event_id', values=first_reported_values('old.event_id'))}
            {recompute.format(event='new.event_id', values=first_reported_values('new.event_id'))}
        END;
        CREATE TRIGGER sources_first_reported_au AFTER UPDATE OF issued_start_s ON sources BEGIN
            UPDATE events SET
                {first_reported_values('events.id')}
            WHERE id IN (SELECT event_id FROM citations WHERE source_id = new.id);
        END;
    """)



@migrations()
def m002_range_queries_and_first_reported_index(db: Database) -> None:
    """Fast time-window queries at the late end of a large project, and sorting by first report.

    A window query ``start_s < :to AND end_s > :from`` scans the start index from the very first
    event; knowing the longest event's span bounds it from below as well
    (``start_s >= :from - max_span``). The span only grows (a delete leaves it as it was), which
    keeps every query correct and merely less tight."""
    db.executescript("""
        CREATE TABLE event_span (max_span_s INTEGER NOT NULL);
        INSERT INTO event_span SELECT coalesce(max(end_s - start_s), 0) FROM events;
        CREATE TRIGGER event_span_ai AFTER INSERT ON events
            WHEN new.end_s - new.start_s > (SELECT max_span_s FROM event_span)
        BEGIN
            UPDATE event_span SET max_span_s = new.end_s - new.start_s;
        END;
        CREATE TRIGGER event_span_au AFTER UPDATE OF start_s, end_s ON events
            WHEN new.end_s - new.start_s > (SELECT max_span_s FROM event_span)
        BEGIN
            UPDATE event_span SET max_span_s = new.end_s - new.start_s;
        END;
        -- events never reported sort last, as the event list shows them
        CREATE INDEX events_by_first_reported ON events(first_reported_s IS NULL, first_reported_s);
    """)
    db.execute("PRAGMA user_version = 2")


@migrations()
def m003_citation_dates_and_source_types(db: Database) -> None:
    """The date a source gives for an event, when it gives one (EDTF), with how far it may reach
    (seconds since 1970, NULL for an open end): a source whose date cannot be the event's makes the
    event contested, as a contradicting one does."""
    db.executescript("""
        ALTER TABLE citations ADD COLUMN claimed_edtf TEXT;
        ALTER TABLE citations ADD COLUMN claimed_earliest_s INTEGER;
        ALTER TABLE citations ADD COLUMN claimed_latest_s INTEGER;
        -- the library's type filter lists the types in use without reading every full text
        CREATE INDEX sources_by_type ON sources(csl_type);
    """)
    db.execute("PRAGMA user_version = 3")


@migrations()
def m004_originals(db: Database) -> None:
    """The files sources were imported from, kept whole with their SHA-256 (see ``db.originals``):
    what each is in one small table, its bytes in another that only a reader of bytes touches."""
    db.executescript(f"""
        CREATE TABLE originals (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
            size INTEGER NOT NULL CHECK (size >= 0),
            media_type TEXT NOT NULL,
            file_name TEXT NOT NULL,
            imported_at TEXT NOT NULL DEFAULT ({_NOW})
        );
        CREATE TABLE original_bytes (
            original_id INTEGER PRIMARY KEY REFERENCES originals(id) ON DELETE CASCADE,
            data BLOB NOT NULL
        );
        ALTER TABLE sources ADD COLUMN original_id INTEGER REFERENCES originals(id);
        CREATE INDEX sources_by_original ON sources(original_id) WHERE original_id IS NOT NULL;
    """)
    db.execute("PRAGMA user_version = 4")


@migrations()
def m005_pdf_pages_and_page_anchors(db: Database) -> None:
    """A PDF source's pages (``db.pdf_pages``): where each page's text is in the source's full text,
    its printed label and size; the box of every character, kept beside the original the text was
    read from (never changed, so, like the original, not in the undo log); and for a highlight
    the page it starts on and its rectangles in PDF points."""
    db.executescript("""
        CREATE TABLE source_pages (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            page_index INTEGER NOT NULL CHECK (page_index >= 0),
            label TEXT NOT NULL,
            start_char INTEGER NOT NULL CHECK (start_char >= 0),
            end_char INTEGER NOT NULL CHECK (end_char >= start_char),
            width REAL NOT NULL,
            height REAL NOT NULL,
            has_text INTEGER NOT NULL CHECK (has_text IN (0, 1)),
            -- how the text was read (PDFium's build, the normalisation, OCR): names its boxes
            extraction TEXT NOT NULL,
            UNIQUE (source_id, page_index)
        );
        CREATE TABLE pdf_char_boxes (
            id INTEGER PRIMARY KEY,
            original_id INTEGER NOT NULL REFERENCES originals(id) ON DELETE CASCADE,
            extraction TEXT NOT NULL,
            page_index INTEGER NOT NULL,
            -- float32 left, bottom, right, top per character of the page's text, little-endian
            boxes BLOB NOT NULL,
            UNIQUE (original_id, extraction, page_index)
        );
        ALTER TABLE annotations ADD COLUMN page_index INTEGER;
        ALTER TABLE annotations ADD COLUMN rects TEXT CHECK (rects IS NULL OR json_valid(rects));
    """)
    db.execute("PRAGMA user_version = 5")


@migrations()
def m006_event_places(db: Database) -> None:
    """Where events happened, for the map: how precise a location is (a dataset's geo-precision:
    1 the place itself, 2 near it, 3 only the region), an R*Tree over the coordinates and per-cell
    counts kept by triggers (see db/geo.py), and the located events by start for periods."""
    db.executescript("""
        ALTER TABLE events ADD COLUMN geo_precision INTEGER CHECK (geo_precision IN (1, 2, 3));
        CREATE INDEX events_by_start_place ON events(start_s, end_s, longitude, latitude)
            WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
    """)
    for statement in place_index_statements():
        db.execute(statement)
    db.execute("PRAGMA user_version = 6")


@migrations()
def m007_application_id(db: Database) -> None:
    """Mark the file as a Sourceline project (``PRAGMA application_id``), as new projects are marked
    at creation: opening recognises a project by it before writing anything, and leaves another
    program's SQLite database as it is."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 7")


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
            {_record_columns()}
        );
        CREATE INDEX eras_by_start ON eras(start_s, end_s);
        CREATE TRIGGER eras_touch AFTER UPDATE ON eras
        WHEN new.modified_at = old.modified_at
        BEGIN
            UPDATE eras SET modified_at = {_NOW} WHERE id = new.id;
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


@migrations()
def m012_era_authors(db: Database) -> None:
    """Who created and last changed each era, as for every other record (``m008_authors``), so
    that eras travel in change files with their authors."""
    db.executescript("""
        ALTER TABLE eras ADD COLUMN created_by TEXT;
        ALTER TABLE eras ADD COLUMN modified_by TEXT;
    """)
    db.execute("PRAGMA user_version = 12")
