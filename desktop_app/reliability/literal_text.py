"""Text from outside (titles, quotes, file contents, error messages naming them) shown as the
characters it is.

Qt's tooltips, message boxes and labels left at ``AutoText`` render text as HTML as soon as it
merely looks like HTML (``Qt.mightBeRichText``: a known tag such as ``<img`` or ``<b>`` on its first
line) — and an ``<img src="file:///…">`` in a title would then make Qt read that local file. Labels
that show such text are set to ``Qt.TextFormat.PlainText``; where the format cannot be set (a
tooltip, a static QMessageBox), pass the text through ``literal``.
"""
from __future__ import annotations

from PySide6.QtGui import Qt


def literal(text: str | None) -> str | None:
    """``text`` as Qt's auto-detecting widgets will show it literally: unchanged when Qt would
    take it for plain text anyway, else escaped into HTML that displays the same characters."""
    if not text or not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
