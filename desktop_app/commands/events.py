"""`sourceline events` (list, filtered) and `sourceline add-event`."""
from __future__ import annotations

import json
import sys

from db import dates, ops
from db.eras import named_era, within_era
from db.events import EventFilter, add_event, event_page
from db.store import open_project
from desktop_app.authors.command_line import add_option as add_author_option, open_as_author
from desktop_app.command_options import add_format, project_command
from desktop_app.exporting.event_record import FIELDS, event_record
from desktop_app.formats.spreadsheet_safe import write_csv

PAGE = 5_000


def register(subparsers) -> None:
    listing = project_command(subparsers, "events", run_events, description="List events in date order, filtered.")
    listing.add_argument("--from", dest="date_from", metavar="EDTF", help="events ending on or after this date")
    listing.add_argument("--to", dest="date_to", metavar="EDTF", help="events starting on or before this date")
    listing.add_argument("--tag", action="append", default=[], help="only events with this tag (repeatable)")
    listing.add_argument("--entity", action="append", default=[], help="only events naming this entity or alias")
    listing.add_argument("--search", default="", metavar="TEXT", help="only events whose title or description match")
    listing.add_argument("--era", metavar="NAME", help="only events in this named period (see sourceline eras)")
    add_format(listing, "table", "csv", "json")

    add = project_command(subparsers, "add-event", run_add_event, description="Add one event to a project.")
    add.add_argument("--date", required=True, metavar="EDTF", help="e.g. 2024-11-15, 2024-11, 2022-21, 2024~")
    add.add_argument("--title", required=True)
    add.add_argument("--description", default="")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("--entity", action="append", default=[], help="a person, place... (repeatable)")
    add_author_option(add)


def filter_from_args(args, db) -> EventFilter:
    """The events the options ask for; ``--era`` narrows them to the era's reach (and to
    ``--from``/``--to`` as well when they are given)."""
    where = EventFilter(
        text=args.search,
        tags=tuple(args.tag),
        entities=tuple(args.entity),
        start_s=dates.bounds(args.date_from).start if args.date_from else None,
        end_s=dates.bounds(args.date_to).end if args.date_to else None,
    )
    return within_era(where, named_era(db, args.era)) if args.era else where


def _records(db, where: EventFilter):
    """Every matching event, read a page at a time (a project may hold a million)."""
    offset = 0
    while True:
        page = event_page(db, where, offset=offset, limit=PAGE)
        yield from map(event_record, page)
        if len(page) < PAGE:
            return
        offset += PAGE


def run_events(args) -> int:
    db = open_project(args.db)
    try:
        records = _records(db, filter_from_args(args, db))
        if args.format == "json":
            out = sys.stdout
            out.write("[")
            for i, record in enumerate(records):
                out.write(("," if i else "") + "\n  " + json.dumps(record, ensure_ascii=False))
            out.write("\n]\n")
        elif args.format == "csv":
            write_csv(sys.stdout, FIELDS, (record.values() for record in records))
        else:
            for record in records:
                print(f"{record['date_edtf']:<24} {record['date']:<34} {record['title']}")
    finally:
        db.close()
    return 0


def run_add_event(args) -> int:
    db = open_as_author(args)
    try:
        event_id = ops.run(db, add_event(args.title, args.date, args.description, args.tag, args.entity))
    finally:
        db.close()
    print(f"added event {event_id}")
    return 0
