"""Sources that are captures — a page from a web archive, a photograph — known by the file they
came from rather than by their bibliographic record, and a photograph's place."""
from __future__ import annotations

from db.connection import Database

from db.citations import insert_citation
from db.events import insert_event
from db.ops import Op

# The media types of originals that are web captures: what a reader checks a cited page against.
WEB_CAPTURES = ("application/warc", "application/wacz", "multipart/related")
SHORT_HASH = 12  # hex digits of a SHA-256 shown in reports and the reader, as git shows a commit


def source_of_capture(db: Database, sha256: str, url: str | None) -> int | None:
    """The source imported from this very file and, for a page of a web archive, this address."""
    row = db.conn.execute(
        "SELECT s.id FROM sources s JOIN originals o ON o.id = s.original_id"
        " WHERE o.sha256 = ? AND s.url IS ? ORDER BY s.id LIMIT 1", (sha256, url)).fetchone()
    return row[0] if row else None


def set_place(db: Database, source_id: int, latitude: float, longitude: float) -> bool:
    """Inside an edit: where the source was made (a photograph's GPS position), unless it has a
    place already (a merge fills, never overwrites). Whether it was set."""
    return db.conn.execute(
        "UPDATE sources SET latitude = ?, longitude = ? WHERE id = ? AND latitude IS NULL AND longitude IS NULL",
        (latitude, longitude, source_id)).rowcount > 0


def place_of(db: Database, source_id: int) -> tuple[float, float] | None:
    row = db.conn.execute("SELECT latitude, longitude FROM sources WHERE id = ?", (source_id,)).fetchone()
    return (row[0], row[1]) if row and row[0] is not None and row[1] is not None else None


def event_from_picture(source_id: int, title: str, date_edtf: str, place: tuple[float, float] | None = None,
                       region: tuple[int, str] | None = None) -> Op:
    """A new event from a photograph, as one edit: dated when it was taken, placed where (its GPS
    position), citing the picture — or ``region`` (annotation id, its locator) of it."""
    def edit(db: Database) -> int:
        located = {"latitude": place[0], "longitude": place[1]} if place else {}
        event_id = insert_event(db, title, date_edtf, **located)
        annotation_id, locator = region or (None, "")
        insert_citation(db, event_id, source_id, annotation_id, "region" if region else "paragraph", locator)
        return event_id

    return Op(f"New event “{title.strip()}” from photo", edit)
