"""Pages with a /Rotate of 90 and 270 degrees whose lines read upright when the page is shown
turned, as scanned landscape pages are: the reader shows them turned, words dragged over are the
words selected, highlights are drawn over them, and the annotated PDF's QuadPoints cover them
(read back with pypdf, the text inside them with pypdfium2)."""
from __future__ import annotations

import pypdfium2
import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor

from db import annotations, pdf_pages
from tests.desktop_app.pdf.conftest import open_in_reader
from tests.desktop_app.pdf.test_pdf_reader import drag, word_point
from tests.pdf_making import make_pdf

PAGES = [["The upright page says the bridge was closed.", "Nothing else happened."],
         ["The turned page says the convoy reached the depot.", "Nothing else happened."],
         ["The other turned page says the ferry resumed service.", "Nothing else happened."]]
TURNS = {1: 90, 2: 270}
QUOTES = {0: ("bridge", "closed", "bridge was closed"), 1: ("convoy", "depot", "convoy reached the depot"),
          2: ("ferry", "service", "ferry resumed service")}


@pytest.fixture
def turned_reader(qtbot, window, tmp_path):
    path = tmp_path / "turned.pdf"
    make_pdf(path, PAGES, title="Turned pages", turns=TURNS)
    return open_in_reader(qtbot, window, path)


def ink_in(view, index: int, rect) -> float:
    """The share of dark pixels of the rendered page ``index`` inside ``rect`` (points of the page shown)."""
    scale = view.layout_.scale
    image = view.renderer.image(index, scale)
    height = view.pages[index].height
    left, bottom, right, top = rect
    xs = range(int(left * scale) + 1, int(right * scale) - 1)
    ys = range(int((height - top) * scale) + 1, int((height - bottom) * scale) - 1)
    dark = sum(QColor(image.pixel(x, y)).lightness() < 128 for x in xs for y in ys)
    return dark / max(1, len(xs) * len(ys))


def test_turned_pages_are_shown_turned_with_their_lines_upright_where_they_are_drawn(turned_reader):
    view = turned_reader.pdf.view
    for index, (_, _, quote) in QUOTES.items():
        page = view.pages[index]
        assert (page.width > page.height) == (index in TURNS)  # landscape as shown
        start = view.full_text.index(quote)
        (line,) = view.passage_rects(start, start + len(quote))
        assert line[0] == index
        left, bottom, right, top = line[1]
        assert right - left > 5 * (top - bottom)  # one line across the page: it reads upright
        assert ink_in(view, index, line[1]) > 0.05  # the words are drawn there
        below = (left, bottom - 4 * (top - bottom), right, top - 4 * (top - bottom))
        assert ink_in(view, index, below) == 0  # and not three lines further down


def test_dragging_over_words_on_turned_pages_highlights_them_and_exports_them(qtbot, turned_reader, window,
                                                                             tmp_path):
    view = turned_reader.pdf.view
    frames = {index: view.renderer.frame(index) for index in QUOTES}
    assert {index: frame.rotation for index, frame in frames.items()} == {0: 0, 1: 90, 2: 270}
    for index, (first, last, quote) in QUOTES.items():
        view.go_to_page(index)
        begin, _ = word_point(view, first)
        _, finish = word_point(view, last)
        drag(qtbot, view, begin, finish)
        assert view.full_text[slice(*view.selected_span())] == quote
        turned_reader.highlight_actions["green"].trigger()
        annotation_id = turned_reader.side.current_annotation_id()
        stored = next(a for a in annotations.source_annotations(window.session.db, turned_reader.source_id)
                      if a["id"] == annotation_id)
        assert (stored["exact"], stored["page_index"]) == (quote, index)
        # stored in the PDF's own coordinates; turned as shown, they cover the words' line
        start = view.full_text.index(quote)
        (shown,) = [rect for _, rect in view.passage_rects(start, start + len(quote))]
        turned = [frames[index].rect(rect) for _, rect in pdf_pages.annotation_rects(stored["rects"])]
        assert min(r[0] for r in turned) == pytest.approx(shown[0], abs=0.5)
        assert max(r[2] for r in turned) == pytest.approx(shown[2], abs=0.5)
        assert all(r[1] >= shown[1] - 0.5 and r[3] <= shown[3] + 0.5 for r in turned)
    out = tmp_path / "turned-highlighted.pdf"
    assert turned_reader.pdf.export_to(str(out)) == 3
    document = pypdfium2.PdfDocument(str(out))
    found = {}
    for index, page in enumerate(PdfReader(out).pages):
        textpage = document[index].get_textpage()
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            assert annotation["/Subtype"] == "/Highlight"
            quads = [float(v) for v in annotation["/QuadPoints"]]
            covered = [textpage.get_text_bounded(min(q[0::2]), min(q[1::2]), max(q[0::2]), max(q[1::2]))
                       for q in (quads[i:i + 8] for i in range(0, len(quads), 8))]
            found[index] = "".join(covered).strip()
    document.close()
    assert found == {index: quote for index, (_, _, quote) in QUOTES.items()}
