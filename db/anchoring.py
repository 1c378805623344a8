"""Finding an annotated passage again after its source's text has changed.

An annotation is anchored twice, as the W3C Web Annotation model does: by position (the
character range, a TextPositionSelector) and by quote (the exact text with a little context on
each side, a TextQuoteSelector). When the text is corrected, the position alone would drift onto
other words; the quote finds the passage where it went. Pure functions, no database, no Qt.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

CONTEXT_CHARS = 32  # prefix/suffix kept around a quote to tell repeated quotes apart
FUZZY_MIN_SCORE = 90  # a corrected passage must still be this similar (0-100) to count as found
# A corrected passage is first looked for near where it was (cheap and usually right), then in
# the whole text; this many characters either side, or ten quotes' length if more.
_NEAR_CHARS = 2_000


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """The prefix and suffix stored beside the quote text[start:end]."""
    return text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """How alike the text around [start, end) is to the stored context (0-200)."""
    before = text[max(0, start - len(prefix)):start]
    after = text[end:end + len(suffix)]
    return fuzz.ratio(prefix, before) + fuzz.ratio(suffix, after)


def _occurrences(text: str, exact: str) -> list[int]:
    found = []
    at = text.find(exact)
    while at != -1:
        found.append(at)
        at = text.find(exact, at + 1)
    return found


def _fuzzy(text: str, exact: str, old_start: int) -> tuple[int, int] | None:
    reach = max(_NEAR_CHARS, 10 * len(exact))
    lo = max(0, old_start - reach)
    windows = [(lo, text[lo:old_start + len(exact) + reach])]
    if len(windows[0][1]) < len(text):
        windows.append((0, text))
    for offset, window in windows:
        # partial_ratio compares the shorter string with the longer one's pieces; a quote longer
        # than the window would be aligned the other way round, which is not a find.
        if len(window) < len(exact):
            continue
        found = fuzz.partial_ratio_alignment(exact, window, score_cutoff=FUZZY_MIN_SCORE)
        if found is not None and found.dest_end > found.dest_start:
            return offset + found.dest_start, offset + found.dest_end
    return None


def reanchor(text: str, exact: str, prefix: str, suffix: str, old_start: int) -> tuple[int, int] | None:
    """Where the passage ``exact`` (once at ``old_start``, between ``prefix`` and ``suffix``) is in
    ``text`` now, as a (start, end) range, or None when it is gone.

    The quote found where it was stays there unless another occurrence has the stored context
    more closely around it; among occurrences, the best context wins, then the nearest to
    ``old_start``. A quote no longer present word for word is looked for by similarity
    (RapidFuzz, at least ``FUZZY_MIN_SCORE``), so corrected typos do not lose the highlight.
    """
    if not exact:
        return None
    starts = _occurrences(text, exact)
    if starts:
        best = min(starts, key=lambda s: (-_context_score(text, s, s + len(exact), prefix, suffix), abs(s - old_start)))
        return best, best + len(exact)
    return _fuzzy(text, exact, old_start)


def find_quote(text: str, quote: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where ``quote`` occurs in text[start:end], as (start, end) ranges: any run of whitespace in
    the quote matches any run in the text (a PDF's lines break where a typed quote has a space)."""
    words = quote.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    return [match.span() for match in pattern.finditer(text, start, len(text) if end is None else end)]
