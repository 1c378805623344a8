"""Hostile and huge inputs, and the timings the tests no longer assert (issue 14, items 15, 16,
18 and 20): ``python -m benchmarks.inputs`` from a checkout prints a table.

Each measure runs in a child process of its own (``python -m benchmarks.inputs NAME ...``) with a
time limit, and prints one JSON line; a measure past its limit is shown as "> LIMIT". Run it
against an older checkout (``PYTHONPATH=old-checkout python -m benchmarks.inputs``) for the
figures before a change.

- BibTeX: an author list of 250k, 500k and 1M characters, a 20 MB title, 20,000 entries; each
  beside bibtexparser's own parse of the same text (splitting it into entries, no middleware),
  the floor no reader built on it can go under.
- Search: 5,000 times "a ", 2,000 times "a OR ", and one word, on a project of 10,000 events.
- Reader: a 25 MB text opened in the Reader page of the window, as a user does
  (``benchmarks.big_text``): its first screen, a jump to its end, the longest event-loop turn
  while the reading assistant reads it, and the peak memory added.
- What tests used to time: the name finder and the reading assistant on a 5 KB article with 500
  entities, the date finder on 3,000 dates without a full stop, 20,000 sources paged in the
  library's table, a 200 MB file refused.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import big_text
from benchmarks.run import ROOT, Row, format_table

LIMIT_S = 900


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


# -- the measures, each run in a child --------------------------------------------------------

def _bib_text(kind: str, size: int) -> str:
    if kind == "author":
        names, length, number = [], 0, 0
        while length < size:
            names.append(f"Surname{number}, Given{number}")
            length += len(names[-1]) + 5
            number += 1
        return "@article{key,\n  author = {" + " and ".join(names) + "},\n  title = {T},\n  year = 2024\n}\n"
    if kind == "title":
        return "@article{key,\n  author = {Doe, Jane},\n  title = {" + "word " * (size // 5) + "},\n  year = 2024\n}\n"
    return "".join(f"@article{{key{n},\n  author = {{Surname{n}, Given}},\n  title = {{Title number {n}}},\n"
                   f"  journal = {{Journal}},\n  year = {{20{n % 25:02d}}}\n}}\n\n" for n in range(size))


def bibtex(kind: str, size: str) -> dict:
    import bibtexparser

    from desktop_app.formats import bibtex as reader

    text = _bib_text(kind, int(size))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.bib"
        path.write_text(text, encoding="utf-8")
        floor = _timed(lambda: bibtexparser.parse_string(text, parse_stack=[]))
        ours = _timed(lambda: reader.read(path))
    return {"floor": floor, "ours": ours}


def search(project: str) -> dict:
    from benchmarks.project import build_project
    from db import search as searching
    from db.store import open_project

    if not Path(project).exists():
        build_project(project, 10_000, 50)
    db = open_project(project)
    try:
        return {name: _timed(lambda text=text: searching.search(db, text)) for name, text in (
            ("a x 5,000", "a " * 5_000), ("a OR x 2,000", "a OR " * 2_000), ("one word", "attack"))}
    finally:
        db.close()


def former_tests() -> dict:
    import random
    import string

    from desktop_app.extract.date_finder import find_dates
    from desktop_app.extract.name_finder import find_names
    from desktop_app.reader_assistant import findings

    rng = random.Random(7)

    def word():
        return rng.choice(string.ascii_uppercase) + "".join(rng.choice("aeiounrstlkmvz") for _ in range(rng.randint(4, 9)))

    entities = [(n, [f"{word()} {word()}", word(), f"{word()} {word()} {word()}"]) for n in range(500)]
    article = (("BERLIN (Wire) - German Chancellor Olaf Scholz said on Friday that he would not send Taurus missiles "
                "to Ukraine. Russia fired an experimental missile at Dnipro on Thursday, Putin said. ") * 40)[:5000]
    find_names(article, entities)  # the caches a first read fills
    dates_text = " ".join(f"item{n} due 2024-11-{n % 28 + 1:02d}" for n in range(3000))
    huge = Path(tempfile.mkdtemp()) / "huge.txt"
    with open(huge, "wb") as file:
        file.truncate(200 * 1024 * 1024)
    from db.errors import FileProblem
    from desktop_app.formats.fulltext import read_fulltext

    def refuse():
        try:
            read_fulltext(huge)
        except FileProblem:
            return

    try:
        return {"names, 5 KB, 500 entities": min(_timed(lambda: find_names(article, entities)) for _ in range(5)),
                "reading assistant, 5 KB, 500 entities": min(
                    _timed(lambda: findings.find_all(article, "2024-11-22", entities)) for _ in range(3)),
                "dates, 3,000 without a full stop": _timed(lambda: find_dates(dates_text, "2024-11-20")),
                "a 200 MB file refused": _timed(refuse),
                "20,000 sources paged": _library_pages()}
    finally:
        huge.unlink()


def _library_pages() -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from db.store import create_project
    from desktop_app.sources.table_model import SourceTableModel

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    db = create_project(folder / "library.sourceline")
    with db.conn:
        db.conn.executemany("INSERT INTO sources (id, csl_type, title, issued_edtf, full_text) VALUES (?, ?, ?, ?, ?)",
                            [(i, "report", f"Report number {i:05d}", f"{1990 + i % 30}", f"text {i}")
                             for i in range(1, 20_001)])
    started = time.perf_counter()
    model = SourceTableModel(db)
    for row in range(0, 20_000, 70):
        model.data(model.index(row, 1))
    elapsed = time.perf_counter() - started
    db.close()
    del app
    return elapsed


MEASURES = {"bibtex": bibtex, "search": search, "reader": big_text.reader, "former_tests": former_tests}


# -- the parent ---------------------------------------------------------------------------------

def _child(name: str, *args: str) -> dict | None:
    """A measure's result, or None when it ran past LIMIT_S."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    try:
        done = subprocess.run([sys.executable, "-m", "benchmarks.inputs", name, *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=LIMIT_S, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(folder: Path, say=print) -> list[Row]:
    rows: list[Row] = []
    for kind, size, label in (("author", 250_000, "author of 250k characters"),
                              ("author", 500_000, "author of 500k characters"),
                              ("author", 1_000_000, "author of 1M characters"),
                              ("title", 20_000_000, "a 20 MB title"), ("entries", 20_000, "20,000 entries")):
        say(f"BibTeX: {label} …")
        found = _child("bibtex", kind, str(size))
        if found is None:
            rows.append(Row(f"BibTeX, {label}: read (past the limit)", LIMIT_S, "s", "> limit", False))
            continue
        rows += [Row(f"BibTeX, {label}: bibtexparser's own parse", found["floor"], "s"),
                 Row(f"BibTeX, {label}: read", found["ours"], "s")]
    say("search …")
    found = _child("search", str(folder / "search.sourceline")) or {}
    rows += [Row(f"search, {name}", seconds * 1000, "ms") for name, seconds in found.items()]
    say("reader, 25 MB …")
    found = _child("reader", "25") or {}
    if found:
        at = f"load {found['load']:.0f}"
        rows += [Row(f"reader, 25 MB text: first screen ({at})", found["first wall"] * 1000, "ms", "< 1,000",
                     found["first wall"] < 1),
                 Row("reader, 25 MB text: first screen, processor time", found["first cpu"] * 1000, "ms"),
                 Row(f"reader, 25 MB text: a jump to its end, painted ({at})", found["jump to the end"] * 1000, "ms"),
                 Row(f"reader, 25 MB text: longest turn while the assistant reads ({at}, "
                     f"{found['assistant']:.0f} s, {found['dates']:,} dates)", found["assistant longest turn"] * 1000,
                     "ms"),
                 Row("reader, 25 MB text: peak memory added", found["peak added"], "MB", f"< {2 * found['text']:,.0f}",
                     found["peak added"] < 2 * found["text"])]
    say("what tests used to time …")
    found = _child("former_tests") or {}
    rows += [Row(name, seconds * 1000, "ms") for name, seconds in found.items()]
    return rows


def main(argv: list[str]) -> int:
    if argv and argv[0] in MEASURES:
        print(json.dumps(MEASURES[argv[0]](*argv[1:])))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        print(format_table(run(Path(folder), say=lambda text: print(text, file=sys.stderr, flush=True))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
