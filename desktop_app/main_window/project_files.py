"""File menu: New Project, Open Project, Open Recent, Open the Sample Project, Save a Copy As,
Close Project.

There is no Save: every edit is its own committed transaction, so the project on disk is always
current (the status bar says "All changes saved"). A file that cannot be opened is reported in
a message box and the project already open stays open.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import platformdirs
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.errors import SourcelineError
from db.store import create_project
from db.project_copy import save_copy
from desktop_app.main_window.recent_projects import RecentProjects
from desktop_app.reliability.backup_schedule import keep_count
from desktop_app.reliability.literal_text import literal
from desktop_app.reliability.opening import open_or_explain
from desktop_app.session import Session

SUFFIX = ".sourceline"
FILE_FILTER = f"Sourceline projects (*{SUFFIX});;All files (*)"


def _with_suffix(path: str) -> Path:
    path = Path(path)
    return path if path.suffix else path.with_suffix(SUFFIX)


def _sample_available() -> bool:
    return importlib.util.find_spec("desktop_app.sample") is not None


class ProjectFiles:
    def __init__(self, window):
        self.window = window
        self.recent = RecentProjects(window.settings)
        menu = window.menus["file"]
        self.new_action = self._add(menu, "new_project", "&New Project…", "Ctrl+Shift+N", self.new_project)
        self.open_action = self._add(menu, "open_project", "&Open Project…", QKeySequence.StandardKey.Open,
                                     self.open_project)
        self.recent_menu = menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.sample_action = self._add(menu, "open_sample", "Open the &Sample Project", None, self.open_sample)
        self.sample_action.setVisible(_sample_available())
        menu.addSeparator()
        self.copy_action = self._add(menu, "save_copy", "Save a &Copy As…", "Ctrl+Shift+S", self.save_copy)
        self.close_action = self._add(menu, "close_project", "&Close Project", "Ctrl+W",
                                      self.close_project)
        menu.addSeparator()
        window.session_changed.connect(self._follow)
        self._follow(window.session)

    def _add(self, menu, name, text, shortcut, slot) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda: slot())
        menu.addAction(action)
        self.window.named_actions[name] = action
        return action

    def _follow(self, session) -> None:
        self.copy_action.setEnabled(session is not None)
        self.close_action.setEnabled(session is not None)
        if session is not None:
            self.recent.add(session.path)

    # -- opening -----------------------------------------------------------------------------

    def open_path(self, path: str | Path, create: bool = False) -> bool:
        """Open (or create) a project in the window; on failure say why and keep the current one."""
        if not create:
            # explains a file it cannot open, and offers a damaged one a restore from its backups
            db = open_or_explain(self.window, path, keep_count(self.window.settings))
            if db is None:
                return False
        else:
            try:
                db = create_project(path)
            except SourcelineError as error:
                QMessageBox.warning(self.window, "Cannot create project", literal(str(error)))
                return False
        self.window.set_session(Session(db, Path(path)))
        return True

    def new_project(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self.window, "New Project", self._folder(), FILE_FILTER)
        return bool(path) and self.open_path(_with_suffix(path), create=True)

    def open_project(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open Project", self._folder(), FILE_FILTER)
        return bool(path) and self.open_path(path)

    def open_sample(self) -> bool:
        """Open the user's copy of the sample project, made on first use."""
        path = platformdirs.user_data_path("Sourceline", appauthor=False) / f"sample{SUFFIX}"
        if not path.exists():
            from desktop_app.sample import build_sample

            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
                leftover.unlink(missing_ok=True)
            try:
                db = create_project(partial)
                try:
                    build_sample(db)
                finally:
                    db.close()
            except SourcelineError as error:
                QMessageBox.warning(self.window, "Cannot create the sample project", literal(str(error)))
                return False
            partial.replace(path)
        return self.open_path(path)

    def _folder(self) -> str:
        recent = self.recent.paths()
        return str(recent[0].parent) if recent else str(Path.home())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for number, path in enumerate(paths, 1):
            action = self.recent_menu.addAction(f"&{number % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, path=path: self.open_path(path))
        if not paths:
            self.recent_menu.addAction("No recent projects").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear Menu", self.recent.clear)

    # -- the open project --------------------------------------------------------------------

    def save_copy(self) -> Path | None:
        session = self.window.session
        if session is None:
            return None
        suggestion = str(session.path.with_name(f"{session.path.stem} copy{SUFFIX}"))
        path, _ = QFileDialog.getSaveFileName(self.window, "Save a Copy As", suggestion, FILE_FILTER)
        if not path:
            return None
        try:
            copy = save_copy(session.db, _with_suffix(path))
        except SourcelineError as error:
            QMessageBox.warning(self.window, "Cannot save a copy", literal(str(error)))
            return None
        self.window.statusBar().showMessage(f"Saved a copy as {copy}", 8000)
        return copy

    def close_project(self) -> None:
        self.window.set_session(None)


def install(window) -> None:
    window.project_files = ProjectFiles(window)
