"""`sourceline entities`: the project's entities with their kind, aliases and number of events."""
from __future__ import annotations

import json
from contextlib import closing

from db.entities import entity_list
from db.store import open_project
from desktop_app.command_options import add_format, project_command


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "entities", run, help="list the people, places and organisations with their aliases",
        description="List the project's entities: name, kind, aliases and how many "
        "events name them.")
    add_format(parser)


def run(args) -> int:
    with closing(open_project(args.db)) as db:
        rows = entity_list(db)
    if args.format == "json":
        print(json.dumps([{key: row[key] for key in ("name", "kind", "aliases", "events", "note")} for row in rows],
                         ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("no entities")
    for row in rows:
        aliases = f"  (also: {', '.join(row['aliases'])})" if row["aliases"] else ""
        print(f"{row['name']}{aliases}\n    {row['kind']}, {row['events']} event{'s' if row['events'] != 1 else ''}")
    return 0
