"""Originals: the exact files sources were imported from, kept inside the project with their hash.

An original is stored once per distinct content (its SHA-256 is unique), in two tables: the
``originals`` row says what it is (hash, size, media type, the file's name, when it was
imported) and is cheap to list; ``original_bytes`` holds the bytes, read only when someone asks
for them, so that opening or listing a project with a gigabyte of originals reads none of it.
Bytes go in and come out in chunks through SQLite's incremental blob I/O, so memory stays flat
whatever the file's size.

Originals are never changed, and are not part of the undo log (their bytes cannot go into the
JSON of the change log): undoing an import removes its sources and leaves the original in place,
where a redo finds it again. A source links to its original by ``sources.original_id``.

An original no source refers to any more (every source imported from it deleted) is kept while
an undo could bring one of those sources back, and dropped when the window closes the project,
past its undo history (``drop_unused``, from ``Session.close``). Another window open on the same
project sees that commit when it is next activated and clears its own undo history then, as it
does for any other program's edit. A change file that brings a deleted source back carries its
original's bytes with it.
"""
from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterator

from db.connection import Database

from db.errors import SourcelineError

CHUNK_BYTES = 1024 * 1024
# SQLite's own limit on one value (SQLITE_MAX_LENGTH, as shipped): a larger file cannot be one blob.
MAX_ORIGINAL_BYTES = 1_000_000_000


class OriginalChanged(SourcelineError):
    """The file changed between the moment it was read and the moment it was stored."""


class VerifyCancelled(SourcelineError):
    """Cancel was pressed while the originals were being hashed."""


@dataclass(frozen=True)
class Original:
    id: int
    sha256: str
    size: int
    media_type: str
    file_name: str
    imported_at: str


_COLUMNS = "id, sha256, size, media_type, file_name, imported_at"


def find(db: Database, sha256: str) -> int | None:
    row = db.conn.execute("SELECT id FROM originals WHERE sha256 = ?", (sha256,)).fetchone()
    return row[0] if row else None


def store(db: Database, stream: BinaryIO, size: int, sha256: str, media_type: str, file_name: str) -> int:
    """Inside an edit: keep the ``size`` bytes read from ``stream`` as an original, unless the same
    bytes are already kept; returns the original's id either way.

    ``sha256`` is the hash the caller computed when it read the file: the bytes are hashed again
    as they are written, and a file that changed in between (another program writing it) is
    refused with ``OriginalChanged`` — its transaction then rolls back, storing nothing."""
    existing = find(db, sha256)
    if existing is not None:
        return existing
    if size > MAX_ORIGINAL_BYTES:
        raise SourcelineError(f"{file_name}: {size:,} bytes is more than an original can hold "
                              f"({MAX_ORIGINAL_BYTES:,})")
    original_id = db.conn.execute(
        "INSERT INTO originals (sha256, size, media_type, file_name) VALUES (?, ?, ?, ?)",
        (sha256, size, media_type, file_name)).lastrowid
    db.conn.execute("INSERT INTO original_bytes (original_id, data) VALUES (?, zeroblob(?))", (original_id, size))
    digest = hashlib.sha256()
    written = 0
    with db.conn.blobopen("original_bytes", "data", original_id) as blob:
        while written < size:
            chunk = stream.read(min(CHUNK_BYTES, size - written))
            if not chunk:
                break
            digest.update(chunk)
            blob.write(chunk)
            written += len(chunk)
    if written != size or stream.read(1) or digest.hexdigest() != sha256:
        raise OriginalChanged(f"{file_name}: the file changed while it was being imported; import it again")
    return original_id


def get(db: Database, original_id: int) -> Original | None:
    row = db.conn.execute(f"SELECT {_COLUMNS} FROM originals WHERE id = ?", (original_id,)).fetchone()
    return Original(*row) if row else None


def of_source(db: Database, source_id: int) -> Original | None:
    """The original a source was imported from, if it was imported from a kept file."""
    row = db.conn.execute(
        f"SELECT {', '.join('o.' + c.strip() for c in _COLUMNS.split(','))} FROM sources s"
        " JOIN originals o ON o.id = s.original_id WHERE s.id = ?", (source_id,)).fetchone()
    return Original(*row) if row else None


