"""Text drawn once and kept as a small picture. Shaping and rasterising a string through Qt costs
about a tenth of a millisecond (five times for a label with its halo); a map frame writes dozens of
town names and hundreds of counts, mostly the same from one frame to the next. Copying a kept
picture costs a few microseconds.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

HALO = ((-1, 0), (1, 0), (0, -1), (0, 1))
PAD = 1  # a sprite's border, room for the halo: its text starts this far inside


def text_sprite(text: str, font_key: str, colour: QColor, halo: QColor | None = None, ratio: float = 1.0) -> QImage:
    """``text`` in the font ``font_key`` names (``QFont.toString()``, asked once per frame: it costs
    more than the copy) and ``colour``, with a one-pixel ``halo`` around it when given, on a
    transparent picture PAD pixels larger than the text on each side; its size in device-independent
    pixels is ``sprite.deviceIndependentSize()``."""
    return _sprite(text, font_key, colour.rgba(), None if halo is None else halo.rgba(), ratio)


@lru_cache(maxsize=4096)
def _sprite(text: str, font_key: str, colour: int, halo: int | None, ratio: float) -> QImage:
    font = QFont()
    font.fromString(font_key)
    metrics = QFontMetricsF(font)
    width, height = metrics.horizontalAdvance(text) + 2 * PAD, metrics.height() + 2 * PAD
    image = QImage(max(1, round(width * ratio + 0.5)), max(1, round(height * ratio + 0.5)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    base = QPointF(PAD, PAD + metrics.ascent())
    if halo is not None:
        painter.setPen(QColor.fromRgba(halo))
        for dx, dy in HALO:
            painter.drawText(base + QPointF(dx, dy), text)
    painter.setPen(QColor.fromRgba(colour))
    painter.drawText(base, text)
    painter.end()
    return image
