"""Steps 2–7: range queries, citation dates, originals, PDF pages, event places, the file's mark."""
from __future__ import annotations

from typing import TYPE_CHECKING

from db.geo_index import place_index_statements
from db.migration_steps.ladder import APPLICATION_ID, migrations
from db.migration_steps.records import NOW

if TYPE_CHECKING:
    from db.connection import Database


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
            imported_at TEXT NOT NULL DEFAULT ({NOW})
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
