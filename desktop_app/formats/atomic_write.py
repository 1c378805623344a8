"""Files written whole or not at all: a temporary file beside the target, synced, then renamed.

A full disk, an I/O error or a crash mid-write leaves the previous file (or none) in place, never
half a file.
"""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from db.errors import FileProblem


@contextmanager
def atomic_path(path: str | Path):
    """Yield a temporary path to write to; on success it replaces ``path`` in one rename."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    except OSError as error:
        raise FileProblem(path, None, f"cannot write here ({error.strerror})") from error
    os.close(handle)
    try:
        yield Path(temporary)
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except OSError as error:
        reason = error.strerror or str(error)
        raise FileProblem(path, None, f"could not be written ({reason}); nothing was changed") from error
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def require_ending(path: str | Path, ending: bytes, kind: str) -> None:
    """OSError unless the file ends with ``ending`` (trailing whitespace aside). For writers that
    do not report a failed write — Qt's QPdfWriter and QSvgGenerator carry on silently when the
    disk fills — a file without its last line is a failure, not an export."""
    with open(path, "rb") as file:
        size = file.seek(0, os.SEEK_END)
        file.seek(max(0, size - 256))
        tail = file.read()
    if not tail.rstrip().endswith(ending):
        raise OSError(errno.EIO, f"the {kind} was cut short; is the disk full?")


def write_text(path: str | Path, text: str) -> None:
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding="utf-8", newline="")


def write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)


def _mode_for(path: Path) -> int:
    """The permissions the file would have if written directly: the replaced file's, else the
    usual ones under the umask (mkstemp makes its file readable by its owner only)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
