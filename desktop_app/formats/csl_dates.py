"""EDTF strings ↔ CSL date objects, and the loose date texts that bibliography files hold.

Parsing EDTF is the `edtf` package's; this module only maps its answer onto CSL's
``{"date-parts": ..., "season": ..., "circa": ..., "literal": ...}`` model.

Conventions, chosen so that pandoc's citeproc renders the result well:

- a year before 1 CE: EDTF counts a year 0 (= 1 BCE), CSL does not, so EDTF ``-0043`` (44 BCE)
  is CSL year ``-44`` — as pandoc itself converts;
- a season ``2022-21`` is ``{"date-parts": [[2022]], "season": 1}`` (spring 1 … winter 4);
- approximate (``~``), uncertain (``?``) and both (``%``) all become ``"circa": true``: CSL has
  a single flag, styles print it as "ca. 2024" or "[2024?]", and keeping the date-parts lets
  styles sort and cite by year. Reading it back gives ``~``, so ``?`` and ``%`` are not kept;
- an open or unknown end of an interval is a ``[0]`` date-part, pandoc's own convention
  (``2024-11-18/..`` → ``[[2024, 11, 18], [0]]``, rendered "2024–"); it reads back as ``..``;
- a time of day is dropped (CSL has none); anything else (sets, unspecified digits ``201X``,
  long years) becomes ``{"literal": text}``.
"""
from __future__ import annotations

import re
from calendar import monthrange
from datetime import datetime
from functools import lru_cache

from dateutil import parser as dateutil_parser

_SEASON_BY_CODE = {21: 1, 22: 2, 23: 3, 24: 4}
_CODE_BY_SEASON = {season: code for code, season in _SEASON_BY_CODE.items()}
# Spellings found in CSL-JSON in the wild for the `season` field.
_SEASON_WORDS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}

_SEASONAL = re.compile(r"^(spring|summer|autumn|fall|winter),? (\d{4})$", re.IGNORECASE)
_SLASHED = re.compile(r"^(\d{4})(?:[/-](\d{1,2})?)?(?:[/-](\d{1,2})?)?/?(?:[/-].*)?$")


# Plain calendar dates, by far the most common, skip the EDTF grammar (about 10 ms a parse).
_PLAIN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _plain_parts(text: str) -> list[int] | None:
    """[year, month, day] (as present) for a valid plain date such as 2024-02-29, else None."""
    found = _PLAIN.match(text)
    if not found:
        return None
    parts = [int(group) for group in found.groups() if group is not None]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return None
    if len(parts) > 2 and not 1 <= parts[2] <= monthrange(parts[0] or 2000, parts[1])[1]:
        return None
    return parts


@lru_cache(maxsize=4096)
def _parse(text: str):
    """The `edtf` package's reading of a string, or None when it is not EDTF."""
    import edtf  # its grammar takes ~0.2 s to build: not at start-up, only when a date needs it
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        return edtf.parse_edtf(text)
    except EDTFParseException:
        return None


def edtf_to_csl_date(text: str) -> dict:
    """The CSL date object for an EDTF string; ``{"literal": text}`` for what CSL cannot hold."""
    text = (text or "").strip()
    plain = _plain_parts(text)
    if plain and plain[0] > 0:
        return {"date-parts": [plain]}
    parsed = _parse(text) if text else None
    if parsed is None:
        return {"literal": text}
    lower, upper = getattr(parsed, "lower", None), getattr(parsed, "upper", None)
    ends = [lower, upper] if lower is not None or upper is not None else [parsed]
    converted = [_end_parts(end) for end in ends]
    if any(part is None for part in converted):
        return {"literal": text}
    date: dict = {"date-parts": [parts for parts, _, _ in converted]}
    seasons = [season for _, season, _ in converted]
    if any(seasons):
        if len(converted) > 1:  # CSL's season belongs to the whole date, not to one end
            return {"literal": text}
        date["season"] = seasons[0]
    if any(qualified for _, _, qualified in converted):
        date["circa"] = True
    if date["date-parts"] == [[0], [0]]:
        return {"literal": text}
    return date


def _end_parts(node) -> tuple[list[int], int | None, bool] | None:
    """(date-parts, season, qualified) for one end of an EDTF date; None if CSL cannot say it."""
    kind = type(node).__name__
    if kind == "UnspecifiedIntervalSection":
        return [0], None, False
    qualified = bool(
        getattr(node, "is_approximate", False)
        or getattr(node, "is_uncertain", False)
        or getattr(node, "is_uncertain_and_approximate", False)
    )
    if kind == "UncertainOrApproximate":
        inner = _end_parts(node.date)
        return None if inner is None else (inner[0], inner[1], qualified or inner[2])
    if kind == "DateAndTime":
        return _end_parts(node.date)
    if kind == "Season":
        season = _SEASON_BY_CODE.get(int(node.season))
        return None if season is None else ([_csl_year(int(node._year))], season, qualified)
    if kind not in ("Date", "PartialUncertainOrApproximate"):
        return None  # Unspecified digits, long years, sets, consecutives: no CSL form
    digits = [node._year, node._month, node._day]
    if getattr(node, "season", None):
        return None
    parts = [int(value) for value in digits if value is not None]
    parts[0] = _csl_year(parts[0])
    return parts, None, qualified


