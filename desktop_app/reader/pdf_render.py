"""Pages of a PDF as pictures at the reader's zoom, rendered by PDFium when first shown and kept
in a cache bounded in bytes, so that scrolling through a long document holds only the pages
near the view, whatever its length.

The page is drawn as printed, paper colour and all, in the light and the dark theme alike: the
reader never inverts a page (a scan, a map or a photograph would be wrong the other way round).
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtGui import QImage

from desktop_app.formats.pdf_text import PDFIUM, open_pdf

CACHE_BYTES = 96 * 1024 * 1024  # about 18 pages of A4 at 1,000 by 1,400 pixels


class PageRenderer:
    """One open PDF and its rendered pages. ``image(index, scale)`` renders (or recalls) a page
    at ``scale`` device pixels per PDF point."""

    def __init__(self, data: bytes, name: str, password: str | None = None, cache_bytes: int = CACHE_BYTES):
        with PDFIUM:
            self._document = open_pdf(data, name, password)
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()
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
                bitmap = page.render(scale=scale, prefer_bgrx=True, draw_annots=True)
                try:
                    # BGRx in memory is Qt's RGB32 on a little-endian machine; the copy owns its pixels
                    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                                   QImage.Format.Format_RGB32).copy()
                finally:
                    bitmap.close()
            finally:
                page.close()
        self._cache[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self._limit and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._bytes -= dropped.sizeInBytes()
        return image
