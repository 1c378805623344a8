"""Files written whole or not at all: a temporary file beside the target, synced, then renamed.

A full disk, an I/O error or a crash mid-write leaves the previous file (or none) in place, never
half a file.
"""
from __future__ import annotations

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
        raise FileProblem(path, None, f"could not be written ({error.strerror}); nothing was changed") from error
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


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
