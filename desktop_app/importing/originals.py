"""The file an import reads, described for keeping as an original: its hash, size, media type and
name, taken when it is read (planning), and its bytes stored when the import is applied.

Between the two the file is not held in memory: applying reads it again, in chunks, and
``db.originals.store`` refuses it if its bytes are no longer the ones planned.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from db.connection import Database

from db import originals
from db.errors import FileProblem

# By what the file starts with, then by its extension; media types as registered with IANA where
# one is (CSL-JSON's is the Citation Style Language project's own).
_MAGIC = ((b"%PDF-", "application/pdf"), (b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"),
          (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"))
MEDIA_TYPES = {
    # Web archives (a .warc.gz is a WARC whose records are gzipped: the gzip is its encoding) and
    # images; WACZ has no registered type yet, so its specification's own name.
    ".warc": "application/warc", ".wacz": "application/wacz", ".mhtml": "multipart/related", ".mht": "multipart/related",
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp",
    ".tif": "image/tiff", ".tiff": "image/tiff",
    ".pdf": "application/pdf",
    ".bib": "application/x-bibtex", ".bibtex": "application/x-bibtex",
    ".ris": "application/x-research-info-systems",
    ".json": "application/vnd.citationstyles.csl+json",
    ".html": "text/html", ".htm": "text/html",
    ".md": "text/markdown", ".markdown": "text/markdown",
    ".txt": "text/plain",
}
# A file whose extension says nothing is named by what the importer read it as.
_BY_KIND = {"bibtex": ".bib", "ris": ".ris", "csl_json": ".json", "fulltext": ".txt", "web_archive": ".warc",
            "mhtml": ".mhtml"}


@dataclass(frozen=True)
class OriginalFile:
    path: Path
    size: int
    sha256: str
    media_type: str

    @property
    def name(self) -> str:
        return self.path.name


def media_type(path: Path, head: bytes, kind: str | None = None) -> str:
    for magic, known in _MAGIC:
        if head.startswith(magic):
            return known
    by_extension = MEDIA_TYPES.get(path.suffix.lower())
    if by_extension:
        return by_extension
    return MEDIA_TYPES.get(_BY_KIND.get(kind or "", ""), "application/octet-stream")


def describe(path: str | Path, kind: str | None = None) -> OriginalFile:
    """Hash a file already read by its importer (a regular file: ``read_bytes`` checked it)."""
    path = Path(path)
    digest, size, head = hashlib.sha256(), 0, b""
    try:
        with open(path, "rb") as file:
            while chunk := file.read(originals.CHUNK_BYTES):
                head = head or chunk[:16]
                digest.update(chunk)
                size += len(chunk)
    except OSError as error:
        raise FileProblem(path, None, f"cannot be read: {error.strerror or error}") from None
    return OriginalFile(path, size, digest.hexdigest(), media_type(path, head, kind))


def describe_bytes(path: str | Path, data: bytes, kind: str | None = None) -> OriginalFile:
    """The same, for a file whose bytes the importer holds already (a PDF)."""
    path = Path(path)
    return OriginalFile(path, len(data), hashlib.sha256(data).hexdigest(), media_type(path, data[:16], kind))


def keep(db: Database, original: OriginalFile) -> int:
    """Inside an edit: store the file's bytes (once per content) and return the original's id."""
    try:
        with open(original.path, "rb") as file:
            if os.fstat(file.fileno()).st_size != original.size:
                raise originals.OriginalChanged(
                    f"{original.path}: the file changed while it was being imported; import it again")
            return originals.store(db, file, original.size, original.sha256, original.media_type, original.name)
    except OSError as error:
        raise FileProblem(original.path, None, f"cannot be read: {error.strerror or error}") from None
