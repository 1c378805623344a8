"""The user guide's pictures, taken from the real window so they never go stale.

``take_screenshots`` opens the main window on a project, drives it the way a user would (select an
event, open a source at a highlight, open a dialog) and saves each view as a PNG. Pages and
dialogs are looked up at run time: a picture whose page or feature is not installed is skipped,
not faked. Settings go to a scratch file, never the user's.
"""
from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from db import summary
from db.events import get_event
from desktop_app.app import make_application, open_session
from desktop_app.help.screenshot_names import DEFAULT_SHOTS, EXTRA_SHOTS
from desktop_app.main_window import theme
from desktop_app.main_window.recent_projects import RecentProjects
from desktop_app.main_window.window import MainWindow

WINDOW_SIZE = (1400, 860)


def settle(milliseconds: int = 120) -> None:
    """Let timers, layouts and paints run (debounced searches, previews) before a picture."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def high_contrast_palette() -> QPalette:
    """White on black with yellow selection and cyan accents, as desktops' high-contrast themes
    draw; disabled text is grey, so enabled and disabled controls stay apart."""
    role = QPalette.ColorRole
    palette = QPalette(QColor("black"))
    colours = {role.Window: "black", role.Base: "black", role.AlternateBase: "#1a1a1a", role.Button: "black",
               role.WindowText: "white", role.Text: "white", role.ButtonText: "white", role.BrightText: "white",
               role.Highlight: "#ffff00", role.HighlightedText: "black", role.Accent: "#00e5ff",
               role.Link: "#66ccff", role.PlaceholderText: "#c0c0c0", role.ToolTipBase: "black",
               role.ToolTipText: "white", role.Light: "white", role.Midlight: "#c0c0c0", role.Mid: "#c0c0c0",
               role.Dark: "#c0c0c0", role.Shadow: "white"}
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, QColor(colour))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor("#8a8a8a"))
    return palette


def apply_look(app: QApplication, look: str) -> None:
    if look == "high-contrast":
        app.setPalette(high_contrast_palette())
    else:
        theme.apply_theme(app, look)


class Photographer:
    """Drives one main window and saves what it shows into ``out``."""

    def __init__(self, project: Path, out: Path, scratch: Path):
        self.project = Path(project)
        self.out = Path(out)
        self.scratch = Path(scratch)
        self.settings = QSettings(str(self.scratch / "settings.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(open_session(self.project), self.settings)
        self.window.resize(*WINDOW_SIZE)
        self.window.show()
        settle(200)

    def close(self) -> None:
        self.window.set_session(None)
        self.window.close()
        self.window.deleteLater()
        settle(0)

    def save(self, name: str, widget: QWidget, popup: QWidget | None = None) -> Path:
        picture = widget.grab()
        if popup is not None:  # a popup is its own top-level window: paint it where it stands
            painter = QPainter(picture)
            painter.drawPixmap(widget.mapFromGlobal(popup.mapToGlobal(popup.rect().topLeft())), popup.grab())
            painter.end()
        path = self.out / f"{name}.png"
        if not picture.save(str(path)):
            raise OSError(f"{path}: cannot write the picture")
        return path

    def save_dialog(self, name: str, dialog, wait_ms: int = 120) -> Path:
        """A dialog's picture once it has settled (``wait_ms``: longer for what it draws late), the
        dialog closed afterwards."""
        settle(wait_ms)
        path = self.save(name, dialog)
        dialog.reject()
        return path

    # -- what to show ------------------------------------------------------------------------

    def best_event(self) -> int | None:
        """The most-cited event: the one that shows most of what an event can hold."""
        return summary.most_cited_event(self.window.session.db)

    def best_passage(self) -> tuple[int | None, int | None]:
        """The source with the most highlights, at its first one (else the first source)."""
        return summary.most_highlighted_passage(self.window.session.db)

    # -- the pictures --------------------------------------------------------------------------

    def shoot(self, name: str) -> Path | None:
        return getattr(self, "shot_" + name.replace("-", "_"))()

    def shot_welcome(self) -> Path:
        # As on first run: no recent projects (the list would show this run's scratch folder).
        session = self.window.session
        RecentProjects(self.settings).clear()
        self.window.set_session(None)
        settle()
        path = self.save("welcome", self.window)
        self.window.set_session(open_session(session.path))
        settle(200)
        return path

    def _timeline_page(self):
        page = self.window.show_page("Timeline")
        event_id = self.best_event()
        if page is not None and event_id is not None:
            self.window.event_requested.emit(event_id)
            settle(200)
        return page

    def shot_main_window(self) -> Path | None:
        return self.save("main-window", self.window) if self._timeline_page() is not None else None

    def shot_event_editor(self) -> Path | None:
        page = self._timeline_page()
        editor = getattr(page, "editor", None)
        return self.save("event-editor", editor) if editor is not None else None

    def shot_timeline(self) -> Path | None:
        page = self._timeline_page()
        timeline = getattr(page, "timeline", None)
        return self.save("timeline", timeline) if timeline is not None else None

    def shot_library(self) -> Path | None:
        page = self.window.show_page("Sources")
        if page is None:
            return None
        source_id, _ = self.best_passage()
        if source_id is not None and hasattr(page, "select_source"):
            page.select_source(source_id)
        settle(200)
        return self.save("library", self.window)

    def shot_reader(self) -> Path | None:
        source_id, annotation_id = self.best_passage()
        if self.window.page("Reader") is None or source_id is None:
            return None
        self.window.source_requested.emit(source_id, annotation_id)
        settle(200)
        return self.save("reader", self.window)

    def shot_search(self) -> Path | None:
        try:
            from desktop_app.search import open_search
        except ImportError:
            return None
        self._timeline_page()
        popup = open_search(self.window)
        if popup is None:
            return None
        # A word from the most-cited event's title: there are hits, whatever the project.
        event = get_event(self.window.session.db, self.best_event() or 0)
        popup.field.setText(max((event["title"] if event else "event").split(), key=len))
        settle(600)
        path = self.save("search", self.window, popup)
        popup.close()
        return path

    def shot_export_dialog(self) -> Path | None:
        try:
            from desktop_app.exporting_ui import open_export_dialog
        except ImportError:
            return None
        self._timeline_page()
        dialog = open_export_dialog(self.window)
        if dialog is None:
            return None
        return self.save_dialog("export-dialog", dialog, 800)  # the preview is drawn after the dialog opens

    def shot_dataset_import(self) -> Path | None:
        try:
            from desktop_app.datasets_ui import open_mapping_dialog
        except ImportError:
            return None
        dialog = open_mapping_dialog(self.window, self._dataset_example())
        if dialog is None:
            return None
        return self.save_dialog("dataset-import", dialog, 300)

    def _dataset_example(self) -> Path:
        """A few rows in the shape of an ACLED export, to show the column mapping."""
        path = self.scratch / "acled-example.csv"
        rows = [("event_id_cnty", "event_date", "event_type", "actor1", "admin1", "location", "latitude",
                 "longitude", "fatalities", "notes"),
                ("UKR1001", "2024-11-21", "Explosions/Remote violence", "Military Forces of Russia", "Dnipropetrovsk",
                 "Dnipro", "48.4647", "35.0462", "0", "Missile strike on an industrial site."),
                ("UKR1002", "2024-11-24", "Battles", "Military Forces of Ukraine", "Kursk", "Sudzha", "51.1917",
                 "35.2708", "12", "Clashes near the border.")]
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        return path

    def shot_restore_backup(self) -> Path | None:
        try:
            from desktop_app.reliability.restore_dialog import RestoreDialog
        except ImportError:
            return None
        dialog = RestoreDialog(self.window.session.path, self.window)
        dialog.show()
        path = self.save_dialog("restore-backup", dialog)
        dialog.deleteLater()
        return path

    def shot_shortcuts(self) -> Path:
        from desktop_app.help.shortcuts import show_shortcuts

        return self.save_dialog("shortcuts", show_shortcuts(self.window))

    def shot_about(self) -> Path:
        from desktop_app.help.about import show_about

        return self.save_dialog("about", show_about(self.window))


def take_screenshots(project: Path, out: Path, scratch: Path, names=DEFAULT_SHOTS, look: str = "light") -> list[Path]:
    """Save the pictures ``names`` of the window on ``project`` into ``out``; returns the files
    written (a picture whose page or feature does not exist is left out)."""
    unknown = set(names) - set(DEFAULT_SHOTS) - set(EXTRA_SHOTS)
    if unknown:
        raise ValueError(f"unknown screenshots: {', '.join(sorted(unknown))}")
    app = make_application()
    apply_look(app, look)
    out.mkdir(parents=True, exist_ok=True)
    photographer = Photographer(project, out, scratch)
    try:
        return [path for path in map(photographer.shoot, names) if path is not None]
    finally:
        photographer.close()
        theme.apply_theme(app, "system")
