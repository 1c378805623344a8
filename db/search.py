"""One search across events, sources and annotations (SQLite FTS5).

Whatever the user types — quotes, stars, AND, unbalanced parentheses, a lone hyphen — is turned
into a query made only of quoted terms, so FTS5 never sees its own syntax and never raises.

Its cost is bounded: FTS5 looks each term up on its own, so a word said twice is looked up once
and at most MAX_TERMS words are (5,000 times "a " took 40 s); a search still running after
SEARCH_SECONDS is stopped by SQLite's progress handler and said so (SearchTooSlow).
"""
from __future__ import annotations

import re
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass

from db.connection import Database

from db.errors import SourcelineError

_WORD = re.compile(r"\w+", re.UNICODE)
MARK_START, MARK_END = "\u0002", "\u0003"  # snippet highlight markers no text contains
MAX_TERMS = 32
SEARCH_SECONDS = 5.0
_PROGRESS_STEPS = 1_000  # SQLite virtual-machine steps between two looks at the clock


class SearchTooSlow(SourcelineError):
    def __init__(self, seconds: float):
        super().__init__(f"the search was stopped after {seconds:g} s; try longer or fewer words")


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for user input: every word must appear; the last may be a prefix
    (so results come as you type). A word said twice is looked for once; words after the first
    MAX_TERMS different ones are left out. Empty when the input has no word at all."""
    typed = _WORD.findall(text or "")
    if not typed:
        return ""
    last = text.rstrip()[-1:]
    prefix = typed.pop() if last.isalnum() or last in "_*" else None
    words: dict[str, str] = {}
    for word in typed:
        words.setdefault(word.lower(), word)
    terms = [f'"{word}"' for word in words.values()][:MAX_TERMS]
    # "a b a": the exact "a" already asks for all that "a"* would
    if prefix and prefix.lower() not in words and len(terms) < MAX_TERMS:
        terms.append(f'"{prefix}"*')
    return " ".join(terms)


@contextmanager
def time_limit(db: Database, seconds: float):
    """Stop any statement of ``db`` still running after ``seconds``: SearchTooSlow."""
    deadline = time.monotonic() + seconds
    db.conn.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)
    try:
        yield
    except sqlite3.OperationalError as error:
        if str(error) != "interrupted" or time.monotonic() <= deadline:
            raise
        raise SearchTooSlow(seconds) from None
    finally:
        db.conn.set_progress_handler(None, 0)


@dataclass(frozen=True)
class Hit:
    kind: str  # event, source or annotation
    id: int
    title: str
    snippet: str  # with MARK_START/MARK_END around matched words
    rank: float
    source_id: int | None = None  # for annotations: the source to open


# Ranking with bm25 costs time with the number of matching rows; a term found in most of a million
# events would take seconds. Each kind ranks at most this many matches (the first by rowid).
RANK_CAP = 5_000

_KINDS = {
    "event": ("events_fts", "SELECT title, NULL FROM events WHERE id = ?"),
    "source": ("sources_fts", "SELECT title, NULL FROM sources WHERE id = ?"),
    "annotation": ("annotations_fts", "SELECT substr(exact, 1, 80), source_id FROM annotations WHERE id = ?"),
}


def search(db: Database, text: str, limit: int = 20, kinds=("event", "source", "annotation"),
           seconds: float | None = None) -> list[Hit]:
    """The best ``limit`` hits of every kind together, best first. Text that is an entity's name
    or alias ("Solz" for Olaf Scholz) also finds the events linked to it, first, and what
    mentions it by its name. SearchTooSlow after ``seconds`` (SEARCH_SECONDS unless given)."""
    match = fts_query(text)
    if not match:
        return []
    with time_limit(db, SEARCH_SECONDS if seconds is None else seconds):
        entity = _entity_named(db, text)
        matches = [match] + ([fts_query(entity[1])] if entity and fts_query(entity[1]) != match else [])
        best: dict[tuple[str, int], tuple[float, str]] = {}
        for each in matches:
            for kind in kinds:
                table = _KINDS[kind][0]
                for rowid, rank in db.conn.execute(
                        f"""SELECT rowid, r FROM (SELECT rowid, bm25({table}) AS r FROM {table} WHERE {table} MATCH ?
                                                  LIMIT {RANK_CAP})
                            ORDER BY r LIMIT ?""", (each, limit)):
                    if (kind, rowid) not in best or rank < best[kind, rowid][0]:
                        best[kind, rowid] = (rank, each)
        ranked = sorted((rank, kind, rowid, each) for (kind, rowid), (rank, each) in best.items())
        named = _linked_events(db, entity[0], limit) if entity and "event" in kinds else []
        first = [event_id for event_id in named if ("event", event_id) not in best]
        # Snippets cost far more than ranks: only the hits shown get one.
        hits = [_named_hit(db, event_id, entity[1], text) for event_id in first[:limit]]
        return hits + [_hit(db, kind, rowid, rank, each) for rank, kind, rowid, each in ranked[:limit - len(hits)]]


def _entity_named(db: Database, text: str) -> tuple[int, str] | None:
    """The entity whose name or alias is ``text`` (case-insensitive): its id and name."""
    row = db.conn.execute(
        "SELECT id, name FROM entities WHERE id = (SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE"
        " UNION ALL SELECT entity_id FROM entity_aliases WHERE alias = ?1 COLLATE NOCASE LIMIT 1)",
        (text.strip(),)).fetchone()
    return None if row is None else (row[0], row[1])


def _linked_events(db: Database, entity_id: int, limit: int) -> list[int]:
    return [r[0] for r in db.conn.execute(
        "SELECT ee.event_id FROM event_entities ee JOIN events e ON e.id = ee.event_id WHERE ee.entity_id = ?"
        " ORDER BY e.start_s DESC LIMIT ?", (entity_id, limit))]


def _named_hit(db: Database, event_id: int, name: str, typed: str) -> Hit:
    """An event found through its entity: the snippet says which name it was found by."""
    title = db.conn.execute("SELECT title FROM events WHERE id = ?", (event_id,)).fetchone()[0]
    alias = "" if name.casefold() == typed.strip().casefold() else f" (“{typed.strip()}”)"
    return Hit("event", event_id, title, f"names {MARK_START}{name}{MARK_END}{alias}", float("-inf"))


def _hit(db: Database, kind: str, rowid: int, rank: float, match: str) -> Hit:
    table, record_sql = _KINDS[kind]
    snippet = db.conn.execute(
        f"SELECT snippet({table}, -1, ?, ?, '…', 12) FROM {table} WHERE {table} MATCH ? AND rowid = ?",
        (MARK_START, MARK_END, match, rowid)).fetchone()
    title, source_id = db.conn.execute(record_sql, (rowid,)).fetchone() or ("", None)
    return Hit(kind, rowid, title or "", (snippet and snippet[0]) or "", rank, source_id)
