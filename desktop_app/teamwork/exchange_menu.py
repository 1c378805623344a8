"""File → Exchange: Export Changes…, Apply Changes…, Review Conflicts….

Teammates work on copies of one project and send each other change files (by mail, or through a
synced folder): never the live project file itself. Applying is one undoable step; conflicts wait
in Review Conflicts… until someone chooses.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.errors import SourcelineError

FILTER = "Sourceline changes (*.slchanges)"


def _said(error: Exception) -> str:
    text = str(error)
    return text[:1].upper() + text[1:]


def export_to(window, path: str | Path):
    """Write this copy's changes since the last export to ``path``; says what it wrote."""
    from desktop_app.exchange.exchanging import export_changes

    session = window.session
    try:
        written = export_changes(session.db, path, project_name=session.path.stem)
    except SourcelineError as error:
        QMessageBox.warning(window, "Export Changes", _said(error))
        return None
    count = sum(written.counts.values())
    window.statusBar().showMessage(
        f"Wrote {count} change{'s' if count != 1 else ''} to {Path(path).name}: send it to your team", 15_000)
    return written


def apply_from(window, path: str | Path):
    """Apply a teammate's change file; opens Review Conflicts when it leaves any."""
    from desktop_app.exchange.exchanging import apply_changes

    session = window.session
    try:
        applied = apply_changes(session.db, path, "review", lambda op: session.push(op, window))
    except SourcelineError as error:
        QMessageBox.warning(window, "Apply Changes", _said(error))
        return None
    name = applied.sender.get("name") or "a teammate"
    if applied.already:
        window.statusBar().showMessage(f"{Path(path).name} was applied already; nothing changed", 15_000)
        return applied
    s = applied.summary
    window.statusBar().showMessage(
        f"Applied the changes from {name}: {s['created']} new, {s['changed']} changed, {s['deleted']} deleted"
        + (f"; {len(applied.conflicts)} to review" if applied.conflicts else ""), 15_000)
    if applied.conflicts:
        open_review(window)
    return applied


def open_review(window):
    from desktop_app.teamwork.review_dialog import ReviewDialog

    dialog = ReviewDialog(window.session, window)
    dialog.finished.connect(dialog.deleteLater)
    window.review_dialog = dialog
    dialog.open()
    return dialog


def _ask_export(window) -> None:
    author = window.session.author.name.split()[0] if window.session.author else "changes"
    suggested = Path(window.session.path).with_name(
        f"{window.session.path.stem}-{author}-{date.today().isoformat()}.slchanges")
    path, _ = QFileDialog.getSaveFileName(window, "Export Changes", str(suggested), FILTER)
    if path:
        export_to(window, path)


def _ask_apply(window) -> None:
    path, _ = QFileDialog.getOpenFileName(window, "Apply Changes", str(Path(window.session.path).parent), FILTER)
    if path:
        apply_from(window, path)


def install(window) -> None:
    menu = window.menus["file"].addMenu("E&xchange")
    menu.setObjectName("exchangeMenu")
    export = QAction("&Export Changes…", window)
    export.setStatusTip("Write your edits since the last export to a file for your team")
    export.triggered.connect(lambda: _ask_export(window))
    apply = QAction("&Apply Changes…", window)
    apply.setStatusTip("Apply a teammate's change file; conflicts wait for your review")
    apply.triggered.connect(lambda: _ask_apply(window))
    review = QAction("&Review Conflicts…", window)
    review.setStatusTip("Choose between your version and a teammate's where both changed the same thing")
    review.triggered.connect(lambda: open_review(window))
    for action, name in ((export, "export_changes"), (apply, "apply_changes"), (review, "review_conflicts")):
        menu.addAction(action)
        window.named_actions[name] = action
    window.review_dialog = None

    def follow(session) -> None:
        for action in (export, apply, review):
            action.setEnabled(session is not None)

    def count_waiting() -> None:
        from db.exchange_conflicts import pending_count

        waiting = pending_count(window.session.db) if window.session is not None else 0
        review.setEnabled(waiting > 0)
        review.setText(f"&Review Conflicts ({waiting})…" if waiting else "&Review Conflicts…")

    window.session_changed.connect(follow)
    menu.aboutToShow.connect(count_waiting)
    follow(window.session)
