"""Files written whole or not at all: a temporary file beside the target, synced, then renamed.

A full disk, an I/O error or a crash mid-write leaves the previous file (or none) in place, never
half a file. The temporary file (``.NAME.XXXXXXXX.partial``) is locked while it is written, so
that the next write of the same target can tell one a killed export left, and remove it, from
one another export is still writing.
"""
from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from db.errors import FileProblem

try:
    import fcntl
except ImportError:  # Windows: a partial is stale when nobody has touched it for a day
    fcntl = None
STALE_AFTER_S = 24 * 3600


@contextmanager
def atomic_path(path: str | Path):
    """Yield a temporary path to write to; on success it replaces ``path`` in one rename."""
    path = Path(path)
    remove_stale_partials(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    except OSError as error:
        raise FileProblem(path, None, f"cannot write here ({error.strerror})") from error
    try:
        if fcntl:
            fcntl.flock(handle, fcntl.LOCK_EX)  # held until the file is renamed or removed
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
        os.close(handle)


def remove_stale_partials(path: Path) -> None:
    """Remove the temporary files earlier writes of ``path`` left behind: only files named as
    atomic_path names them, owned by this user, that no running write holds."""
    ours = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.partial")
    try:
        entries = [entry for entry in os.scandir(path.parent) if ours.fullmatch(entry.name)]
    except OSError:
        return  # a folder that cannot be listed cannot be written to either: mkstemp says so
    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
            mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if stat.S_ISREG(info.st_mode) and mine:
                _remove_if_unlocked(entry.path, info)
        except OSError:
            continue  # gone already, or not ours to remove: leave it


def _remove_if_unlocked(name: str, info: os.stat_result) -> None:
    if fcntl is None:
        if time.time() - info.st_mtime > STALE_AFTER_S:
            os.unlink(name)
        return
    descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: being written
        os.unlink(name)
    finally:
        os.close(descriptor)


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
