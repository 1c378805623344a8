"""Check boxes and radio buttons that show on a dark palette.

Fusion frames an indicator in the window colour darkened, which on a dark palette is nearly the
base colour inside the frame: an unchecked box all but disappears. This proxy draws the frame
again, in a colour that stands 3:1 against the base inside it and the window around it (WCAG's
contrast for the parts of a control).
"""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle

from desktop_app.timeline.colours import MARK_CONTRAST, blend, legible

_FRAMED = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
           QStyle.PrimitiveElement.PE_IndicatorRadioButton)


def indicator_frame(palette: QPalette):
    """The frame colour of an indicator on a dark palette; None on a light one (Fusion's own shows)."""
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    if base.lightness() >= 128:
        return None
    frame = blend(base, text, 0.35)
    for background in (base, palette.color(QPalette.ColorRole.Window)):  # the box inside, the window around it
        frame = legible(frame, background, MARK_CONTRAST, text)
    return frame


class VisibleIndicators(QProxyStyle):
    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 (Qt's name)
        super().drawPrimitive(element, option, painter, widget)
        frame = indicator_frame(option.palette) if element in _FRAMED else None
        if frame is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(frame, 1.2))
        painter.setBrush(QPalette().brush(QPalette.ColorRole.NoRole))
        box = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 1.5, 1.5)
        painter.restore()
