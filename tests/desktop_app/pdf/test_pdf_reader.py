"""The PDF reader on real widgets: words selected by dragging over the rendered page become a
highlight with the exact quote and rectangles over those words; cite; undo; find; zoom; pages."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from db import annotations, pdf_pages
from desktop_app.importing import plan_import
from desktop_app.reader.cite_dialog import CiteDialog
from desktop_app.reader.pdf_layout import FIT_PAGE, Zoom
from desktop_app.sources.import_flow import start_import
from tests.conftest import ending_of
from tests.desktop_app.pdf.conftest import open_in_reader
from tests.desktop_app.reader.conftest import answer_dialog


@pytest.fixture
def pdf_reader(qtbot, window, report_pdf):
    return open_in_reader(qtbot, window, report_pdf)


def word_point(view, word: str) -> tuple[QPoint, QPoint]:
    """Viewport points just inside the first and last letters of ``word`` on the page."""
    start = view.full_text.index(word)
    (index, first), = view.passage_rects(start, start + 1)
    (_, last), = view.passage_rects(start + len(word) - 1, start + len(word))
    a = view._viewport_rect(index, first)
    b = view._viewport_rect(index, last)
    return QPoint(int(a.left() + 1), int(a.center().y())), QPoint(int(b.right() - 1), int(b.center().y()))


def drag(qtbot, view, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), pos=(start + end) / 2)
    qtbot.mouseMove(view.viewport(), pos=end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)


def test_dragging_over_words_highlights_them_with_quote_and_rectangles(qtbot, pdf_reader, window):
    view = pdf_reader.pdf.view
    begin, _ = word_point(view, "bridge")
    _, finish = word_point(view, "closed")
    drag(qtbot, view, begin + QPoint(3, 0), finish - QPoint(3, 0))  # mid-word at both ends: whole words
    assert view.full_text[slice(*view.selected_span())] == "bridge at Kyiv was closed"
    steps = window.session.undo_stack.count()
    pdf_reader.highlight_actions["pink"].trigger()
    annotation_id = pdf_reader.side.current_annotation_id()
    stored = next(a for a in annotations.source_annotations(window.session.db, pdf_reader.source_id)
                  if a["id"] == annotation_id)
    assert (stored["exact"], stored["color"], stored["page_index"]) == ("bridge at Kyiv was closed", "pink", 0)
    assert stored["prefix"].endswith("said the ") and stored["suffix"].startswith(".")
    rects = pdf_pages.annotation_rects(stored["rects"])
    assert len(rects) == 1  # one line
    page, (left, bottom, right, top) = rects[0]
    boxes = pdf_pages.page_boxes(window.session.db, pdf_reader.source_id, 0)
    at = view.full_text.index("bridge at Kyiv")
    assert left == pytest.approx(boxes[4 * at], abs=0.01)  # the "b" of bridge
    assert right == pytest.approx(boxes[4 * (at + len("bridge at Kyiv was closed") - 1) + 2], abs=0.01)
    assert window.session.undo_stack.count() == steps + 1
    window.session.undo_stack.undo()
    assert annotations.source_annotations(window.session.db, pdf_reader.source_id) == []


def test_citing_a_pdf_selection_puts_the_page_label_as_locator(qtbot, pdf_reader, window):
    view = pdf_reader.pdf.view
    start = view.full_text.index("ferry resumed")
    view.select_span(start, start + len("ferry resumed"))
    seen = {}

    def fill(dialog):
        seen["locator"] = (dialog.locator_type.currentText(), dialog.locator.text())
        qtbot.keyClicks(dialog.search, "bridge closed")
        qtbot.waitUntil(lambda: dialog.results.count() == 1)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer_dialog(qtbot, CiteDialog, fill)
    pdf_reader.cite_action.trigger()
    assert seen["locator"] == ("page", "A-3")
    row = window.session.db.conn.execute(
        "SELECT locator_type, locator, quote FROM citations ORDER BY id DESC LIMIT 1").fetchone()
    assert row == ("page", "A-3", "ferry resumed")
    window.session.undo_stack.undo()
    assert window.session.db.conn.execute("SELECT count(*) FROM citations WHERE quote = 'ferry resumed'").fetchone()[0] == 0


def test_choosing_a_highlight_scrolls_to_its_page(qtbot, pdf_reader, window):
    view = pdf_reader.pdf.view
    view.set_zoom(Zoom("percent", 200))
    start = view.full_text.index("Signed by")
    annotation_id = window.session.push(annotations.add_annotation(pdf_reader.source_id, start, start + 9))
    view.verticalScrollBar().setValue(0)
    pdf_reader.show_source(pdf_reader.source_id, annotation_id)
    assert view.current_page() == 2
    assert pdf_reader.pdf.page_field.text() == "A-3"


def test_pages_zoom_and_find(qtbot, pdf_reader):
    panel = pdf_reader.pdf
    panel.page_field.setText("A-3")
    qtbot.keyClick(panel.page_field, Qt.Key.Key_Return)
    assert panel.view.current_page() == 2
    width_scale = panel.view.layout_.scale
    panel.view.set_zoom(Zoom(FIT_PAGE))
    assert panel.view.layout_.scale < width_scale
    panel.step_zoom(+1)
    assert panel.zoom.currentText().endswith("%")
    pdf_reader.open_find()
    pdf_reader.find_bar.field.setText("harbour")
    qtbot.waitUntil(lambda: panel.view._matches != [])
    start = panel.view.full_text.index("harbour")
    assert panel.view._matches[0] == (start, start + len("harbour"))


def test_the_page_is_not_inverted_in_the_dark_theme(qtbot, pdf_reader):
    from PySide6.QtGui import QColor, QPalette

    view = pdf_reader.pdf.view
    dark = QPalette(view.palette())
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window, QPalette.ColorRole.Mid):
        dark.setColor(role, QColor("#202020"))
    view.setPalette(dark)
    image = view.viewport().grab().toImage()
    x, y, w, h = view.layout_.page_rect(0)
    paper = image.pixelColor(x + w - 10 - view.horizontalScrollBar().value(), y + h // 2 - view.verticalScrollBar().value())
    assert paper.lightness() > 240


def test_highlights_made_in_another_program_are_offered_and_imported(qtbot, window, tmp_path, report_pdf):
    from tests.pdf_making import LEADING, LEFT, SIZE, TOP, add_highlight

    marked = tmp_path / "marked.pdf"
    # over the whole second line of page i: "vember 2024 said the bridge at Kyiv was closed."
    y = TOP - LEADING
    add_highlight(report_pdf, marked, 0, (LEFT - 1, y - 3, 400, y + SIZE), "seen in Okular")
    plan = plan_import([marked], window.session.db)
    assert ending_of(qtbot, start_import(window, window.session, plan, {})) == "finished"
    source_id = window.session.db.conn.execute("SELECT max(id) FROM sources").fetchone()[0]
    window.source_requested.emit(source_id, None)
    page = window.page("Reader")
    qtbot.waitUntil(lambda: page.pdf.offer.isVisible())
    assert page.pdf.offer_text.text().startswith("This PDF holds 1 highlight made in another program")
    steps = window.session.undo_stack.count()
    qtbot.mouseClick(page.pdf.offer_button, Qt.MouseButton.LeftButton)
    (stored,) = annotations.source_annotations(window.session.db, source_id)
    # the words under it, from the half of "No-vember" on that line
    assert stored["exact"] == "vember 2024 said the bridge at Kyiv was closed."
    assert stored["note"] == "seen in Okular" and window.session.undo_stack.count() == steps + 1
    assert not page.pdf.offer.isVisible()
    out = tmp_path / "out.pdf"
    assert page.pdf.export_to(str(out)) == 1
    from pypdf import PdfReader

    subtypes = [a.get_object()["/Subtype"] for a in PdfReader(out).pages[0]["/Annots"]]
    assert subtypes == ["/Highlight", "/Highlight"]  # the other program's, and ours


def test_the_reading_assistant_gives_each_date_its_page(qtbot, pdf_reader):
    model = pdf_reader.assistant.dates.model
    qtbot.waitUntil(lambda: model.rowCount() >= 2)
    quoted = [model.quoted(row) for row in range(model.rowCount())]
    assert "“15 November 2024” · p. i" in quoted and "“3 March 2023” · p. A-3" in quoted
    row = quoted.index("“3 March 2023” · p. A-3")
    pdf_reader.assistant.dates.date_chosen.emit(model.found_date(row))
    assert pdf_reader.pdf.view.current_page() == 2  # clicking a date goes to its page
