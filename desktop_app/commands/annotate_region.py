"""`sourceline annotate --region`: highlight a region of a picture, as dragging over it does."""
from __future__ import annotations

import json

from db import ops, originals
from db.errors import SourcelineError
from db.image_regions import Region, add_region
from db.store import open_project
from desktop_app.formats.image_exif import upright_size


def run_region(args) -> int:
    if args.page is not None:
        raise SourcelineError("--page is for a PDF's passages; a picture's region is given by --region alone")
    region = Region.parse(args.region)
    db = open_project(args.db)
    try:
        size = picture_size(db, args.source)
        annotation_id = ops.run(db, add_region(args.source, region, args.note, args.color, args.tag, size))
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps({"id": annotation_id, "source": args.source, "region": [region.x, region.y, region.width,
                                                                               region.height],
                          "picture": list(size)}, indent=2))
    else:
        print(f"highlight {annotation_id}: region {region.described()} of a {size[0]} × {size[1]} picture")
    return 0


def picture_size(db, source_id: int) -> tuple[int, int]:
    """The upright size of a source's picture; SourcelineError when the source is not a picture."""
    original = originals.of_source(db, source_id)
    if db.conn.execute("SELECT 1 FROM sources WHERE id = ?", (source_id,)).fetchone() is None:
        raise SourcelineError(f"there is no source {source_id}")
    size = upright_size(originals.read_bytes(db, original.id)) if original and original.media_type.startswith("image/") else None
    if size is None:
        raise SourcelineError(f"source {source_id} is not a picture; --region highlights a region of an image source")
    return size
