"""The map as a picture (PNG or SVG), drawn by the map view's own painting code, with a heading,
the period and the caption of cited sources the timeline picture has (see picture.py).

The period and filter are a :class:`PictureRequest`'s, as for the timeline picture; the map fits
the located events they let through. Colours are the light palette: a slide stays light.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from db import geo
from db.sources import cited_by_filter
from desktop_app.dates.render import in_words_or_raw
from desktop_app.exporting.exports import MAP_PICTURE_FORMATS
from desktop_app.exporting.iso_dates import iso_of
from desktop_app.exporting.selection import Progress, report_or_stop
from desktop_app.exporting_ui.picture import (LOGICAL_WIDTH, MARGIN, PictureRequest, _caption, _svg,
                                              light_colours, paint_heading)
from desktop_app.formats.atomic_write import atomic_path, require_ending
from desktop_app.map.frames import MapFrameSource
from desktop_app.map.painting import MapColours, paint_map
from desktop_app.map.projection import fit, world_view
from desktop_app.map.labels import shipped_index

MAP_HEIGHT = 560  # logical pixels, under a 960-wide heading
HEADING_H = MARGIN + 28 + 20 + 8


def _where(request: PictureRequest):
    if request.start_s is None or request.end_s is None:
        return request.where
    return request.where.within(math.floor(request.start_s), math.ceil(request.end_s))


def _period_words(db, request: PictureRequest) -> str:
    if request.start_s is not None and request.end_s is not None:
        return in_words_or_raw(f"{iso_of(math.floor(request.start_s))}/{iso_of(math.ceil(request.end_s) - 1)}")
    return "All dates"


def _layout(db, request: PictureRequest):
    where = _where(request)
    box = geo.place_extent(db, where)
    view = fit(box, LOGICAL_WIDTH, MAP_HEIGHT) if box is not None else world_view(LOGICAL_WIDTH, MAP_HEIGHT)
    frame = MapFrameSource(db, where, request.lanes).fetch(view)
    sources = cited_by_filter(db, where) if request.caption else []
    caption = _caption(db, sources, request.style) if sources else None
    height = HEADING_H + MAP_HEIGHT + (caption.size().height() + MARGIN if caption is not None else 0) + MARGIN
    return view, frame, caption, height


def _paint(painter: QPainter, db, request: PictureRequest, layout, scale: float) -> None:
    view, frame, caption, height = layout
    text = light_colours()
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, LOGICAL_WIDTH, height), text.base)
    font = QFont("DejaVu Sans")
    font.setPixelSize(13)
    paint_heading(painter, font, request.title, _period_words(db, request), text)
    painter.save()
    painter.translate(0, HEADING_H)
    painter.setClipRect(QRectF(0, 0, LOGICAL_WIDTH, MAP_HEIGHT))
    small = QFont(font)
    small.setPixelSize(11)
    colours = MapColours.from_palette(_light_palette())
    paint_map(painter, view, frame, colours, shipped_index(), small, lanes=request.lanes)
    credit = "Basemap: Natural Earth · places: GeoNames"
    painter.setFont(small)
    width = painter.fontMetrics().horizontalAdvance(credit) + 8
    box = QRectF(LOGICAL_WIDTH - width - 4, MAP_HEIGHT - 18, width, 16)
    painter.fillRect(box, QColor(255, 255, 255, 220))
    painter.setPen(text.faint)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, credit)
    painter.restore()
    if caption is not None:
        painter.save()
        painter.translate(MARGIN, HEADING_H + MAP_HEIGHT + MARGIN)
        caption.drawContents(painter)
        painter.restore()


def _light_palette():
    from PySide6.QtGui import QPalette

    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#1f6feb"))
    return palette


def render_map_image(db, request: PictureRequest) -> QImage:
    """The map picture ``request.width_px`` wide (its height follows from the caption)."""
    layout = _layout(db, request)
    scale = request.width_px / LOGICAL_WIDTH
    image = QImage(request.width_px, math.ceil(layout[3] * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    _paint(painter, db, request, layout, scale)
    painter.end()
    return image


def write_map_picture(path, db, fmt: str, request: PictureRequest, progress: Progress | None = None) -> None:
    """Write the map picture as ``fmt`` (map-png or map-svg) to ``path``, atomically."""
    if fmt not in MAP_PICTURE_FORMATS:
        raise ValueError(f"unknown map picture format {fmt!r}; expected one of {', '.join(MAP_PICTURE_FORMATS)}")
    with atomic_path(path) as temporary:
        if fmt == "map-png":
            if not render_map_image(db, request).save(str(temporary), "PNG"):
                raise OSError("the PNG encoder failed")
        else:
            layout = _layout(db, request)
            scale = request.width_px / LOGICAL_WIDTH
            device = _svg(temporary, QSize(request.width_px, math.ceil(layout[3] * scale)), request.title)
            painter = QPainter(device)
            _paint(painter, db, request, layout, scale)
            painter.end()
            del painter, device  # the file is complete once its device is gone
            require_ending(temporary, b"</svg>", "SVG")
        report_or_stop(progress)
