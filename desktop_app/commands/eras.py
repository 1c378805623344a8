"""`sourceline eras` (the named periods, listed) and `sourceline add-era`."""
from __future__ import annotations

from contextlib import closing

from db import ops
from db.eras import add_era, list_eras
from db.store import open_project
from desktop_app.authors.command_line import add_option as add_author_option, open_as_author
from desktop_app.command_options import add_format, print_listing, project_command
from desktop_app.dates.render import in_words_or_raw


def register(subparsers) -> None:
    listing = project_command(
        subparsers, "eras", run_eras, description="List the project's named periods (eras), earliest first: "
        "name, EDTF date, the date in words and the colour.")
    add_format(listing)

    add = project_command(
        subparsers, "add-era", run_add_era, description="Add a named period (an era), drawn as a band behind the "
        "events on the timeline and in the exports; --era NAME on events and export "
        "keeps to its events.")
    add.add_argument("--name", required=True, help="e.g. \"Kursk incursion\" (one era per name)")
    add.add_argument("--date", required=True, metavar="EDTF", help="an interval or a date, e.g. 2024-08-06/2025-03, "
                     "2024-11-05/2025-01-20, 2024-08~/.. (ongoing), 2022")
    add.add_argument("--color", metavar="#RRGGBB", help="the band's colour (default: the theme's)")
    add_author_option(add)


def run_eras(args) -> int:
    with closing(open_project(args.db)) as db:
        rows = list_eras(db)
    records = [{"name": row["name"], "date_edtf": row["date_edtf"], "date": in_words_or_raw(row["date_edtf"]),
                "color": row["color"], "uuid": row["uuid"]} for row in rows]
    return print_listing(records, args.format, "no eras", _era_line)


def _era_line(era: dict) -> str:
    colour = f"  {era['color']}" if era["color"] else ""
    return f"{era['date_edtf']:<24} {era['date']:<34} {era['name']}{colour}"


def run_add_era(args) -> int:
    with closing(open_as_author(args)) as db:
        ops.run(db, add_era(args.name, args.date, args.color))
    print(f"added era “{' '.join(args.name.split())}”")
    return 0
