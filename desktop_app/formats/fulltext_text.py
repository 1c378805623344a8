"""Bytes to readable text: decoding untrusted files, and joining blocks into paragraphs.

Decoding policy (the same for .txt, .md and, when a page declares no usable charset, .html):

1. A byte-order mark decides: UTF-8, UTF-16 LE or UTF-16 BE.
2. Otherwise a NUL byte means a binary file, refused.
3. Otherwise strict UTF-8; failing that, strict Windows-1252. Windows-1252 is what "Latin-1" text
   saved on Windows really is (it agrees with ISO-8859-1 on every printable character and adds
   curly quotes, dashes and € in 0x80-0x9F), and because it leaves five bytes undefined it still
   refuses most binary data instead of turning it into mojibake.
4. Anything else is a FileProblem naming the line of the first byte that is not UTF-8.

Decoded text has "\n" line ends and no other control character but tab: they carry nothing
readable, and lxml refuses them in any text it is asked to store.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from db.errors import FileProblem

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_LINE_END = re.compile(r"\r\n?")
_BLANK_LINES = re.compile(r"\n(?:[ \t\f\v]*\n)+")
_TRAILING_BLANKS = re.compile(r"[ \t\f\v]+\n")


def decode(raw: bytes, path, preferred: str | None = None) -> str:
    """The text of ``raw`` by the policy above; ``preferred`` (a page's declared charset) is tried
    before UTF-8 when there is no byte-order mark."""
    return _CONTROL.sub("", _LINE_END.sub("\n", _decoded(raw, path, preferred)))


def _decoded(raw: bytes, path, preferred: str | None) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise FileProblem(path, _line_of(raw, error.start), f"not valid {encoding.upper()} text after its byte-order mark") from None
    if b"\x00" in raw:
        raise FileProblem(path, None, "looks like a binary file (it contains NUL bytes), not text")
    candidates = ([preferred] if preferred else []) + ["utf-8", "cp1252"]
    first_error = None
    for encoding in candidates:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as error:
            first_error = first_error or error
    raise FileProblem(
        path,
        _line_of(raw, first_error.start),
        "is neither UTF-8 nor Windows-1252 text (it may be binary); save it as UTF-8 and try again",
    )


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def clean(text: str) -> str:
    """``text`` in Unicode NFC (so "ğ" typed two ways searches alike) without control characters."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def join_blocks(blocks) -> str:
    """Blocks of text as paragraphs separated by one blank line; blank blocks vanish."""
    paragraphs = (clean(block).strip("\n ") for block in blocks)
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph.strip())


def plain_paragraphs(text: str) -> list[str]:
    """Plain text split at blank lines; single line breaks inside a paragraph are kept, since in
    plain text they are often meaningful (addresses, verse, datelines)."""
    text = _TRAILING_BLANKS.sub("\n", text)
    return _BLANK_LINES.split(text)
