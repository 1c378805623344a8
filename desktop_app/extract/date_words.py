"""Years and decades written in words: "nineteen ninety-six", "two thousand and eight", "twenty
twenty-four", "the nineties", "the late nineteen-eighties".

A decade word alone is read in the twentieth century ("the nineties" is 199X, "the twenties"
192X): the 2000s and 2010s have no such names in common use, and "the twenties" of a text about
the 2020s is rarer than one about the 1920s.
"""
from __future__ import annotations

import re

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_CENTURIES = {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
DECADE_WORDS = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|two[\\s-]thousands|noughties"

_UNIT = "|".join(_UNITS)
_TWO_DIGITS = rf"(?:{'|'.join(_TENS)})(?:-(?:{_UNIT}))?|{'|'.join(_TEENS)}"
# nineteen ninety-six, nineteen hundred, nineteen oh five; two thousand (and) eight; twenty twenty-four
YEAR_IN_WORDS = (
    rf"(?i:(?P<century>{'|'.join(_CENTURIES)})[\s-]+(?P<within>{_TWO_DIGITS}|hundred|oh[\s-](?:{_UNIT}))"
    rf"|two\s+thousand(?:(?:\s+and)?\s+(?P<after_2000>{_TWO_DIGITS}|{_UNIT}))?"
    rf"|twenty[\s-]+(?P<twenty>(?:{'|'.join(_TENS)})(?:-(?:{_UNIT}))?|{'|'.join(_TEENS)}))"
)


def _two_digits(words: str) -> int:
    """10-99 from "ninety-six", "ten", "oh five" (5), "eight" (8)."""
    parts = re.split(r"[\s-]+", words.lower())
    if parts[0] == "oh":
        return _UNITS.index(parts[1]) + 1
    if parts[0] in _TEENS:
        return 10 + _TEENS.index(parts[0])
    if parts[0] in _UNITS:
        return _UNITS.index(parts[0]) + 1
    return 10 * (_TENS.index(parts[0]) + 2) + (_UNITS.index(parts[1]) + 1 if len(parts) > 1 else 0)


def year_value(groups: dict) -> int:
    """The year a YEAR_IN_WORDS match names."""
    if groups.get("century"):
        within = groups["within"].lower()
        return _CENTURIES[groups["century"].lower()] * 100 + (0 if within == "hundred" else _two_digits(within))
    if groups.get("twenty"):
        return 2000 + _two_digits(groups["twenty"])
    return 2000 + (_two_digits(groups["after_2000"]) if groups.get("after_2000") else 0)


def decade_value(word: str, century: str | None = None) -> int:
    """1990 for "nineties" (or "nineteen-nineties"), 1890 for "eighteen-nineties"."""
    if word.lower().startswith(("two", "nought")):  # the two thousands, the noughties
        return 2000
    hundreds = _CENTURIES[century.lower()] if century else 19
    return hundreds * 100 + 10 * (_TENS.index(word.lower().removesuffix("ies") + "y") + 2)