def chunks(db: Database, original_id: int) -> Iterator[bytes]:
    """The original's bytes, a chunk at a time."""
    with db.conn.blobopen("original_bytes", "data", original_id, readonly=True) as blob:
        while chunk := blob.read(CHUNK_BYTES):
            yield chunk


def read_bytes(db: Database, original_id: int) -> bytes:
    """All of an original's bytes at once (for a reader that needs the whole file, such as PDFium)."""
    row = db.conn.execute("SELECT data FROM original_bytes WHERE original_id = ?", (original_id,)).fetchone()
    if row is None:
        raise SourcelineError(f"the bytes of original {original_id} are missing")
    return bytes(row[0])


def all_originals(db: Database) -> list[Original]:
    return [Original(*row) for row in db.conn.execute(f"SELECT {_COLUMNS} FROM originals ORDER BY id")]


def total_size(db: Database) -> int:
    return db.conn.execute("SELECT coalesce(sum(size), 0) FROM originals").fetchone()[0]


@dataclass(frozen=True)
class Altered:
    original: Original
    found_sha256: str
    found_size: int


def verify(db: Database, progress: Callable[[int, int], object] | None = None,
           cancelled: Callable[[], bool] | None = None) -> tuple[int, list[Altered]]:
    """Hash every original's bytes again: (how many were checked, the ones that no longer match
    their recorded hash or size). ``progress(bytes done, bytes in all)`` is told as it goes;
    when ``cancelled()`` turns true it stops and raises ``VerifyCancelled``."""
    kept = all_originals(db)
    everything = sum(o.size for o in kept)
    done, altered = 0, []
    for original in kept:
        digest, size = hashlib.sha256(), 0
        if db.conn.execute("SELECT 1 FROM original_bytes WHERE original_id = ?", (original.id,)).fetchone() is None:
            altered.append(Altered(original, "", 0))
            continue
        for chunk in chunks(db, original.id):
            if cancelled is not None and cancelled():
                raise VerifyCancelled("verification cancelled")
            digest.update(chunk)
            size += len(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, everything)
        if digest.hexdigest() != original.sha256 or size != original.size:
            altered.append(Altered(original, digest.hexdigest(), size))
    return len(kept), altered



def link_if_unlinked(db: Database, source_id: int, original_id: int) -> bool:
    """Inside an edit: give a source that has no original this one (a merged duplicate)."""
    return db.conn.execute("UPDATE sources SET original_id = ? WHERE id = ? AND original_id IS NULL",
                           (original_id, source_id)).rowcount > 0


def first_source_of(db: Database, sha256: str) -> int | None:
    """The first source imported from the file with these bytes, if any."""
    row = db.conn.execute("SELECT s.id FROM sources s JOIN originals o ON o.id = s.original_id"
                          " WHERE o.sha256 = ? ORDER BY s.id LIMIT 1", (sha256,)).fetchone()
    return row[0] if row else None


def set_source_original(db: Database, source_id: int, original_id: int) -> None:
    """Inside an edit: the source's original is this file (a PDF merged into a record that came
    from a bibliography: the document itself is the better original)."""
    db.conn.execute("UPDATE sources SET original_id = ? WHERE id = ?", (original_id, source_id))


def drop_unused(db: Database) -> list[Original]:
    """Delete the originals no source refers to, with their bytes and the character boxes read
    from them, in one transaction; the ones dropped. Only once no undo can bring a source back:
    the project is closing. A file that cannot be written now (read-only, a full disk) keeps them
    until the next time; that is no reason not to close it."""
    from db.store import write_transaction

    unused = [Original(*row) for row in db.conn.execute(
        f"SELECT {_COLUMNS} FROM originals WHERE id NOT IN "
        "(SELECT original_id FROM sources WHERE original_id IS NOT NULL) ORDER BY id")]
    if not unused:
        return []
    try:
        with write_transaction(db):
            db.conn.executemany("DELETE FROM originals WHERE id = ?", [(o.id,) for o in unused])
    except sqlite3.OperationalError:  # "attempt to write a readonly database", "database or disk is full"
        return []
    return unused
