"""A CSV file as the dataset importer reads it: its encoding, delimiter and header, then its
records, each with the physical line it starts on.

The encoding is decided before any record is read, by one pass over the bytes (which also counts
the lines, for progress): UTF-8 (a byte-order mark is dropped) if the whole file decodes as UTF-8,
else Windows-1252 (what spreadsheets on Windows save as "CSV"), else Latin-1, which decodes
anything. Deciding up front means a stray byte in row 900,000 cannot switch encodings mid-import.
The same pass notes NUL characters: never text in a CSV (spreadsheets drop them), and SQLite's
text functions stop at them, so a name of NULs would look empty to the store's checks.
"""
from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from db.errors import FileProblem
from desktop_app.formats.file_read import megabytes

ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
DELIMITERS = (",", ";", "\t", "|")
_CHUNK = 1 << 22
# A field longer than this is almost always a quote that is never closed, swallowing the file.
FIELD_LIMIT = 1 << 20


@dataclass(frozen=True)
class CsvFile:
    path: Path
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    lines: int  # physical lines in the file, the header's included
    has_nul: bool = False  # NUL characters are dropped from every field

    @classmethod
    def open(cls, path: str | Path) -> "CsvFile":
        """Inspect the file: encoding, delimiter, header. Raises FileProblem for a file that cannot
        be read, is empty or has no header."""
        path = Path(path)
        try:
            with path.open("rb") as handle:
                start = handle.read(4)
        except OSError as error:
            raise FileProblem(path, None, f"cannot be read ({error.strerror})") from error
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not start.startswith(codecs.BOM_UTF32_LE):
            raise FileProblem(path, None, "is UTF-16 text; save it as CSV in UTF-8 (or Windows-1252) and import again")
        encoding, lines, has_nul = _encoding_and_lines(path)
        with path.open(newline="", encoding=encoding) as handle:
            first = handle.readline(FIELD_LIMIT + 1).replace("\x00", "")
        if len(first) > FIELD_LIMIT:
            raise FileProblem(path, 1, f"the first line is longer than {megabytes(FIELD_LIMIT)}; "
                                       "it should name the columns")
        if not first.strip():
            raise FileProblem(path, 1, "the first line is empty; it should name the columns")
        csv.field_size_limit(FIELD_LIMIT)
        try:
            delimiter = max(DELIMITERS, key=lambda d: (len(next(csv.reader([first], delimiter=d), [])), d == ","))
            header = tuple(name.strip() for name in next(csv.reader([first], delimiter=delimiter)))
        except csv.Error as error:
            raise FileProblem(path, 1, f"the first line is not readable as CSV ({error})") from error
        return cls(path, encoding, delimiter, header, lines, has_nul)

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """Every record after the header as ``(line, fields)``: ``line`` is the physical line the
        record starts on (fields may hold newlines). Blank lines are skipped."""
        csv.field_size_limit(FIELD_LIMIT)
        with self.path.open(newline="", encoding=self.encoding) as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            try:
                next(reader)  # the header
                line = reader.line_num
                for fields in reader:
                    start, line = line + 1, reader.line_num
                    if fields:
                        yield start, [field.replace("\x00", "") for field in fields] if self.has_nul else fields
            except csv.Error as error:
                if "field limit" in str(error):
                    problem = (f"a field longer than {megabytes(FIELD_LIMIT)} (a quote that is never closed "
                               "makes the rest of the file one field)")
                else:
                    problem = f"not readable as CSV ({error})"
                raise FileProblem(self.path, line + 1, problem) from error


def _encoding_and_lines(path: Path) -> tuple[str, int, bool]:
    for encoding in ENCODINGS:
        found = _decode_all(path, encoding)
        if found is not None:
            return (encoding, *found)
    raise AssertionError("Latin-1 decodes any bytes")


def _decode_all(path: Path, encoding: str) -> tuple[int, bool] | None:
    """The number of lines, and whether a NUL is among them, if the whole file decodes in
    ``encoding``; else None."""
    decoder = codecs.getincrementaldecoder(encoding)()
    newlines = returns = pairs = 0
    has_nul = False
    last = b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return None
            has_nul = has_nul or b"\x00" in chunk
            newlines += chunk.count(b"\n")
            returns += chunk.count(b"\r")
            pairs += chunk.count(b"\r\n") + (last == b"\r" and chunk[:1] == b"\n")
            last = chunk[-1:]
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    ends = newlines + returns - pairs
    return ends + (last not in (b"\n", b"\r", b"")), has_nul
