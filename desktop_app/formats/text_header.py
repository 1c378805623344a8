"""What the first lines of a plain-text article say about it. Qt-free.

A saved article's text often starts with its title, a byline and a date line, each on a line of
its own ("Russia Pounds Ukraine's Grid", "By Marc Champion*", "November 20, 2024 at 5:00 AM
GMT"). The header ends at the first paragraph of body text (wrapped, or longer than a title), and
only its first few lines are read: a date deep in the article is what it reports, not when.
"""
from __future__ import annotations

import re

from desktop_app.formats.fulltext_metadata import csl_names, edtf_date, text_value

HEADER_LINES = 6
MAX_TITLE_CHARS = 150  # a longer first line is body text
MAX_BYLINE_CHARS = 120
_BYLINE = re.compile(r"^by\s+(?P<names>\S.*)$", re.IGNORECASE)
# what follows the names: "| Bloomberg", "- Reuters", "for The Times"; footnote marks
_AFTER_NAMES = re.compile(r"\s+(?:[|–—-]|for)\s+.*$|\s*\|.*$")
_MARKS = "*†‡ "
# "Published 20 November 2024", "Updated: Nov 20, 2024 at 5:00 AM GMT"
_DATE_WORDS = re.compile(r"^(?:published|updated|posted|first published)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"(?:,|\s+at)?\s+\d{1,2}[:.]\d{2}.*$", re.IGNORECASE)


def read_header(paragraphs: list[str]) -> dict:
    """``title``, ``author`` (CSL names) and ``issued_edtf`` found at the top of a plain text's
    paragraphs; keys that were not found are left out."""
    found: dict = {}
    lines = 0
    for paragraph in paragraphs:
        text = paragraph.strip()
        if not text:
            continue
        if "\n" in text or len(text) > MAX_TITLE_CHARS or lines >= HEADER_LINES:
            break  # the body begins
        lines += 1
        byline = _BYLINE.match(text)
        if byline and "author" not in found and len(text) <= MAX_BYLINE_CHARS:
            names = csl_names(_AFTER_NAMES.sub("", byline["names"]).strip(_MARKS))
            if names:
                found["author"] = names
                continue
        issued = _date_line(text) if "issued_edtf" not in found else None
        if issued:
            found["issued_edtf"] = issued
        elif "title" not in found:
            found["title"] = text_value(text)
    return found


def _date_line(text: str) -> str | None:
    """The date a line that is only a date states ("20 November 2024", "Nov 20, 2024 at 5:00 AM GMT")."""
    return edtf_date(_TIME_OF_DAY.sub("", _DATE_WORDS.sub("", text)).strip(" .,"))
