"""`sourceline geocode`: where a place name is, from the offline gazetteer."""
from __future__ import annotations

import json

from db.errors import SourcelineError
from desktop_app.command_options import add_format
from desktop_app.places.gazetteer import shipped


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "geocode",
        description="Look a place up in the offline gazetteer (GeoNames towns of 15,000 people and more, "
                    "by any of their Latin or Cyrillic names); the most populous first.")
    parser.add_argument("name", help="the place, e.g. Kursk, Kiev or Київ")
    parser.add_argument("--limit", type=int, default=5, help="at most this many places (default 5)")
    add_format(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    if not args.name.strip():
        raise SourcelineError("geocode needs a place name")
    places = shipped().find(args.name, limit=max(1, args.limit))
    if args.format == "json":
        print(json.dumps([p.as_dict() for p in places], ensure_ascii=False, indent=2))
        return 0
    if not places:
        raise SourcelineError(f"no place called {args.name!r} in the gazetteer")
    for p in places:
        print(f"{p.latitude:9.5f} {p.longitude:10.5f}  {p.name}, {p.country} (population {p.population:,})")
    return 0
