"""A formatted bibliography on the clipboard as rich text (HTML) with a plain-text twin, so
that a word processor pastes it formatted and a text editor pastes it as text."""
from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard

from desktop_app.exporting.citation_lists import citation_list


def bibliography_mime_data(db, source_ids, style) -> QMimeData:
    mime = QMimeData()
    mime.setHtml(citation_list(db, source_ids, "bibliography", style, "html"))
    mime.setText(citation_list(db, source_ids, "bibliography", style, "plain"))
    return mime


def copy_bibliography(db, source_ids, style, clipboard: QClipboard) -> None:
    clipboard.setMimeData(bibliography_mime_data(db, source_ids, style))
