"""The `sourceline` subcommands: one module each, listed in ``COMMANDS``.

Every module exposes ``register(subparsers)``, which adds the parsers of the commands it holds and
sets ``run`` as each parser's default: ``parser.set_defaults(run=run)`` with ``run(args) -> int``
(the exit code). User mistakes raise ``db.errors.SourcelineError``; ``desktop_app.cli`` prints them
as one line.

Only the module of the command being run is imported: importing all of them (and the exporting,
import and date-finding stacks behind them) cost more than most commands' work. So the one-line
help shown by ``sourceline --help`` lives here, not in the modules; a test checks that the table
and the modules agree.
"""

# command -> (module in this package, one line for `sourceline --help`), in the order --help lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("project_file", "create a project file"),
    "info": ("project_file", "counts, schema version and size of a project"),
    "events": ("events", "list events"),
    "add-event": ("event_edits", "add one event"),
    "edit-event": ("event_edits", "change one event"),
    "delete-event": ("event_edits", "delete one event"),
    "search": ("search", "search events, sources and annotations"),
    "entities": ("entities", "list the people, places and organisations with their aliases"),
    "alias": ("alias", "add (or --remove) another name of an entity"),
    "eras": ("eras", "list the named periods (eras) drawn behind the events"),
    "add-era": ("eras", "add a named period (an era): a name and an EDTF date"),
    "sources": ("sources", "list sources with their originals (media type, pages, SHA-256, size)"),
    "verify": ("originals", "check every original file kept in the project against its SHA-256"),
    "annotate": ("annotate", "highlight a passage of a source, found by its quote"),
    "cite": ("annotate", "cite a highlight or a quoted passage of a source for an event"),
    "original": ("originals", "write the file a source was imported from back out, byte for byte"),
    "import": ("import_sources", "import sources from bibliography, full-text, PDF, web archive and image files"),
    "capture": ("capture", "fetch a web page now into a WARC file and import it as a source"),
    "import-events": ("import_events", "import events from a CSV file (ACLED or any CSV)"),
    "changes": ("changes", "export my changes to a file, apply a teammate's, list conflicts"),
    "publish": ("publish", "write a read-only copy of the project as web pages"),
    "serve": ("serve", "browse the project read-only in Datasette"),
    "export": ("export", "export a chronology, tables, timeline data, pictures or citation lists"),
    "dates": ("dates", "list the dates an article mentions"),
    "geocode": ("geocode", "coordinates of a place name, from the offline gazetteer"),
    "backup": ("backups", "back a project up, or list its backups"),
    "restore": ("backups", "restore a project from a backup"),
    "check": ("check", "check a project's integrity; --repair rebuilds what is derivable"),
    "bench": ("bench", "measure import, opening, timeline, list and search on a synthetic project"),
    "screenshots": ("screenshots", "save pictures of the window for the user guide"),
}
