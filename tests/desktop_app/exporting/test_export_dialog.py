"""File → Export… driven with qtbot on a real project: scopes, previews, export, clipboard."""
from __future__ import annotations

import csv
import io
import json

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from db.events import EventFilter
from desktop_app.exporting_ui.choices import CHOICES, WindowState
from tests.conftest import ending_of


@pytest.fixture
def special_session(special, qapp):
    from desktop_app.app import open_session

    opened = open_session(special[0])
    yield opened
    opened.close()


def _dialog(qtbot, session, state=WindowState()):
    from desktop_app.exporting_ui.dialog import ExportDialog

    dialog = ExportDialog(session, state)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _choose(dialog, label: str) -> None:
    dialog.format.setCurrentIndex(dialog.format.findText(label))
    dialog.refresh_preview()


def test_the_file_menu_opens_the_dialog_on_the_timeline_pages_filter(window, qtbot):
    action = next(a for a in window.menus["file"].actions() if a.text() == "&Export…")
    assert action.isEnabled()
    page = window.page("Timeline")
    page.apply_filter(EventFilter(tags=("transport",)))
    from desktop_app.exporting_ui import open_export_dialog

    dialog = open_export_dialog(window)
    qtbot.addWidget(dialog)
    assert dialog.scope.currentData() == "filter" and "tagged “transport”" in dialog.scope.currentText()
    _choose(dialog, "Timeline data — CSV")
    rows = list(csv.DictReader(io.StringIO(dialog.preview_text())))
    assert [r["title"] for r in rows] == ["Council votes to close the bridge", "Bridge closed to traffic"]
    window.set_session(None)
    assert not action.isEnabled()


def test_the_dialog_takes_the_timeline_pages_selection_and_the_period_in_view(window, qtbot):
    from desktop_app.exporting_ui import open_export_dialog

    page = window.page("Timeline")
    db = window.session.db
    chosen = {row[0]: row[1] for row in db.conn.execute("SELECT id, title FROM events ORDER BY id DESC LIMIT 2")}
    page.select_events(list(chosen))
    view = page.timeline.viewport()
    dialog = open_export_dialog(window)
    qtbot.addWidget(dialog)
    assert dialog.scope.currentData() == "selected" and set(dialog.state.selected) == set(chosen)
    assert dialog.scope.currentText() == "Selected events (2)"
    _choose(dialog, "Timeline data — CSV")
    rows = list(csv.DictReader(io.StringIO(dialog.preview_text())))
    assert sorted(r["title"] for r in rows) == sorted(chosen.values())
    assert dialog.preview_title.text() == "Preview of all 2 events"
    # The picture of the selection shows all of it; of all events (or the filter), what is in view.
    _choose(dialog, "Timeline picture — PNG")
    request = dialog.picture_request(960)
    assert (request.start_s, request.end_s, set(request.where.ids)) == (None, None, set(chosen))
    dialog.scope.setCurrentIndex(dialog.scope.findData("all"))
    dialog.refresh_preview()
    request = dialog.picture_request(960)
    assert (request.start_s, request.end_s, request.where.ids) == (view.start_s, view.end_s, None)


def test_preview_shows_the_first_five_entries_of_each_text_format(special_session, qtbot, cases):
    from db.events import add_event

    for n in range(2):
        special_session.push(add_event(f"One more {n}", "2025"))
    dialog = _dialog(qtbot, special_session)
    _choose(dialog, "Timeline data — TimelineJS JSON")
    assert len(json.loads(dialog.preview_text())["events"]) == 5
    assert dialog.preview_title.text() == f"Preview of the first 5 of {len(cases.events) + 2} events"
    _choose(dialog, "Chronology — Markdown")
    assert dialog.preview_text().startswith("# Chronology — special") and dialog.previews.currentIndex() == 0
    _choose(dialog, "Citations — RIS")
    assert dialog.preview_text().count("TY  - ") == 5 and "first 5 sources" in dialog.preview_title.text()
    dialog.all_sources.setChecked(True)
    dialog.refresh_preview()
    assert dialog.preview_text().count("TY  - ") == 5
    _choose(dialog, "Chronology — PDF")
    assert dialog.previews.currentIndex() == 1  # laid out as the PDF will be
    assert cases.hostile_title in dialog.rich_preview.toPlainText()
    assert not dialog.lanes.isVisible() and not dialog.width.isVisible() and dialog.style.isVisible()


