"""The timeline as a picture for a slide or a report: PNG (QImage), SVG (QSvgGenerator) or PDF
(QPdfWriter), with a heading and a caption listing the sources cited by the events shown.

The timeline itself is drawn by the timeline screen's own painting code (``timeline.painting``)
at a fixed logical width and scaled up to the requested pixels, so a 1920-pixel picture has
twice the type size of the screen and reads from the back of a room. Colours are a fixed light
palette: a slide should not turn dark because the app has a dark theme.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPalette, QPdfWriter,
                           QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextOption)
from PySide6.QtSvg import QSvgGenerator

from db import events as event_queries
from db.dates import DAY
from db.events import EventFilter
from db.sources import cited_by_filter
from desktop_app.dates.render import in_words_or_raw
from desktop_app.exporting.citation_lists import csl_items, style_label
from desktop_app.exporting.exports import PICTURE_FORMATS
from desktop_app.exporting.iso_dates import iso_of
from desktop_app.exporting.selection import Progress, report_or_stop
from desktop_app.formats import bibliography
from desktop_app.formats.atomic_write import atomic_path, require_ending
from desktop_app.timeline.era_bands import lay_out
from desktop_app.timeline.frames import FrameSource, tick_scale
from desktop_app.timeline.colours import Colours
from desktop_app.timeline.painting import paint_frame
from desktop_app.timeline.scene import AXIS_H, SceneBuilder
from desktop_app.timeline.viewport import Viewport

LOGICAL_WIDTH = 960  # the picture is laid out this wide, then scaled to the requested width
DEFAULT_WIDTH = 1920
MARGIN = 16
LABEL_PX = 13
CAPTION_PX = 10
MIN_TIMELINE_H = 180
MAX_CAPTION_SOURCES = 40
MIN_SPAN_S = 7 * DAY


@dataclass(frozen=True)
class PictureRequest:
    where: EventFilter = EventFilter()
    start_s: float | None = None  # the period shown; None: every event the filter lets through
    end_s: float | None = None
    width_px: int = DEFAULT_WIDTH
    lanes: str = "none"
    title: str = "Timeline"
    style: str | None = None
    caption: bool = True


@dataclass
class _Layout:
    viewport: Viewport
    frame: object
    scene: object
    eras: object  # the eras in the period, placed (era_bands.EraStrip)
    font: QFont
    heading: str
    period: str
    caption: QTextDocument | None
    timeline_h: float

    @property
    def heading_h(self) -> float:
        return MARGIN + 28 + 20 + 8

    @property
    def height(self) -> float:
        caption_h = self.caption.size().height() + MARGIN if self.caption is not None else 0
        return self.heading_h + self.timeline_h + caption_h + MARGIN


def light_colours() -> Colours:
    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in ((role.Base, "#ffffff"), (role.AlternateBase, "#f3f5f8"), (role.Window, "#e9edf2"),
                         (role.Text, "#1f2328"), (role.Accent, "#1f6feb"), (role.Highlight, "#1f6feb"),
                         (role.HighlightedText, "#ffffff")):
        palette.setColor(QPalette.ColorGroup.All, name, QColor(colour))
    return Colours.from_palette(palette)


def period_of(db, request: PictureRequest) -> tuple[float, float]:
    """The period to draw: as requested, else every matching event with a little room, at least a week."""
    start, end = request.start_s, request.end_s
    if start is None or end is None:
        found = event_queries.extent(db, request.where)
        first, last = found if found is not None else (0, 365 * DAY)
        start = first if start is None else start
        end = last if end is None else end
    if end - start < MIN_SPAN_S:
        middle = (start + end) / 2
        start, end = middle - MIN_SPAN_S / 2, middle + MIN_SPAN_S / 2
    return start, end


def _layout(db, request: PictureRequest, fitted: bool) -> _Layout:
    start, end = period_of(db, request)
    viewport = (Viewport.fitted(start, end, LOGICAL_WIDTH, margin=0.04) if fitted
                else Viewport(start, (end - start) / LOGICAL_WIDTH, LOGICAL_WIDTH))
    frame = FrameSource(db, request.where, request.lanes).fetch(viewport)
    font = QFont("DejaVu Sans")
    font.setPixelSize(LABEL_PX)
    scene, eras = lay_out(SceneBuilder(font), frame, viewport, request.lanes)
    timeline_h = AXIS_H + max(MIN_TIMELINE_H, (scene.height + 8) if scene is not None else 0)
    shown = request.where.within(math.floor(viewport.start_s), math.ceil(viewport.end_s))
    sources = cited_by_filter(db, shown) if request.caption else []
    period = in_words_or_raw(f"{iso_of(math.floor(viewport.start_s))}/{iso_of(math.ceil(viewport.end_s) - 1)}")
    caption = _caption(db, sources, request.style) if sources else None
    return _Layout(viewport, frame, scene, eras, font, request.title, period, caption, timeline_h)


def _caption(db, sources: list[int], style) -> QTextDocument:
    """The cited sources as a bibliography in the style, one hanging paragraph each. Entries go
    in as plain text through a cursor: nothing in a source's record is read as markup."""
    listed = sources[:MAX_CAPTION_SOURCES]
    entries = bibliography.render(csl_items(db, listed), style_label(style), "plain").strip()
    lines = [line for line in entries.splitlines() if line.strip()]
    if len(sources) > len(listed):
        lines.append(f"… and {len(sources) - len(listed):,} more sources")
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPixelSize(CAPTION_PX)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    cursor = QTextCursor(document)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    heading = QTextBlockFormat()
    heading.setBottomMargin(4)
    cursor.setBlockFormat(heading)
    cursor.insertText("Sources cited by the events shown", bold)
    entry = QTextBlockFormat()
    entry.setLeftMargin(14)
    entry.setTextIndent(-14)  # a hanging indent, as bibliographies are set
    entry.setBottomMargin(2)
    for line in lines:
        cursor.insertBlock(entry, QTextCharFormat())
        cursor.insertText(line)
    document.setTextWidth(LOGICAL_WIDTH - 2 * MARGIN)
    return document


