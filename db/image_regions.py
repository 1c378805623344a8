"""Regions of a picture highlighted as passages of a text are: an annotation whose ``region`` is
a rectangle [x, y, width, height] in the picture's upright pixels (its EXIF orientation applied),
with the note, colour and tags any highlight has. Its quote is empty: a picture has no text, and
a citation of it gives the region as its locator."""
from __future__ import annotations

import json
from dataclasses import dataclass

from db.connection import Database

from db.annotations import check_color, set_tags
from db.errors import SourcelineError
from db.ops import Op

LOCATOR_TYPE = "region"


@dataclass(frozen=True)
class Region:
    x: int
    y: int
    width: int
    height: int

    @classmethod
    def parse(cls, text: str) -> "Region":
        """"X,Y,W,H" in pixels (``120,40,300,200``); SourcelineError when it is not four whole
        numbers with a width and height above zero."""
        parts = [part.strip() for part in str(text).split(",")]
        if len(parts) != 4 or not all(part.isdigit() for part in parts):
            raise SourcelineError(f"a region is X,Y,WIDTH,HEIGHT in whole pixels (e.g. 120,40,300,200), not {text!r}")
        region = cls(*(int(part) for part in parts))
        if region.width == 0 or region.height == 0:
            raise SourcelineError("a region needs a width and a height above zero")
        return region

    @classmethod
    def from_json(cls, stored: str | None) -> "Region | None":
        return cls(*json.loads(stored)) if stored else None

    def to_json(self) -> str:
        return json.dumps([self.x, self.y, self.width, self.height])

    def locator(self) -> str:
        """How a citation names it: "x,y,w,h", the form ``parse`` reads."""
        return f"{self.x},{self.y},{self.width},{self.height}"

    def described(self) -> str:
        return f"{self.width} × {self.height} px at {self.x}, {self.y}"


def insert_region(db: Database, source_id: int, region: Region, note: str = "", color: str = "yellow", tags=(),
                  picture_size: tuple[int, int] | None = None) -> int:
    """Inside an edit: highlight ``region`` of the source's picture. With ``picture_size`` (its
    upright width and height) a region reaching outside the picture is refused."""
    if db.conn.execute("SELECT 1 FROM sources WHERE id = ?", (source_id,)).fetchone() is None:
        raise SourcelineError(f"there is no source {source_id}")
    if picture_size is not None:
        width, height = picture_size
        if region.x + region.width > width or region.y + region.height > height:
            raise SourcelineError(f"the region {region.locator()} reaches outside the picture, "
                                  f"which is {width} × {height} pixels")
    annotation_id = db.conn.execute(
        "INSERT INTO annotations (source_id, start_char, end_char, exact, note, color, region)"
        " VALUES (?, 0, 0, '', ?, ?, ?)", (source_id, note, check_color(color), region.to_json())).lastrowid
    set_tags(db, annotation_id, tags)
    return annotation_id


def add_region(source_id: int, region: Region, note: str = "", color: str = "yellow", tags=(),
               picture_size: tuple[int, int] | None = None) -> Op:
    return Op("Highlight region", lambda db: insert_region(db, source_id, region, note, color, tags, picture_size))
