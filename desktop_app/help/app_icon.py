"""The application's icon and the id desktops know it by (the .desktop file's name)."""
from __future__ import annotations

from PySide6.QtGui import QIcon

from desktop_app.resources import resource_path

# Names packaging/linux/org.sourceline.Sourceline.desktop; QGuiApplication.setDesktopFileName
# with it lets Wayland desktops match the window to its menu entry and icon.
APP_ID = "org.sourceline.Sourceline"


def application_icon() -> QIcon:
    """The icon drawn from resources/icons/sourceline.svg (the iconengines SVG plugin scales it),
    with the rendered PNGs as sizes to use where SVG cannot be read."""
    icon = QIcon(str(resource_path("icons", "sourceline.svg")))
    for png in sorted(resource_path("icons", "png").glob("sourceline-*.png")):
        icon.addFile(str(png))
    return icon
