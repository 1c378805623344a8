"""What to tell the user when an edit, a query or a file write fails for a reason outside the
program: another program holding the project, a full disk, an I/O error, a damaged file.

``classify(error)`` turns such an exception into a ``Problem`` with a title and a message; any
other exception is a bug (None) and gets the crash report instead. SQLite's own error codes are
used (``sqlite_errorcode``, Python 3.11+), not its message text.
"""
from __future__ import annotations

import errno
import re
import sqlite3
from dataclasses import dataclass

from db.errors import SourcelineError

# SQLite primary result codes (https://www.sqlite.org/rescode.html)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26

BUSY, FULL, IO, DAMAGED, READ_ONLY, USER, INCOMPLETE = "busy", "full", "io", "damaged", "read-only", "user", "incomplete"
_ERROR = 1
_MISSING = re.compile(r"no such (?:table|index|trigger): (?:main\.)?(\w+)")

_NOTHING_LOST = "Nothing was lost: the edit was not applied and the project is as it was before it."


@dataclass(frozen=True)
class Problem:
    kind: str
    title: str
    message: str


def classify(error: BaseException) -> Problem | None:
    """The problem to show for ``error``, or None when it is a bug (not the user's or the disk's)."""
    if isinstance(error, SourcelineError):
        return Problem(USER, "Sourceline", str(error))
    if isinstance(error, sqlite3.Error):
        return _sqlite_problem(error)
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return Problem(FULL, "The disk is full", f"The disk is full, so this could not be written "
                       f"({error.filename or 'a file'}). Free some space and try again.")
    if isinstance(error, OSError) and error.errno == errno.EIO:
        return Problem(IO, "Disk error", f"The disk reported an error while reading or writing "
                       f"{error.filename or 'a file'}. Check the disk, then try again.")
    return None


def _sqlite_problem(error: sqlite3.Error) -> Problem | None:
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    code &= 0xFF  # the primary code: extended codes (SQLITE_IOERR_WRITE, ...) keep it in the low byte
    if code in (_BUSY, _LOCKED):
        return Problem(BUSY, "The project is busy",
                       "Another program (another Sourceline window or the sourceline command) is busy "
                       "writing to this project and did not finish in time. Try again in a moment. "
                       + _NOTHING_LOST)
    if code == _FULL:
        return Problem(FULL, "The disk is full",
                       "The disk holding the project is full, so the edit could not be saved. "
                       "Free some space and try again. " + _NOTHING_LOST)
    if code in (_IOERR, _CANTOPEN):
        return Problem(IO, "Disk error",
                       "The project file could not be read or written (a disk or network error, or the "
                       "drive was removed). Check that it is reachable, then try again. " + _NOTHING_LOST)
    if code == _READONLY:
        return Problem(READ_ONLY, "The project is read-only",
                       "The project file can no longer be written (its permissions or its drive changed). "
                       "Copy it somewhere you can write to, or change its permissions. " + _NOTHING_LOST)
    missing = _MISSING.search(str(error)) if code == _ERROR else None
    if missing:
        from db.check import reference_schema

        if missing.group(1) in reference_schema():  # a part of the project's schema, not a typo of ours
            return Problem(INCOMPLETE, "Part of the project is missing",
                           f"The project lacks {missing.group(1)}, a part of its schema (something removed it). "
                           "`sourceline check --repair` (or Tools → Check Project… in the window) creates it "
                           "again, rebuilding indexes and counts from your records. " + _NOTHING_LOST)
    if code in (_CORRUPT, _NOTADB):
        return Problem(DAMAGED, "The project file is damaged",
                       "The project file is damaged (SQLite says: " + str(error) + "). `sourceline check` (or "
                       "Tools → Check Project…) says what is damaged; a backup brings it back, and the damaged "
                       "file is kept aside, not deleted.")
    return None
