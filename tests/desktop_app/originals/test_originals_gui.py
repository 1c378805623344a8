"""Originals in the window: Tools → Verify Originals… and the reader's Save original…."""
from __future__ import annotations

import hashlib

from PySide6.QtWidgets import QApplication, QMessageBox

from db import originals
from desktop_app.importing import plan_import
from desktop_app.sources.import_flow import start_import

from tests.conftest import ending_of


def _import(qtbot, window, paths):
    plan = plan_import(paths, window.session.db)
    runner = start_import(window, window.session, plan, {})
    assert ending_of(qtbot, runner) == "finished"


def _verify(qtbot, window) -> QMessageBox:
    action = next(a for a in window.menus["tools"].actions() if a.text() == "&Verify Originals…")
    action.trigger()
    job = window.findChild(object, "verifyOriginals")
    assert ending_of(qtbot, job) == "finished"
    box = window.findChild(QMessageBox, "verifyOriginalsResult")
    assert box is not None and box.isVisible()
    return box


def test_verify_originals_from_the_tools_menu(qtbot, window, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("A headline\n\nThe bridge was closed on Friday.", encoding="utf-8")
    _import(qtbot, window, [article])
    box = _verify(qtbot, window)
    assert box.text() == "1 original intact." and box.icon() == QMessageBox.Icon.Information
    box.close()
    box.deleteLater()
    original = originals.all_originals(window.session.db)[0]
    with window.session.db.conn.blobopen("original_bytes", "data", original.id) as blob:
        blob.write(b"a")  # "A headline" -> "a headline"
    window.session.db.conn.commit()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "verifyOriginalsResult") is None)
    box = _verify(qtbot, window)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text().startswith("1 of 1 original altered") and "article.txt" in box.detailedText()


def test_save_original_writes_the_imported_file_back(qtbot, window, tmp_path):
    page_file = tmp_path / "page.html"
    page_file.write_bytes(b"<html><head><title>Saved page</title></head><body><p>Caf\xc3\xa9 closed.</p></body></html>")
    _import(qtbot, window, [page_file])
    reader = window.page("Reader")
    source_id = window.session.db.conn.execute("SELECT max(id) FROM sources").fetchone()[0]
    window.source_requested.emit(source_id, None)
    button = reader.save_original
    assert button.isVisible()
    out = tmp_path / "out" / "again.html"
    out.parent.mkdir()
    assert button.save_to(str(out))
    assert hashlib.sha256(out.read_bytes()).digest() == hashlib.sha256(page_file.read_bytes()).digest()
    typed = window.session.db.conn.execute("SELECT min(id) FROM sources").fetchone()[0]  # the project's own
    window.source_requested.emit(typed, None)
    assert not button.isVisible()
    QApplication.processEvents()
