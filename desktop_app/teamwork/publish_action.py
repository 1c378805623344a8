"""File → Publish…: the project as plain web pages in a folder, for readers who have no Sourceline."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.errors import SourcelineError
from desktop_app.main_window.project_action import project_action


def publish_to(window, folder: str | Path):
    """Publish the open project into ``folder``; says where (or why not)."""
    from desktop_app.publishing.drawing import timeline_drawer
    from desktop_app.publishing.site import publish

    session = window.session
    title = session.path.stem
    try:
        done = publish(session.db, folder, title, timeline_drawer(session.db, title))
    except SourcelineError as error:
        QMessageBox.warning(window, "Publish", str(error)[:1].upper() + str(error)[1:])
        return None
    window.statusBar().showMessage(f"Published {done.events:,} events and {done.sources:,} sources to "
                                   f"{done.folder}: open index.html there", 20_000)
    return done


def _ask(window) -> None:
    parent = QFileDialog.getExistingDirectory(window, "Publish into a Folder", str(Path(window.session.path).parent))
    if parent:
        publish_to(window, Path(parent) / f"{window.session.path.stem} (published)")


def install(window) -> None:
    project_action(window, "file", "publish", "&Publish…",
                   "Write a read-only copy of the project as web pages: the timeline, the chronology with its "
                   "citations, the sources, the bibliography", _ask)
