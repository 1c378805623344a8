"""The application log: a rotating file in the user's data folder (``<data dir>/logs``).

Unhandled exceptions, refused files and backups are written there, so a report can be made
after the fact. The file rotates at ``MAX_BYTES`` and keeps ``BACKUP_COUNT`` old files, so the
log never grows without end.
"""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from db.backups import data_dir

LOG_NAME = "sourceline.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("sourceline")


def log_folder() -> Path:
    return data_dir() / "logs"


def setup_logging(folder: str | Path | None = None) -> Path | None:
    """Send the ``sourceline`` logger to a rotating file in ``folder`` (default: ``log_folder()``)
    and return the file's path; None when the folder cannot be written (then nothing is logged to
    a file, and the application still starts). Calling it again replaces the earlier file handler."""
    folder = Path(folder) if folder is not None else log_folder()
    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                                       encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    for old in [h for h in log.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        log.removeHandler(old)
        old.close()
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def current_log_file() -> Path | None:
    for handler in log.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return None
