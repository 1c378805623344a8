"""The timeline picture of a published project: the app's own SVG export, drawn by Qt."""
from __future__ import annotations

from pathlib import Path
from typing import Callable


def timeline_drawer(db, title: str) -> Callable[[Path], None]:
    def draw(path: Path) -> None:
        from desktop_app.exporting_ui.headless import gui_application
        from desktop_app.exporting_ui.picture import PictureRequest, write_picture

        application = gui_application()  # kept while it draws
        write_picture(path, db, "svg", PictureRequest(title=title))
        del application

    return draw
