"""Pages of a PDF as pictures at the reader's zoom, rendered by PDFium when first shown and kept
in a cache bounded in bytes, so that scrolling through a long document holds only the pages
near the view, whatever its length.

The page is drawn as printed, paper colour and all, in the light and the dark theme alike: the
reader never inverts a page (a scan, a map or a photograph would be wrong the other way round).
"""
from __future__ import annotations

import ctypes
from collections import OrderedDict

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtGui import QImage

from desktop_app.formats.pdf_text import PDFIUM, open_pdf
from desktop_app.reader.pdf_layout import PageFrame

# About 12 pages of A4 at 1,000 by 1,400 pixels: the two or three on screen and those either side
# (at twice the pixels on a high-density screen, about 3).
CACHE_BYTES = 64 * 1024 * 1024


class PageRenderer:
    """One open PDF and its rendered pages. ``image(index, scale)`` renders (or recalls) a page
    at ``scale`` device pixels per PDF point."""

    def __init__(self, data: bytes, name: str, password: str | None = None, cache_bytes: int = CACHE_BYTES):
        with PDFIUM:
            self._document = open_pdf(data, name, password)
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self._frames: dict[int, PageFrame] = {}
        self._bytes = 0
        self._limit = cache_bytes

    def close(self) -> None:
        with PDFIUM:
            self._document.close()
        self._cache.clear()
        self._bytes = 0

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    def frame(self, index: int) -> PageFrame:
        """How page ``index`` is turned and cut when shown (read when first asked or rendered)."""
        frame = self._frames.get(index)
        if frame is None:
            with PDFIUM:
                page = self._document[index]
                try:
                    frame = self._frame_of(index, page)
                finally:
                    page.close()
        return frame

    def _frame_of(self, index: int, page) -> PageFrame:
        frame = self._frames[index] = PageFrame(page.get_rotation(), tuple(page.get_cropbox()))
        return frame

    def cached(self, index: int, scale: float) -> QImage | None:
        key = (index, round(scale, 3))
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
        return image

    def image(self, index: int, scale: float) -> QImage:
        key = (index, round(scale, 3))
        image = self.cached(index, scale)
        if image is not None:
            return image
        with PDFIUM:
            page = self._document[index]
            try:
                if index not in self._frames:
                    self._frame_of(index, page)
                image = _render(page, scale)
            finally:
                page.close()
        self._cache[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self._limit and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._bytes -= dropped.sizeInBytes()
        return image


def _render(page, scale: float) -> QImage:
    """The page drawn by PDFium straight into a QImage's pixels: no bitmap of PDFium's own to
    allocate, and no copy of it (BGRx in memory is Qt's RGB32 on a little-endian machine)."""
    made: list[QImage] = []

    def into_image(width, height, format, rev_byteorder):
        image = QImage(width, height, QImage.Format.Format_RGB32)
        made.append(image)
        pixels = (ctypes.c_ubyte * image.sizeInBytes()).from_buffer(image.bits())
        return pdfium.PdfBitmap.new_native(width, height, format, rev_byteorder, buffer=pixels,
                                           stride=image.bytesPerLine())

    bitmap = page.render(scale=scale, bitmap_maker=into_image, force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
                         draw_annots=True)
    bitmap.close()
    return made[0]
