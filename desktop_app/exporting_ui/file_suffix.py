"""Which format a typed file name asks for. Qt-free.

The suffix chooses when it names a format of the same kind as the one chosen ("chronology.pdf"
while Chronology — Markdown is chosen: the PDF chronology; "timeline.svg" for a PNG picture: the
SVG); a suffix of another kind of export ("events.csv" for a chronology), or one that two formats
share, is a question for the user; no known suffix keeps the chosen format and adds its suffix.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.exporting_ui.choices import CHOICES, FormatChoice


@dataclass(frozen=True)
class Resolution:
    path: Path
    choice: FormatChoice | None  # None: ask which of ``candidates``
    candidates: tuple[FormatChoice, ...] = ()


def _kind(choice: FormatChoice) -> str:
    return "picture" if choice.is_picture else "sources" if choice.lists_sources else choice.fmt


def resolve(typed: str | Path, chosen: FormatChoice) -> Resolution:
    """What writing to the file name ``typed`` means while ``chosen`` is the format."""
    path = Path(typed)
    suffix = path.suffix.lower()
    if suffix == chosen.suffix:
        return Resolution(path, chosen)
    named = tuple(c for c in CHOICES if c.suffix == suffix)
    if not named:
        return Resolution(path.with_name(path.name + chosen.suffix), chosen)
    alike = [c for c in named if _kind(c) == _kind(chosen)]
    if len(alike) == 1:
        return Resolution(path, alike[0])
    return Resolution(path, None, named)
