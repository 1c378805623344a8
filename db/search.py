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
    """The best ``limit`` hits of every kind together, best first."""
    match = fts_query(text)
    if not match:
        return []
    ranked = []
    for kind in kinds:
        table = _KINDS[kind][0]
        ranked += [(rank, kind, rowid) for rowid, rank in db.conn.execute(
            f"""SELECT rowid, r FROM (SELECT rowid, bm25({table}) AS r FROM {table} WHERE {table} MATCH ?
                                      LIMIT {RANK_CAP})
                ORDER BY r LIMIT ?""", (match, limit))]
    ranked.sort()
    # Snippets cost far more than ranks: only the hits shown get one.
    return [_hit(db, kind, rowid, rank, match) for rank, kind, rowid in ranked[:limit]]


def _hit(db: Database, kind: str, rowid: int, rank: float, match: str) -> Hit:
    table, record_sql = _KINDS[kind]
    snippet = db.conn.execute(
        f"SELECT snippet({table}, -1, ?, ?, '…', 12) FROM {table} WHERE {table} MATCH ? AND rowid = ?",
        (MARK_START, MARK_END, match, rowid)).fetchone()
    title, source_id = db.conn.execute(record_sql, (rowid,)).fetchone() or ("", None)
    return Hit(kind, rowid, title or "", (snippet and snippet[0]) or "", rank, source_id)
