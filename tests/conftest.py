"""Fixtures shared by the GUI tests: a small real project on disk, a session on it, the window.

Every test has user folders of its own in ``tmp_path`` (``user_folders``): Qt's settings (the
recent-projects list, the window's geometry), the XDG config, data and state folders that child
processes use, and Sourceline's data folder (backups, logs). Nothing a test does reaches the real
user's folders; tests/test_user_folders.py shows it.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from db import ops
from db.citations import add_citation
from db.entities import add_entity
from db.events import add_event
from db.sources import add_source
from db.store import create_project, open_project

# Hypothesis fails an example that takes over 200 ms by default: a timed assertion that a loaded
# machine trips. How long things take is measured by the benchmarks, not asserted by tests.
hypothesis_settings.register_profile("sourceline", deadline=None)
hypothesis_settings.load_profile("sourceline")

# (title, EDTF date, tags, entities): five events spread over three years, some sharing tags.
SMALL_PROJECT_EVENTS = (
    ("Spring storms flood the valley", "2022-21", ("weather",), ()),
    ("Minister resigns", "2023~", ("politics",), ("John Smith",)),
    ("Council votes to close the bridge", "2024-11", ("politics", "transport"), ("City council",)),
    ("Bridge closed to traffic", "2024-11-15", ("transport",), ("City council",)),
    ("Protest at the square", "2024-11-18/2024-11-21", ("protest",), ("Jane Doe",)),
)


def build_small_project(path) -> None:
    """Write the small project to ``path``: the events above, one source citing two of them
    (one supporting, one contradicting), an entity with an alias."""
    db = create_project(path)
    try:
        ops.run(db, add_entity("John Smith", "person", aliases=("J. Smith",)))
        ids = {}
        for title, date, tags, entities in SMALL_PROJECT_EVENTS:
            ids[title] = ops.run(db, add_event(title, date, description=f"About: {title.lower()}.", tags=tags,
                                               entities=entities))
        source = ops.run(db, add_source({"type": "article-newspaper", "title": "Daily News report"},
                                        issued_edtf="2024-11-16", full_text="The bridge was closed on Friday."))
        ops.run(db, add_citation(ids["Bridge closed to traffic"], source, locator="1",
                                 quote="The bridge was closed on Friday.", stance="supports"))
        ops.run(db, add_citation(ids["Protest at the square"], source, stance="contradicts"))
    finally:
        db.close()


def fill_the_disk(db):
    """Limit a connection to the pages its file has: the next write that needs a page fails with
    SQLITE_FULL, as on a full disk (``max_page_count`` belongs to one connection). Returns ``db``."""
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
    return db


def make_room(db) -> None:
    db.conn.execute("PRAGMA max_page_count = 1073741823")


def ending_of(qtbot, job, timeout_ms: int = 30_000) -> str:
    """Wait for a ``BackgroundJob`` (an import, an export) to end; how it ended: "finished",
    "cancelled" or "failed"."""
    said = []
    job.finished.connect(lambda result: said.append("finished"))
    job.cancelled.connect(lambda: said.append("cancelled"))
    job.failed.connect(lambda message: said.append("failed"))
    with qtbot.waitSignal(job.ended, timeout=timeout_ms):
        pass
    return said[0]


# The real user's folders, as they were before any test moved them (for tests that check them).
REAL_FOLDERS = {name: Path(os.environ.get(name) or Path.home() / default) for name, default in (
    ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state"))}
USER_FOLDERS = {"XDG_CONFIG_HOME": "config", "XDG_DATA_HOME": "data", "XDG_STATE_HOME": "state"}


@pytest.fixture(autouse=True)
def user_folders(tmp_path, monkeypatch) -> Path:
    """The user's folders for one test, under ``tmp_path/user``: the environment for child
    processes, and Qt's settings paths for this one (Qt reads XDG_CONFIG_HOME only once)."""
    from PySide6.QtCore import QSettings

    home = tmp_path / "user"
    for name, folder in USER_FOLDERS.items():
        monkeypatch.setenv(name, str(home / folder))
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(home / "config"))
    return home


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """The user data folder (backups, logs) of every test: any window opened backs its project up,
    and without this the suite filled the real one. Child processes inherit it. Folders' own
    ``data_dir`` fixtures replace this one."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("SOURCELINE_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def _small_project_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "small.sourceline"
    build_small_project(path)
    return path


@pytest.fixture
def project(tmp_path, _small_project_file):
    """The path of a small project file of its own (see SMALL_PROJECT_EVENTS)."""
    path = tmp_path / "small.sourceline"
    # A closed project is one self-contained file (closing checkpoints the WAL), so a copy is whole.
    shutil.copyfile(_small_project_file, path)
    return path


@pytest.fixture(scope="session")
def sample_path(tmp_path_factory):
    """The sample project, made once by the real command (``sourceline new PATH --sample``). Tests
    that change it take a copy (``shutil.copyfile``: a closed project is one whole file)."""
    from desktop_app.cli import main

    path = tmp_path_factory.mktemp("sample") / "sample.sourceline"
    assert main(["new", str(path), "--sample"]) == 0
    return path


@pytest.fixture
def empty_project(tmp_path):
    path = tmp_path / "empty.sourceline"
    create_project(path).close()
    return path


@pytest.fixture
def empty_db(empty_project):
    """The empty project, open (``db.store.open_project``)."""
    db = open_project(empty_project)
    yield db
    db.close()


@pytest.fixture
def cli_project(tmp_path, capsys) -> str:
    """The path of a new project made by `sourceline new` (what it printed read away), for the tests
    that drive the command line."""
    from desktop_app.cli import main

    path = str(tmp_path / "p.sourceline")
    assert main(["new", path]) == 0
    capsys.readouterr()
    return path


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def session(project, qapp):
    from desktop_app.app import open_session

    opened = open_session(project)
    yield opened
    opened.close()  # closing twice (the window closes it too) is harmless


@pytest.fixture
def show_window(qtbot, settings):
    """show_window(session) -> a main window on ``session`` (None: no project open), shown
    offscreen; each one is left without a project when the test ends."""
    from desktop_app.main_window.window import MainWindow

    shown = []

    def show(session):
        main_window = MainWindow(session, settings)
        qtbot.addWidget(main_window)
        main_window.show()
        qtbot.waitExposed(main_window)
        shown.append(main_window)
        return main_window

    yield show
    for main_window in shown:
        main_window.set_session(None)


@pytest.fixture
def window(session, show_window):
    """The main window on the small project, shown (offscreen)."""
    return show_window(session)