def paint_heading(painter: QPainter, font: QFont, heading: str, period: str, colours: Colours) -> None:
    """The picture's heading and, under it, its period in words (the map picture has them too)."""
    big = QFont(font)
    big.setPixelSize(22)
    big.setBold(True)
    painter.setFont(big)
    painter.setPen(colours.text)
    painter.drawText(QRectF(MARGIN, MARGIN, LOGICAL_WIDTH - 2 * MARGIN, 28),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, heading)
    painter.setFont(font)
    painter.setPen(colours.faint)
    painter.drawText(QRectF(MARGIN, MARGIN + 28, LOGICAL_WIDTH - 2 * MARGIN, 20),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, period)


def _paint(painter: QPainter, layout: _Layout, scale: float) -> None:
    colours = light_colours()
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, LOGICAL_WIDTH, layout.height), colours.base)
    paint_heading(painter, layout.font, layout.heading, layout.period, colours)
    painter.save()
    painter.translate(0, layout.heading_h)
    painter.setClipRect(QRectF(0, 0, LOGICAL_WIDTH, layout.timeline_h))
    message = "No events in this period" if layout.scene is not None and not layout.scene.items else None
    paint_frame(painter, layout.viewport, int(layout.timeline_h), tick_scale(layout.viewport, layout.frame), layout.frame,
                layout.scene, colours, selection=set(), message=message, eras=layout.eras)
    painter.restore()
    if layout.caption is not None:
        painter.save()
        painter.translate(MARGIN, layout.heading_h + layout.timeline_h + MARGIN)
        layout.caption.drawContents(painter)
        painter.restore()


def render_image(db, request: PictureRequest, fitted: bool = True) -> QImage:
    """The picture as an image ``request.width_px`` wide (its height follows from the content)."""
    layout = _layout(db, request, fitted)
    scale = request.width_px / LOGICAL_WIDTH
    image = QImage(request.width_px, math.ceil(layout.height * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    _paint(painter, layout, scale)
    painter.end()
    return image


def write_picture(path, db, fmt: str, request: PictureRequest, fitted: bool = True,
                  progress: Progress | None = None) -> None:
    """Write the picture as ``fmt`` (png, svg or pdf-timeline) to ``path``, atomically; not written
    when ``progress``, asked once it is drawn, says stop."""
    if fmt not in PICTURE_FORMATS:
        raise ValueError(f"unknown picture format {fmt!r}; expected one of {', '.join(PICTURE_FORMATS)}")
    with atomic_path(path) as temporary:
        if fmt == "png":
            if not render_image(db, request, fitted).save(str(temporary), "PNG"):
                raise OSError("the PNG encoder failed")
        else:
            layout = _layout(db, request, fitted)
            scale = request.width_px / LOGICAL_WIDTH
            size = QSize(request.width_px, math.ceil(layout.height * scale))
            device = _svg(temporary, size, request.title) if fmt == "svg" else _pdf(temporary, size, request.title)
            painter = QPainter(device)
            _paint(painter, layout, scale)
            painter.end()
            del painter, device  # the file is complete once its device is gone
            require_ending(temporary, b"</svg>" if fmt == "svg" else b"%%EOF", fmt.removesuffix("-timeline").upper())
        report_or_stop(progress)


def _svg(path, size: QSize, title: str) -> QSvgGenerator:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("A timeline exported by Sourceline")
    return generator


def _pdf(path, size: QSize, title: str) -> QPdfWriter:
    """One page exactly the picture's size, at 96 dots per inch so that a pixel is a pixel."""
    writer = QPdfWriter(str(path))
    writer.setResolution(96)
    writer.setTitle(title)
    writer.setCreator("Sourceline")
    points = QSizeF(size.width() * 72 / 96, size.height() * 72 / 96)
    writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize.Unit.Point, "Timeline"),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    return writer
