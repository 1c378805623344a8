"""Bag-of-words F1 of the saved-page text extractor on the awkward pages in tests/data/web_pages/.

Each ``NAME.html`` there has ``NAME.body.txt``, the article as a reader sees it. The score of a
page is the F1 of the multiset of lower-cased words extracted against those of the body (a page
the extractor refuses scores 0; the page with no body scores 1 when nothing is extracted). Run from
a checkout: ``python benchmarks/web_text.py``; with ``PYTHONPATH`` pointing at another checkout it
measures that checkout's extractor on the same pages (how the figures in the README were taken).
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from db.errors import FileProblem
from desktop_app.formats.fulltext import read_fulltext

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "web_pages"
_WORD = re.compile(r"\w+")


def f1(found: str, expected: str) -> float:
    found_words, expected_words = Counter(_WORD.findall(found.lower())), Counter(_WORD.findall(expected.lower()))
    if not found_words and not expected_words:
        return 1.0
    common = sum((found_words & expected_words).values())
    if not common:
        return 0.0
    precision, recall = common / sum(found_words.values()), common / sum(expected_words.values())
    return 2 * precision * recall / (precision + recall)


def extracted(page: Path) -> str:
    try:
        return read_fulltext(page).text
    except FileProblem:
        return ""


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    pages = sorted(parser.parse_args(argv).pages.glob("*.html"))
    scores = {}
    for page in pages:
        scores[page.stem] = f1(extracted(page), page.with_suffix(".body.txt").read_text(encoding="utf-8"))
        print(f"{page.stem:28} {scores[page.stem]:.3f}")
    print(f"{'mean':28} {sum(scores.values()) / len(scores):.3f}")


if __name__ == "__main__":
    main()
