"""What the `sourceline` subcommands' parsers have in common (desktop_app/commands/ holds only the commands):
the project file they work on (``--db PATH``) and the choice of output format."""
from __future__ import annotations

import json


def project_command(subparsers, name: str, run, **parser_options):
    """The parser of a command that works on a project file: ``--db PATH`` (required), and ``run``
    as what it runs. ``parser_options`` (description, help) go to ``add_parser``."""
    parser = subparsers.add_parser(name, **parser_options)
    parser.add_argument("--db", required=True, metavar="PATH", help="the project file")
    parser.set_defaults(run=run)
    return parser


def add_format(parser, *formats: str) -> None:
    """``--format``, one of ``formats`` (default: text or json), the first by default."""
    formats = formats or ("text", "json")
    parser.add_argument("--format", choices=formats, default=formats[0])


def print_listing(records: list[dict], output_format: str, nothing: str, line) -> int:
    """A listing command's output: ``records`` as JSON, or ``line(record)`` for each one (``nothing``
    when there are none). Returns the exit code."""
    if output_format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    if not records:
        print(nothing)
    for record in records:
        print(line(record))
    return 0
