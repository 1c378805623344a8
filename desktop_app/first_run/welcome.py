"""The welcome page: what the window shows while no project is open.

It says what Sourceline is for in three sentences and offers the ways in — the sample project,
a new project, opening one, importing into a new one, and the recent projects. Every button
triggers the File menu's own action (``window.named_actions``), so the page and the menu cannot
drift apart; a button whose action is not installed is not shown.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QMenu, QPushButton, QScrollArea,
                               QSizePolicy, QVBoxLayout, QWidget)

from desktop_app.help.app_icon import application_icon
from desktop_app.main_window.recent_projects import RecentProjects
from desktop_app.reader.colors import muted_text

RECENT_SHOWN = 5
JOBS = (
    ("Build a timeline", "Add events with exact, approximate or uncertain dates and see them on a "
                         "timeline you can zoom from centuries to hours."),
    ("Read and highlight sources", "Import articles, reports and references, read them here and "
                                   "highlight the passages that matter."),
    ("Cite and export", "Tie each event to the passages that prove or contest it, then export a "
                        "cited chronology, tables or a bibliography."),
)
# (object name, button text, the named action it triggers); the first is the default button.
START_BUTTONS = (
    ("open_sample", "Open the Sample Project", "open_sample"),
    ("new_project", "New Project…", "new_project"),
    ("open_project", "Open…", "open_project"),
)
# Import… creates a project first (imports need one), then runs the File menu's import.
IMPORTS = (
    ("Sources into a New Project…", "import_sources",
     "BibTeX, RIS, CSL-JSON and full texts (HTML, Markdown, plain text)"),
    ("Event Dataset into a New Project…", "import_dataset", "A CSV file of events, such as an ACLED export"),
)


class WelcomePage(QScrollArea):
    """Scrolls rather than squeezes, so it stays whole in a small window or at 200 % scaling."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.setObjectName("emptyState")
        self.setAccessibleName("Welcome")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.buttons: dict[str, QPushButton] = {}
        self._muted_labels: list[QLabel] = []
        content = QWidget()
        column = QVBoxLayout()
        column.setSpacing(14)
        column.addLayout(self._heading())
        column.addLayout(self._jobs())
        column.addSpacing(6)
        column.addLayout(self._start_buttons())
        recent = self._recent_projects()
        if recent is not None:
            column.addSpacing(6)
            column.addWidget(recent)
        hint = self._muted("A project is one file holding your events and the sources that prove them. "
                           "Every edit is saved as you make it.")
        column.addSpacing(6)
        column.addWidget(hint)
        # A readable measure: the column keeps its width and stays centred in a wide window.
        outer = QHBoxLayout(content)
        outer.addStretch(1)
        holder = QVBoxLayout()
        holder.addStretch(1)
        holder.addLayout(column)
        holder.addStretch(2)
        frame = QWidget()
        frame.setLayout(holder)
        frame.setMaximumWidth(640)
        frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        outer.addWidget(frame, 4)
        outer.addStretch(1)
        self.setWidget(content)
        first = next(iter(self.buttons.values()), None)
        if first is not None:
            self.setFocusProxy(first)

    # -- parts ---------------------------------------------------------------------------------

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(application_icon().pixmap(56, 56))
        icon.setAccessibleName("Sourceline icon")
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        title = QLabel("Welcome to Sourceline")
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        title.setFont(font)
        text.addWidget(title)
        text.addWidget(self._muted("Timelines of events tied to the sources that prove them."))
        row.addLayout(text, 1)
        return row

    def _jobs(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        for row, (name, sentence) in enumerate(JOBS):
            number = QLabel(f"{row + 1}")
            font = number.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.3)
            number.setFont(font)
            number.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            label = QLabel(f"<b>{name}.</b> {sentence}")
            label.setWordWrap(True)
            label.setObjectName(f"job{row + 1}")
            grid.addWidget(number, row, 0)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _start_buttons(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(8)
        actions = self.window_.named_actions
        shown = [(name, text, actions[key]) for name, text, key in START_BUTTONS
                 if key in actions and actions[key].isVisible()]
        for index, (name, text, action) in enumerate(shown):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            self.buttons[name] = button
            grid.addWidget(button, index // 2, index % 2)
        if shown:
            self.buttons[shown[0][0]].setDefault(True)
        imports = self._import_button()
        if imports is not None:
            grid.addWidget(imports, len(shown) // 2, len(shown) % 2)
        return grid

    def _import_button(self) -> QPushButton | None:
        actions = self.window_.named_actions
        choices = [(text, key, tip) for text, key, tip in IMPORTS if key in actions]
        if "new_project" not in actions or not choices:
            return None
        button = QPushButton("Import…")
        button.setObjectName("import")
        button.setToolTip("Create a project and import sources or events into it")
        menu = QMenu(button)
        for text, key, tip in choices:
            item = menu.addAction(text)
            item.setObjectName(key)
            item.setStatusTip(tip)
            item.setToolTip(tip)
            item.triggered.connect(lambda _=False, key=key: self.import_into_new_project(key))
        menu.setToolTipsVisible(True)
        button.setMenu(menu)
        self.buttons["import"] = button
        self.import_menu = menu
        return button

    def _recent_projects(self) -> QWidget | None:
        files = getattr(self.window_, "project_files", None)
        paths = RecentProjects(self.window_.settings).paths()[:RECENT_SHOWN]
        if files is None or not paths:
            return None
        box = QWidget()
        box.setObjectName("recentProjects")
        layout = QGridLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        heading = QLabel("<b>Recent projects</b>")
        layout.addWidget(heading, 0, 0, 1, 2)
        for row, path in enumerate(paths, 1):
            button = QPushButton(path.name)
            button.setObjectName("recentProject")
            button.setFlat(True)
            # Looks like the link it is; the palette's link colour follows the theme.
            button.setStyleSheet("text-align: left; padding: 2px 6px; color: palette(link);")
            button.setToolTip(str(path))
            button.setAccessibleDescription(f"Open {path}")
            button.clicked.connect(lambda _=False, path=path: files.open_path(path))
            layout.addWidget(button, row, 0)
            layout.addWidget(self._muted(_folder(path)), row, 1)
        layout.setColumnStretch(1, 1)
        return box

    def _muted(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        self._muted_labels.append(label)
        self._tint(label)
        return label

    def _tint(self, label: QLabel) -> None:
        # Derived from the page's own text and window colours (readable, unlike the placeholder
        # grey), and derived again when the theme changes.
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, muted_text(self.palette()))
        label.setPalette(palette)

    def changeEvent(self, event):  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for label in self._muted_labels:
                self._tint(label)

    # -- doing ---------------------------------------------------------------------------------

    def import_into_new_project(self, import_key: str) -> bool:
        """Create a project (the File menu's New Project… dialog), then start the import there.
        Nothing is imported when the user cancels the new project."""
        window = self.window_
        before = window.session
        window.named_actions["new_project"].trigger()
        if window.session is None or window.session is before:
            return False
        window.named_actions[import_key].trigger()
        return True


def _folder(path: Path) -> str:
    """The project's folder, with the home folder written ~ as people say it."""
    folder = path.parent
    try:
        return str(Path("~") / folder.relative_to(Path.home()))
    except ValueError:
        return str(folder)
