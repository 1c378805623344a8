"""`sourceline import-events`: events from a CSV file (an ACLED export, or any CSV through a
column mapping), in one transaction, after a backup."""
from __future__ import annotations

import sys

from desktop_app.authors.command_line import add_option as add_author_option, open_as_author
from desktop_app.command_options import project_command
from desktop_app.datasets import BAD_ROW_CHOICES, import_dataset
from desktop_app.datasets.csv_file import CsvFile
from desktop_app.datasets.mapping import guess_mapping, load_mapping

SHOWN_PROBLEMS = 10


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "import-events", run,
        description="Import events from a CSV file in one step: all of it or, if it fails or is interrupted, "
        "nothing. Rows whose id the project already has (ACLED's event_id_cnty, or the column mapped to "
        "external_id) update those events. A backup is taken first; the import is not on the undo list.")
    parser.add_argument("file", metavar="FILE.csv", help="the CSV file")
    parser.add_argument("--mapping", default="auto", metavar="acled|auto|JSON",
                        help="acled; auto (default: ACLED if the header is ACLED's, else guessed from the column "
                        "names); or a JSON file or inline JSON mapping column -> field (date, title, description, "
                        "tags, people, organisations, places, entities, location, latitude, longitude, "
                        "external_id, sources)")
    parser.add_argument("--dataset", metavar="NAME", help="the dataset's name (default: the file's name; acled for "
                        "ACLED); a newer export must be imported under the same name to update its events")
    parser.add_argument("--on-bad-row", choices=BAD_ROW_CHOICES, default="skip",
                        help="skip a bad row (bad date, missing field...) and count it (default), or stop and "
                        "import nothing")
    parser.add_argument("--quiet", action="store_true", help="print only the summary line")
    add_author_option(parser)


def run(args) -> int:
    csv_file = CsvFile.open(args.file)
    mapping = guess_mapping(csv_file.header) if args.mapping == "auto" else load_mapping(args.mapping)
    if args.dataset and not mapping.acled:
        mapping = mapping.with_dataset(args.dataset)
    db = open_as_author(args)
    try:
        progress = None if args.quiet or not sys.stderr.isatty() else _progress
        report = import_dataset(db, csv_file, mapping, args.on_bad_row, progress=progress, project_path=args.db)
    finally:
        db.close()
    if progress:
        print(file=sys.stderr)
    print(f"{report.summary()} ({report.rows / max(report.seconds, 1e-9):,.0f} rows/s)")
    if not args.quiet:
        for line, problem in report.problems[:SHOWN_PROBLEMS]:
            print(f"  skipped line {line}: {problem}")
        if report.skipped > SHOWN_PROBLEMS:
            print(f"  … and {report.skipped - SHOWN_PROBLEMS:,} more bad rows")
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\rimporting… {100 * done // max(total, 1)}%", end="", file=sys.stderr, flush=True)
