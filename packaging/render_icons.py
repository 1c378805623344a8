"""Render the application icon (resources/icons/sourceline.svg) to the PNG sizes desktops use.

Run ``python packaging/render_icons.py`` after editing the SVG; the PNGs are committed so that a
build or an install needs no rendering. QSvgRenderer draws the SVG (QtSvg is part of
PySide6-Essentials), so the PNGs look exactly as Qt shows the SVG in the window.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "sourceline.svg"


def png_path(size: int) -> Path:
    return ICONS / "png" / f"sourceline-{size}.png"


def render(svg: Path = SVG, sizes=SIZES) -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path)):
            raise SystemExit(f"{path}: cannot write")
        written.append(path)
    return written


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for written in render():
        print(written.relative_to(ICONS.parents[1]))
