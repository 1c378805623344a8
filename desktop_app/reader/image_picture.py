"""An image original turned into a picture Qt can show: decoded by Pillow (so WebP and TIFF show
wherever Qt lacks their plugins), turned upright by its EXIF orientation, and shown from a copy
at most ``MAX_SHOWN_SIDE`` pixels long — a 50-megapixel photograph is not held whole on screen.
"""
from __future__ import annotations

import io

from PySide6.QtGui import QImage

from db.errors import SourcelineError
from desktop_app.formats.image_exif import GARBLED_EXIF

MAX_SHOWN_SIDE = 4096
_ORIENTATION = 0x0112


def upright_picture(data: bytes) -> tuple[QImage, int, int]:
    """The picture to show, and the upright size of the full picture (width, height), in which
    regions are measured. SourcelineError when the bytes are not a picture Pillow reads."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if _orientation(image) >= 5:
                width, height = height, width
            if image.format in ("JPEG", "MPO"):  # decode at the scale shown, not the full size
                image.draft("RGB", (MAX_SHOWN_SIDE, MAX_SHOWN_SIDE))
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((MAX_SHOWN_SIDE, MAX_SHOWN_SIDE))
            rgba = upright.convert("RGBA")
    except (UnidentifiedImageError, Image.DecompressionBombError, *GARBLED_EXIF) as error:
        raise SourcelineError(f"the picture cannot be shown: {error}") from None
    shown = QImage(rgba.tobytes(), rgba.width, rgba.height, 4 * rgba.width, QImage.Format.Format_RGBA8888)
    return shown.copy(), width, height  # copy: the QImage must own its pixels once rgba is gone


def _orientation(image) -> int:
    try:
        value = image.getexif().get(_ORIENTATION)
    except GARBLED_EXIF:  # garbled EXIF: upright as stored
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1
