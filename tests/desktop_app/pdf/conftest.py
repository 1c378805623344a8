"""PDF files written for the tests (see tests/pdf_making.py) and projects holding them."""
from __future__ import annotations

import pytest

from tests.conftest import ending_of
from tests.pdf_making import FI, make_pdf

REPORT_PAGES = [
    ["The of" + FI + "cial report of 15 No-", "vember 2024 said the bridge at Kyiv was closed.",
     "Engineers inspected the damage on Friday."],
    [],  # a scanned page: a picture, no text
    ["Annex: the ferry resumed on 3 March 2023.", "Signed by the harbour master."],
]


@pytest.fixture
def report_pdf(tmp_path):
    """Three pages labelled i, ii and A-3; the first with a ligature and a word hyphenated across
    lines, the second a picture without text."""
    path = tmp_path / "report.pdf"
    make_pdf(path, REPORT_PAGES, title="Bridge inspection report", author="Jane Doe; John Smith",
             created="D:20241116093000+01'00'", labels=[(0, 1, "/r", None, 1), (2, 2, "/D", "A-", 3)], pictures=(1,))
    return path


def open_in_reader(qtbot, window, path):
    """Import the PDF at ``path`` through the window's importer and show it in the Reader page."""
    from desktop_app.importing import plan_import
    from desktop_app.sources.import_flow import start_import

    plan = plan_import([path], window.session.db)
    assert ending_of(qtbot, start_import(window, window.session, plan, {})) == "finished"
    source_id = window.session.db.conn.execute("SELECT max(id) FROM sources").fetchone()[0]
    window.source_requested.emit(source_id, None)
    page = window.page("Reader")
    qtbot.waitUntil(lambda: page.view is page.pdf.view and bool(page.pdf.view.pages))
    return page
