"""Project files gone wrong, made on the spot (for the tests and the adversarial pass), and every
`sourceline` command that takes a project, to run on each of them."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from db import migrations


def foreign(path: Path, user_version: int = 0, wal: bool = False) -> Path:
    """Another program's SQLite database (a browser's history), at ``user_version``."""
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(f"""
        CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);
        CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT);
        INSERT INTO moz_places (url) VALUES ('https://example.org/');
        PRAGMA user_version = {user_version};
    """)
    conn.close()
    return path


def interrupted_checkpoint(project: Path, target: Path, edits: int = 400) -> Path:
    """``target``: ``project`` as a full disk leaves it. Edits committed to the WAL; then a
    checkpoint wrote page 1 (whose header counts the pages the file now has) into the main file
    and failed to extend it — so the header's page count exceeds the file's size while the
    missing pages are still in the WAL beside it, where SQLite reads them."""
    from db import ops
    from db.events import add_event
    from db.store import open_project

    db = open_project(project)
    db.conn.execute("PRAGMA wal_autocheckpoint = 0")  # the pages stay in the WAL
    for n in range(edits):
        ops.run(db, add_event(f"Written before the disk filled {n}", "2024-11-15", description="x" * 300))
    shutil.copyfile(project, target)
    shutil.copyfile(f"{project}-wal", f"{target}-wal")
    db.close()
    wal = Path(f"{target}-wal").read_bytes()
    page_size = int.from_bytes(wal[8:12], "big")
    first_page = None
    for offset in range(32, len(wal) - 24 - page_size + 1, 24 + page_size):
        if int.from_bytes(wal[offset:offset + 4], "big") == 1:
            first_page = wal[offset + 24:offset + 24 + page_size]
    with target.open("r+b") as handle:
        handle.write(first_page)
    header_pages = int.from_bytes(first_page[28:32], "big")
    assert header_pages * page_size > target.stat().st_size  # the state the old pre-open check called "cut short"
    return target


def garble_middle(path: Path, pages: int = 4) -> Path:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek((size // 4096 // 2) * 4096)
        handle.write(os.urandom(4096 * pages))
    return path


def future(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.close()
    return path


def commands(project: Path, work: Path) -> dict[str, list[str]]:
    """Every command that takes a project, with the arguments to run it on ``project``."""
    bib = work / "one.bib"
    bib.write_text("@book{k1, title = {A book}, year = {2001}}\n")
    csv = work / "one.csv"
    csv.write_text("date,title\n2024-11-15,An event\n")
    article = work / "article.txt"
    article.write_text("On 3 March 2024 the bridge closed.\n")
    p = str(project)
    every = {
        "info": ["info", "--db", p],
        "events": ["events", "--db", p],
        "add-event": ["add-event", "--db", p, "--date", "2024-11-15", "--title", "Added"],
        "search": ["search", "--db", p, "bridge"],
        "import": ["import", "--db", p, str(bib)],
        "import-events": ["import-events", "--db", p, str(csv), "--quiet"],
        "export": ["export", "--db", p, "--format", "csv", "-o", str(work / "out.csv")],
        "dates": ["dates", "--db", p, "1"],
        "backup": ["backup", "--db", p],
        "backup --list": ["backup", "--db", p, "--list"],
        "restore": ["restore", "--db", p, "--latest"],
        "check": ["check", "--db", p],
        "check --repair": ["check", "--db", p, "--repair"],
    }
    from desktop_app.commands import COMMANDS

    return {name: argv for name, argv in every.items() if argv[0] in COMMANDS}
