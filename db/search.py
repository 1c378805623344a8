"""One search across events, sources and annotations (SQLite FTS5).

Whatever the user types — quotes, stars, AND, unbalanced parentheses, a lone hyphen — is turned
into a query made only of quoted terms, so FTS5 never sees its own syntax and never raises.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from db.connection import Database

_WORD = re.compile(r"\w+", re.UNICODE)
MARK_START, MARK_END = "\u0002", "\u0003"  # snippet highlight markers no text contains


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for user input: every word must appear; the last may be a prefix
    (so results come as you type). Empty when the input has no word at all."""
    words = _WORD.findall(text or "")
    if not words:
        return ""
    terms = [f'"{w}"' for w in words]
    last = text.rstrip()[-1:]
    if last.isalnum() or last in "_*":
        terms[-1] += "*"
    return " ".join(terms)


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


def search(db: Database, text: str, limit: int = 20, kinds=("event", "source", "annotation")) -> list[Hit]:
    """The best ``limit`` hits of every kind together, best first. Text that is an entity's name
    or alias ("Solz" for Olaf Scholz) also finds the events linked to it, first, and what
    mentions it by its name."""
    match = fts_query(text)
    if not match:
        return []
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
