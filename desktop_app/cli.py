"""The `sourceline` command: with no subcommand it opens the GUI; subcommands do the same work headless.

Subcommands live in ``desktop_app.commands``, one module each, listed in its ``COMMANDS`` table;
only the module of the command being run is imported, so that a command starts nearly as fast as
a bare Python process and the window's start-up loads no command at all.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
import time
from pathlib import Path

from db.errors import SourcelineError

from desktop_app.commands import COMMANDS

# Taken as early as possible so that --quit-after-paint measures from process start, not from here.
PROCESS_START = time.perf_counter()

# Top-level options that take a value: the word after them is not a command.
_VALUE_OPTIONS = {"--db"}


class _Parser(argparse.ArgumentParser):
    """argparse before Python 3.13 drops a value of "--" given as ``--search=--``, leaving an
    empty list where a string belongs (AttributeError further on): there, "--" is the value."""

    def _get_values(self, action, arg_strings):
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; ``command`` (a key of COMMANDS) is the one whose module is loaded to parse it
    in full. The others are listed by name and help line only."""
    parser = _Parser(
        prog="sourceline",
        description="Timelines of events tied to the sources that prove them. "
        "With no subcommand, opens the window.",
    )
    parser.add_argument("--db", metavar="PATH", help="project file to open in the window (or give it as the only argument)")
    parser.add_argument(
        "--quit-after-paint",
        action="store_true",
        help="exit right after the first paint of the main window, printing the milliseconds since start",
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    if command is not None:
        importlib.import_module(f"desktop_app.commands.{COMMANDS[command][0]}").register(subparsers)
    for name, (_, summary) in COMMANDS.items():
        if name not in subparsers.choices:
            subparsers.add_parser(name, help=summary)
    return parser


def _first_word(argv: list[str]) -> int | None:
    """The index of the first argument that is neither a top-level option nor its value."""
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--":
            return index + 1 if index + 1 < len(argv) else None
        if not word.startswith("-"):
            return index
        index += 2 if word in _VALUE_OPTIONS else 1
    return None


def _unknown(word: str) -> str:
    if os.sep in word or Path(word).suffix:
        return f"no such project file: {word} (`sourceline new PATH` creates one)"
    import difflib  # only for a mistyped command: not worth loading on every start

    close = difflib.get_close_matches(word, COMMANDS, n=3, cutoff=0.6)
    hint = f" — did you mean {' or '.join(repr(c) for c in close)}?" if close else " (`sourceline --help` lists them)"
    return f"unknown command {word!r}{hint}"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    position = _first_word(argv)
    command = argv[position] if position is not None else None
    if command is not None and command not in COMMANDS:
        if not Path(command).is_file():
            print(f"sourceline: {_unknown(command)}", file=sys.stderr)
            return 2
        # `sourceline PATH` (what a file manager runs) opens that project in the window.
        argv[position:position + 1] = ["--db", command]
        command = None
    args = build_parser(command).parse_args(argv)
    try:
        if hasattr(args, "run"):
            return args.run(args)
        from desktop_app.app import run_gui

        return run_gui(args.db, quit_after_paint=args.quit_after_paint, started=PROCESS_START)
    except SourcelineError as error:
        print(f"sourceline: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sourceline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`sourceline events ... | head`): not an error of
        # ours; stdout goes to devnull so the interpreter's final flush does not complain again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (sqlite3.Error, OSError) as error:
        # A project busy in another program past the wait, a full disk, an I/O error, a damaged
        # file: one line saying so, as the window does, not a traceback. Anything else is a bug.
        from desktop_app.reliability.problems import classify

        problem = classify(error)
        if problem is None:
            raise
        project = getattr(args, "db", None) if isinstance(error, sqlite3.Error) else None
        print(f"sourceline: {project}: {problem.message}" if project else f"sourceline: {problem.message}",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
