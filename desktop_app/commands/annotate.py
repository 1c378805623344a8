"""`sourceline annotate` (highlight a passage of a source, found by its quote) and `sourceline
cite` (cite a highlight or a quoted passage for an event): the window's own edits, headless."""
from __future__ import annotations

import json

from db import annotations, ops, originals, pdf_pages
from db.anchoring import find_quote
from db.citations import STANCES
from db.errors import SourcelineError
from db.events import get_event
from db.image_regions import LOCATOR_TYPE, Region, add_region
from db.sources import get_source
from db.store import open_project
from desktop_app.command_options import add_format, project_command


def register(subparsers) -> None:
    annotate = project_command(
        subparsers, "annotate", run_annotate,
        description="Highlight the passage of a source that reads TEXT (spaces and line breaks "
        "match each other); in a PDF, on page N when given. Prints the highlight's id, page and rectangles. "
        "In a picture, highlight the region X,Y,W,H (pixels of the picture turned upright).")
    annotate.add_argument("--source", required=True, type=int, metavar="ID", help="the source's id")
    what = annotate.add_mutually_exclusive_group(required=True)
    what.add_argument("--quote", metavar="TEXT", help="the passage, word for word")
    what.add_argument("--region", metavar="X,Y,W,H", help="a picture's region, in pixels from its top left")
    annotate.add_argument("--page", metavar="N", help="a PDF's page: its number, or its printed label")
    annotate.add_argument("--note", default="", metavar="T")
    annotate.add_argument("--color", default="yellow", choices=annotations.COLORS)
    annotate.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")
    add_format(annotate)

    cite = project_command(
        subparsers, "cite", run_cite,
        description="Cite a source for an event: one of its highlights, or the passage that reads TEXT "
        "(highlighted as it is cited). The locator is the passage's page in a PDF unless --locator says otherwise.")
    cite.add_argument("--event", required=True, type=int, metavar="ID", help="the event's id")
    cite.add_argument("--source", required=True, type=int, metavar="ID", help="the source's id")
    passage = cite.add_mutually_exclusive_group(required=True)
    passage.add_argument("--annotation", type=int, metavar="ID", help="a highlight of the source (a picture's region too)")
    passage.add_argument("--quote", metavar="TEXT", help="a passage of the source, word for word")
    cite.add_argument("--page", metavar="N", help="with --quote: a PDF's page, its number or printed label")
    cite.add_argument("--stance", choices=STANCES, default="supports")
    cite.add_argument("--locator", metavar="TEXT", help="where in the source (default: a PDF passage's page)")


def _passage(db, source_id: int, quote: str, page: str | None) -> tuple[int, int]:
    source = get_source(db, source_id)
    if source is None:
        raise SourcelineError(f"there is no source {source_id}")
    paged = pdf_pages.pages(db, source_id)
    start, end = 0, None
    if page is not None:
        chosen = next((p for p in paged if p.label == page), None)
        if chosen is None and page.isdigit() and 1 <= int(page) <= len(paged):
            chosen = paged[int(page) - 1]
        if chosen is None:
            raise SourcelineError(f"source {source_id} has no page {page!r}" if paged else
                                  f"source {source_id} is not a PDF; it has no pages")
        start, end = chosen.start, chosen.end
    found = find_quote(source["full_text"], quote, start, end)
    if not found:
        where = f" on page {page}" if page is not None else ""
        raise SourcelineError(f"source {source_id} does not read {quote!r}{where}")
    return found[0]


def _placed(db, annotation_id: int) -> dict:
    """The highlight as `annotate` prints it: pages counted from 1, rectangles in PDF points."""
    a = annotations.get_annotation(db, annotation_id)
    paged = pdf_pages.pages(db, a["source_id"])
    page = paged[a["page_index"]] if a["page_index"] is not None and a["page_index"] < len(paged) else None
    return {"id": a["id"], "source": a["source_id"], "start": a["start_char"], "end": a["end_char"],
            "quote": a["exact"], "page": a["page_index"] + 1 if page else None,
            "page_label": page.label if page else None,
            "page_offset": a["start_char"] - page.start if page else None,
            "rects": [{"page": index + 1, "rect": list(rect)} for index, rect in pdf_pages.annotation_rects(a["rects"])]}


def run_annotate(args) -> int:
    if args.region is not None:
        return _run_region(args)
    db = open_project(args.db)
    try:
        start, end = _passage(db, args.source, args.quote, args.page)
        annotation_id = ops.run(db, annotations.add_annotation(args.source, start, end, args.note, args.color,
                                                               args.tag))
        placed = _placed(db, annotation_id)
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps(placed, ensure_ascii=False, indent=2))
    else:
        where = f" on page {placed['page_label']}" if placed["page_label"] else ""
        print(f"highlight {annotation_id}{where}: “{placed['quote']}”")
        for rect in placed["rects"]:
            print(f"  page {rect['page']}: " + ", ".join(f"{v:.2f}" for v in rect["rect"]))
    return 0


def run_cite(args) -> int:
    db = open_project(args.db)
    try:
        if get_event(db, args.event) is None:
            raise SourcelineError(f"there is no event {args.event}")
        span = None if args.quote is None else _passage(db, args.source, args.quote, args.page)
        start = span[0] if span else _annotation_start(db, args.source, args.annotation)
        page = pdf_pages.page_at(pdf_pages.pages(db, args.source), start)
        locator_type = "page" if page is not None else "paragraph"
        locator = args.locator if args.locator is not None else (page.label if page else "")
        region = None if span else Region.from_json(annotations.get_annotation(db, args.annotation)["region"])
        if region is not None:  # a picture's region is where it is in the picture
            locator_type, locator = LOCATOR_TYPE, args.locator if args.locator is not None else region.locator()
        citation_id = ops.run(db, annotations.cite_passage(
            args.source, event_id=args.event, annotation_id=args.annotation, span=span,
            locator_type=locator_type, locator=locator, stance=args.stance))
    finally:
        db.close()
    shown = f", {locator_type} {locator}" if locator else ""
    print(f"citation {citation_id}: event {args.event} ← source {args.source} ({args.stance}{shown})")
    return 0


def _annotation_start(db, source_id: int, annotation_id: int) -> int:
    annotation = annotations.get_annotation(db, annotation_id)
    if annotation is None or annotation["source_id"] != source_id:
        raise SourcelineError(f"source {source_id} has no highlight {annotation_id}")
    return annotation["start_char"]


def _run_region(args) -> int:
    if args.page is not None:
        raise SourcelineError("--page is for a PDF's passages; a picture's region is given by --region alone")
    region = Region.parse(args.region)
    db = open_project(args.db)
    try:
        size = _picture_size(db, args.source)
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


def _picture_size(db, source_id: int) -> tuple[int, int]:
    """The upright size of a source's picture; SourcelineError when the source is not a picture."""
    if get_source(db, source_id) is None:
        raise SourcelineError(f"there is no source {source_id}")
    original = originals.of_source(db, source_id)
    from desktop_app.formats.image_exif import upright_size  # Pillow is loaded for pictures only

    picture = original is not None and original.media_type.startswith("image/")
    size = upright_size(originals.read_bytes(db, original.id)) if picture else None
    if size is None:
        raise SourcelineError(f"source {source_id} is not a picture; --region highlights a region of an image source")
    return size
