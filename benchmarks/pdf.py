"""A long PDF, from import to reading: ``python -m benchmarks.pdf [--pages 500] [--out DIR] [PDF...]``.

Writes a PDF of ``--pages`` pages of report-like text with Qt's QPdfWriter (about 2,500
characters a page), then, each step in a child process of its own (its peak memory its own):

- imports it through the real importer (plan, pages read with their boxes, one transaction): pages/s;
- opens it in the Reader page of the real window: the time from asking for the source to its
  first page painted (target < 1 s);
- shows pages at fit width: the median time to paint a page the first time (rendered by PDFium,
  target < 150 ms) and once rendered (from the cache, target < 50 ms);
- scrolls through every page, painting each, with the peak memory of that child (target < 300 MB);
- then waits for the reading assistant, which reads the document page by page in a worker from
  the moment it is opened (pausing while the reader paints), to have read every page: the
  findings of the whole document are held when the peak memory is taken.

The pages shown the first time and again are painted while the assistant is reading.

Any PDFs given after the options (real-world files) are imported and opened the same way.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.originals import print_rows
from benchmarks.run import _child, _environment

_WORDS = ("the ministry said on Tuesday that the convoy reached the bridge near the river after the "
          "shelling of 14 March 2024 had stopped and officials counted the damage to the depot").split()


def _write_pdf(path: str, pages: str) -> dict:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (Qt draws with it)
    writer = QPdfWriter(path)
    writer.setTitle("Synthetic inspection report")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter))
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Serif", 10))
    chars = 0
    for number in range(int(pages)):
        if number:
            writer.newPage()
        painter.drawText(0, 14, f"Section {number + 1}")
        for line in range(44):
            words = [_WORDS[(number * 7 + line * 3 + k) % len(_WORDS)] for k in range(11)]
            text = " ".join(words).capitalize() + "."
            chars += len(text)
            painter.drawText(0, 40 + line * 16, text)
    painter.end()
    return {"chars": chars}


def _import(project: str, pdf: str) -> dict:
    from db import ops
    from db.store import create_project
    from desktop_app.importing import plan_import

    db = create_project(project)
    started = time.perf_counter()
    plan = plan_import([pdf], db)
    if plan.problems:
        raise SystemExit(str(plan.problems[0]))
    result = ops.run(db, plan.apply())
    seconds = time.perf_counter() - started
    pages = db.conn.execute("SELECT count(*) FROM source_pages").fetchone()[0]
    chars = db.conn.execute("SELECT length(full_text) FROM sources").fetchone()[0]
    db.close()
    return {"seconds": seconds, "pages": pages, "chars": chars, "source": result.added[0][0]}


def _read(project: str, source: str) -> dict:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from db.store import open_project
    from desktop_app.main_window.window import MainWindow
    from desktop_app.session import Session

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(project).with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(Session(open_project(project), Path(project)), settings)
    window.resize(1280, 900)
    window.show()
    app.processEvents()
    page = window.page("Reader")
    started = opened_at = time.perf_counter()
    window.source_requested.emit(int(source), None)
    view = page.pdf.view
    view.viewport().repaint()
    opened = time.perf_counter() - started
    first, again, first_cpu, again_cpu = [], [], [], []
    for index in range(10, 400, 40):  # pages far apart: none rendered yet
        if index >= len(view.pages):
            break
        view.go_to_page(index)
        for wall, cpu in ((first, first_cpu), (again, again_cpu)):
            started, processor = time.perf_counter(), time.process_time()
            view.viewport().repaint()
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - processor)  # the assistant's worker's time too
    started = time.perf_counter()
    bar = view.verticalScrollBar()
    while True:
        bar.setValue(bar.value() + view.viewport().height())
        view.viewport().repaint()
        if bar.value() >= bar.maximum():
            break
    scrolled = time.perf_counter() - started
    cached = view.renderer.cached_bytes
    assistant = page.assistant
    while assistant.reading:  # the rest of the document, read while the reader is still
        app.processEvents()
        time.sleep(0.01)
    read = time.perf_counter() - opened_at
    window.close()
    return {"open_ms": opened * 1000, "first_ms": statistics.median(first) * 1000 if first else 0,
            "again_ms": statistics.median(again) * 1000 if again else 0, "scroll_s": scrolled,
            "first_cpu_ms": statistics.median(first_cpu) * 1000 if first else 0,
            "again_cpu_ms": statistics.median(again_cpu) * 1000 if again else 0,
            "cache_mb": cached / 1e6, "pages": len(view.pages), "assistant_s": read,
            "dates": len(assistant.findings.dates)}


def _probe(env, *args) -> tuple[dict, float]:
    out, peak = _child(["-m", "benchmarks.pdf", "--child", *map(str, args)], env)
    return json.loads(out.strip().splitlines()[-1]), peak


def measure(pdf: Path, folder: Path, env, say=print) -> list[tuple[str, str]]:
    project = folder / f"{pdf.stem}.sourceline"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{project}{suffix}").unlink(missing_ok=True)
    say(f"importing {pdf.name} …")
    imported, import_peak = _probe(env, "import", project, pdf)
    say("reading it in the window …")
    read, read_peak = _probe(env, "read", project, imported["source"])
    rate = imported["pages"] / imported["seconds"]
    return [
        (f"{pdf.name}", f"{imported['pages']} pages, {imported['chars']:,} characters, "
                        f"{pdf.stat().st_size / 1e6:,.1f} MB"),
        ("  import", f"{imported['seconds']:.1f} s ({rate:,.0f} pages/s), peak {import_peak:.0f} MB"),
        ("  open in the reader (target < 1,000 ms)", f"{read['open_ms']:.0f} ms"),
        ("  a page shown, first time (target < 150 ms)", f"{read['first_ms']:.0f} ms "
                                                          f"(processor {read['first_cpu_ms']:.0f} ms)"),
        ("  a page shown, once rendered (target < 50 ms)", f"{read['again_ms']:.1f} ms "
                                                           f"(processor {read['again_cpu_ms']:.1f} ms)"),
        ("  scroll through every page, painting each", f"{read['scroll_s']:.1f} s, cache {read['cache_mb']:.0f} MB"),
        ("  the reading assistant: every page read, from opening", f"{read['assistant_s']:.1f} s, "
                                                                     f"{read['dates']:,} dates"),
        ("  peak memory of the window (target < 300 MB)", f"{read_peak:.0f} MB"),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pdf", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--out", metavar="DIR")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("pdfs", nargs="*", metavar="PDF", help="real-world PDFs to measure as well")
    args = parser.parse_args(argv)
    if args.child:
        step, *rest = args.child
        print(json.dumps({"write": _write_pdf, "import": _import, "read": _read}[step](*rest)))
        return 0
    folder = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="sourceline-pdf-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = _environment(folder / "data")

    def say(text):
        print(text, file=sys.stderr, flush=True)
    try:
        synthetic = folder / f"synthetic-{args.pages}.pdf"
        say(f"writing a {args.pages}-page PDF …")
        _probe(env, "write", synthetic, args.pages)
        rows = measure(synthetic, folder, env, say)
        for pdf in args.pdfs:
            rows += measure(Path(pdf), folder, env, say)
    finally:
        if not args.out:
            shutil.rmtree(folder, ignore_errors=True)
    print_rows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
