"""Reading a bibliography file's text, with the user's mistakes as FileProblem, not tracebacks."""
from __future__ import annotations

from db.errors import FileProblem
from desktop_app.formats.file_read import read_bytes


def read_text(path, kind: str) -> str:
    """The file's text (UTF-8, a byte-order mark dropped); FileProblem if it is not such text.

    ``kind`` names the expected format in messages ("BibTeX", "RIS", ...).
    """
    data = read_bytes(path)
    if b"\x00" in data[:65_536]:
        raise FileProblem(path, None, f"this is a binary file, not a {kind} file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileProblem(
            path, line, f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the {kind} file as UTF-8"
        ) from error
    if not text.strip():
        raise FileProblem(path, None, f"the file is empty: no {kind} records")
    return text


def line_of(text: str, offset: int) -> int:
    """The 1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1
