"""A Qt application for drawing when the command line has none: fonts, QTextDocument, QPainter
and the paint devices all need one. Without a display it runs on the offscreen platform."""
from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication


def gui_application() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication the caller keeps while it draws."""
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    on_a_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) \
        or sys.platform in ("darwin", "win32")
    arguments = ["sourceline"]
    if not os.environ.get("QT_QPA_PLATFORM") and not on_a_display:
        arguments += ["-platform", "offscreen"]
    return QGuiApplication(arguments)
