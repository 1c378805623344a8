"""File → Open Recent: the last projects opened, newest first, kept in QSettings."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recentProjects"
LIMIT = 10


class RecentProjects:
    def __init__(self, settings: QSettings):
        self._settings = settings

    def paths(self) -> list[Path]:
        """The remembered projects that still exist (the missing ones are forgotten)."""
        stored = self._stored()
        present = [p for p in stored if Path(p).is_file()]
        if present != stored:
            self._settings.setValue(KEY, present)
        return [Path(p) for p in present]

    def add(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        self._settings.setValue(KEY, [path, *(p for p in self._stored() if p != path)][:LIMIT])

    def clear(self) -> None:
        self._settings.setValue(KEY, [])

    def _stored(self) -> list[str]:
        value = self._settings.value(KEY, [])
        # QSettings gives back a lone string (not a list) for a one-item list in some formats.
        if isinstance(value, str):
            return [value] if value else []
        return [str(p) for p in value or []]
