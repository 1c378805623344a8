"""How found dates and names are marked in the text: underlines only, so they sit on top of the
highlight colours without hiding them. Three kinds, three line styles (dashed for dates, dotted for
confirmed names, wavy — the spell checker's "look at this" — for suggested names), each in a colour
with one shade for light and one for dark palettes."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from desktop_app.reader import colors

DATE, NAME, SUGGESTION = "date", "name", "suggestion"
_LIGHT = {DATE: "#0b7285", NAME: "#6741d9", SUGGESTION: "#d9480f"}
_DARK = {DATE: "#66d9e8", NAME: "#b197fc", SUGGESTION: "#ffa94d"}
_LINES = {DATE: QTextCharFormat.UnderlineStyle.DashUnderline, NAME: QTextCharFormat.UnderlineStyle.DotLine,
          SUGGESTION: QTextCharFormat.UnderlineStyle.WaveUnderline}
LABELS = {DATE: "dashed: a date", NAME: "dotted: a known name", SUGGESTION: "wavy: a name to confirm"}


def color(kind: str, palette: QPalette) -> QColor:
    return QColor((_DARK if colors.is_dark(palette) else _LIGHT)[kind])


def formats(palette: QPalette) -> dict[str, QTextCharFormat]:
    """The underline of each kind for ``palette`` (the text view asks again when it changes)."""
    made = {}
    for kind, line in _LINES.items():
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(line)
        fmt.setUnderlineColor(color(kind, palette))
        made[kind] = fmt
    return made
