"""The first step: the schema as version 1 created it (records, history, change log triggers,
derived data and full-text indexes)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from db.derived import FTS_TABLES, day_of, first_reported_values
from db.migration_steps.ladder import migrations
from db.migration_steps.records import NOW, RECORD_TABLES, record_columns

if TYPE_CHECKING:
    from db.connection import Database


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
    record = record_columns()
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
            at TEXT NOT NULL DEFAULT ({NOW}),
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
                UPDATE {table} SET modified_at = {NOW} WHERE id = new.id;
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
