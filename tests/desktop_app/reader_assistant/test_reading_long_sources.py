"""A long PDF read by the reading assistant page by page in a worker: the page on screen first,
the list filling as pages are read, each date with its page, and the worker stopped when the
reader closes or shows another source. The finder is held mid-way (a threading.Event) to look at
the reading between two pages, without timing anything."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from db import sources
from desktop_app.importing import plan_import
from desktop_app.reader_assistant import assistant as assistant_module, reading_parts
from desktop_app.sources.import_flow import start_import
from tests.conftest import ending_of
from tests.pdf_making import make_pdf

FILLER = "Filler words without any time in them at all, again and again."
PAGES = 10


@pytest.fixture
def long_pdf(qtbot, window, tmp_path):
    """A PDF of PAGES pages, page n saying that the depot was shelled on n March 2024."""
    path = tmp_path / "long.pdf"
    make_pdf(path, [[FILLER] * 18 + [f"The depot was shelled on {n} March 2024."] + [FILLER] * 18
                    for n in range(1, PAGES + 1)], title="Depot reports")
    plan = plan_import([path], window.session.db)
    assert ending_of(qtbot, start_import(window, window.session, plan, {})) == "finished"
    source_id = window.session.db.conn.execute("SELECT max(id) FROM sources").fetchone()[0]
    text = window.session.db.conn.execute("SELECT full_text FROM sources WHERE id = ?", (source_id,)).fetchone()[0]
    assert len(text) > assistant_module.SYNC_CHARS
    return source_id


@pytest.fixture
def held_finder(monkeypatch):
    """The finder as it is, but each page after the first waits for ``release``; ``read`` lists
    the text of every part the worker began."""
    real = reading_parts.find_all
    held = {"read": [], "release": threading.Event()}

    def find_all(text, *args, **kwargs):
        held["read"].append(text)
        if len(held["read"]) > 1:
            held["release"].wait(30)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(reading_parts, "find_all", find_all)
    yield held
    held["release"].set()
    QThreadPool.globalInstance().waitForDone(30_000)
    # What the worker sent is taken while the project is open (the window closes its store only
    # once the reader is gone; the session fixture closes it at once).
    QCoreApplication.processEvents()


def day_of(found_date) -> int:
    return int(found_date.text.split()[0])


def test_the_list_fills_as_pages_are_read_each_date_with_its_page(qtbot, window, long_pdf, held_finder):
    window.source_requested.emit(long_pdf, None)
    page = window.page("Reader")
    assistant = page.assistant
    qtbot.waitUntil(lambda: len(assistant.findings.dates) == 1, timeout=30_000)
    # the first page is read and shown; the second is being read
    assert [day_of(d) for d in assistant.findings.dates] == [1]
    assert assistant.heading.text() == "Dates in the text (1, looking…)"
    assert assistant.dates.model.quoted(0) == "“1 March 2024” · p. 1"
    held_finder["release"].set()
    qtbot.waitUntil(lambda: assistant.heading.text() == f"Dates in the text ({PAGES})", timeout=60_000)
    dates = assistant.findings.dates
    assert [day_of(d) for d in dates] == list(range(1, PAGES + 1))  # in text order
    assert [d.edtf for d in dates] == [f"2024-03-{n:02d}" for n in range(1, PAGES + 1)]
    assert [assistant.dates.model.quoted(row) for row in range(PAGES)] == [
        f"“{n} March 2024” · p. {n}" for n in range(1, PAGES + 1)]
    assert len(held_finder["read"]) == PAGES  # a part a page


def test_the_page_on_screen_is_read_first(qtbot, window, long_pdf, held_finder):
    held_finder["release"].set()
    window.source_requested.emit(long_pdf, None)
    page = window.page("Reader")
    qtbot.waitUntil(lambda: len(page.assistant.findings.dates) == PAGES, timeout=60_000)
    page.pdf.view.go_to_page(6)
    held_finder["read"].clear()
    page.assistant.toggle.trigger()  # off and on again: read anew from where the reader is
    page.assistant.toggle.trigger()
    qtbot.waitUntil(lambda: len(held_finder["read"]) == PAGES, timeout=60_000)
    firsts = [next(line for line in part.splitlines() if "depot" in line) for part in held_finder["read"]]
    assert firsts[:2] == ["The depot was shelled on 7 March 2024.", "The depot was shelled on 8 March 2024."]
    assert firsts[-1] == "The depot was shelled on 6 March 2024."


@pytest.mark.parametrize("closing", ["another source", "the project closed", "the assistant off"])
def test_closing_the_reader_mid_way_stops_the_worker(qtbot, window, long_pdf, held_finder, closing):
    window.source_requested.emit(long_pdf, None)
    page = window.page("Reader")
    assistant = page.assistant
    qtbot.waitUntil(lambda: len(held_finder["read"]) == 2, timeout=30_000)  # page 2 is being read
    if closing == "another source":
        short = window.session.push(sources.add_source({"title": "Short"}, "2024-11-22",
                                                       full_text="It ended on Friday."))
        window.source_requested.emit(short, None)
    elif closing == "the project closed":
        gone = []
        page.destroyed.connect(lambda: gone.append(True))
        window.set_session(None)
        qtbot.waitUntil(lambda: bool(gone), timeout=30_000)  # the window lets its pages go
    else:
        assistant.toggle.trigger()
    held_finder["release"].set()
    assert QThreadPool.globalInstance().waitForDone(30_000)
    assert len(held_finder["read"]) == 2  # the page being read was the last
    if closing == "another source":
        QCoreApplication.processEvents()  # anything the worker had sent is delivered by now
        assert [d.text for d in assistant.findings.dates] == ["Friday"]
    elif closing == "the assistant off":
        assert assistant.findings.dates == () and assistant.heading.text() == "Dates in the text"
