"""The `sourceline` subcommands, one module each.

Every module exposes ``register(subparsers)``, which adds its parser and sets ``run`` as the
parser's default: ``parser.set_defaults(run=run)`` with ``run(args) -> int`` (the exit code).
User mistakes raise ``db.errors.SourcelineError``; ``desktop_app.cli`` prints them as one line.
"""
