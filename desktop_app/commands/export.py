"""`sourceline export`: citation lists, the cited chronology, evidence and timeline tables,
TimelineJS data and timeline pictures, for all events or a filtered part of them."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from db.eras import named_era
from db.errors import SourcelineError
from db.store import open_project
from desktop_app.commands.events import filter_from_args
from desktop_app.command_options import project_command
from desktop_app.exporting.citation_lists import STYLE_NAMES, bib_format_for, style_label
from desktop_app.exporting.exports import (MAP_PICTURE_FORMATS, PICTURE_FORMATS, TEXT_FORMATS, ExportOptions,
                                           chronology_document, export_file, write_text)
from desktop_app.exporting.selection import Selection
from desktop_app.formats import bibliography


ANNOTATED_PDF = "annotated-pdf"
_HEADINGS = {"kml": "Events", "chronology": "Chronology", "evidence": "Evidence", "csv": "Events", "timelinejs": "Timeline",
             "bibliography": "References"}


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "export", run,
        description="Export the events (all, or those passing --tag/--entity/--search/--from/--to/--era) or the "
        "sources they cite. Files are written whole or not at all.",
        epilog="Formats: chronology (-o report.md|.html|.pdf), evidence (CSV, one row per citation), "
        "csv (events with ISO bounds), timelinejs (TimelineJS3 JSON), geojson (RFC 7946 points), kml, csl-json, bibtex, biblatex, ris, "
        "bibliography (-o refs.html|.md|.txt), png, svg, pdf-timeline (a picture of the timeline; "
        "--from/--to choose the period), map-png, map-svg (a map of the located events), "
        "annotated-pdf (--source ID: the source's PDF with its highlights).")
    parser.add_argument("--format", required=True,
                        choices=(*TEXT_FORMATS, *PICTURE_FORMATS, *MAP_PICTURE_FORMATS, ANNOTATED_PDF))
    parser.add_argument("-o", "--output", metavar="FILE", help="the file to write (text formats: standard output without it)")
    parser.add_argument("--tag", action="append", default=[], help="only events with this tag (repeatable)")
    parser.add_argument("--entity", action="append", default=[], help="only events naming this entity (repeatable)")
    parser.add_argument("--search", default="", metavar="TEXT", help="only events whose title or description match")
    parser.add_argument("--from", dest="date_from", metavar="EDTF", help="events ending on or after this date")
    parser.add_argument("--to", dest="date_to", metavar="EDTF", help="events starting on or before this date")
    parser.add_argument("--era", metavar="NAME", help="only events in this named period (pictures: the era's period)")
    parser.add_argument("--event", action="append", type=int, default=[], metavar="ID",
                        help="only this event (repeatable)")
    parser.add_argument("--all-sources", action="store_true",
                        help="citation lists: every source of the project, not only those the events cite")
    parser.add_argument("--style", metavar="STYLE",
                        help=f"citation style: {', '.join(STYLE_NAMES)} or a .csl file (default chicago-author-date)")
    parser.add_argument("--bib-format", choices=bibliography.FORMATS,
                        help="bibliography output (default: by the file's suffix, plain text otherwise)")
    parser.add_argument("--lanes", choices=("none", "tag", "entity"), default="none",
                        help="pictures and TimelineJS: group the events by tag or by entity")
    parser.add_argument("--width", type=int, default=1920, metavar="PX", help="picture width in pixels (default 1920)")
    parser.add_argument("--title", help="the heading (default: from the project file's name)")
    parser.add_argument("--source", type=int, metavar="ID", help="annotated-pdf: the PDF source to write")


def _selection(args, db) -> Selection:
    where = filter_from_args(args, db)
    if args.event:
        where = replace(where, ids=tuple(args.event))
    return Selection.of_filter(where, all_sources=args.all_sources, era=named_era(db, args.era) if args.era else None)


def _check(args) -> None:
    if args.format == ANNOTATED_PDF and (args.source is None or not args.output):
        raise SourcelineError("--format annotated-pdf writes one source's PDF: give --source ID and -o FILE")
    if args.format in (*PICTURE_FORMATS, *MAP_PICTURE_FORMATS) and not args.output:
        raise SourcelineError(f"--format {args.format} writes a picture: give the file with -o")
    if args.output and Path(args.output).is_dir():
        raise SourcelineError(f"{args.output} is a folder; give a file name")
    if not 320 <= args.width <= 16_000:
        raise SourcelineError("--width must be between 320 and 16000 pixels")
    if args.style:
        try:
            bibliography.style_path(style_label(args.style))
        except ValueError as error:
            raise SourcelineError(f"unknown citation style {args.style!r}: use one of {', '.join(STYLE_NAMES)}"
                                  " or give a .csl file") from error


def run(args) -> int:
    _check(args)
    if args.format == ANNOTATED_PDF:
        return _annotated_pdf(args)
    db = open_project(args.db)
    try:
        selection = _selection(args, db)
        stem = Path(args.db).stem
        if args.format in (*PICTURE_FORMATS, *MAP_PICTURE_FORMATS):
            kind = "Map" if args.format in MAP_PICTURE_FORMATS else "Timeline"
            _picture(args, db, selection, args.title or f"{kind} — {stem}")
        else:
            options = ExportOptions(
                title=args.title or f"{_HEADINGS.get(args.format, 'Sources')} — {stem}",
                style=args.style, bib_format=bib_format_for(args.output, args.bib_format),
                document=chronology_document(args.output) if args.output else "markdown", lanes=args.lanes)
            if not args.output:
                write_text(sys.stdout, db, args.format, selection, options)
                return 0
            if options.document == "pdf" and args.format == "chronology":
                from desktop_app.exporting_ui.headless import gui_application
                from desktop_app.exporting_ui.pdf import write_chronology_pdf

                app = gui_application()  # noqa: F841 (kept alive while Qt draws)
                write_chronology_pdf(args.output, db, selection, options)
            else:
                export_file(args.output, db, args.format, selection, options)
    finally:
        db.close()
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _annotated_pdf(args) -> int:
    from desktop_app.exporting.annotated_pdf import write_annotated_pdf

    db = open_project(args.db)
    try:
        count = write_annotated_pdf(db, args.source, args.output)
    finally:
        db.close()
    print(f"wrote {args.output} ({count} highlight{'s' if count != 1 else ''})", file=sys.stderr)
    return 0


def _picture(args, db, selection: Selection, title: str) -> None:
    # Qt is imported only here: the other exports run without it.
    from desktop_app.exporting_ui.headless import gui_application
    from desktop_app.exporting_ui.map_picture import write_map_picture
    from desktop_app.exporting_ui.picture import PictureRequest, write_picture

    app = gui_application()  # noqa: F841 (kept alive while Qt draws)
    # the period: --from/--to, or the era's reach (the two narrowed to each other: the filter's own)
    request = PictureRequest(where=selection.where, width_px=args.width, lanes=args.lanes, title=title,
                             style=args.style, start_s=selection.where.start_s, end_s=selection.where.end_s)
    if args.format in MAP_PICTURE_FORMATS:
        write_map_picture(args.output, db, args.format, request)
    else:
        write_picture(args.output, db, args.format, request)
