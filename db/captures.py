"""Sources that are captures — a page from a web archive, a photograph — known by the file they
came from rather than by their bibliographic record, and a photograph's place."""
from __future__ import annotations

from db.connection import Database


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
