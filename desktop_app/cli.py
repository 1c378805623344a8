"""The `sourceline` command: with no subcommand it opens the GUI; subcommands do the same work headless.

Subcommands live in ``desktop_app.commands``, one module each, found by name so that adding a
command is adding a module.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sqlite3
import sys
import time

from db.errors import SourcelineError

from desktop_app import commands

# Taken as early as possible so that --quit-after-paint measures from process start, not from here.
PROCESS_START = time.perf_counter()


class _Parser(argparse.ArgumentParser):
    """argparse before Python 3.13 drops a value of "--" given as ``--search=--``, leaving an
    empty list where a string belongs (AttributeError further on): there, "--" is the value."""

    def _get_values(self, action, arg_strings):
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
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
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name) if with_commands else ():
        importlib.import_module(f"{commands.__name__}.{info.name}").register(subparsers)
    parser.set_defaults(command_names=frozenset(subparsers.choices))
    return parser


def _opens_window(argv: list[str]) -> bool:
    """Whether the arguments only open the window, so the subcommands need not be loaded
    (importing them all costs a good part of a second before the first paint)."""
    window_options = {"--db", "--quit-after-paint"}
    words = [a.split("=", 1)[0] for a in argv]
    if any(w.startswith("-") and w not in window_options for w in words):
        return False
    return not argv or argv[0] in window_options or (len(argv) == 1 and argv[0].endswith(".sourceline"))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(with_commands=not _opens_window(argv))
    # `sourceline PATH` (what a file manager runs) opens that project in the window.
    if argv and not argv[0].startswith("-") and argv[0] not in parser.get_default("command_names"):
        argv = ["--db", *argv]
    args = parser.parse_args(argv)
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
