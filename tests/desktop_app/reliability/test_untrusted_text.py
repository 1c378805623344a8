"""Titles from outside (typed, imported) are shown as the characters they are wherever the window
shows them — lists, tooltips, headings, the reader — never as markup, and nothing they name (an
image on a web server, a local file) is ever loaded. Qt's labels and tooltips render text as HTML
when it merely looks like HTML, so each place is checked as Qt would show it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import Qt  # QtGui's Qt namespace has mightBeRichText
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QLabel

from db import citations, events, sources
from desktop_app.search.results import SearchResultsModel
from desktop_app.timeline.tooltips import event_tooltip

HOSTILE = '<img src="http://127.0.0.1:9/x.png"><b>Bold</b> & <a href="file:///etc/passwd">x</a> lookout'


class RecordingDocument(QTextDocument):
    """A QTextDocument (what labels and tooltips render rich text with) that notes every
    resource it is asked to load instead of loading it."""

    def __init__(self):
        super().__init__()
        self.requested: list[str] = []

    def loadResource(self, kind, url):  # noqa: N802 (Qt's name)
        self.requested.append(url.toString())
        return None


def as_shown(text: str, text_format=Qt.TextFormat.AutoText) -> tuple[str, list[str]]:
    """The characters Qt shows for ``text`` in a label or tooltip of that format, and what it
    would load to show them."""
    if text_format == Qt.TextFormat.PlainText or (
            text_format == Qt.TextFormat.AutoText and not Qt.mightBeRichText(text)):
        return text, []
    document = RecordingDocument()
    document.setHtml(text)
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    document.drawContents(painter)  # lays out and paints: images are asked for here
    painter.end()
    return document.toPlainText(), document.requested


def assert_literal(text: str | None, text_format=Qt.TextFormat.AutoText, expected: str = HOSTILE) -> None:
    assert text is not None
    shown, requested = as_shown(text, text_format)
    assert requested == []
    assert expected in " ".join(shown.split()), f"shown as {shown!r}"


def assert_label_literal(label: QLabel) -> None:
    assert_literal(label.text(), label.textFormat())
    if label.toolTip():
        assert_literal(label.toolTip())


def test_the_checker_catches_markup(qapp):
    shown, requested = as_shown(HOSTILE)
    assert "Bold" in shown and "<b>" not in shown and "http://127.0.0.1:9/x.png" in requested


@pytest.fixture
def hostile(window):
    """An event and a source with hostile titles, the event citing the source."""
    session = window.session
    event_id = session.push(events.add_event(HOSTILE, "2024-11-20", description=HOSTILE, tags=["<b>tag</b>"]))
    source_id = session.push(sources.add_source({"type": "webpage", "title": HOSTILE,
                                                 "author": [{"family": "<i>Doe</i>", "given": "Jane"}]},
                                                "2024-11-21", full_text=f"{HOSTILE}\n\nThe text."))
    session.push(citations.add_citation(event_id, source_id, quote=HOSTILE))
    return event_id, source_id


def title_cell(model, column_name: str, wanted_id: int, id_role) -> QModelIndex:
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == column_name)
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(id_role) == wanted_id)
    return model.index(row, column)


def test_the_event_list_and_the_event_editor(window, hostile):
    from desktop_app.events.table_model import EVENT_ID_ROLE

    event_id, _ = hostile
    page = window.show_page("Timeline")
    cell = title_cell(page.model, "Title", event_id, EVENT_ID_ROLE)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == HOSTILE  # item views draw display text plainly
    assert_literal(cell.data(Qt.ItemDataRole.ToolTipRole))
    page.reveal_event(event_id)
    assert_label_literal(page.editor.heading)
    tree = page.editor.citations.tree
    item = tree.topLevelItem(0)
    for column in range(tree.columnCount()):
        if item.toolTip(column):
            assert_literal(item.toolTip(column))


def test_the_timeline_tooltip(window, hostile):
    event_id, _ = hostile
    row = next(r for r in events.events_in_range(window.session.db, -10**12, 10**12) if r["id"] == event_id)
    assert_literal(event_tooltip(row, row["source_count"]))


def test_the_library_and_the_source_editor(window, hostile):
    from desktop_app.sources.table_model import SOURCE_ID_ROLE

    _, source_id = hostile
    page = window.show_page("Sources")
    page.model.refresh() if hasattr(page.model, "refresh") else None
    cell = title_cell(page.model, "Title", source_id, SOURCE_ID_ROLE)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == HOSTILE
    assert_literal(cell.data(Qt.ItemDataRole.ToolTipRole))
    page.editor.show_source(source_id)
    assert_label_literal(page.editor.heading)


def test_the_reader(window, hostile):
    _, source_id = hostile
    window.source_requested.emit(source_id, None)
    page = window.page("Reader")
    assert_label_literal(page.title)
    assert_literal(page.byline.text(), page.byline.textFormat(), expected="<i>Doe</i>")


def test_search_results(window, hostile):
    model = SearchResultsModel(window.session.db)
    model.run("lookout")
    assert model.rowCount() >= 2
    for row in range(model.rowCount()):
        tip = model.index(row).data(Qt.ItemDataRole.ToolTipRole)
        shown, requested = as_shown(tip)
        assert requested == [] and "<b>Bold</b>" in shown  # the snippet's own characters, tags and all


def test_messages_naming_a_hostile_file(window, tmp_path, message_boxes):
    from desktop_app.reliability.opening import open_or_explain

    path = tmp_path / '<img src="x.png"><b>notes.sourceline'  # (no slash: it is a file name)
    path.write_text("not a project")
    assert open_or_explain(window, path) is None
    assert_literal(message_boxes[0][2], expected=str(path))


def test_the_dataset_mapping_dialog(window, tmp_path):
    from desktop_app.datasets_ui import open_mapping_dialog

    name = '<img src="x.png"><b>events.csv'
    path = tmp_path / name
    path.write_text(f"date,title\n2024-11-20,{HOSTILE.replace(',', ' ')}\n")
    dialog = open_mapping_dialog(window, path)
    try:
        about = next(label for label in dialog.findChildren(QLabel) if "lines after the header" in label.text())
        assert_literal(about.text(), about.textFormat(), expected=name)
        title_sample = dialog.columns.item(1, 2)
        assert title_sample.text().startswith("<img")
        assert_literal(title_sample.toolTip(), expected=" ".join(title_sample.text().split()))
    finally:
        dialog.reject()
