"""A synthetic project of any size, written through the bulk path (``db.bulk``): events with the
dates analysts give (mostly days, clustered over thirty years; some months, seasons, years,
intervals, approximate days), tags, entities, sources with ~5 KB of text, annotated passages,
and citations (some contradicting).
"""
from __future__ import annotations

import random
from pathlib import Path

from benchmarks import places
from benchmarks.vocabulary import Vocabulary, iso_day
from db import bulk, dates
from db.store import create_project, write_transaction

BATCH = 50_000
TAGS = ("shelling", "drone", "protest", "arrest", "ceasefire", "evacuation", "humanitarian", "infrastructure",
        "election", "border", "refugees", "energy", "cyber", "sanctions", "negotiations", "casualties", "looting",
        "detention", "strike", "curfew", "aid convoy", "blackout", "mobilisation", "occupation")
# (share of events, kind of date); the rest are plain days
DATE_KINDS = ((0.06, "month"), (0.03, "season"), (0.02, "year"), (0.05, "interval"), (0.03, "approximate"))
# Distinct seasons, intervals and approximate dates: each is parsed once by the EDTF package (a few
# milliseconds each), so they come from a pool instead of being all different.
DATE_POOL = 60
SOURCE_TEXT_CHARS = 5_000
ANNOTATIONS_PER_SOURCE = 3
_TYPES = ("article-newspaper", "article-newspaper", "article-newspaper", "report", "webpage", "post")


class _Dates:
    def __init__(self, vocabulary: Vocabulary):
        self.v = vocabulary
        rng = vocabulary.rng
        self.pools = {
            "interval": [self._interval(rng) for _ in range(DATE_POOL)],
            "approximate": [iso_day(vocabulary.day()) + rng.choice("~~?%") for _ in range(DATE_POOL)],
            "season": [f"{iso_day(vocabulary.day())[:4]}-{rng.randint(21, 24)}" for _ in range(DATE_POOL)],
        }

    def _interval(self, rng) -> str:
        first = self.v.day()
        return f"{iso_day(first)}/{iso_day(first + rng.randint(1, 40))}"

    def next(self) -> tuple:
        rng = self.v.rng
        draw, kind = rng.random(), "day"
        for share, name in DATE_KINDS:
            if draw < share:
                kind = name
                break
            draw -= share
        day = iso_day(self.v.day())
        text = {"day": day, "month": day[:7], "year": day[:4]}.get(kind) or rng.choice(self.pools[kind])
        b = dates.bounds(text)
        return text, b.start, b.end, b.fuzzy_start, b.fuzzy_end, b.precision


def build_project(path: str | Path, events: int, sources: int, seed: int = 1, progress=None) -> Path:
    """Write a new project at ``path``; ``progress(what)`` is told each step."""
    path = Path(path)
    db = create_project(path)
    say = progress or (lambda what: None)
    try:
        v = Vocabulary(seed)
        suspended = bulk.DERIVED_INSERT_TRIGGERS + ("sources_fts_ai", "annotations_fts_ai")
        with bulk.large_cache(db), write_transaction(db), bulk.derived_triggers_suspended(db, suspended):
            stamps = bulk.RecordStamps()
            tag_ids = _insert_names(db, stamps, "tags", [(t,) for t in TAGS], "name")
            people = sorted({f"{v.word().capitalize()} {v.word().capitalize()}" for _ in range(300)})
            entity_rows = ([("organisation", a) for a in v.actors] + [("place", p[0]) for p in v.places[:600]]
                           + [("person", p) for p in people])
            entity_ids = _insert_names(db, stamps, "entities", entity_rows, "kind, name")
            say(f"{sources:,} sources")
            annotations = _insert_sources(db, stamps, v, sources)
            say(f"{events:,} events")
            _insert_events(db, stamps, v, events, tag_ids, entity_ids, annotations, progress)
            bulk.refresh_first_reported(db, 1)
    finally:
        db.close()
    return path


def _insert_names(db, stamps, table: str, rows: list[tuple], columns: str) -> list[int]:
    first = bulk.next_id(db, table)
    marks = ", ".join("?" * (len(rows[0]) + 4))
    db.conn.executemany(f"INSERT INTO {table} (id, {columns}, uuid, created_at, modified_at) VALUES ({marks})",
                        [(first + n, *row, stamps.uuid(), stamps.now, stamps.now) for n, row in enumerate(rows)])
    return list(range(first, first + len(rows)))


