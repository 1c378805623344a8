"""Tests never touch the real user's settings or data (issue 14, item 20): the recent-projects
list, the window's settings, backups and logs of every test go to folders in its ``tmp_path`` —
in the test's own process and in the programs it starts."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from tests.conftest import REAL_FOLDERS

ROOT = Path(__file__).resolve().parents[1]
REAL_SETTINGS = REAL_FOLDERS["XDG_CONFIG_HOME"] / "Sourceline" / "Sourceline.conf"
REAL_DATA = REAL_FOLDERS["XDG_DATA_HOME"] / "Sourceline"


def traces_in_real_folders(project: Path) -> list[str]:
    """Where the real user's folders mention this test's project (other programs, other test
    runs, may use those folders at the same time: only this test's traces are looked for)."""
    from db.backups import backup_dir

    found = []
    if REAL_SETTINGS.is_file() and str(project.resolve()) in REAL_SETTINGS.read_text(errors="replace"):
        found.append(str(REAL_SETTINGS))
    backups = REAL_DATA / "backups" / backup_dir(project).name
    if backups.exists():
        found.append(str(backups))
    logs = REAL_DATA / "logs"
    for log in logs.glob("*") if logs.is_dir() else ():
        if log.is_file() and str(project) in log.read_text(errors="replace"):
            found.append(str(log))
    return found


def test_settings_and_data_go_to_the_test_s_own_folders(tmp_path, user_folders, qapp, project):
    from desktop_app.app import make_application
    from desktop_app.main_window.recent_projects import RecentProjects

    make_application()  # the organisation and application names the real program uses
    settings = QSettings()
    assert Path(settings.fileName()).is_relative_to(tmp_path)
    RecentProjects(settings).add(project)
    settings.sync()
    # the window opened by the real command, in a program of its own: it adds to the recent list,
    # takes a backup on opening and writes its log
    done = subprocess.run([sys.executable, "-m", "desktop_app.cli", "--db", str(project), "--quit-after-paint"],
                          cwd=ROOT, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert str(project.resolve()) in (user_folders / "config" / "Sourceline" / "Sourceline.conf").read_text()
    assert traces_in_real_folders(project) == []
