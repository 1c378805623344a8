"""What Sourceline runs on, for Help → About and bug reports: Python, Qt, PySide6, SQLite,
pandoc and every library the package depends on (read from its installed metadata, so the list
follows pyproject.toml)."""
from __future__ import annotations

import platform
import re
import sqlite3
from importlib import metadata

DISTRIBUTION = "sourceline"
UNKNOWN = "unknown"
# A requirement's name is what comes before any version, extra or marker ("lxml>=5.0; …").
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return UNKNOWN


def library_names(distribution: str = DISTRIBUTION) -> list[str]:
    """The run-time requirements of ``distribution`` (not those of extras such as [test])."""
    try:
        requirements = metadata.requires(distribution) or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for requirement in requirements:
        condition = requirement.partition(";")[2]
        match = _NAME.match(requirement)
        if match and "extra" not in condition and match.group(1) not in names:
            names.append(match.group(1))
    return names


def _pandoc_version() -> str:
    # pypandoc runs `pandoc --version`: worth it only when someone asks (About, a bug report).
    try:
        import pypandoc

        return pypandoc.get_pandoc_version()
    except (ImportError, OSError, RuntimeError):
        return "not found"


def versions() -> list[tuple[str, str]]:
    """(name, version) pairs: Sourceline, the platform it stands on, then its libraries A–Z."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    platform_parts = [
        ("Sourceline", _version(DISTRIBUTION)),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        ("SQLite", sqlite3.sqlite_version),
        ("pandoc", _pandoc_version()),
        ("Operating system", platform.platform(terse=True)),
    ]
    libraries = sorted(library_names(), key=str.casefold)
    # PySide6 is listed above, with the version actually imported.
    return platform_parts + [(name, _version(name)) for name in libraries if not name.lower().startswith("pyside6")]


def as_text(pairs: list[tuple[str, str]]) -> str:
    """The versions as plain text for the clipboard: one "name: version" a line."""
    return "\n".join(f"{name}: {version}" for name, version in pairs)
