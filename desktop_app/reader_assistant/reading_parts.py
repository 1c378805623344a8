"""A long source read by the reading assistant a part at a time: a PDF page by page, a text in
runs of lines, the part on screen first. Qt-free.

Parts end at line breaks, which end sentences for the finders too (``extract.sentences``), so a
sentence is never cut in two. What a part cannot see is the rest of the document: a year stated on
an earlier page does not carry over to a year-less date on this one, and whether the text tells
of another time is judged part by part. That is the price of reading the part on screen first and
of never holding the finders' working data for the whole of a long document at once.
"""
from __future__ import annotations

from dataclasses import replace

from desktop_app.reader_assistant.findings import Findings, FoundDate, find_all

PART_CHARS = 3_000  # about a page of a report; the finders read it in a few tens of milliseconds


def parts(text: str, breaks=(), size: int = PART_CHARS) -> list[tuple[int, int]]:
    """Consecutive (start, end) spans covering ``text``: one begins at each offset in ``breaks``
    (a PDF's page starts), and any longer than ``size`` is cut after a line break (or, in a run
    of more than ``size`` characters without one, after the next)."""
    cuts = sorted({0, len(text), *(b for b in breaks if 0 < b < len(text))})
    spans = []
    for start, stop in zip(cuts, cuts[1:]):
        while stop - start > size:
            cut = text.rfind("\n", start, start + size) + 1
            if cut <= start:  # no line break within size: the next one
                cut = text.find("\n", start + size, stop) + 1 or stop
            spans.append((start, cut))
            start = cut
        spans.append((start, stop))
    return [span for span in spans if span[0] < span[1]]


def in_reading_order(spans: list[tuple[int, int]], offset: int) -> list[tuple[int, int]]:
    """The spans from the one holding ``offset`` (the text on screen) to the end, then those before it."""
    first = next((i for i, (start, end) in enumerate(spans) if start <= offset < end), 0)
    return spans[first:] + spans[:first]


def find_in_part(text: str, span: tuple[int, int], published, entities, people=frozenset()) -> Findings:
    """``findings.find_all`` on ``text[start:end]``, its offsets in ``text``."""
    start, end = span
    found = find_all(text[start:end], published, entities, people)
    if not start:
        return found
    return Findings(tuple(_shifted(d, start) for d in found.dates),
                    tuple(replace(n, start=n.start + start, end=n.end + start) for n in found.names))


def _shifted(date: FoundDate, by: int) -> FoundDate:
    return replace(date, start=date.start + by, end=date.end + by, sentence_start=date.sentence_start + by,
                   sentence_end=date.sentence_end + by)


def joined(found: dict[int, Findings]) -> Findings:
    """The findings of several parts (by their start) as one, in text order."""
    ordered = [found[start] for start in sorted(found)]
    return Findings(tuple(d for f in ordered for d in f.dates), tuple(n for f in ordered for n in f.names))
