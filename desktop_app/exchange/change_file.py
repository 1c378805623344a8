"""A change file: one teammate's edits to one project, signed, in a zip a mail can carry.

Inside: ``sourceline-changes.json`` (what it is, whose, for which project, and the signature),
``changes.changeset`` (SQLite's session-extension changeset over the uuid-keyed exchange schema)
and ``originals/<sha256>`` (original files the edits refer to). The signature is an HMAC-SHA256,
keyed by a key every copy of the project holds, over the description, which itself holds the
SHA-256 of the changeset and of each original: a file cut short, altered, or meant for another
project is refused before anything is changed.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from db.errors import FileProblem

FORMAT = "sourceline-changes"
VERSION = 1
HEADER = "sourceline-changes.json"
CHANGESET = "changes.changeset"
ORIGINALS = "originals/"
SUFFIX = ".slchanges"


@dataclass
class ChangeFile:
    project: str  # the project's uuid
    author: dict  # {"id": ..., "name": ...}
    changeset: bytes
    since: int
    upto: int
    counts: dict
    notes: dict
    authors: dict
    # sha256 -> ({size, media_type, file_name}, content): the original files the changes refer to
    originals: dict[str, tuple[dict, bytes]] = field(default_factory=dict)
    project_name: str = ""
    file_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created_at: str = field(default_factory=lambda: datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))

    def header(self) -> dict:
        return {
            "format": FORMAT, "version": VERSION, "file_id": self.file_id, "project": self.project,
            "project_name": self.project_name, "author": self.author, "created_at": self.created_at,
            "since": self.since, "upto": self.upto, "counts": self.counts, "notes": self.notes,
            "authors": self.authors, "changeset_sha256": hashlib.sha256(self.changeset).hexdigest(),
            "originals": {digest: meta for digest, (meta, _) in sorted(self.originals.items())},
        }


def _signature(header: dict, key: bytes) -> str:
    canonical = json.dumps(header, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


def write(path: str | Path, change_file: ChangeFile, key: bytes) -> None:
    """Write ``change_file`` to ``path`` (whole or not at all)."""
    from desktop_app.formats.atomic_write import atomic_path

    header = change_file.header()
    header["signature"] = _signature(header, key)
    with atomic_path(path) as temporary:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(HEADER, json.dumps(header, ensure_ascii=False, indent=1))
            archive.writestr(CHANGESET, change_file.changeset)
            for digest, (_, content) in sorted(change_file.originals.items()):
                archive.writestr(ORIGINALS + digest, content)


def read(path: str | Path, project: str, key: bytes) -> ChangeFile:
    """Read and check a change file for the project ``project``. A file that is not one, is cut
    short or altered, or is for another project raises ``FileProblem`` (one line)."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            broken = archive.testzip()
            if broken is not None:
                raise FileProblem(path, None, f"the change file is damaged ({broken} does not match its checksum)")
            header = json.loads(archive.read(HEADER).decode("utf-8"))
            changeset = archive.read(CHANGESET)
            originals = {name[len(ORIGINALS):]: archive.read(name) for name in archive.namelist()
                         if name.startswith(ORIGINALS)}
    except FileNotFoundError as error:
        raise FileProblem(path, None, "no such file") from error
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, ValueError, EOFError) as error:
        raise FileProblem(path, None, "not a Sourceline change file, or one cut short") from error
    except OSError as error:
        raise FileProblem(path, None, f"cannot be read ({error.strerror or error})") from error
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise FileProblem(path, None, "not a Sourceline change file")
    if header.get("version") != VERSION:
        raise FileProblem(path, None, f"written by another version of Sourceline (change file version "
                                      f"{header.get('version')}); update Sourceline to apply it")
    if header.get("project") != project:
        name = header.get("project_name") or header.get("project")
        raise FileProblem(path, None, f"these are changes to another project ({name}), not this one; "
                                      "nothing was changed")
    signature = header.pop("signature", "")
    if not hmac.compare_digest(str(signature), _signature(header, key)):
        raise FileProblem(path, None, "the change file was altered after it was written (its signature does not "
                                      "match); nothing was changed")
    described = header.get("originals")
    if hashlib.sha256(changeset).hexdigest() != header.get("changeset_sha256") or not isinstance(described, dict) \
            or sorted(originals) != sorted(described) or any(hashlib.sha256(c).hexdigest() != d for d, c in originals.items()):
        raise FileProblem(path, None, "the change file's contents do not match its signature; nothing was changed")
    return ChangeFile(header["project"], header["author"], changeset, header["since"], header["upto"],
                      header["counts"], header["notes"], header["authors"],
                      {digest: (described[digest], content) for digest, content in originals.items()},
                      header.get("project_name", ""), header["file_id"], header["created_at"])
