"""From files to imported sources in the window: File → Import Sources… (Ctrl+I) or files dropped
on the window, then the plan (read at once: reading writes nothing), the import dialog, and the
import run in a worker with a progress dialog."""
from __future__ import annotations


from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.import_launch import choose_files, run_import
from desktop_app.importing import ImportResult, plan_import
from desktop_app.sources import PAGE_TITLE
from desktop_app.sources.import_dialog import ImportDialog
from desktop_app.sources.import_runner import ImportRunner

_CAPTURES = "*.warc *.warc.gz *.wacz *.mhtml *.mht"
_IMAGES = "*.jpg *.jpeg *.png *.webp *.tif *.tiff"
FILE_FILTER = (f"Sources (*.bib *.bibtex *.ris *.json *.txt *.md *.markdown *.html *.htm *.pdf {_CAPTURES} {_IMAGES});;"
               f"PDF (*.pdf);;Web archives ({_CAPTURES});;Images ({_IMAGES});;"
               "BibTeX (*.bib *.bibtex);;RIS (*.ris);;CSL-JSON (*.json);;"
               "Full texts (*.txt *.md *.markdown *.html *.htm);;All files (*)")
LAST_FOLDER = "import/last_folder"


def choose_and_import(window) -> None:
    if window.session is None:
        return
    paths = choose_files(window, "Import Sources", LAST_FOLDER, FILE_FILTER, many=True)
    if paths:
        import_files(window, paths)


def import_files(window, paths) -> ImportDialog | None:
    """Read the files and show what they hold; the import runs when the dialog is accepted."""
    session = window.session
    if session is None or not paths:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        plan = plan_import(paths, session.db)
    finally:
        QApplication.restoreOverrideCursor()
    from desktop_app.sources.pdf_passwords import ask_for_passwords  # PDFium, only once files are chosen

    plan = ask_for_passwords(window, paths, session.db, plan)
    dialog = ImportDialog(plan, session.db, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: start_import(window, session, plan, dialog.decisions(), dialog.skip_bad_files()))
    dialog.open()
    return dialog


def start_import(window, session, plan, decisions: dict, skip_bad_files: bool = False) -> ImportRunner:
    runner = ImportRunner(session, plan, decisions, skip_bad_files, window)
    runner.setObjectName("importRunner")
    return run_import(window, runner, "Import Sources", lambda result: _imported(window, result))


def _imported(window, result: ImportResult) -> None:
    parts = [f"Imported {len(result.added)} source{'s' if len(result.added) != 1 else ''}"]
    if result.merged:
        parts.append(f"merged {len(result.merged)}")
    if result.skipped:
        parts.append(f"skipped {len(result.skipped)} already there")
    window.statusBar().showMessage(", ".join(parts) + ". Edit → Undo removes them.", 10_000)
    page = window.show_page(PAGE_TITLE)
    first = (result.added or result.merged or [None])[0]
    if page is not None and first is not None:
        page.select_source(first[0])


def dropped_paths(mime) -> list[str]:
    """The local files a drag carries (URLs of web pages are not files to import)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class FileDropFilter(QObject):
    """Accepts files dragged onto the widget it watches and imports them."""

    def __init__(self, window, watched):
        super().__init__(watched)
        self._window = window
        watched.setAcceptDrops(True)
        watched.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            paths = dropped_paths(event.mimeData()) if self._window.session is not None else []
            if not paths:
                return False
            event.acceptProposedAction()
            if kind == QEvent.Type.Drop:
                import_files(self._window, paths)
            return True
        return False
