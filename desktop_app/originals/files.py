"""Originals out of the project, without Qt: written back to a file byte for byte, and the
verification's findings in words (the command line and Tools → Verify Originals… say the same)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.connection import Database

from db import originals
from desktop_app.formats.atomic_write import atomic_path


def save_original(db: Database, original: originals.Original, path: str | Path) -> None:
    """Write the original's bytes to ``path``, whole or not at all."""
    with atomic_path(path) as temporary, open(temporary, "wb") as file:
        for chunk in originals.chunks(db, original.id):
            file.write(chunk)


@dataclass(frozen=True)
class VerificationReport:
    ok: bool
    summary: str
    lines: tuple[str, ...]  # one per altered original


def verification_report(checked: int, altered: list[originals.Altered]) -> VerificationReport:
    plural = "s" if checked != 1 else ""
    if not altered:
        return VerificationReport(True, f"{checked} original{plural} intact", ())
    lines = []
    for found in altered:
        o = found.original
        if not found.found_sha256:
            problem = "its bytes are missing"
        elif found.found_size != o.size:
            problem = f"{found.found_size:,} bytes where {o.size:,} were imported"
        else:
            problem = f"sha256 is now {found.found_sha256}, was {o.sha256}"
        lines.append(f"original {o.id} “{o.file_name}” (imported {o.imported_at}): ALTERED — {problem}")
    summary = (f"{len(altered)} of {checked} original{plural} altered since import; "
               f"{checked - len(altered)} intact")
    return VerificationReport(False, summary, tuple(lines))
