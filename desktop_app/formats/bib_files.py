"""Reading a bibliography file's text, with the user's mistakes as FileProblem, not tracebacks."""
from __future__ import annotations

import codecs

from db.errors import FileProblem
from desktop_app.formats.file_read import read_bytes

# Unicode text that announces its encoding with a byte-order mark (UTF-32's first: its
# little-endian mark begins with UTF-16's). Windows tools save "Unicode" text as UTF-16 so.
_BY_MARK = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
            (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))


def read_text(path, kind: str) -> str:
    """The file's text: UTF-8 (a byte-order mark dropped), or UTF-16/UTF-32 when a byte-order mark
    says so; FileProblem if it is not such text. ``kind`` names the format in messages ("RIS"...)."""
    data = read_bytes(path)
    encoding, name = next(((codec, label) for mark, codec, label in _BY_MARK if data.startswith(mark)),
                          ("utf-8-sig", "UTF-8"))
    if name == "UTF-8" and b"\x00" in data[:65_536]:  # before decoding: a binary file is rarely UTF-8
        raise FileProblem(path, None, f"this is a binary file, not a {kind} file")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].decode(encoding, "replace").count("\n") + 1
        raise FileProblem(
            path, line, f"not {name} text (byte 0x{data[error.start]:02x}); save the {kind} file as UTF-8"
        ) from error
    if "\x00" in text[:65_536]:  # a byte-order mark followed by binary data
        raise FileProblem(path, None, f"this is a binary file, not a {kind} file")
    if not text.strip():
        raise FileProblem(path, None, f"the file is empty: no {kind} records")
    return text


def line_of(text: str, offset: int) -> int:
    """The 1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1
