"""`sourceline alias`: know an entity by another name too, or no longer."""
from __future__ import annotations

from contextlib import closing

from db import ops
from db.entities import add_alias, find_entity, remove_alias
from db.errors import SourcelineError
from db.store import open_project
from desktop_app.command_options import project_command


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "alias", run, help="add (or --remove) another name of an entity",
        description="Add an alias to an entity (a spelling, a surname, a "
        "transliteration) so that texts and searches using it find the entity.")
    parser.add_argument("--entity", required=True, metavar="NAME", help="the entity, by its name or an alias")
    parser.add_argument("alias", help="the other name")
    parser.add_argument("--remove", action="store_true", help="remove the alias instead")


def run(args) -> int:
    with closing(open_project(args.db)) as db:
        entity_id = find_entity(db, args.entity)
        if entity_id is None:
            raise SourcelineError(f"there is no entity called “{args.entity.strip()}”")
        ops.run(db, (remove_alias if args.remove else add_alias)(entity_id, args.alias))
    print(f"{'removed' if args.remove else 'added'} alias “{args.alias.strip()}”")
    return 0
