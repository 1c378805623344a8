"""`sourceline import-events` end to end: summary, skipped lines, stop, mappings, the backup."""
from __future__ import annotations

import json

from db import backups
from desktop_app.cli import main
from tests.desktop_app.datasets.conftest import DATA


def _count(empty_project) -> int:
    import sqlite3

    conn = sqlite3.connect(empty_project)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def test_import_events_prints_a_summary_and_backs_up_first(empty_project, capsys):
    assert main(["import-events", "--db", str(empty_project), str(DATA / "acled_small.csv")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("acled_small.csv: 5 added, 0 updated, 0 unchanged; new: 11 tags, 14 entities, 5 sources")
    assert _count(empty_project) == 5
    made = backups.list_backups(empty_project)
    assert [b.reason for b in made] == ["before-import"] and made[0].counts["events"] == 0


def test_bad_rows_listed_or_stopping(empty_project, capsys):
    bad = str(DATA / "acled_bad_rows.csv")
    assert main(["import-events", "--db", str(empty_project), bad, "--on-bad-row", "stop"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"sourceline: {bad}:5: cannot read the date '2024-13-45'; nothing was imported"
    assert _count(empty_project) == 0
    assert main(["import-events", "--db", str(empty_project), bad]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "4 bad rows skipped" in out[0]
    assert out[1:] == ["  skipped line 5: cannot read the date '2024-13-45'",
                       "  skipped line 6: the latitude '149.8397' is outside -90..90",
                       "  skipped line 8: has 5 fields where the header has 16",
                       "  skipped line 9: the time_precision '5' is not 1, 2 or 3"]


def test_inline_json_mapping_and_dataset_name(empty_project, capsys):
    mapping = json.dumps({"Date": "date", "Headline": "title", "ID": "external_id"})
    for _ in range(2):  # the second run updates nothing and adds nothing
        assert main(["import-events", "--db", str(empty_project), str(DATA / "generic_events.csv"),
                     "--mapping", mapping, "--dataset", "polish-protests", "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("generic_events.csv: 4 added, 0 updated, 0 unchanged")
    assert lines[1].startswith("generic_events.csv: 0 added, 0 updated, 4 unchanged")
    assert _count(empty_project) == 4


def test_a_bad_mapping_is_one_line(empty_project, capsys):
    assert main(["import-events", "--db", str(empty_project), str(DATA / "generic_events.csv"),
                 "--mapping", '{"Nope": "date", "Headline": "title"}']) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the column 'Nope' (mapped to date) is missing" in err
