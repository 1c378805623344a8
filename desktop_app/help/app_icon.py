"""The application's icon and the id desktops know it by (the .desktop file's name)."""
from __future__ import annotations

from PySide6.QtGui import QIcon

from desktop_app.resources import resource_path

# Names packaging/linux/org.sourceline.Sourceline.desktop; QGuiApplication.setDesktopFileName
# with it lets Wayland desktops match the window to its menu entry and icon.
APP_ID = "org.sourceline.Sourceline"


def application_icon() -> QIcon:
    """The icon in the sizes rendered from resources/icons/sourceline.svg (16 to 512 px, by
    packaging/render_icons.py); Qt scales the nearest for any other. Not the SVG itself: its icon
    engine loaded the SVG plugin and read every PNG at once, before the window's first paint."""
    icon = QIcon()
    for png in sorted(resource_path("icons", "png").glob("sourceline-*.png")):
        icon.addFile(str(png))
    return icon
