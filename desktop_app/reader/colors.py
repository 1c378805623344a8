"""The colours highlights are drawn in, for light and dark palettes alike.

Text keeps the palette's own colour on top of a highlight, so the background must be pale under
dark text and deep under light text; each named colour therefore has one shade per palette.
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


_LIGHT = {"yellow": "#fff1a8", "green": "#c9efc4", "blue": "#c9e0fb", "pink": "#fbd0e4", "orange": "#ffd9b0"}
_DARK = {"yellow": "#6b5d12", "green": "#2f5a2c", "blue": "#254a73", "pink": "#6e2f4c", "orange": "#74441a"}
# Strong versions for swatches, the list's colour bar and the selected highlight's underline.
_STRONG = {"yellow": "#e0b400", "green": "#3fa34d", "blue": "#3b82d6", "pink": "#d9488f", "orange": "#e8822a"}
LABELS = {"yellow": "Yellow", "green": "Green", "blue": "Blue", "pink": "Pink", "orange": "Orange"}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def highlight(color: str, palette: QPalette) -> QColor:
    """The background of a highlighted passage."""
    return QColor((_DARK if is_dark(palette) else _LIGHT).get(color, _LIGHT["yellow"]))


def strong(color: str) -> QColor:
    return QColor(_STRONG.get(color, _STRONG["yellow"]))


def find_match(palette: QPalette) -> QColor:
    """Matches of find-in-text: grey, so they never look like a highlight colour."""
    return QColor("#5c5c5c" if is_dark(palette) else "#d6d6d6")


def muted_text(palette: QPalette) -> QColor:
    """Secondary text (a byline): between the text and window colours, still easy to read."""
    text, window = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
    return QColor.fromRgbF(*(0.68 * a + 0.32 * b for a, b in zip(text.getRgbF()[:3], window.getRgbF()[:3])))
