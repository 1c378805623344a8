"""What a photograph or other image says about itself, read with Pillow: its size, how it is to
be turned (EXIF Orientation), when it was taken (DateTimeOriginal, with OffsetTimeOriginal when
the camera wrote one), where (GPS), and the camera's make and model.

The file is untrusted. A file that is not an image, or whose picture cannot be decoded, is a
``FileProblem`` in one line; EXIF that is missing, garbled or says impossible things only means
those facts are unknown (``None``) — the image still imports. Decoding is checked at a reduced
scale where the format allows (JPEG), and Pillow's decompression-bomb limit stands.
"""
from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from pathlib import Path

from db.errors import FileProblem
from desktop_app.formats.capture_time import from_exif
from desktop_app.formats.fulltext_metadata import text_value

# Pillow format name -> the media type kept with the original.
MEDIA_TYPES = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "TIFF": "image/tiff"}
EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff")
# EXIF tags (CIPA DC-008): the IFDs and the tags read from them.
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_MAKE, _MODEL, _ORIENTATION, _DESCRIPTION = 0x010F, 0x0110, 0x0112, 0x010E
_DATE_TIME_ORIGINAL, _OFFSET_TIME_ORIGINAL = 0x9003, 0x9011
_LATITUDE_REF, _LATITUDE, _LONGITUDE_REF, _LONGITUDE = 1, 2, 3, 4
# What Pillow's EXIF parser can raise on a segment that is not what it claims to be.
GARBLED_EXIF = (SyntaxError, ValueError, TypeError, KeyError, IndexError, struct.error, OSError)


@dataclass(frozen=True)
class ImageFacts:
    """``width``/``height`` are of the picture as it is shown, turned by its orientation."""

    media_type: str
    width: int
    height: int
    orientation: int = 1
    taken: str | None = None  # EDTF
    latitude: float | None = None
    longitude: float | None = None
    make: str | None = None
    model: str | None = None
    description: str | None = None

    @property
    def camera(self) -> str | None:
        """"Canon Canon EOS 5D" reads as "Canon EOS 5D": the model often repeats the make."""
        if self.model and self.make and self.model.lower().startswith(self.make.split()[0].lower()):
            return self.model
        return " ".join(part for part in (self.make, self.model) if part) or None


def read_image(path) -> ImageFacts:
    """The facts of the image file at ``path``; FileProblem if it is not an image Sourceline reads."""
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    try:
        with Image.open(path) as image:
            if image.format not in MEDIA_TYPES:
                raise FileProblem(path, None, f"is a {image.format} image; Sourceline imports JPEG, PNG, WebP and TIFF")
            width, height = image.size
            exif = _exif(image)
            _check_decodes(image)
    except UnidentifiedImageError:
        raise FileProblem(path, None, "is not an image Sourceline can read (JPEG, PNG, WebP or TIFF)") from None
    except Image.DecompressionBombError as error:
        raise FileProblem(path, None, f"is too large a picture to open safely ({error})") from None
    except (OSError, SyntaxError, ValueError) as error:  # what Pillow raises for a picture it cannot decode
        raise FileProblem(path, None, f"is a damaged image: {error}") from None
    orientation = exif.get(_ORIENTATION)
    orientation = orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else 1
    if orientation >= 5:  # turned a quarter: shown tall what was stored wide
        width, height = height, width
    details, gps = exif.get("exif", {}), exif.get("gps", {})
    latitude = _coordinate(gps.get(_LATITUDE), gps.get(_LATITUDE_REF), "S", 90)
    longitude = _coordinate(gps.get(_LONGITUDE), gps.get(_LONGITUDE_REF), "W", 180)
    if latitude is None or longitude is None:
        latitude = longitude = None  # half a position places nothing
    return ImageFacts(
        media_type=MEDIA_TYPES[image.format], width=width, height=height, orientation=orientation,
        taken=from_exif(details.get(_DATE_TIME_ORIGINAL), details.get(_OFFSET_TIME_ORIGINAL)),
        latitude=latitude, longitude=longitude,
        make=_text(exif.get(_MAKE)), model=_text(exif.get(_MODEL)), description=_text(exif.get(_DESCRIPTION)),
    )


def upright_size(data: bytes) -> tuple[int, int] | None:
    """The width and height of a picture (its bytes) turned upright, in which its regions are
    measured; None when the bytes are not a picture Sourceline reads."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            orientation = _exif(image).get(_ORIENTATION)
    except (UnidentifiedImageError, Image.DecompressionBombError, *GARBLED_EXIF):
        return None
    return (height, width) if isinstance(orientation, int) and 5 <= orientation <= 8 else (width, height)


def _exif(image) -> dict:
    """The base IFD's tags, with the Exif and GPS IFDs under "exif" and "gps"; {} when unreadable."""
    try:
        exif = image.getexif()
        tags = dict(exif)
        tags["exif"] = dict(exif.get_ifd(_EXIF_IFD))
        tags["gps"] = dict(exif.get_ifd(_GPS_IFD))
    except GARBLED_EXIF:
        return {}
    return tags


def _check_decodes(image) -> None:
    """Decode the picture, at an eighth of its size where the format can (JPEG): a file whose
    header reads but whose picture is cut or garbled is refused now, not in the reader."""
    if image.format in ("JPEG", "MPO"):
        image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
    image.load()


def _coordinate(value, reference, negative: str, limit: float) -> float | None:
    """Degrees, minutes, seconds (EXIF rationals) as signed decimal degrees, or None."""
    try:
        parts = [float(part) for part in value] if isinstance(value, (tuple, list)) else [float(value)]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    parts = (parts + [0.0, 0.0])[:3]
    degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
    if not math.isfinite(degrees) or any(part < 0 for part in parts) or degrees > limit:
        return None
    if isinstance(reference, bytes):
        reference = reference.decode("ascii", errors="replace")
    if isinstance(reference, str) and reference.strip("\x00 ").upper() == negative:
        degrees = -degrees
    return round(degrees, 7)


def _text(value) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return text_value(value.strip("\x00 ")) if isinstance(value, str) else None