def test_selected_events_and_a_tag_as_scopes(special_session, special, qtbot):
    ids = special[1]["events"]
    dialog = _dialog(qtbot, special_session, WindowState(selected=(ids["Week of talks"], ids["About 1984"])))
    assert dialog.scope.currentData() == "selected"
    _choose(dialog, "Evidence table — CSV")
    rows = list(csv.DictReader(io.StringIO(dialog.preview_text())))
    assert [r["event"] for r in rows] == ["About 1984", "Week of talks", "Week of talks"]
    dialog.scope.setCurrentIndex(dialog.scope.findData("tag"))
    assert dialog.tag.isVisible()
    dialog.tag.setCurrentText("strikes")
    dialog.refresh_preview()
    rows = list(csv.DictReader(io.StringIO(dialog.preview_text())))
    assert {r["event"] for r in rows} == {"Spring offensive", "<script>alert(1)</script> & “Co”"}


def test_export_writes_the_file_and_a_failure_says_why(special_session, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    dialog = _dialog(qtbot, special_session)
    _choose(dialog, "Citations — CSL-JSON")
    target = tmp_path / "sources.json"
    assert ending_of(qtbot, dialog.export_to(target)) == "finished"
    assert dialog.last_written == target and dialog.export_button.isEnabled()
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 7  # the sources the events cite
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append((title, text)))
    assert ending_of(qtbot, dialog.export_to(tmp_path / "no such folder" / "x.json")) == "failed"
    assert warnings[0][0] == "Export failed" and "cannot write here" in warnings[0][1]
    assert dialog.last_written == target and dialog.export_button.isEnabled()


def test_picture_preview_and_export(special_session, qtbot, tmp_path):
    dialog = _dialog(qtbot, special_session, WindowState(lanes="tag"))
    _choose(dialog, "Timeline picture — PNG")
    assert dialog.previews.currentIndex() == 2 and not dialog.picture_preview.pixmap().isNull()
    assert dialog.lanes.currentData() == "tag" and dialog.width.isVisible()
    dialog.width.setValue(1280)
    target = tmp_path / "timeline.png"
    assert ending_of(qtbot, dialog.export_to(target)) == "finished"
    assert QImage(str(target)).width() == 1280


def test_copy_bibliography_puts_rich_text_and_plain_text_on_the_clipboard(special_session, qtbot):
    dialog = _dialog(qtbot, special_session)
    dialog.scope.setCurrentIndex(dialog.scope.findData("tag"))
    dialog.tag.setCurrentText("diplomacy")
    dialog.style.setCurrentText("APA")
    dialog.copy_bibliography()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml() and mime.hasText()
    assert "csl-entry" in mime.html() and "<script" not in mime.html().lower()
    assert mime.text().startswith("Dupont, J.-L. (2024")
    assert "Müller, J., Østergaard, S., & Шевченко, Т. (2023)" in mime.text()
    assert "Copied the bibliography of 3 sources" == dialog.preview_title.text()


def test_every_format_choice_previews_without_error(special_session, qtbot):
    dialog = _dialog(qtbot, special_session)
    for choice in CHOICES:
        _choose(dialog, choice.label)
        if not choice.is_picture and dialog.previews.currentIndex() == 0:
            assert dialog.preview_text() and not dialog.preview_text().startswith("Cannot preview"), choice.label


def test_a_selection_too_large_for_one_query_cannot_be_chosen(special_session, qtbot):
    from desktop_app.exporting_ui.dialog import MAX_SELECTED

    dialog = _dialog(qtbot, special_session, WindowState(selected=tuple(range(1, MAX_SELECTED + 2))))
    index = dialog.scope.findData("selected")
    assert "too many" in dialog.scope.itemText(index)
    assert not dialog.scope.model().item(index).isEnabled() and dialog.scope.currentData() == "all"


