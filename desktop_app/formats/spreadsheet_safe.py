"""CSV cells that a spreadsheet shows as text, never runs as a formula (CSV / formula injection).

Following OWASP's CSV Injection guidance (and ASVS 5.0 requirement 1.2.10), a cell whose first
character is ``=``, ``+``, ``-``, ``@``, tab, carriage return or NUL gets a leading apostrophe,
which Excel, LibreOffice and Google Sheets read as "this cell is text".

One deliberate exception: a cell that is exactly a plain decimal number ("-12.5", "+3", "-1e6")
is left alone. Spreadsheets read it as a number, not a formula, and prefixing it would turn every
negative figure in an export into text that no longer sums. Anything more ("-1+2", "-A1",
"+44 20 7946 0958", "-12.5 " with a trailing blank) is not a plain number and is prefixed.
"""
from __future__ import annotations

import csv
import re
from os import PathLike

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)  # ASCII: "-٣" is no number to Excel


def neutralise_cell(value) -> str:
    """``value`` as CSV cell text that cannot start a formula (None becomes "")."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_csv(path_or_file, header, rows) -> None:
    """Write ``header`` and ``rows`` as CSV with every cell neutralised.

    Given a path, the file is written as UTF-8 with a byte-order mark, which is what makes Excel
    read non-ASCII names (Erdoğan, Київ) correctly; given an open text file (opened with
    ``newline=""``, as the csv module requires), it is written to as it is.
    """
    if isinstance(path_or_file, (str, PathLike)):
        with open(path_or_file, "w", encoding="utf-8-sig", newline="") as file:
            _write(file, header, rows)
    else:
        _write(path_or_file, header, rows)


def _write(file, header, rows) -> None:
    writer = csv.writer(file)
    writer.writerow([neutralise_cell(cell) for cell in header])
    writer.writerows([neutralise_cell(cell) for cell in row] for row in rows)
