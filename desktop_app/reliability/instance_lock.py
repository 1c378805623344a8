"""Another Sourceline with the same project open: a lock file beside the project says so.

``QLockFile`` writes ``<project>.lock`` holding the process id, host and program name. A lock
left by a process that died (a crash, a kill) is stale and taken over; age alone never makes a
lock stale (``setStaleLockTime(0)``), since a window may stay open for days. When the lock is
held, the project is opened anyway — two programs on one file take turns safely, and the window
catches up with the other's edits when it is activated (refresh.py) — and a banner says so.
A folder where no lock can be written (read-only, some network shares) just goes without one.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolBar, QWidget


def lock_path(project_path: str | Path) -> str:
    return str(project_path) + ".lock"


class ProjectLock:
    def __init__(self, project_path: str | Path):
        self.lock = QLockFile(lock_path(project_path))
        self.lock.setStaleLockTime(0)
        self.held = self.lock.tryLock(0)
        self.holder: tuple[int, str, str] | None = None
        if not self.held and self.lock.error() == QLockFile.LockError.LockFailedError:
            self.holder = self.lock.getLockInfo() or (0, "", "")

    @property
    def other_instance(self) -> bool:
        """True when another running program holds the lock."""
        return self.holder is not None

    def describe_holder(self) -> str:
        pid, host, program = self.holder or (0, "", "")
        details = ", ".join(part for part in (program, f"process {pid}" if pid else "", f"on {host}" if host else "") if part)
        return f"another program ({details})" if details else "another program"

    def release(self) -> None:
        if self.held:
            self.lock.unlock()
            self.held = False


class OtherInstanceBanner(QToolBar):
    """A strip across the top of the window: the project is open elsewhere too. Non-blocking."""

    def __init__(self, parent=None):
        super().__init__("Project open elsewhere", parent)
        self.setObjectName("otherInstanceBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)
        strip = QWidget()
        layout = QHBoxLayout(strip)
        layout.setContentsMargins(8, 2, 8, 2)
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        layout.addWidget(self.message, 1)
        self.close_project_button = QPushButton("Close Project")
        self.dismiss_button = QPushButton("Open Anyway")
        layout.addWidget(self.close_project_button)
        layout.addWidget(self.dismiss_button)
        self.dismiss_button.clicked.connect(self.hide)
        self.addWidget(strip)
        self.hide()

    def show_for(self, project_name: str, holder: str) -> None:
        self.message.setText(
            f"{project_name} is also open in {holder}. Both can edit it: each edit is saved as it is made, "
            "and this window shows the other's edits when you switch back to it.")
        self.show()


class InstanceGuard(QObject):
    """Holds the lock of the window's project while it is open; shows the banner when it cannot."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.lock: ProjectLock | None = None
        self.banner = OtherInstanceBanner(window)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.close_project_button.clicked.connect(lambda: window.set_session(None))
        window.session_changed.connect(self._follow)
        # A lock left behind by a crash is stale and taken over; on a normal exit, remove it.
        QCoreApplication.instance().aboutToQuit.connect(self._release)
        self._follow(window.session)

    def _follow(self, session) -> None:
        self._release()
        self.banner.hide()
        if session is None:
            return
        self.lock = ProjectLock(session.path)
        if self.lock.other_instance:
            self.banner.show_for(session.path.name, self.lock.describe_holder())

    def _release(self, *_) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None
