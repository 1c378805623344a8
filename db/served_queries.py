"""What `sourceline serve` tells Datasette about a project: each table in a sentence, and the
questions a team lead asks of it as canned queries (read-only SQL with named parameters)."""
from __future__ import annotations

from db.events import DISAGREES

TABLES = {
    "events": "What happened: title, description, the date as EDTF (date_edtf) with its bounds in seconds since "
              "1970 (start_s, end_s), place, who added and last changed it.",
    "sources": "The evidence: reports, articles, documents with their bibliographic data, full text and the "
               "analyst's grading (reliability A–F, credibility 1–6).",
    "source_creators": "The authors (and editors...) of each source, in order.",
    "annotations": "Highlights: passages of a source's text (exact quote with its context), with a note.",
    "citations": "An event tied to a source (and maybe to a highlight): locator, quote, stance (supports, "
                 "contradicts, mentions) and the date the source gives.",
    "entities": "People, organisations, places and equipment the events name.",
    "entity_aliases": "Other spellings of the entities' names.",
    "tags": "The tags of events and highlights.",
    "event_tags": "Which events carry which tags.",
    "event_entities": "Which events name which entities.",
    "annotation_tags": "Which highlights carry which tags.",
    "history": "Every edit: what was created, changed or deleted, the values before and after, and who did it.",
    "authors": "The people who edited the project.",
    "event_day_counts": "Events per day (kept by triggers; what the zoomed-out timeline draws).",
}

QUERIES = {
    "events_by_period": {
        "title": "Events by period",
        "description": "Events overlapping a period: give its first and last day as YYYY-MM-DD.",
        "sql": """SELECT e.date_edtf AS date, e.title, e.description,
       (SELECT group_concat(t.name, ', ') FROM event_tags et JOIN tags t ON t.id = et.tag_id
        WHERE et.event_id = e.id) AS tags,
       (SELECT count(*) FROM citations c WHERE c.event_id = e.id) AS sources
FROM events e
WHERE e.end_s > CAST(strftime('%s', :from) AS INTEGER) AND e.start_s < CAST(strftime('%s', :to) AS INTEGER) + 86400
ORDER BY e.start_s, e.id""",
    },
    "contested_events": {
        "title": "Contested events",
        "description": "Events whose sources disagree: one contradicts the event, or gives a date that cannot be its.",
        "sql": f"""SELECT e.date_edtf AS date, e.title,
       (SELECT group_concat(s.title || ' (' || c.stance || coalesce(', gives ' || c.claimed_edtf, '') || ')', ' | ')
        FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.event_id = e.id AND {DISAGREES})
        AS disagreeing_sources
FROM events e
WHERE EXISTS (SELECT 1 FROM citations c WHERE c.event_id = e.id AND {DISAGREES})
ORDER BY e.start_s, e.id""",
    },
    "sources_with_citing_events": {
        "title": "Sources with the events citing them",
        "description": "Each source, its grading, and the events that cite it, most cited first.",
        "sql": """SELECT s.title AS source, s.issued_edtf AS issued,
       coalesce(s.reliability, '') || coalesce(s.credibility, '') AS grading,
       count(c.id) AS citations, group_concat(e.title, ' | ') AS events
FROM sources s LEFT JOIN citations c ON c.source_id = s.id LEFT JOIN events e ON e.id = c.event_id
GROUP BY s.id ORDER BY citations DESC, s.title""",
    },
    "highlights_by_tag": {
        "title": "Highlights by tag",
        "description": "The highlighted passages carrying a tag, with their source.",
        "sql": """SELECT t.name AS tag, a.exact AS passage, a.note, s.title AS source,
       (SELECT name FROM authors WHERE id = a.created_by) AS highlighted_by
FROM annotations a JOIN annotation_tags x ON x.annotation_id = a.id JOIN tags t ON t.id = x.tag_id
JOIN sources s ON s.id = a.source_id
WHERE t.name = :tag COLLATE NOCASE
ORDER BY s.title, a.start_char""",
    },
}


def metadata(database: str, title: str) -> dict:
    """Datasette's metadata for a project served under the name ``database``."""
    return {
        "title": title,
        "description": "A Sourceline project, served read-only: nothing here can change it.",
        "databases": {database: {
            "tables": {name: {"description": text} for name, text in TABLES.items()},
            "queries": QUERIES,
        }},
    }
