"""Where a PDF's pages sit in the reader's scrolling column at a zoom, and which character of a
page is at a point. Plain arithmetic, no Qt: pages are stacked top to bottom, centred, a gap
apart; a page is ``scale`` pixels per PDF point; PDF points have their origin at the page's
bottom left, pixels at the column's top left.

The points here are those of the page as shown: a page with a /Rotate is shown turned, and its
character boxes (which the store keeps in the PDF's own coordinates, as highlights are exported)
are turned with it by its ``PageFrame``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from array import array

GAP = 12  # pixels between two pages
MARGIN = 16  # pixels around the column
FIT_WIDTH, FIT_PAGE = "width", "page"
PERCENTS = (50, 75, 100, 125, 150, 200, 300, 400)
MIN_SCALE, MAX_SCALE = 0.1, 8.0
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class PageFrame:
    """How a page's own coordinates lie on the page as shown: turned ``rotation`` degrees
    clockwise (its /Rotate) and cut to its crop box ``box`` (x0, y0, x1, y1)."""

    rotation: int = 0
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)

    @property
    def turns(self) -> bool:
        return self.rotation % 360 != 0 or self.box[:2] != (0.0, 0.0)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A point of the page's own coordinates as a point of the page shown (from its bottom left)."""
        x0, y0, x1, y1 = self.box
        turned = self.rotation % 360
        if turned == 90:
            return y - y0, x1 - x
        if turned == 180:
            return x1 - x, y1 - y
        if turned == 270:
            return y1 - y, x - x0
        return x - x0, y - y0

    def rect(self, rect) -> tuple[float, float, float, float]:
        """A rectangle (left, bottom, right, top) of the page's own coordinates as one of the page shown."""
        (ax, ay), (bx, by) = self.point(rect[0], rect[1]), self.point(rect[2], rect[3])
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def boxes(self, boxes: array) -> array:
        """Character boxes (four numbers each) as boxes of the page shown."""
        if not self.turns:
            return boxes
        shown = array(boxes.typecode)
        for i in range(0, len(boxes) - 3, 4):
            shown.extend(self.rect(boxes[i:i + 4]))
        return shown


@dataclass(frozen=True)
class Zoom:
    """Fit the width, fit a whole page, or a percentage (100 % = 96 pixels per inch)."""

    mode: str = FIT_WIDTH
    percent: float = 100.0

    def label(self) -> str:
        return {FIT_WIDTH: "Fit width", FIT_PAGE: "Fit page"}.get(self.mode, f"{self.percent:g} %")


class PdfLayout:
    def __init__(self, sizes: list[tuple[float, float]], viewport: tuple[int, int], zoom: Zoom):
        self.sizes = sizes
        widest = max((w for w, _ in sizes), default=612.0)
        tallest = max((h for _, h in sizes), default=792.0)
        view_w, view_h = viewport
        if zoom.mode == FIT_WIDTH:
            scale = (view_w - 2 * MARGIN) / widest
        elif zoom.mode == FIT_PAGE:
            scale = min((view_w - 2 * MARGIN) / widest, (view_h - 2 * MARGIN) / tallest)
        else:
            scale = zoom.percent / 100 * 96 / 72
        self.scale = min(MAX_SCALE, max(MIN_SCALE, scale))
        self.width = int(widest * self.scale) + 2 * MARGIN
        self.tops: list[int] = []
        y = MARGIN
        for _, height in sizes:
            self.tops.append(y)
            y += int(round(height * self.scale)) + GAP
        self.height = y - GAP + MARGIN if sizes else 2 * MARGIN
        self._view_w = view_w

    def page_rect(self, index: int) -> tuple[int, int, int, int]:
        """(x, y, width, height) of a page in column pixels, centred in the wider of column and view."""
        w, h = self.sizes[index]
        pw, ph = int(round(w * self.scale)), int(round(h * self.scale))
        x = max(MARGIN, (max(self.width, self._view_w) - pw) // 2)
        return x, self.tops[index], pw, ph

    def pages_between(self, top: int, bottom: int) -> range:
        """The pages any part of which lies between column rows ``top`` and ``bottom``."""
        if not self.sizes:
            return range(0)
        first = max(0, bisect_right(self.tops, top) - 1)
        last = max(first, bisect_right(self.tops, bottom) - 1)
        if self.page_rect(first)[1] + self.page_rect(first)[3] < top and first + 1 < len(self.sizes):
            first += 1
        return range(first, min(last, len(self.sizes) - 1) + 1)

    def page_at(self, y: int) -> int:
        """The page at column row ``y`` (the one above, in a gap)."""
        return max(0, min(len(self.sizes) - 1, bisect_right(self.tops, y) - 1)) if self.sizes else 0

    def to_pdf(self, index: int, x: float, y: float) -> tuple[float, float]:
        """A column pixel as a point of page ``index``."""
        px, py, _, _ = self.page_rect(index)
        return (x - px) / self.scale, self.sizes[index][1] - (y - py) / self.scale

    def from_pdf(self, index: int, rect: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """A PDF rectangle (left, bottom, right, top) of page ``index`` as column (x, y, width, height)."""
        px, py, _, _ = self.page_rect(index)
        left, bottom, right, top = rect
        height = self.sizes[index][1]
        return (px + left * self.scale, py + (height - top) * self.scale,
                (right - left) * self.scale, (top - bottom) * self.scale)


def char_at(boxes: array, x: float, y: float) -> int | None:
    """The caret position (a character index, or one past the last) nearest to the PDF point
    (x, y) of a page: within the character whose box holds the point, else the nearest on the
    line at that height, else the nearest of all; before or after that character by which half
    the point is in. None on a page without text."""
    best, best_cost = None, None
    for i in range(len(boxes) // 4):
        left, bottom, right, top = boxes[4 * i:4 * i + 4]
        if right <= left or top <= bottom:
            continue
        dx = 0.0 if left <= x <= right else min(abs(x - left), abs(x - right))
        dy = 0.0 if bottom <= y <= top else min(abs(y - bottom), abs(y - top))
        cost = dy * 1000 + dx  # the same line first, then along it
        if best_cost is None or cost < best_cost:
            best, best_cost = i, cost
            if cost == 0:
                break
    if best is None:
        return None
    left, _, right, _ = boxes[4 * best:4 * best + 4]
    return best + 1 if x > (left + right) / 2 else best


def word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) grown to whole words at both ends (a selection made by dragging)."""
    while 0 < start < len(text) and _WORD.match(text[start - 1]) and _WORD.match(text[start]):
        start -= 1
    while 0 < end < len(text) and _WORD.match(text[end - 1]) and _WORD.match(text[end]):
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
