"""`sourceline changes export|apply|conflicts`: exchange edits with the rest of a team as files."""
from __future__ import annotations

import json

from db import authorship, ops
from db import exchange_conflicts as conflicts
from db.exchange_apply import POLICIES
from db.store import open_project
from desktop_app.authors.command_line import add_option as add_author_option, open_as_author

# `changes apply` leaves conflicts for review: a script can tell that from success and failure.
from desktop_app.command_options import add_format, project_command
EXIT_CONFLICTS = 3


def register(subparsers) -> None:
    changes = subparsers.add_parser(
        "changes", help="export my changes / apply a teammate's",
        description="Exchange edits with teammates who work on copies of the same project: export yours to a "
        "file, send it (mail, a synced folder), apply theirs. Never share the live project file itself.")
    verbs = changes.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True)

    export = project_command(verbs, "export", run_export, help="write my changes since the last exchange to a file")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="the change file to write (.slchanges)")
    export.add_argument("--since", type=int, metavar="TOKEN",
                        help="start after this token (an earlier export prints it; 0: everything); "
                        "default: where the last export ended")
    add_author_option(export)

    apply = project_command(verbs, "apply", run_apply, help="apply a teammate's change file")
    apply.add_argument("file", metavar="FILE", help="the change file")
    apply.add_argument("--on-conflict", choices=POLICIES, default="review",
                       help="review (default): keep conflicts for the window's review and exit with 3; "
                       "mine or theirs: settle every conflict that way (each is still listed)")
    add_format(apply)
    add_author_option(apply)

    waiting = project_command(verbs, "conflicts", run_conflicts, help="list the conflicts waiting for review")
    add_format(waiting)


def run_export(args) -> int:
    from desktop_app.exchange.exchanging import export_changes
    from pathlib import Path

    db = open_as_author(args)
    try:
        written = export_changes(db, args.output, args.since, project_name=Path(args.db).stem)
    finally:
        db.close()
    counts = ", ".join(f"{n} {op}{'d' if op.endswith('e') else 'ed'}" for op, n in sorted(written.counts.items()))
    print(f"wrote {args.output}: {counts or 'no changes'} (token {written.upto}: "
          f"the next export starts after it)")
    return 0


def _line(conflict: dict) -> str:
    what = f"{conflict['table']} “{conflict['title']}” ({conflict['uuid']})"
    if conflict["field"] == conflicts.RECORD:
        side = "here" if conflict["deleted"] == "here" else "there"
        return f"  {what}: deleted {side}, changed {'there' if side == 'here' else 'here'}"
    return (f"  {what} {conflict['field']}: mine {json.dumps(conflict['mine'], ensure_ascii=False)} "
            f"({conflict['my_author'] or 'unknown'}), theirs {json.dumps(conflict['theirs'], ensure_ascii=False)} "
            f"({conflict['their_author'] or 'unknown'})")


def run_apply(args) -> int:
    from desktop_app.exchange.exchanging import apply_changes

    db = open_as_author(args)
    try:
        applied = apply_changes(db, args.file, args.on_conflict, lambda op: ops.run(db, op))
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps(applied.as_json(args.file), ensure_ascii=False, indent=1))
    elif applied.already:
        print(f"{args.file}: already applied on {applied.already}; nothing changed")
    else:
        s = applied.summary
        print(f"applied {args.file} from {applied.sender.get('name') or 'an unnamed author'}: {s['created']} created, "
              f"{s['changed']} changed, {s['deleted']} deleted" + (f", {s['unknown']} not in this copy" if s["unknown"] else ""))
        if applied.conflicts:
            settled = {"review": "kept for review (Exchange → Review Conflicts… in the window)",
                       "mine": "settled as mine", "theirs": "settled as theirs"}[args.on_conflict]
            print(f"{len(applied.conflicts)} conflict{'s' if len(applied.conflicts) != 1 else ''}, {settled}:")
            for conflict in applied.conflicts:
                print(_line(conflict))
    return EXIT_CONFLICTS if applied.pending else 0


def run_conflicts(args) -> int:
    db = open_project(args.db)
    try:
        kept = conflicts.pending(db)
        names = authorship.names(db, {a for c in kept for a in (c.my_author, c.their_author)})
        listed = [dict(c.as_json(names), title=conflicts.record_title(db, c.table, c.uuid)) for c in kept]
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps(listed, ensure_ascii=False, indent=1))
    else:
        for conflict in listed:
            print(_line(conflict))
    return EXIT_CONFLICTS if listed else 0
