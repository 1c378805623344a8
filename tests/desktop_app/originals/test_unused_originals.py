"""An original whose every source is deleted is kept while an undo could bring a source back,
and dropped, with its bytes and the character boxes read from it, when the window closes the
project (db.originals.drop_unused). Checked on a real project file, reopened."""
from __future__ import annotations

import sqlite3

import pytest

from db import originals, pdf_pages, sources
from db.store import open_project
from desktop_app.cli import main
from desktop_app.importing import plan_import
from desktop_app.sources.import_flow import start_import
from tests.conftest import ending_of
from tests.pdf_making import make_pdf


@pytest.fixture
def report_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    make_pdf(path, [["The bridge was closed on 15 November 2024."], ["The ferry resumed on 3 March 2023."]])
    return path


def _import(qtbot, window, path) -> int:
    plan = plan_import([path], window.session.db)
    assert ending_of(qtbot, start_import(window, window.session, plan, {})) == "finished"
    return window.session.db.conn.execute("SELECT max(id) FROM sources").fetchone()[0]


def _counts(path) -> dict[str, int]:
    """Read through a connection of its own, as another program would."""
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("originals", "original_bytes", "pdf_char_boxes")}
    finally:
        conn.close()


def test_an_original_no_source_uses_is_kept_for_undo_and_dropped_when_the_project_closes(
        qtbot, window, tmp_path, report_pdf, capsys):
    path = str(window.session.path)
    article = tmp_path / "article.txt"
    article.write_text("A headline\n\nThe bridge was closed on Friday.", encoding="utf-8")
    kept = _import(qtbot, window, article)
    report = _import(qtbot, window, report_pdf)
    pdf_original = originals.of_source(window.session.db, report)
    before = _counts(path)
    assert before["originals"] == 2 and before["pdf_char_boxes"] > 0

    session = window.session
    session.push(sources.delete_sources([report]))
    assert _counts(path) == before  # an undo may want it back
    session.undo_stack.undo()
    assert originals.of_source(session.db, report) == pdf_original
    assert originals.read_bytes(session.db, pdf_original.id) == report_pdf.read_bytes()
    assert len(pdf_pages.page_boxes(session.db, report, 0)) > 0  # the reader finds its boxes again
    session.undo_stack.redo()

    window.project_files.close_project()
    qtbot.waitUntil(lambda: _counts(path)["originals"] == 1, timeout=30_000)
    assert _counts(path) == {"originals": 1, "original_bytes": 1, "pdf_char_boxes": 0}
    db = open_project(path)
    try:
        assert [o.file_name for o in originals.all_originals(db)] == ["article.txt"]
        assert originals.of_source(db, kept).file_name == "article.txt"
        assert sources.get_source(db, report) is None
    finally:
        db.close()
    assert main(["verify", "--db", path]) == 0
    assert "1 original" in capsys.readouterr().out


def test_closing_keeps_every_original_a_source_uses(qtbot, window, report_pdf):
    path = str(window.session.path)
    _import(qtbot, window, report_pdf)
    before = _counts(path)
    window.project_files.close_project()
    qtbot.waitUntil(lambda: window.centralWidget() is not window.tabs, timeout=30_000)
    assert drop_now(path) == [] and _counts(path) == before


def drop_now(path) -> list:
    db = open_project(path)
    try:
        return originals.drop_unused(db)
    finally:
        db.close()
