"""`sourceline edit-event` and `sourceline delete-event`: one event changed or deleted headless,
through the same edits (and so the same history, authorship and derived data) as the window."""
from __future__ import annotations

from db import ops
from db.errors import SourcelineError
from db.events import delete_events, find_event_id, update_event
from desktop_app.authors.command_line import add_option as add_author_option, open_as_author
from desktop_app.command_options import project_command


def register(subparsers) -> None:
    edit = project_command(
        subparsers, "edit-event", run_edit, help="change one event",
        description="Change some fields of one event; fields not given stay as they are.")
    edit.add_argument("--id", required=True, metavar="ID", help="the event's id (as `sourceline events` shows) or uuid")
    edit.add_argument("--title")
    edit.add_argument("--date", metavar="EDTF", help="e.g. 2024-11-15, 2024-11, 2022-21, 2024~")
    edit.add_argument("--description")
    edit.add_argument("--tag", action="append", metavar="T",
                      help="the event's tags become these (repeatable; --tag '' removes them all)")
    edit.add_argument("--entity", action="append", metavar="NAME",
                      help="the event's people, places... become these (repeatable)")
    add_author_option(edit)

    delete = project_command(
        subparsers, "delete-event", run_delete, help="delete one event",
        description="Delete one event with its citations.")
    delete.add_argument("--id", required=True, metavar="ID", help="the event's id or uuid")
    add_author_option(delete)


def _event(db, ref: str) -> int:
    event_id = find_event_id(db, ref)
    if event_id is None:
        raise SourcelineError(f"{ref}: no such event in this project")
    return event_id


def run_edit(args) -> int:
    fields = {name: value for name, value in (("title", args.title), ("date_edtf", args.date),
                                              ("description", args.description)) if value is not None}
    if not fields and args.tag is None and args.entity is None:
        raise SourcelineError("nothing to change: give --title, --date, --description, --tag or --entity")
    db = open_as_author(args)
    try:
        event_id = _event(db, args.id)
        ops.run(db, update_event(event_id, tags=args.tag, entities=args.entity, **fields))
    finally:
        db.close()
    print(f"changed event {event_id}")
    return 0


def run_delete(args) -> int:
    db = open_as_author(args)
    try:
        event_id = _event(db, args.id)
        ops.run(db, delete_events([event_id]))
    finally:
        db.close()
    print(f"deleted event {event_id}")
    return 0
