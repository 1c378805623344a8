"""While a long text is read for dates in the background, the list says it is looking, not that
there are none (issue 14, item 18: "No dates found" showed for over a minute while it searched)."""
from __future__ import annotations

from db import sources
from desktop_app.reader_assistant import assistant as assistant_module
from desktop_app.reader_assistant.dates_list import LOOKING, NONE_FOUND, STILL_LOOKING, FoundDatesList
from desktop_app.reader_assistant.findings import FoundDate


def test_the_list_says_it_is_looking_until_the_text_has_been_read(window, session, qtbot):
    long_text = ("Filler words without any time in them at all, again and again. " * 400) + "\n\nIt ended on Friday."
    dateless = "Filler words without any time in them at all, again and again. " * 400
    assert len(dateless) > assistant_module.SYNC_CHARS
    with_date = session.push(sources.add_source({"title": "Long"}, "2024-11-22", full_text=long_text))
    without = session.push(sources.add_source({"title": "Long, no dates"}, "2024-11-22", full_text=dateless))
    page = window.page("Reader")
    for source_id, found in ((with_date, 1), (without, 0)):
        window.source_requested.emit(source_id, None)
        listing = page.assistant.dates
        assert listing.empty.isVisibleTo(page) and listing.empty.text() == LOOKING
        assert page.assistant.heading.text() == "Dates in the text (looking…)"
        qtbot.waitUntil(lambda: listing.empty.text() != LOOKING, timeout=60_000)
        assert len(page.assistant.findings.dates) == found
        assert listing.empty.isVisibleTo(page) == (found == 0) and listing.view.isVisibleTo(page) == (found > 0)
        if not found:
            assert listing.empty.text() == NONE_FOUND and page.assistant.heading.text() == "Dates in the text"


def test_dates_found_so_far_are_listed_under_a_line_that_says_it_is_still_looking(qtbot):
    listing = FoundDatesList()
    qtbot.addWidget(listing)
    listing.resize(300, 400)
    listing.show()
    dates = tuple(FoundDate(f"{day} May 2020", 100 * day, 100 * day + 10, f"2020-05-{day:02d}", f"On {day} May 2020.",
                            100 * day - 3, 100 * day + 11) for day in range(1, 29))
    listing.set_dates(dates[10:20], set(), looking=True)  # the part on screen, read first
    assert listing.empty.isVisible() and listing.empty.text() == STILL_LOOKING and listing.view.isVisible()
    listing.view.setCurrentIndex(listing.model.index(3, 0))
    chosen = listing.model.found_date(3)
    listing.set_dates(dates, set(), looking=True)  # the rest: the chosen date stays chosen
    assert listing.model.found_date(listing.view.currentIndex().row()) == chosen
    assert listing.model.words(listing.view.currentIndex().row()) == "Thursday 14 May 2020"
    listing.set_dates(dates, set(), looking=False)
    assert not listing.empty.isVisible() and listing.model.rowCount() == 28
