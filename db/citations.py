"""Citations: an event tied to a source (and optionally to an annotated passage of it)."""
from __future__ import annotations

from db.connection import Database

from db import dates
from db.errors import SourcelineError
from db.events import DISAGREES
from db.ops import Op

STANCES = ("supports", "contradicts", "mentions")
LOCATOR_TYPES = ("paragraph", "page", "section", "timestamp", "line", "region")


def claimed_date(text: str | None) -> tuple[str | None, int | None, int | None]:
    """The columns for the date a source gives (EDTF, or empty for none): the EDTF and how far it
    may reach, earliest and latest (exclusive; None for an open end). Invalid EDTF raises."""
    text = (text or "").strip()
    if not text:
        return None, None, None
    reach = dates.bounds(text)
    return text, reach.fuzzy_start, reach.fuzzy_end


def insert_citation(db: Database, event_id: int, source_id: int, annotation_id: int | None = None,
                    locator_type: str = "paragraph", locator: str = "", quote: str = "", stance: str = "supports",
                    claimed_edtf: str | None = None) -> int:
    """Inside an edit: cite a source (or one of its passages) for an event; ``claimed_edtf`` is the
    date the source gives for it, when that is worth keeping (it may disagree with the event's)."""
    if stance not in STANCES:
        raise SourcelineError(f"stance must be one of {', '.join(STANCES)}, not {stance!r}")
    if annotation_id is not None and not quote:
        row = db.conn.execute("SELECT exact FROM annotations WHERE id = ? AND source_id = ?", (annotation_id, source_id)).fetchone()
        if row is None:
            raise SourcelineError("that passage does not belong to that source")
        quote = row[0]
    return db.conn.execute(
        "INSERT INTO citations (event_id, source_id, annotation_id, locator_type, locator, quote, stance,"
        " claimed_edtf, claimed_earliest_s, claimed_latest_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, source_id, annotation_id, locator_type, locator, quote, stance, *claimed_date(claimed_edtf)),
    ).lastrowid


def add_citation(event_id: int, source_id: int, annotation_id: int | None = None, locator_type: str = "paragraph",
                 locator: str = "", quote: str = "", stance: str = "supports", claimed_edtf: str | None = None) -> Op:
    claimed_date(claimed_edtf)  # refuse an invalid date before anything runs
    return Op("Cite source", lambda db: insert_citation(db, event_id, source_id, annotation_id, locator_type,
                                                        locator, quote, stance, claimed_edtf))


def update_citation(citation_id: int, **fields) -> Op:
    unknown = set(fields) - {"locator_type", "locator", "quote", "stance", "claimed_edtf"}
    if unknown:
        raise SourcelineError(f"unknown citation fields: {', '.join(sorted(unknown))}")
    if "stance" in fields and fields["stance"] not in STANCES:
        raise SourcelineError(f"stance must be one of {', '.join(STANCES)}")
    if "claimed_edtf" in fields:
        edtf, earliest, latest = claimed_date(fields.pop("claimed_edtf"))
        fields.update(claimed_edtf=edtf, claimed_earliest_s=earliest, claimed_latest_s=latest)
    sets = ", ".join(f"{c} = ?" for c in fields)
    return Op("Edit citation", lambda db: db.conn.execute(
        f"UPDATE citations SET {sets} WHERE id = ?", [*fields.values(), citation_id]))


def delete_citation(citation_id: int) -> Op:
    return Op("Remove citation", lambda db: db.conn.execute("DELETE FROM citations WHERE id = ?", (citation_id,)))


def citing_events(db: Database, source_id: int) -> list[dict]:
    """The events that cite a source, with the citation's stance and locator."""
    cursor = db.conn.execute(
        """SELECT e.id AS event_id, e.title, e.date_edtf, c.id AS citation_id, c.stance, c.locator_type, c.locator, c.quote,
                  c.claimed_edtf
           FROM citations c JOIN events e ON e.id = c.event_id WHERE c.source_id = ? ORDER BY e.start_s""", (source_id,))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def citations_of_events(db: Database, event_ids: list[int]) -> dict[int, list[dict]]:
    """event id -> its citations (source_id, source_title, locator_type, locator, quote, stance,
    reliability, credibility, claimed_edtf, disagrees, and the source's original for checking it:
    sha256, original_type, accessed_edtf, source_issued), in citation order; one query."""
    cited: dict[int, list[dict]] = {event_id: [] for event_id in event_ids}
    cursor = db.conn.execute(
        "SELECT c.event_id, c.source_id, s.title AS source_title, c.locator_type, c.locator, c.quote, c.stance,"
        f" s.reliability, s.credibility, c.claimed_edtf, {DISAGREES} AS disagrees,"
        " o.sha256, o.media_type AS original_type, s.accessed_edtf, s.issued_edtf AS source_issued"
        " FROM citations c JOIN sources s ON s.id = c.source_id JOIN events e ON e.id = c.event_id"
        " LEFT JOIN originals o ON o.id = s.original_id"
        f" WHERE c.event_id IN ({','.join('?' * len(event_ids)) or 'NULL'}) ORDER BY c.event_id, c.id", event_ids)
    names = [column[0] for column in cursor.description]
    for row in cursor:
        citation = dict(zip(names, row))
        cited[citation.pop("event_id")].append(citation)
    return cited
