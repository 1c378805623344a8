"""The full-text indexes stay in step with edits, and any typed text is a valid search."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import annotations, events, ops, search, sources


def titles(db, text, kind="event"):
    return [h.title for h in search.search(db, text) if h.kind == kind]


def test_indexes_follow_insert_update_delete_and_undo(db):
    event_id = ops.run(db, events.add_event("Erdoğan floats a ceasefire", "2024-11-18", "freeze the front line"))
    assert titles(db, "erdogan") == ["Erdoğan floats a ceasefire"]  # diacritics folded
    assert titles(db, "front line") == ["Erdoğan floats a ceasefire"]
    edit = events.update_event(event_id, title="Kremlin rejects plan", description="unacceptable")
    edit.do(db)
    assert titles(db, "erdogan") == [] and titles(db, "unacceptable") == ["Kremlin rejects plan"]
    edit.undo(db)
    assert titles(db, "erdogan") == ["Erdoğan floats a ceasefire"]
    ops.run(db, events.delete_events([event_id]))
    assert titles(db, "erdogan") == []
    assert db.conn.execute("INSERT INTO events_fts(events_fts) VALUES('integrity-check')").rowcount != 0


def test_sources_and_annotations_are_found_with_snippets(db):
    source_id = ops.run(db, sources.add_source({"title": "Column"}, "2024-11-20",
                                               full_text="The chancellor called the president on Friday."))
    ops.run(db, annotations.add_annotation(source_id, 4, 14, note="who called"))
    hits = search.search(db, "chancellor")
    kinds = {h.kind for h in hits}
    assert kinds == {"source", "annotation"}
    annotation_hit = [h for h in hits if h.kind == "annotation"][0]
    assert annotation_hit.source_id == source_id
    assert f"{search.MARK_START}chancellor{search.MARK_END}" in annotation_hit.snippet.lower()


@pytest.mark.parametrize("text", ['"', '"unbalanced', "(", "a AND", "OR", "NOT", "-", "*", "NEAR(a b", "^x", "a:b",
                                  "col:", "'", "", "   ", "ü*", "\\", "{x}", "a + b"])
def test_awkward_input_never_raises(db, text):
    ops.run(db, events.add_event("A AND B (or not)", "2024"))
    search.search(db, text)
    events.count_events(db, events.EventFilter(text=text))


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    from db.store import create_project

    database = create_project(tmp_path_factory.mktemp("fuzz") / "p.sourceline")
    ops.run(database, events.add_event("Kyiv under attack", "2024-11-17", "missiles and drones"))
    yield database
    database.close()


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_is_a_valid_query(fuzz_db, text):
    search.search(fuzz_db, text)
    events.count_events(fuzz_db, events.EventFilter(text=text))
