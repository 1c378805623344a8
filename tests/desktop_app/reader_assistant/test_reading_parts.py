"""A long source read a part at a time (reading_parts, Qt-free): the parts cover the text, end at
line breaks and page starts, and the dates found in them are where they are in the whole text."""
from __future__ import annotations

from desktop_app.reader_assistant.findings import find_all
from desktop_app.reader_assistant.reading_parts import find_in_part, in_reading_order, joined, parts

PARAGRAPHS = [f"Paragraph {n}: the depot was shelled on {n} March 2024 and repaired later." for n in range(1, 29)]
TEXT = "\n\n".join(PARAGRAPHS)


def test_parts_cover_the_text_and_end_at_line_breaks_or_page_starts():
    page_starts = [TEXT.index("Paragraph 9:"), TEXT.index("Paragraph 20:")]
    spans = parts(TEXT, page_starts, size=500)
    assert spans[0][0] == 0 and spans[-1][1] == len(TEXT)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # consecutive, no gap, no overlap
    assert all(end - start <= 500 for start, end in spans)
    assert set(page_starts) <= {start for start, _ in spans}
    assert all(TEXT[end - 1] == "\n" or end in page_starts or end == len(TEXT) for _, end in spans)


def test_a_run_longer_than_a_part_without_line_breaks_is_cut_at_the_next_one():
    text = "word " * 300 + "\nshort line\n" + "tail"
    assert parts(text, size=100) == [(0, 1501), (1501, len(text))]  # the rest fits in one part


def test_the_part_on_screen_is_read_first_then_those_after_it_then_those_before():
    spans = [(0, 10), (10, 20), (20, 30), (30, 40)]
    assert in_reading_order(spans, 25) == [(20, 30), (30, 40), (0, 10), (10, 20)]
    assert in_reading_order(spans, 0) == spans


def test_dates_found_part_by_part_are_those_of_the_whole_text_at_the_same_offsets():
    spans = parts(TEXT, size=400)
    assert len(spans) > 4
    read = {start: find_in_part(TEXT, (start, end), "2024-06-01", []) for start, end in reversed(spans)}
    dates = joined(read).dates
    whole = find_all(TEXT, "2024-06-01", []).dates
    assert [(d.text, d.start, d.end, d.edtf, d.sentence_start, d.sentence_end) for d in dates] == \
        [(d.text, d.start, d.end, d.edtf, d.sentence_start, d.sentence_end) for d in whole]
    assert len(dates) == 28 and dates[-1].edtf == "2024-03-28"
    assert all(TEXT[d.start:d.end] == d.text and TEXT[d.sentence_start:d.sentence_end] == d.sentence for d in dates)


def test_names_found_in_a_part_are_at_their_offsets_in_the_whole_text():
    text = "First line about nothing.\nThe mayor of Kharkiv spoke on Friday.\n"
    start = text.index("The mayor")
    found = find_in_part(text, (start, len(text)), "2024-11-22", [(7, ["Kharkiv"])])
    (hit,) = found.names
    assert (text[hit.start:hit.end], hit.entity_id) == ("Kharkiv", 7)
