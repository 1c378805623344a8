"""The selected events with what reports need beyond a list row: the description and the
citations (with each cited source's grading), read for a whole page of events in two queries.

Also the small renderings every report shares: a locator, a grading, a list of names.
"""
from __future__ import annotations

from typing import Iterator

from db.connection import Database

from db.captures import SHORT_HASH, WEB_CAPTURES
from db.events import DISAGREES

from desktop_app.dates.render import in_words_or_raw
from desktop_app.exporting.selection import Progress, Selection, event_pages

LOCATOR_LABELS = {"paragraph": "¶ {}", "page": "p. {}", "section": "§ {}", "timestamp": "at {}", "line": "line {}",
                  "region": "region {}"}
STANCE_WORDS = {"supports": "supports", "contradicts": "contradicts", "mentions": "mentions"}


def events_with_citations(db: Database, selection: Selection, progress: Progress | None = None) -> Iterator[dict]:
    """Each selected event (its list summary) with ``description``, ``date_words`` and
    ``citations`` (dicts with source_id, source_title, locator_type, locator, quote, stance,
    reliability, credibility, claimed_edtf: the date the source gives, disagrees: whether the
    source contradicts the event or gives a date that cannot be its, and the source's original:
    sha256, original_type, accessed_edtf, source_issued), in date order."""
    for page in event_pages(db, selection, progress):
        ids = [event["id"] for event in page]
        marks = ",".join("?" * len(ids))
        descriptions = dict(db.conn.execute(f"SELECT id, description FROM events WHERE id IN ({marks})", ids))
        citations: dict[int, list[dict]] = {event_id: [] for event_id in ids}
        cursor = db.conn.execute(
            "SELECT c.event_id, c.source_id, s.title AS source_title, c.locator_type, c.locator, c.quote, c.stance,"
            f" s.reliability, s.credibility, c.claimed_edtf, {DISAGREES} AS disagrees,"
            " o.sha256, o.media_type AS original_type, s.accessed_edtf, s.issued_edtf AS source_issued"
            " FROM citations c JOIN sources s ON s.id = c.source_id JOIN events e ON e.id = c.event_id"
            " LEFT JOIN originals o ON o.id = s.original_id"
            f" WHERE c.event_id IN ({marks}) ORDER BY c.event_id, c.id", ids)
        names = [column[0] for column in cursor.description]
        for row in cursor:
            citation = dict(zip(names, row))
            citations[citation.pop("event_id")].append(citation)
        for event in page:
            yield {**event, "description": descriptions.get(event["id"], ""),
                   "date_words": in_words_or_raw(event["date_edtf"]), "citations": citations[event["id"]]}


def locator_text(locator_type: str, locator: str) -> str:
    """"¶ 3", "p. 12", "§ 2.1", "at 01:02:03", "line 7"; "" without a locator."""
    if not (locator or "").strip():
        return ""
    return LOCATOR_LABELS.get(locator_type, locator_type + " {}").format(locator.strip())


def captured(citation: dict) -> tuple[str, str]:
    """(SHA-256 in short form, capture time as EDTF) of a cited web capture — the time it was
    captured — or photograph — the time it was taken; ("", "") for any other source."""
    media_type = citation.get("original_type") or ""
    if media_type in WEB_CAPTURES:
        when = citation.get("accessed_edtf")
    elif media_type.startswith("image/"):
        when = citation.get("source_issued")
    else:
        return "", ""
    return (citation.get("sha256") or "")[:SHORT_HASH], when or ""


def grading(citation: dict) -> str:
    """The Admiralty grading of the cited source, e.g. "B2", "B", "2" or ""."""
    return f"{citation.get('reliability') or ''}{citation.get('credibility') or ''}"


def split_names(joined: str | None) -> list[str]:
    """The names in a summary's ``tags``/``entities`` column (the store joins them with ", ")."""
    return sorted((name for name in (joined or "").split(", ") if name), key=str.casefold)