def _source_text(v: Vocabulary) -> str:
    paragraphs, size = [], 0
    while size < SOURCE_TEXT_CHARS:
        paragraph = " ".join(v.sentence(v.rng.randint(8, 22)) for _ in range(v.rng.randint(3, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def _insert_sources(db, stamps, v: Vocabulary, count: int) -> dict[int, list[int]]:
    """Sources with text and annotated passages; returns source id -> its annotation ids."""
    rng = v.rng
    annotations: dict[int, list[int]] = {}
    next_annotation = bulk.next_id(db, "annotations")
    for start in range(0, count, 2_000):
        first = bulk.next_id(db, "sources")
        rows, passages = [], []
        for source_id in range(first, first + min(2_000, count - start)):
            issued = iso_day(v.day())
            text = _source_text(v)
            rows.append((source_id, rng.choice(_TYPES), v.sentence(rng.randint(5, 12))[:-1], rng.choice(v.outlets),
                         issued, dates.bounds(issued).start, text, stamps.uuid(), stamps.now, stamps.now))
            for _ in range(ANNOTATIONS_PER_SOURCE):
                begin = rng.randrange(0, len(text) - 200)
                end = begin + rng.randint(40, 180)
                passages.append((next_annotation, source_id, begin, end, text[begin:end], text[max(0, begin - 32):begin],
                                 text[end:end + 32], v.sentence(6) if rng.random() < 0.3 else "",
                                 stamps.uuid(), stamps.now, stamps.now))
                annotations.setdefault(source_id, []).append(next_annotation)
                next_annotation += 1
        db.conn.executemany(
            "INSERT INTO sources (id, csl_type, title, container_title, issued_edtf, issued_start_s, full_text, uuid,"
            " created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.conn.executemany(
            "INSERT INTO annotations (id, source_id, start_char, end_char, exact, prefix, suffix, note, uuid,"
            " created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", passages)
        if rows:
            bulk.fill_fts(db, "sources_fts", rows[0][0], rows[-1][0])
            bulk.fill_fts(db, "annotations_fts", passages[0][0], passages[-1][0])
    return annotations


def _insert_events(db, stamps, v: Vocabulary, count: int, tag_ids, entity_ids, annotations, progress) -> None:
    rng: random.Random = v.rng
    date_of = _Dates(v)
    source_ids = list(annotations)
    for start in range(0, count, BATCH):
        first = bulk.next_id(db, "events")
        n = min(BATCH, count - start)
        rows, tags, entities, citations = [], [], [], []
        for event_id in range(first, first + n):
            title = v.sentence(rng.randint(4, 10))[:-1]
            rows.append((event_id, title, v.sentence(rng.randint(15, 40)), *date_of.next(), *places.place(rng),
                         stamps.uuid(), stamps.now, stamps.now))
            tags += [(event_id, t) for t in rng.sample(tag_ids, rng.randint(0, 3))]
            entities += [(event_id, e) for e in rng.sample(entity_ids, rng.randint(1, 3))]
            if source_ids and rng.random() < 0.6:
                for source_id in rng.sample(source_ids, rng.choice((1, 1, 2))):
                    annotation = rng.choice(annotations[source_id]) if rng.random() < 0.3 else None
                    stance = rng.choices(("supports", "contradicts", "mentions"), (90, 7, 3))[0]
                    citations.append((event_id, source_id, annotation, stance, stamps.uuid(), stamps.now, stamps.now))
        db.conn.executemany(
            "INSERT INTO events (id, title, description, date_edtf, start_s, end_s, fuzzy_start_s, fuzzy_end_s,"
            " date_precision, latitude, longitude, geo_precision, uuid, created_at, modified_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        bulk.index_new_events(db, first, first + n - 1)
        db.conn.executemany("INSERT INTO event_tags (event_id, tag_id) VALUES (?, ?)", tags)
        db.conn.executemany("INSERT INTO event_entities (event_id, entity_id) VALUES (?, ?)", entities)
        db.conn.executemany(
            "INSERT INTO citations (event_id, source_id, annotation_id, stance, uuid, created_at, modified_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", citations)
        if progress:
            progress(f"{start + n:,} of {count:,} events")
