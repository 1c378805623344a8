"""`sourceline entities`: the project's entities with their kind, aliases and number of events."""
from __future__ import annotations

from contextlib import closing

from db.entities import entity_list
from db.store import open_project
from desktop_app.command_options import add_format, print_listing, project_command


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "entities", run, help="list the people, places and organisations with their aliases",
        description="List the project's entities: name, kind, aliases and how many "
        "events name them.")
    add_format(parser)


def run(args) -> int:
    with closing(open_project(args.db)) as db:
        rows = entity_list(db)
    records = [{key: row[key] for key in ("name", "kind", "aliases", "events", "note")} for row in rows]
    return print_listing(records, args.format, "no entities", _entity_lines)


def _entity_lines(entity: dict) -> str:
    aliases = f"  (also: {', '.join(entity['aliases'])})" if entity["aliases"] else ""
    events = entity["events"]
    return f"{entity['name']}{aliases}\n    {entity['kind']}, {events} event{'s' if events != 1 else ''}"
