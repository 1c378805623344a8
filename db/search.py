"""One search across events, sources and annotations (SQLite FTS5).

Whatever the user types — quotes, stars, AND, unbalanced parentheses, a lone hyphen — is turned
into a query made only of quoted terms, so FTS5 never sees its own syntax and never raises.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

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
# events would take seconds. Each kind first takes at most this many matches by rowid, then ranks.
RANK_CAP = 5_000

_KINDS = {
    "event": ("events_fts", "SELECT title FROM events WHERE id = ?", "NULL"),
    "source": ("sources_fts", "SELECT title FROM sources WHERE id = ?", "NULL"),
    "annotation": ("annotations_fts", "SELECT substr(exact, 1, 80) FROM annotations WHERE id = ?",
                   "(SELECT source_id FROM annotations a WHERE a.id = annotations_fts.rowid)"),
}


def search(db: Database, text: str, limit: int = 20, kinds=("event", "source", "annotation")) -> list[Hit]:
    """The best ``limit`` hits of every kind together, best first."""
    match = fts_query(text)
    if not match:
        return []
    hits: list[Hit] = []
    for kind in kinds:
        table, title_sql, source_sql = _KINDS[kind]
        rows = db.conn.execute(
            f"""SELECT rowid, snippet({table}, -1, ?, ?, '…', 12), bm25({table}), {source_sql}
                FROM {table} WHERE {table} MATCH ?
                  AND rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT {RANK_CAP})
                ORDER BY bm25({table}) LIMIT ?""",
            (MARK_START, MARK_END, match, match, limit),
        ).fetchall()
        for rowid, snippet, rank, source_id in rows:
            title = db.conn.execute(title_sql, (rowid,)).fetchone()
            hits.append(Hit(kind, rowid, title[0] if title else "", snippet or "", rank, source_id))
    hits.sort(key=lambda h: h.rank)
    return hits[:limit]
