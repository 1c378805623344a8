"""Full text of a saved article (.txt, .md/.markdown, .html/.htm) with what it says about itself.

``read_fulltext(path)`` returns the readable text (paragraphs separated by one blank line, no
markup), a CSL-JSON item subset, and the fields the user should be asked for. Every input is
untrusted: a file that cannot be read as text — empty, binary, undecodable, too large, nested
too deep, not a regular file — is a ``FileProblem`` with a clear message, never a traceback, and
nothing the file refers to is ever fetched.

Metadata keys: ``type`` (article-newspaper when a site or publisher is known, else webpage),
``title``, ``author`` (CSL names), ``container-title``, ``publisher``, ``issued_edtf`` (an EDTF
string; the caller converts it to CSL ``issued``), ``URL``, ``language``.

A web page in which no article body is found (one drawn by scripts, say) but whose metadata says
what it is still reads: its text is empty and ``note`` says why, so the caller can import the
citation and tell the user.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from db.errors import FileProblem
from desktop_app.formats import fulltext_metadata
from desktop_app.formats.file_read import MAX_FILE_BYTES, read_bytes
from desktop_app.formats.fulltext_html import read_html
from desktop_app.formats.fulltext_markdown import read_markdown
from desktop_app.formats.fulltext_text import decode, join_blocks, plain_paragraphs
from desktop_app.formats.text_header import read_header

# Refused before a byte is read. Saved web pages embed their images and fonts (SingleFile pages
# of 20-30 MB are ordinary), so the general limit (MAX_FILE_BYTES) is generous; Markdown has a
# lower one because its pure-Python parser costs up to ~15 µs per character on hostile input
# (30 s at 2 MB).
MAX_MARKDOWN_BYTES = 2 * 1024 * 1024
NO_BODY_NOTE = ("no article text was found in the page (it may be drawn by scripts, or be an index of links); "
                "only its metadata is imported")
_KINDS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
SUPPORTED_EXTENSIONS = tuple(_KINDS)


@dataclass
class FullText:
    text: str
    metadata: dict = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    note: str | None = None


def read_fulltext(path) -> FullText:
    """The readable text and metadata of the file at ``path``; FileProblem if it cannot be read."""
    kind, raw = _read(path)
    text, metadata = _READERS[kind](raw, path, want_text=True)
    note = None
    if not text.strip():
        if kind != "html" or not any(metadata.values()):
            raise FileProblem(path, None, "has no readable text")
        note = NO_BODY_NOTE
    metadata, missing = fulltext_metadata.finish(metadata)
    return FullText(text=text, metadata=metadata, missing=missing, note=note)


def published_edtf(path) -> str | None:
    """The publication date the file's metadata states, as EDTF (e.g. "2024-11-19"), or None.

    Only metadata counts (front matter, ``<meta>``, JSON-LD, ``<time datetime>``, a plain text's
    date line under its title); dates in the body text are the date finder's business.
    """
    kind, raw = _read(path)
    _, metadata = _READERS[kind](raw, path, want_text=False)
    return metadata.get("issued_edtf")


def _read(path) -> tuple[str, bytes]:
    """The file's kind and bytes, after every check that can be made without reading it all."""
    kind = _KINDS.get(Path(path).suffix.lower())
    if kind is None:
        raise FileProblem(path, None, f"unsupported file type {Path(path).suffix or '(no extension)'!r}; "
                          f"full text can be imported from {', '.join(SUPPORTED_EXTENSIONS)}")
    raw = read_bytes(path, MAX_MARKDOWN_BYTES if kind == "markdown" else MAX_FILE_BYTES)
    if not raw.strip():
        raise FileProblem(path, None, "is empty")
    return kind, raw


def _read_text(raw: bytes, path, want_text: bool = True) -> tuple[str, dict]:
    paragraphs = plain_paragraphs(decode(raw, path))
    return (join_blocks(paragraphs) if want_text else ""), read_header(paragraphs)


def _read_markdown(raw: bytes, path, want_text: bool = True) -> tuple[str, dict]:
    return read_markdown(decode(raw, path), path, want_text=want_text)


_READERS = {"text": _read_text, "markdown": _read_markdown, "html": read_html}
