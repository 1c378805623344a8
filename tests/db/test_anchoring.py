"""Annotations move with their passage when a source's text is corrected, and are never dropped."""
import pytest

from db import annotations, events, ops, sources
from db.anchoring import context, reanchor
from db.store import create_project

TEXT = ("Kyiv, 19 November. The minister said the strike hit a depot near Bryansk. "
        "Officials later confirmed the strike. Nobody was hurt.")


def anchored(text, start, end, new_text):
    """Where the passage text[start:end] is found in new_text."""
    prefix, suffix = context(text, start, end)
    return reanchor(new_text, text[start:end], prefix, suffix, start)


def span_of(text, quote, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


def test_unchanged_text_keeps_the_range():
    start, end = span_of(TEXT, "hit a depot")
    assert anchored(TEXT, start, end, TEXT) == (start, end)


def test_text_inserted_before_the_passage_moves_it():
    start, end = span_of(TEXT, "hit a depot")
    new = "UPDATED 20 Nov: corrected location.\n\n" + TEXT
    new_start, new_end = anchored(TEXT, start, end, new)
    assert new[new_start:new_end] == "hit a depot"
    assert new_start == start + len("UPDATED 20 Nov: corrected location.\n\n")


def test_passage_moved_elsewhere_is_followed():
    start, end = span_of(TEXT, "Nobody was hurt.")
    new = "Nobody was hurt. " + TEXT.replace(" Nobody was hurt.", "")
    assert anchored(TEXT, start, end, new) == (0, len("Nobody was hurt."))


def test_repeated_quote_is_told_apart_by_its_context():
    start, end = span_of(TEXT, "the strike", nth=1)  # "...confirmed the strike."
    new = "Breaking. " + TEXT.replace("The minister said", "The minister told reporters")
    new_start, new_end = anchored(TEXT, start, end, new)
    assert (new_start, new_end) == span_of(new, "the strike", nth=1)


def test_repeated_quote_at_its_old_place_with_worse_context_loses_to_the_real_one():
    text = "alpha the cat sat. beta the cat ran."
    start, end = span_of(text, "the cat", nth=1)
    # The first "the cat" now sits exactly where the second was, but its context is wrong.
    new = "alpha the cat sat. beta the cat ran."[6:]
    new = "alpha the cat sat. beta " + new
    assert new[start:end] == "the cat"
    assert anchored(text, start, end, new) == span_of(new, "the cat", nth=2)


def test_corrected_typo_inside_the_passage_is_found_by_similarity():
    text = "The minister said the strike hit a depto near Bryansk on Tuesday morning."
    start, end = span_of(text, "the strike hit a depto near Bryansk")
    new = text.replace("depto", "depot")
    new_start, new_end = anchored(text, start, end, new)
    assert new[new_start:new_end] == "the strike hit a depot near Bryansk"


def test_deleted_passage_is_gone():
    start, end = span_of(TEXT, "Officials later confirmed the strike.")
    new = TEXT.replace("Officials later confirmed the strike. ", "")
    assert anchored(TEXT, start, end, new) is None


@pytest.mark.parametrize("new", ["", "x", "completely different words here"])
def test_short_or_unrelated_texts_do_not_match(new):
    start, end = span_of(TEXT, "hit a depot near Bryansk")
    assert anchored(TEXT, start, end, new) is None


# -- through the store ---------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path):
    database = create_project(tmp_path / "anchoring.sourceline")
    yield database
    database.close()


def anchors(db, source_id):
    return {a["id"]: (a["start_char"], a["end_char"], a["exact"], a["prefix"], a["suffix"], a["orphaned"])
            for a in annotations.source_annotations(db, source_id)}


def test_set_source_text_reanchors_orphans_and_undo_restores_both(db):
    source_id = ops.run(db, sources.add_source({"title": "Wire"}, "2024-11-19", full_text=TEXT))
    depot = ops.run(db, annotations.add_annotation(source_id, *span_of(TEXT, "hit a depot"), note="where"))
    confirmed = ops.run(db, annotations.add_annotation(source_id, *span_of(TEXT, "Officials later confirmed")))
    before = anchors(db, source_id)

    new = "Correction appended.\n\n" + TEXT.replace("Officials later confirmed the strike. ", "")
    edit = annotations.set_source_text(source_id, new)
    edit.do(db)
    after = {a["id"]: a for a in annotations.source_annotations(db, source_id)}
    assert sources.get_source(db, source_id)["full_text"] == new
    assert new[after[depot]["start_char"]:after[depot]["end_char"]] == "hit a depot"
    assert after[depot]["orphaned"] == 0 and after[depot]["note"] == "where"
    assert after[confirmed]["orphaned"] == 1
    assert after[confirmed]["exact"] == "Officials later confirmed"  # kept with its quote

    edit.undo(db)
    assert sources.get_source(db, source_id)["full_text"] == TEXT
    assert anchors(db, source_id) == before

    # The passage coming back (redo then a further correction restoring it) un-orphans it.
    edit.do(db)
    ops.run(db, annotations.set_source_text(source_id, TEXT))
    restored = {a["id"]: a for a in annotations.source_annotations(db, source_id)}
    assert restored[confirmed]["orphaned"] == 0
    assert (restored[confirmed]["start_char"], restored[confirmed]["end_char"]) == span_of(TEXT, "Officials later confirmed")


def test_cite_passage_is_one_edit_creating_annotation_event_and_citation(db):
    source_id = ops.run(db, sources.add_source({"title": "Wire"}, full_text=TEXT))
    span = span_of(TEXT, "hit a depot near Bryansk")
    edit = annotations.cite_passage(source_id, new_event=("Strike on Bryansk depot", "2024-11-19"), span=span,
                                    locator="1", stance="supports")
    edit.do(db)
    event_id = db.conn.execute("SELECT id FROM events").fetchone()[0]
    [citation] = events.get_event(db, event_id)["citations"]
    assert citation["quote"] == "hit a depot near Bryansk" and citation["locator"] == "1"
    assert citation["annotation_id"] is not None
    edit.undo(db)
    assert [db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("events", "annotations", "citations")] \
        == [0, 0, 0]


@pytest.mark.parametrize("kwargs", [{}, {"event_id": 1, "new_event": ("x", "2024")}])
def test_cite_passage_wants_exactly_one_event(kwargs):
    with pytest.raises(annotations.SourcelineError):
        annotations.cite_passage(1, **kwargs)


def test_unknown_colour_is_refused(db):
    source_id = ops.run(db, sources.add_source({"title": "Wire"}, full_text=TEXT))
    with pytest.raises(annotations.SourcelineError, match="colour"):
        ops.run(db, annotations.add_annotation(source_id, 0, 4, color="purple"))
