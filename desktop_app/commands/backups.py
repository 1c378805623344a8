"""`sourceline backup` and `sourceline restore`."""
from __future__ import annotations

from db import backups
from db.errors import SourcelineError
from db.store import open_project
from desktop_app.command_options import project_command


def register(subparsers) -> None:
    backup = project_command(
        subparsers, "backup", run_backup,
        description="Take a backup now (SQLite online backup) and keep the newest "
        "--keep; with --list, show the backups.")
    backup.add_argument("--keep", type=int, default=backups.DEFAULT_KEEP, help="how many backups to keep")
    backup.add_argument("--list", action="store_true", help="list the backups instead of taking one")

    restore = project_command(
        subparsers, "restore", run_restore,
        description="Replace the project's content with a backup's. The current "
        "state is backed up first.")
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("backup", nargs="?", help="the backup file (see `sourceline backup --list`)")
    which.add_argument("--latest", action="store_true", help="the newest backup")


def _describe(backup: backups.Backup) -> str:
    counts = ", ".join(f"{n:,} {table}" for table, n in backup.counts.items())
    return f"{backup.created.astimezone():%Y-%m-%d %H:%M:%S}  {backup.reason:<28} {counts}\n    {backup.path}"


def run_backup(args) -> int:
    if args.list:
        found = backups.list_backups(args.db)
        print("\n".join(_describe(b) for b in found) if found else "no backups yet")
        return 0
    db = open_project(args.db, verify=True)  # a damaged copy must not rotate a good backup out
    try:
        made = backups.make_backup(db, args.db, "manual", keep=args.keep)
    finally:
        db.close()
    if made is None:
        raise SourcelineError("not enough free disk space for a backup; nothing was written")
    print(f"backed up to {made.path}")
    return 0


def run_restore(args) -> int:
    if args.latest:
        found = backups.list_backups(args.db)
        if not found:
            raise SourcelineError(f"{args.db}: there are no backups of this project")
        chosen = found[0].path
    else:
        chosen = args.backup
    backups.restore(chosen, args.db)
    print(f"restored {args.db} from {chosen}")
    return 0
