"""Reading an imported file's bytes, after every check that can be made before reading it.

A file to import is untrusted: it may be a folder, a named pipe that never ends (or never
starts: reading it waits for a writer), a device such as /dev/zero, or far too large to hold in
memory. Each is a FileProblem naming the file, found without reading it.
"""
from __future__ import annotations

import os
import stat

from db.errors import FileProblem

MAX_FILE_BYTES = 50 * 1024 * 1024


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def read_bytes(path, limit: int = MAX_FILE_BYTES, head: bool = False) -> bytes:
    """The file's bytes (with ``head``, only its first ``limit`` bytes, whatever its size)."""
    try:
        # Non-blocking, so that a FIFO is refused instead of waiting forever for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(descriptor, "rb") as file:
            # fstat on the open file, not stat on the name: the file checked is the file read.
            info = os.fstat(file.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise FileProblem(path, None, "is a folder, not a file")
            if not stat.S_ISREG(info.st_mode):
                raise FileProblem(path, None, "is not a regular file")  # a device or pipe may never end
            if info.st_size > limit and not head:
                raise FileProblem(path, None, f"is {megabytes(info.st_size)}; files over {megabytes(limit)} are not imported")
            raw = file.read(limit if head else limit + 1)  # the file may have grown since fstat
    except OSError as error:
        raise FileProblem(path, None, f"cannot be read: {error.strerror or error}") from None
    if len(raw) > limit:
        raise FileProblem(path, None, f"is larger than {megabytes(limit)}; such files are not imported")
    return raw
