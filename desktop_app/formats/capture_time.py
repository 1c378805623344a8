"""When a capture was made, as the EDTF the store keeps: a WARC-Date, an MHTML ``Date:`` header,
a photograph's EXIF time.

EDTF (level 0) writes a time to the second, with ``Z`` or a ``±HH:MM`` offset when the zone is
known and nothing when it is not (a camera's clock says only local time). Fractions of a second,
which WARC 1.1 allows, are dropped: the store orders by the second.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

_WARC_DATE = re.compile(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?")
# EXIF writes "YYYY:MM:DD HH:MM:SS"; cameras without a set clock write zeros or blanks.
_EXIF_DATE = re.compile(r"(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET = re.compile(r"[+-]\d{2}:\d{2}")


def edtf_of(moment: datetime) -> str | None:
    """``moment`` to the second, with its zone when it has one; None before the year 1000 (a
    clock never set)."""
    if moment.year < 1000:
        return None
    text = moment.replace(microsecond=0, tzinfo=None).isoformat(timespec="seconds")
    offset = moment.utcoffset()
    if offset is None:
        return text
    if offset == timedelta(0):
        return text + "Z"
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{text}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def from_warc_date(value: str | None) -> str | None:
    """A WARC-Date (``2024-05-01T10:20:30Z``, W3C-DTF, perhaps with a fraction) as EDTF, or None."""
    found = _WARC_DATE.fullmatch((value or "").strip())
    if not found:
        return None
    try:
        return edtf_of(datetime.fromisoformat(found.group(1) + (found.group(2) or "")))
    except ValueError:
        return None


def from_mail_date(value: str | None) -> str | None:
    """An RFC 5322 date (``Tue, 01 May 2024 10:20:30 +0200``, what MHTML's ``Date:`` holds) as EDTF."""
    if not value:
        return None
    try:
        return edtf_of(parsedate_to_datetime(value.strip()))
    except (TypeError, ValueError, IndexError):  # what parsedate_to_datetime raises for text it cannot read
        return None


def from_exif(value, offset=None) -> str | None:
    """EXIF DateTimeOriginal (``2008:10:22 16:28:39``) with OffsetTimeOriginal (``+02:00``) when
    the camera wrote one, as EDTF; None for a blank, zeroed or impossible time."""
    found = _EXIF_DATE.fullmatch(value.strip().rstrip("\x00")) if isinstance(value, str) else None
    if not found:
        return None
    zone = offset.strip().rstrip("\x00") if isinstance(offset, str) else ""
    zone = zone if _EXIF_OFFSET.fullmatch(zone) else ""
    stamp = "{}-{}-{}T{}:{}:{}".format(*found.groups())
    try:
        return edtf_of(datetime.fromisoformat(stamp + zone))
    except ValueError:
        return None
