"""What the cite dialog suggests for a passage, Qt-free: an existing event only when the passage
clearly names it — the passage gives that event's date and no other event has it (or, sharing the
date, the most words of its title) — else a new event filled in from the passage: its date, a
title, the passage as description and the entities it names."""
from __future__ import annotations

import re
from dataclasses import dataclass

from db import entities, events
from desktop_app.extract.name_finder import fold
from desktop_app.reader_assistant import findings as found

_WORDS = re.compile(r"[^\W_]{4,}")  # words that say something: not "the", "and"


@dataclass(frozen=True)
class Suggestion:
    event_id: int | None  # the event the passage clearly is about, if any
    title: str = ""
    date_edtf: str = ""
    description: str = ""
    entities: tuple[str, ...] = ()


def suggest(db, quote: str, published: str | None) -> Suggestion:
    """The suggestion for citing ``quote`` from a source published at ``published`` (EDTF or None)."""
    names = entities.entity_names(db)
    found_in = found.find_all(quote, published, names, entities.people(db))
    dated = [d for d in found_in.dates if d.edtf]
    by_id = {entity_id: spelled[0] for entity_id, spelled in names}
    named = tuple(by_id[i] for i in found.entities_in(found_in.names, 0, len(quote)) if i in by_id)
    return Suggestion(_clear_match(db, quote, dated),
                      found.suggested_title(dated[0]) if dated else "",
                      dated[0].edtf if dated else "",
                      " ".join(quote.split()), named)


def _clear_match(db, quote: str, dated) -> int | None:
    candidates = {row["id"]: row for d in dated for row in events.events_dated(db, d.edtf)}
    if len(candidates) <= 1:
        return next(iter(candidates), None)
    words = {fold(w) for w in _WORDS.findall(quote)}
    shared = sorted(((len(words & {fold(w) for w in _WORDS.findall(row["title"])}), event_id)
                     for event_id, row in candidates.items()), reverse=True)
    (best, event_id), (second, _) = shared[0], shared[1]
    return event_id if best > second else None
