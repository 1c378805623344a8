"""`sourceline sources`: every source with its original (media type, SHA-256, size, when imported)."""
from __future__ import annotations

import json
import sys

from db.sources import CATALOGUE_FIELDS, catalogue
from db.store import open_project
from desktop_app.command_options import add_format, project_command
from desktop_app.formats.spreadsheet_safe import write_csv

_TABLE_TITLE_CHARS = 48


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "sources", run,
        description="List every source: id, uuid, title, type, issued date, URL, and the original it was "
        "imported from (media type, pages, SHA-256, file name, size, when imported), with the numbers of "
        "its highlights and of the events citing it.")
    add_format(parser, "table", "csv", "json")


def run(args) -> int:
    db = open_project(args.db)
    try:
        rows = catalogue(db)
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        write_csv(sys.stdout, CATALOGUE_FIELDS, ([row[f] for f in CATALOGUE_FIELDS] for row in rows))
    else:
        _print_table(rows)
    return 0


def _print_table(rows: list[dict]) -> None:
    if not rows:
        print("no sources")
        return
    issued = max(11, *(len(row["issued"] or "") for row in rows))  # a photo's is to the second, with its zone
    print(f"{'id':>6}  {'title':<{_TABLE_TITLE_CHARS}}  {'type':<20}  {'issued':<{issued}}  {'media type':<28}  "
          f"{'pages':>5}  {'size':>10}  {'sha256':<12}  {'hl':>3}  {'ev':>3}")
    for row in rows:
        title = " ".join((row["title"] or "(untitled)").split())
        if len(title) > _TABLE_TITLE_CHARS:
            title = title[:_TABLE_TITLE_CHARS - 1] + "…"
        print(f"{row['id']:>6}  {title:<{_TABLE_TITLE_CHARS}}  {row['type']:<20}  {row['issued'] or '':<{issued}}  "
              f"{row['media_type'] or '':<28}  {row['pages'] or '':>5}  {row['size'] if row['size'] is not None else '':>10}  "
              f"{(row['sha256'] or '')[:12]:<12}  {row['highlights']:>3}  {row['citing_events']:>3}")