def test_a_closed_dialog_is_let_go_when_the_next_opens(window, qtbot):
    from shiboken6 import isValid

    from desktop_app.exporting_ui import open_export_dialog

    first = open_export_dialog(window)
    first.reject()
    second = open_export_dialog(window)
    qtbot.addWidget(second)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not isValid(first) and isValid(second) and second.isVisible() and window.export_dialog is second


def test_the_file_names_suffix_chooses_the_format_or_the_mismatch_is_asked(special_session, qtbot, tmp_path):
    """"chronology.pdf" typed while Chronology — Markdown is chosen writes the PDF chronology (read
    back by pypdf), not chronology.pdf.md; "events.csv" for a chronology is asked about; no
    suffix gets the chosen format's."""
    from PySide6.QtWidgets import QMessageBox

    from tests.desktop_app.reader.conftest import answer_dialog

    pypdf = pytest.importorskip("pypdf")
    dialog = _dialog(qtbot, special_session)
    _choose(dialog, "Chronology — Markdown")
    assert ending_of(qtbot, dialog.export_as(tmp_path / "chronology.pdf")) == "finished"
    assert dialog.choice().label == "Chronology — PDF" and not (tmp_path / "chronology.pdf.md").exists()
    written = " ".join(page.extract_text() for page in pypdf.PdfReader(str(tmp_path / "chronology.pdf")).pages)
    assert "Talks over four days." in " ".join(written.split())

    asked = []

    def pick(box, wanted):
        asked.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text().startswith(wanted)).click()

    answer_dialog(qtbot, QMessageBox, lambda box: pick(box, "Evidence table — CSV"))
    assert ending_of(qtbot, dialog.export_as(tmp_path / "events.csv")) == "finished"
    assert dialog.choice().label == "Evidence table — CSV"
    assert list(csv.DictReader(io.StringIO((tmp_path / "events.csv").read_text(encoding="utf-8-sig"))))
    assert "Timeline data — CSV (events.csv)" in asked[0] and "Chronology — PDF (events.csv.pdf)" in asked[0]

    _choose(dialog, "Chronology — Markdown")
    answer_dialog(qtbot, QMessageBox, lambda box: pick(box, "Cancel"))
    assert dialog.export_as(tmp_path / "other.csv") is None and not (tmp_path / "other.csv").exists()
    assert ending_of(qtbot, dialog.export_as(tmp_path / "notes")) == "finished"
    assert (tmp_path / "notes.md").read_text(encoding="utf-8").startswith("# Chronology")


def test_an_html_preview_is_shown_rendered_not_as_source(special_session, qtbot):
    dialog = _dialog(qtbot, special_session)
    for label in ("Bibliography — HTML", "Chronology — HTML"):
        _choose(dialog, label)
        assert dialog.previews.currentWidget() is dialog.rich_preview, label
        shown = dialog.rich_preview.toPlainText()
        assert shown.strip() and "<div" not in shown and "<html" not in shown and "csl-entry" not in shown, label
    _choose(dialog, "Bibliography — HTML")
    assert "Dupont" in dialog.rich_preview.toPlainText()


def test_a_scope_holding_no_events_previews_as_saying_so(special_session, qtbot):
    """Once a NameError: the empty preview's words named a variable that did not exist."""
    dialog = _dialog(qtbot, special_session, WindowState(where=EventFilter(tags=("no such tag",))))
    assert dialog.scope.currentData() == "filter"
    labels = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    empty = []
    for label in labels:
        _choose(dialog, label)
        if dialog.previews.currentIndex() == 0 and dialog.preview_text().startswith("(no "):
            empty.append(dialog.preview_text())
    # the source lists say so; the event formats still show their headings
    assert empty and set(empty) == {"(no sources to export)"}
