"""What part of time the timeline shows: a plain value whose zoom and pan are pure functions.

A viewport maps seconds since 1970 UTC (the store's date bounds) to pixels: ``x = (t - start_s) /
seconds_per_px``. It never touches Qt, so every gesture's arithmetic is tested without a window.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

MINUTE = 60
YEAR = 365.2425 * 86_400

MIN_SECONDS_PER_PX = MINUTE  # closest zoom: one minute per pixel
MAX_SPAN_S = 1000 * YEAR  # farthest zoom: about a thousand years across the view


@dataclass(frozen=True)
class Viewport:
    start_s: float  # the time at the left edge (x = 0)
    seconds_per_px: float
    width_px: int

    @property
    def end_s(self) -> float:
        """The time at the right edge."""
        return self.start_s + self.seconds_per_px * self.width_px

    @property
    def center_s(self) -> float:
        return self.start_s + self.seconds_per_px * self.width_px / 2

    def x_of(self, t: float) -> float:
        return (t - self.start_s) / self.seconds_per_px

    def t_of(self, x: float) -> float:
        return self.start_s + x * self.seconds_per_px

    def zoomed(self, factor: float, anchor_x: float | None = None) -> "Viewport":
        """Zoom in (``factor`` > 1) or out (< 1) keeping the time under ``anchor_x`` (default: the
        centre) under it; the scale stays between a minute per pixel and a thousand years across."""
        if anchor_x is None:
            anchor_x = self.width_px / 2
        anchor_t = self.t_of(anchor_x)
        scale = _clamped_scale(self.seconds_per_px / factor, self.width_px)
        return replace(self, start_s=anchor_t - anchor_x * scale, seconds_per_px=scale)

    def panned(self, dx_px: float) -> "Viewport":
        """The view moved ``dx_px`` pixels later in time (the picture slides left); negative is earlier."""
        return replace(self, start_s=self.start_s + dx_px * self.seconds_per_px)

    def centered_on(self, t: float) -> "Viewport":
        return replace(self, start_s=t - self.seconds_per_px * self.width_px / 2)

    def resized(self, width_px: int) -> "Viewport":
        """The same scale and centre on a wider or narrower widget."""
        width_px = max(1, int(width_px))
        scale = _clamped_scale(self.seconds_per_px, width_px)
        return Viewport(self.center_s - scale * width_px / 2, scale, width_px)

    def contains(self, start_s: float, end_s: float) -> bool:
        """Whether [start_s, end_s] lies entirely in view."""
        return self.start_s <= start_s and end_s <= self.end_s

    @classmethod
    def fitted(cls, start_s: float, end_s: float, width_px: int, margin: float = 0.05) -> "Viewport":
        """The viewport showing [start_s, end_s] across ``width_px`` with ``margin`` (a fraction of
        the width) free on each side."""
        width_px = max(1, int(width_px))
        span = max(float(end_s - start_s), 0.0)
        usable = max(1.0, width_px * (1 - 2 * margin))
        scale = _clamped_scale(span / usable, width_px)
        middle = (start_s + end_s) / 2
        return cls(middle - scale * width_px / 2, scale, width_px)


def _clamped_scale(seconds_per_px: float, width_px: int) -> float:
    return min(max(seconds_per_px, MIN_SECONDS_PER_PX), MAX_SPAN_S / max(1, width_px))
