"""`sourceline import`: add sources from BibTeX, RIS, CSL-JSON and full-text files, all or nothing."""
from __future__ import annotations

import sys

from db import backups, ops
from desktop_app.authors.command_line import add_option as add_author_option, open_as_author
from desktop_app.command_options import project_command
from desktop_app.formats.pdf_text import PdfPasswordNeeded
from desktop_app.importing import ADD, DECISIONS, MERGE, SKIP, plan_import

_VERB = {ADD: "add", MERGE: "merge", SKIP: "skip"}


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "import", run,
        description="Import sources from BibTeX (.bib), RIS (.ris), CSL-JSON (.json), full-text "
        "(.txt, .md, .html) and PDF files, web archives (.warc, .warc.gz, .wacz, .mhtml: one source per "
        "captured page) and images (.jpg, .png, .webp, .tif); each file is kept in the project as the "
        "source's original. If any file is malformed nothing is imported.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to import")
    parser.add_argument("--on-duplicate", choices=DECISIONS, default=SKIP,
                        help="what to do with a source already in the project (or twice in the files): "
                        "skip it (default), add it anyway, or merge it (fill the existing source's empty fields)")
    parser.add_argument("--password", metavar="PW", help="the password of password-protected PDFs")
    parser.add_argument("--dry-run", action="store_true", help="say what would be imported, write nothing")
    add_author_option(parser)


def run(args) -> int:
    db = open_as_author(args)
    try:
        plan = plan_import(args.files, db, args.password)
        if plan.problems:
            # One line per bad file, the file and line first, so that editors can jump to it.
            for problem in plan.problems:
                hint = "; give it with --password" if isinstance(problem, PdfPasswordNeeded) and not problem.wrong else ""
                print(f"sourceline: {problem}{hint} (nothing was imported)", file=sys.stderr)
            return 1
        notes = plan.titles_from_file_names()
        if notes:
            plan.find_duplicates(db)  # the new titles are keys too
        for line in (*plan.warnings, *notes):
            print(f"note: {line}")
        if args.dry_run:
            _print_plan(plan, args.on_duplicate)
            return 0
        backups.before_bulk_change(db, args.db, len(plan.records), "before-import")
        result = ops.run(db, plan.apply(default=args.on_duplicate))
    finally:
        db.close()
    _print_result(result)
    return 0


def _print_result(result) -> None:
    print(f"added {len(result.added)}, merged {len(result.merged)}, skipped {len(result.skipped)}")
    for note in result.notes:
        print(f"note: {note}")
    for source_id, title in result.added:
        print(f"  added   {source_id:>6}  {_title(title)}")
    for source_id, title, filled in result.merged:
        what = ", ".join(filled) if filled else "nothing new"
        print(f"  merged  {source_id:>6}  {_title(title)}  (filled: {what})")
    for source_id, title in result.skipped:
        print(f"  skipped {source_id:>6}  {_title(title)}  (same as source {source_id})")


def _print_plan(plan, default: str) -> None:
    counts = plan.outcome(default=default)
    print(f"dry run: would add {counts[ADD]}, merge {counts[MERGE]}, skip {counts[SKIP]}; nothing written")
    for index, record in enumerate(plan.records):
        duplicate = plan.duplicates.get(index)
        if duplicate is None:
            print(f"  add     {_title(record.title)}")
            continue
        of = f"source {duplicate.existing_id}" if duplicate.existing_id else f"“{_title(duplicate.existing_title)}” above"
        print(f"  {_VERB[default]:<7} {_title(record.title)}  ({duplicate.reason} as {of})")


def _title(title: str) -> str:
    return title or "(untitled)"
