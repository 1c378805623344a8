"""Whatever is typed into the filter bar (text, tags, entities, the two dates), the library's search
box or the search field, the queries behind them answer: no SQL or FTS syntax error, no other
exception, no hang. The budget is FUZZ_EXAMPLES (see tests/reliability/fuzzing.py)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db import events, ops, search
from db.store import create_project
from db.library import SourceFilter, count_sources, source_page
from tests.reliability.fuzzing import FUZZ, time_limit

# What means something to FTS5, SQL, EDTF or the name lists, mixed with any characters.
PIECES = ['"', "'", "*", "^", ":", "-", "+", "(", ")", "{", "}", "NEAR(", "NEAR/2", " AND ", " OR ", " NOT ", ",", ";",
          "%", "_", "\\", "--", "/*", "?", "~", "/", "..", "X", "Y", "E", "S", "2024", "-12", "99999999999999999999",
          "2024-13-45", "21", "1e308", "\x00", "\u202e", "ü", "Київ", " ", "\t"]
TYPED = st.lists(st.sampled_from(PIECES) | st.text(st.characters(blacklist_categories=("Cs",)), max_size=6),
                 max_size=12).map("".join)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from db.sources import add_source

    database = create_project(tmp_path_factory.mktemp("filter") / "p.sourceline")
    ops.run(database, events.add_event("Kyiv under attack", "2024-11-17", "missiles and drones",
                                       tags=["war"], entities=["Kyiv"]))
    ops.run(database, add_source({"type": "webpage", "title": "A report (AND more)"}, "2024-11-18",
                                 full_text="The city was hit."))
    yield database
    database.close()


@pytest.fixture(scope="module")
def bar(qapp, db):
    from desktop_app.events.filter_bar import FilterBar

    widget = FilterBar(db)
    yield widget
    widget.deleteLater()


@FUZZ
@given(text=TYPED, tags=TYPED, entities=TYPED, date_from=TYPED, date_to=TYPED)
def test_anything_typed_into_the_filters_is_a_valid_query(db, bar, text, tags, entities, date_from, date_to):
    for field, typed in ((bar.text, text), (bar.tags, tags), (bar.entities, entities), (bar.date_from, date_from),
                         (bar.date_to, date_to)):
        field.setText(typed)
    with time_limit():
        where = bar.build_filter()  # a date that does not parse is left out and said, not raised
        events.count_events(db, where)
        events.event_page(db, where, limit=5)
        events.events_in_range(db, -10**11, 10**11, where)
        events.density(db, -10**11, 10**11, 20, where)
        events.extent(db, where)
        search.search(db, text)
        count_sources(db, SourceFilter(text=text))
        source_page(db, SourceFilter(text=text), limit=5)
