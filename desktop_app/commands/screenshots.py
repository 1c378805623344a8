"""`sourceline screenshots --out DIR`: the user guide's pictures, from the real window.

Runs headless (the offscreen Qt platform) unless a platform is chosen in QT_QPA_PLATFORM. Without
--project it photographs a fresh copy of the sample project. Backups and settings of the run go
to a scratch folder, never to the user's.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


def register(subparsers) -> None:
    from desktop_app.help.screenshot_names import DEFAULT_SHOTS, EXTRA_SHOTS, THEMES

    parser = subparsers.add_parser(
        "screenshots",
        description="Open the window on a project (a fresh copy of the sample project by default), "
        "show its pages and dialogs and save each as a PNG.")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    parser.add_argument("--project", metavar="PATH", help="photograph this project (it is not changed)")
    parser.add_argument("--only", action="append", metavar="NAME", choices=DEFAULT_SHOTS + EXTRA_SHOTS,
                        help=f"take only this picture (repeatable): {', '.join(DEFAULT_SHOTS + EXTRA_SHOTS)}")
    parser.add_argument("--theme", choices=THEMES, default="light", help="colours (default light)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="interface scaling, e.g. 2 for 200 %% (QT_SCALE_FACTOR)")
    parser.set_defaults(run=run)


@contextmanager
def _environment(**values: str):
    """Set environment variables for the run and put the old values back afterwards."""
    old = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in old.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run(args) -> int:
    with tempfile.TemporaryDirectory(prefix="sourceline-screenshots-") as scratch:
        scratch = Path(scratch)
        env = {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "SOURCELINE_DATA_DIR": str(scratch / "data")}
        if args.scale != 1.0:
            env["QT_SCALE_FACTOR"] = f"{args.scale:g}"
        with _environment(**env):
            from desktop_app.help.screenshot_names import DEFAULT_SHOTS
            from desktop_app.help.screenshots import take_screenshots

            project = _copy_of(Path(args.project), scratch) if args.project else _sample(scratch)
            saved = take_screenshots(project, Path(args.out), scratch, tuple(args.only or DEFAULT_SHOTS), args.theme)
    for path in saved:
        print(path)
    return 0


def _sample(scratch: Path) -> Path:
    from db.store import create_project
    from desktop_app.sample import build_sample

    path = scratch / "sample.sourceline"
    db = create_project(path)
    try:
        build_sample(db)
    finally:
        db.close()
    return path


def _copy_of(project: Path, scratch: Path) -> Path:
    """A copy made with SQLite's backup, so photographing (which opens, backs up, selects) leaves
    the user's file untouched."""
    from db.store import open_project
    from db.project_copy import save_copy

    db = open_project(project)
    try:
        return save_copy(db, scratch / project.name)
    finally:
        db.close()
