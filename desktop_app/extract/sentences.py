"""Splitting text into sentences, keeping character offsets into the original text.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by space
and a capital, digit or quote, unless the word before the full stop is a known abbreviation
("Nov. 21", "Mr. Scholz") or an initial ("U.S."); a line break always ends one, so headlines and
datelines stand alone.
"""
from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col capt sgt sen rep gov pres rev st mt jr sr inc ltd co corp no nos vs "
    "etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu "
    "thurs fri sat sun a.m p.m e.g i.e".split()
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, blanks around it left out."""
    spans = []
    for line in _LINE.finditer(text):
        start = line.start()
        for end in _END.finditer(text, line.start(), line.end()):
            if _is_abbreviation(text, start, end.start()):
                continue
            spans.append((start, end.end()))
            start = end.end()
        spans.append((start, line.end()))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))]


def _is_abbreviation(text: str, start: int, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word = text[start:stop].rsplit(None, 1)[-1].lstrip("(\"'“‘").lower() if text[start:stop].strip() else ""
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
