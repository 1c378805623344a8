"""View → Theme: follow the system's light or dark appearance, or force one.

Qt follows the system by itself; forcing asks the platform for that colour scheme, and where the
platform cannot (some Linux desktops, the offscreen platform) sets a palette derived from one
window colour. No widget picks its own colours: they all read the palette.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

SETTING = "view/theme"
THEMES = (("system", "&System"), ("light", "&Light"), ("dark", "&Dark"))
_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


def dark_palette() -> QPalette:
    palette = QPalette(QColor(45, 45, 48))  # Qt derives the shades of a palette from this window colour
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(30, 30, 32))
        palette.setColor(group, QPalette.ColorRole.AlternateBase, QColor(38, 38, 41))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(230, 230, 230))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor(230, 230, 230))
        palette.setColor(group, QPalette.ColorRole.ButtonText, QColor(230, 230, 230))
        palette.setColor(group, QPalette.ColorRole.ToolTipBase, QColor(60, 60, 64))
        palette.setColor(group, QPalette.ColorRole.ToolTipText, QColor(230, 230, 230))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(42, 110, 187))
        # Derived from the window colour the accent would be a grey barely apart from the base:
        # the timeline draws its marks in it.
        palette.setColor(group, QPalette.ColorRole.Accent, QColor(42, 110, 187))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
        palette.setColor(group, QPalette.ColorRole.Link, QColor(120, 170, 255))
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(150, 150, 150))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(130, 130, 130))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(130, 130, 130))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(130, 130, 130))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class _DarkIndicators(QObject):
    """Frames check boxes and radio buttons visibly (``indicator_style``) once the palette is dark,
    forced or the system's. Only then: the proxy style is a call into Python for every primitive
    Qt draws, and building it (Qt's style enums) was a good part of the first paint's time."""

    @classmethod
    def of(cls, app: QApplication) -> "_DarkIndicators":
        return app.findChild(cls) or cls(app)

    @Slot()
    def follow(self) -> None:
        app = self.parent()
        if not is_dark(app.palette()):
            return
        from desktop_app.main_window.indicator_style import VisibleIndicators

        if not isinstance(app.style(), VisibleIndicators):
            app.setStyle(VisibleIndicators(QStyleFactory.create(app.style().name())))


def apply_theme(app: QApplication, theme: str) -> None:
    dark_indicators = _DarkIndicators.of(app)
    # An empty palette resolves to the platform's own: this undoes a palette forced earlier.
    app.setPalette(QPalette())
    hints = QGuiApplication.styleHints()
    if theme not in _SCHEMES:
        hints.unsetColorScheme()
        # the system may turn dark later (its palette changes when its colour scheme does)
        hints.colorSchemeChanged.connect(dark_indicators.follow, Qt.ConnectionType.UniqueConnection)
    else:
        hints.setColorScheme(_SCHEMES[theme])
        if is_dark(app.palette()) != (theme == "dark"):  # the platform did not follow
            app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
    dark_indicators.follow()


def install(window) -> None:
    menu = window.menus["view"].addMenu("&Theme")
    group = QActionGroup(window)
    current = window.settings.value(SETTING, "system")
    for theme, label in THEMES:
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(theme == current)
        action.triggered.connect(lambda _=False, theme=theme: _choose(window, theme))
        group.addAction(action)


def _choose(window, theme: str) -> None:
    window.settings.setValue(SETTING, theme)
    apply_theme(QApplication.instance(), theme)
