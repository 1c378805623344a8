"""The selected events with what reports need beyond a list row: the description and the
citations (with each cited source's grading), read for a whole page of events in two queries.

Also the small renderings every report shares: a locator, a grading (a list of names is
``event_record.split_names``).
"""
from __future__ import annotations

from typing import Iterator

from db import events
from db.captures import SHORT_HASH, WEB_CAPTURES
from db.citations import citations_of_events
from db.connection import Database

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
        descriptions = events.descriptions(db, ids)
        citations = citations_of_events(db, ids)
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