def _csl_year(edtf_year: int) -> int:
    return edtf_year if edtf_year > 0 else edtf_year - 1


def _edtf_year(csl_year: int) -> str:
    year = csl_year if csl_year > 0 else csl_year + 1
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def csl_date_to_edtf(date) -> str | None:
    """The EDTF string for a CSL date object (or a bare date string); None when none can be made.

    Reads ``date-parts`` (numbers or digit strings, an open end ``[0]``, seasons given as
    ``season`` or as months 13–16/21–24), ``circa``, and falls back to ``raw`` and ``literal``
    when they hold a readable date (EDTF, "2024/11/15/", "15 November 2024", ...).
    """
    if isinstance(date, str):
        return text_to_edtf(date)
    if not isinstance(date, dict):
        return None
    parts = date.get("date-parts")
    if parts:
        made = _parts_to_edtf(parts, date.get("season"), bool(date.get("circa")))
        if made:
            return made
    for key in ("raw", "literal"):
        if isinstance(date.get(key), str):
            made = text_to_edtf(date[key])
            if made:
                return made
    return None


def _parts_to_edtf(parts, season, circa: bool) -> str | None:
    if not isinstance(parts, list) or not 1 <= len(parts) <= 2:
        return None
    ends = []
    for part in parts:
        numbers = _numbers(part)
        if numbers is None:
            return None
        ends.append(numbers)
    season_number = _season_number(season)
    texts = []
    for numbers in ends:
        if numbers in ([], [0]):
            texts.append("..")
            continue
        year, rest = numbers[0], numbers[1:]
        text = _edtf_year(year)
        if rest and rest[0] in (13, 14, 15, 16, 21, 22, 23, 24):  # a season written as a month
            season_number = rest[0] - 12 if rest[0] <= 16 else rest[0] - 20
            rest = []
        if season_number and len(ends) == 1 and not rest:
            text += f"-{_CODE_BY_SEASON[season_number]}"
        for value in rest:
            if not 1 <= value <= 31:
                return None
            text += f"-{value:02d}"
        texts.append(text + ("~" if circa else ""))
    if texts == ["..", ".."] or texts == [".."]:
        return None
    if len(texts) == 2 and texts[0] == texts[1]:
        texts = texts[:1]
    made = "/".join(texts)
    return made if is_edtf(made) else None


def _numbers(part) -> list[int] | None:
    """The integers of one date-part; digit strings are read, None for anything else."""
    if not isinstance(part, list):
        return None
    numbers = []
    for value in part:
        if isinstance(value, str) and not value.strip():
            break  # ["2024", "", ""]: some tools pad a missing month and day with empty strings
        if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        numbers.append(value)
    return numbers


def _season_number(season) -> int | None:
    if isinstance(season, str):
        season = season.strip().lower()
        if season in _SEASON_WORDS:
            return _SEASON_WORDS[season]
        season = int(season) if season.isdigit() else None
    if isinstance(season, int) and not isinstance(season, bool):
        if season in _CODE_BY_SEASON:
            return season
        return _SEASON_BY_CODE.get(season)
    return None


def is_edtf(text: str) -> bool:
    """True when the `edtf` package reads the text as EDTF."""
    return _plain_parts(text) is not None or _parse(text) is not None


# Two far-apart defaults: a component dateutil fills in identically from both was in the text.
_DEFAULTS = (datetime(1, 1, 1), datetime(2, 2, 2))


def text_to_edtf(text: str) -> str | None:
    """The EDTF string for a date as bibliography files write it; None when unreadable.

    Accepts EDTF itself ("2024-11-18/2024-11-21", "2024~"), RIS slashes ("2024/11/15/",
    "2014//", "2024/11"), and written dates ("15 November 2024", "Nov. 2024", "JUN 8 2004").
    """
    text = " ".join((text or "").split())
    if not text:
        return None
    if is_edtf(text):
        return text
    slashed = _SLASHED.match(text)
    if slashed:
        year, month, day = slashed.groups()
        made = _edtf_year(int(year))
        if month:
            made += f"-{int(month):02d}"
            if day:
                made += f"-{int(day):02d}"
        return made if is_edtf(made) else None
    seasonal = _SEASONAL.match(text)
    if seasonal:
        return f"{seasonal.group(2)}-{_CODE_BY_SEASON[_SEASON_WORDS[seasonal.group(1).lower()]]}"
    readings = []
    for default in _DEFAULTS:
        try:
            readings.append(dateutil_parser.parse(text, default=default, fuzzy=False))
        except (ValueError, OverflowError):
            return None
    first, second = readings
    if first.year != second.year:
        return None
    made = f"{first.year:04d}"
    if first.month == second.month:
        made += f"-{first.month:02d}"
        if first.day == second.day:
            made += f"-{first.day:02d}"
    return made
