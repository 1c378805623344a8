"""Captures in the window: File → Capture Web Page… fetches from a local server and shows the
page in the import dialog; a failed capture is one message; an archive's pages are chosen in the
import dialog; a dropped photograph imports."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db.backups import data_dir
from desktop_app.capture.capture_flow import ask_and_capture
from desktop_app.sources.import_dialog import ImportDialog
from desktop_app.sources.import_flow import import_files
from tests.capture_making import article, photo, warc
from tests.desktop_app.reader.conftest import answer_dialog
from tests.desktop_app.sources.test_import_gui import drop


def _import_dialog(window):
    dialogs = [d for d in window.findChildren(ImportDialog) if d.isVisible()]
    return dialogs[0] if len(dialogs) == 1 else None


def _import(qtbot, window, dialog):
    steps = window.session.undo_stack.count()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == steps + 1, timeout=30_000)


def test_capture_web_page_fetches_and_offers_the_page_for_import(qtbot, window, server):
    dialog = ask_and_capture(window)
    assert window.named_actions["capture_web_page"].isEnabled()
    dialog.address.setText(server + "/old")
    qtbot.mouseClick(dialog.capture_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _import_dialog(window) is not None, timeout=30_000)
    importing = _import_dialog(window)
    assert importing.table.rowCount() == 1 and importing.table.item(0, 0).text() == "Bridge closed"
    _import(qtbot, window, importing)
    row = window.session.db.conn.execute("SELECT url, accessed_edtf FROM sources ORDER BY id DESC LIMIT 1").fetchone()
    assert row[0] == server + "/news/bridge" and row[1].endswith("Z")
    kept = list((data_dir() / "captures").glob("127.0.0.1-*.warc.gz"))
    assert len(kept) == 1


def test_an_address_that_is_not_http_is_refused_in_the_dialog(qtbot, window):
    dialog = ask_and_capture(window)
    dialog.address.setText("file:///etc/passwd")
    qtbot.mouseClick(dialog.capture_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.problem.isHidden()
    assert dialog.problem.text() == "file:///etc/passwd: only http:// and https:// addresses can be captured"
    dialog.reject()


def test_a_failed_capture_is_one_message_and_imports_nothing(qtbot, window, server):
    before = window.session.db.conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    seen = []

    def read(box):
        seen.append(box.text())
        box.accept()

    dialog = ask_and_capture(window)
    dialog.address.setText(server + "/missing")
    answer_dialog(qtbot, QMessageBox, read)
    qtbot.mouseClick(dialog.capture_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert seen == [f"{server}/missing: the server answered 404 Not Found; nothing was captured"]
    assert window.session.db.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == before
    assert _import_dialog(window) is None


def test_the_pages_of_an_archive_are_chosen_in_the_import_dialog(qtbot, window, tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc([(f"https://example.org/{n}", article(title), "2024-11-16T09:30:00Z")
                              for n, title in enumerate(("Bridge closed", "Ferry resumes", "Council meets"))]))
    dialog = import_files(window, [archive])
    combo = dialog.action_combo(1)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Add", "Leave out"]
    combo.setCurrentIndex(combo.findText("Leave out"))
    assert dialog.import_button.text() == "Import 2 sources"
    _import(qtbot, window, dialog)
    titles = [row[0] for row in window.session.db.conn.execute(
        "SELECT title FROM sources WHERE url LIKE 'https://example.org/%' ORDER BY id")]
    assert titles == ["Bridge closed", "Council meets"]


def test_the_reader_says_where_and_when_a_page_was_captured(qtbot, window, tmp_path):
    import hashlib

    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc([("https://example.org/news/bridge", article("Bridge closed"), "2024-11-16T09:30:00Z")]))
    _import(qtbot, window, import_files(window, [archive]))
    source_id = window.session.db.conn.execute("SELECT max(id) FROM sources").fetchone()[0]
    window.source_requested.emit(source_id, None)
    reader = window.page("Reader")
    assert reader.views.currentWidget() is reader.text_view and "bridge over the river" in reader.view.full_text
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert not reader.notice.isHidden()
    assert reader.notice.text() == ("Captured from https://example.org/news/bridge on Saturday 16 November 2024, "
                                    f"09:30 UTC · SHA-256 {digest[:12]}")
    window.source_requested.emit(1, None)  # a source that is no capture: no such line
    assert reader.notice.isHidden()


def test_a_dropped_photograph_and_web_archive_import(qtbot, window, tmp_path):
    picture = tmp_path / "IMG_0042.jpg"
    photo(picture, gps=((22.0, 54.0, 30.0), "S", (43.0, 11.0, 47.0), "W"))
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc([("https://example.org/news/bridge", article("Bridge closed"), "2024-11-16T09:30:00Z")]))
    assert drop(window, picture, archive)
    dialog = _import_dialog(window)
    assert sorted(dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())) == [
        "Bridge closed", "IMG_0042"]
    _import(qtbot, window, dialog)
    rows = window.session.db.conn.execute(
        "SELECT title, csl_type, issued_edtf, accessed_edtf, latitude < 0 AND longitude < 0 FROM sources "
        "WHERE title IN ('IMG_0042', 'Bridge closed') ORDER BY title").fetchall()
    assert [tuple(row) for row in rows] == [
        ("Bridge closed", "article-newspaper", "2024-11-16", "2024-11-16T09:30:00Z", None),
        ("IMG_0042", "graphic", "2008-10-22T16:28:39", None, 1)]
