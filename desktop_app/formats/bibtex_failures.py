"""Where a BibTeX entry that bibtexparser gave up on went wrong, in the words and at the line a
user can act on.

The parser reports where it stopped, which is rarely where the mistake is: a value whose ``{`` or
``"`` is never closed swallows the fields after it, and the parser notices only at the end of the
file or at the next entry. The entry's text tells more: a line inside a value that starts like a
field (``year = ...``) means the value before it was never closed.
"""
from __future__ import annotations

import re

from bibtexparser.exceptions import BlockAbortedException
from bibtexparser.model import ParsingFailedBlock

# a line that starts a field or an entry: inside a value, it means the value ran on past its end
_FIELD_START = re.compile(r"[ \t]*(?:[A-Za-z][\w:.+-]*[ \t]*=|@[A-Za-z]+[ \t]*[{(])")
_NAME_BEFORE_EQUALS = re.compile(r"([A-Za-z][\w:.+-]*)[ \t\r\n]*$")


def failure(block: ParsingFailedBlock) -> tuple[int, str]:
    """The 1-based line and the problem of a block the parser could not read."""
    first_line = (block.start_line or 0) + 1
    error = block.error
    if not isinstance(error, BlockAbortedException):  # a repeated key, a middleware's complaint
        return first_line, f"malformed BibTeX entry: {str(error).strip() or type(error).__name__}"
    raw = block.raw or ""
    unclosed = _unclosed_value(raw)
    if unclosed:
        field, line, opener = unclosed
        closer = "}" if opener == "{" else '"'
        return first_line + line, (f"the value of '{field or 'a field'}' opened on this line is never closed "
                                   f"(a '{opener}' without its '{closer}')")
    reason = error.abort_reason.strip()
    if reason.startswith("Unexpected block start"):
        return first_line, "the entry is never closed: a '}' is missing before the next entry starts"
    if reason.startswith("Unexpectedly reached end of file"):
        return first_line, "the entry is never closed: a '}' is missing before the end of the file"
    # elsewhere the parser stops where the mistake is: the end of the text it read
    return first_line + raw.count("\n"), f"malformed BibTeX entry: {reason}"


def _unclosed_value(raw: str) -> tuple[str, int, str] | None:
    """(field, 0-based line in ``raw``, opening character) of the first value that runs into a
    line starting like another field or entry, or into the end of the text; None when none does."""
    depth = 0
    quoted = False
    opened: tuple[str, int, str] | None = None
    field = ""
    line = 0
    for index, char in enumerate(raw):
        inside = depth > 1 or quoted
        if char == "\n":
            line += 1
            if inside and opened and _FIELD_START.match(raw, index + 1):
                return opened
        elif char == "{":
            depth += 1
            if depth == 2 and not quoted:
                opened = (field, line, "{")
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 1:
            quoted = not quoted
            if quoted:
                opened = (field, line, '"')
        elif char == "=" and depth == 1 and not quoted:
            name = _NAME_BEFORE_EQUALS.search(raw, max(0, index - 200), index)
            field = name.group(1).lower() if name else ""
    return opened if depth > 1 or quoted else None
