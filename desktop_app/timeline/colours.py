"""The timeline's colours: worked out from the widget's palette, so light and dark themes both
read well, and nudged until they keep WCAG contrast (7:1 for text in a high-contrast palette,
4.5:1 in any other, 3:1 for marks). Only the red of a contested event is fixed, lighter on dark
backgrounds. Also the colour arithmetic other screens share (blend, contrast, legible)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` of the way towards ``b``."""
    return QColor.fromRgbF(*(x + (y - x) * amount for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3])))


def with_alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def _luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = colour.getRgbF()[:3]
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def legible(colour: QColor, against: QColor, ratio: float, towards: QColor) -> QColor:
    """``colour`` moved towards ``towards`` only as far as it takes to stand ``ratio``:1 against
    ``against`` (unchanged when it already does)."""
    for step in range(21):
        moved = blend(colour, towards, step / 20) if step else colour
        if contrast(moved, against) >= ratio:
            return moved
    return moved


TEXT_CONTRAST = 4.5  # WCAG AA for text
HIGH_TEXT_CONTRAST = 7.0  # WCAG AAA: what a high-contrast palette asks for
MARK_CONTRAST = 3.0  # WCAG for graphics that carry meaning


def text_contrast_needed(palette: QPalette) -> float:
    """7:1 when the palette's own text, window text and selected text all reach it (a
    high-contrast theme: its derived colours must not fall short of it), else 4.5:1."""
    role = QPalette.ColorRole
    own = min(contrast(palette.color(role.Text), palette.color(role.Base)),
              contrast(palette.color(role.WindowText), palette.color(role.Window)),
              contrast(palette.color(role.HighlightedText), palette.color(role.Highlight)))
    return HIGH_TEXT_CONTRAST if own >= HIGH_TEXT_CONTRAST else TEXT_CONTRAST


_COLOURS_BY_PALETTE: dict[int, "Colours"] = {}


@dataclass(frozen=True)
class Colours:
    base: QColor
    band: QColor  # every other lane
    axis: QColor
    text: QColor
    faint: QColor  # secondary text: lane names, the first-reported mark
    grid: QColor
    major_grid: QColor
    mark: QColor
    mark_fill: QColor
    selection: QColor
    selection_text: QColor
    contested: QColor
    today: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> "Colours":
        """The colours for a palette; worked out once per palette (every paint asks), since
        keeping the contrast takes blending steps for each derived colour."""
        key = palette.cacheKey()
        known = _COLOURS_BY_PALETTE.get(key)
        if known is None:
            if len(_COLOURS_BY_PALETTE) >= 16:  # palettes come and go with themes: stay small
                _COLOURS_BY_PALETTE.clear()
            known = _COLOURS_BY_PALETTE[key] = cls._derive(palette)
        return known

    @classmethod
    def _derive(cls, palette: QPalette) -> "Colours":
        role = QPalette.ColorRole
        base, text = palette.color(role.Base), palette.color(role.Text)
        band, axis = palette.color(role.AlternateBase), palette.color(role.Window)
        accent = palette.color(role.Accent)
        dark = base.lightness() < 128
        need = text_contrast_needed(palette)
        # Marks must show against the background even where the platform's accent is a grey
        # close to it (a derived dark palette has one).
        mark = blend(accent, QColor("white"), 0.25) if dark else accent
        for background in (base, band):
            mark = legible(mark, background, MARK_CONTRAST, text)
        # Secondary text (lane names, counts, the overview's years) sits on all three backgrounds.
        faint = blend(text, base, 0.4)
        for background in (base, band, axis):
            faint = legible(faint, background, need, text)
        # A bar's label is written over its fill; the selected label over the selection colour,
        # which a light palette often makes too pale for white text.
        mark_fill = legible(blend(base, mark, 0.45), text, need, base)
        selection, selection_text = palette.color(role.Highlight), palette.color(role.HighlightedText)
        black, white = QColor("black"), QColor("white")
        away = black if contrast(selection_text, black) > contrast(selection_text, white) else white
        selection = legible(selection, selection_text, need, away)
        # "Today" is written in the background colour on a pill of this colour.
        today = legible(blend(mark, text, 0.3), base, need, text)
        return cls(
            base=base, band=band, axis=axis, text=text,
            faint=faint, grid=blend(text, base, 0.9), major_grid=blend(text, base, 0.72),
            mark=mark, mark_fill=mark_fill, selection=selection, selection_text=selection_text,
            contested=QColor("#ff7a70") if dark else QColor("#c62828"), today=today,
        )
