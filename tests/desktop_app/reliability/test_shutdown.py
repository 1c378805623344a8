"""Closing the window while an import runs in its worker: the import is cancelled and waited for,
nothing of it is written, and no thread is left running under the closing application."""
import json
import sqlite3

import pytest

from desktop_app.reliability.shutdown import running_operations
from tests.desktop_app.reliability.conftest import events_csv

ITEMS = 3000


def intact(path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return conn


@pytest.fixture
def many_sources(tmp_path):
    path = tmp_path / "library.json"
    path.write_text(json.dumps([{"id": f"k{n}", "type": "article-journal", "title": f"Article number {n} on things",
                                 "author": [{"family": f"Author{n}", "given": "A."}],
                                 "issued": {"date-parts": [[2000 + n % 25, 1 + n % 12]]}} for n in range(ITEMS)]))
    return path


def test_closing_mid_source_import_cancels_it_and_writes_nothing(qtbot, window, many_sources, project):
    from desktop_app.importing import plan_import
    from desktop_app.sources.import_flow import start_import

    session = window.session
    before = session.db.conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    plan = plan_import([many_sources], session.db)
    runner = start_import(window, session, plan, {})
    qtbot.waitUntil(lambda: runner.progress.value() > 0, timeout=10_000)  # the worker is part-way through
    window.close()
    assert running_operations(window) == []
    conn = intact(project)
    assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == before
    assert "cancelled" in window.statusBar().currentMessage()


def test_closing_mid_dataset_import_cancels_it_and_writes_nothing(qtbot, window, tmp_path, project):
    from desktop_app.datasets.mapping import guess_mapping
    from desktop_app.datasets_ui import start_import

    csv_file = events_csv(tmp_path / "events.csv", 200_000)
    before = window.session.db.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    runner = start_import(window, window.session, csv_file, guess_mapping(csv_file.header), "skip")
    qtbot.waitUntil(lambda: runner.progress.value() > 0, timeout=10_000)
    window.close()
    assert running_operations(window) == []
    assert intact(project).execute("SELECT count(*) FROM events").fetchone()[0] == before
