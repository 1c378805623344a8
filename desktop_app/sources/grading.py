"""The analyst's grading of a source: the Admiralty (NATO) system's two scales and their meaning.

Reliability grades the source's record (A–F), credibility the information itself (1–6); a grade
reads as both together, "B2": usually reliable, probably true.
"""
from __future__ import annotations

RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}


def grade(reliability: str | None, credibility: int | None) -> str:
    """"B2", "B", "2" or "" for what has been graded."""
    return f"{reliability or ''}{credibility or ''}"


def grade_meaning(reliability: str | None, credibility: int | None) -> str:
    """The grade in words: "Usually reliable; probably true"."""
    parts = []
    if reliability:
        parts.append(RELIABILITY.get(reliability, reliability))
    if credibility:
        meaning = CREDIBILITY.get(credibility, str(credibility))
        parts.append(meaning[:1].lower() + meaning[1:] if parts else meaning)
    return "; ".join(parts) or "Not graded"
