"""`sourceline check` (issue 14, items 4-6): SQLite's integrity check, the full-text indexes, the
schema's objects and the derived data; --repair rebuilds what is derivable from the migrations' own
definitions. A tampered schema is named by the commands that meet it, with the remedy; a garbled
file is never written to."""
from __future__ import annotations

import json
import sqlite3

import pytest

from desktop_app.cli import main
from tests.reliability.bad_projects import garble_middle


def tamper(path, statement: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()


def checked(capsys, path, *more) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(["check", "--db", str(path), "--format", "json", *more])
    return code, json.loads(capsys.readouterr().out)


def test_a_sound_project_is_sound(project, capsys):
    assert checked(capsys, project) == (0, {"ok": True, "problems": [], "repaired": []})


TAMPERED = {
    "events_fts": "DROP TABLE events_fts",
    "sources_fts": "DROP TABLE sources_fts",
    "history": "DROP TABLE history",
    "event_day_counts": "DROP TABLE event_day_counts",
    "a trigger": "DROP TRIGGER events_fts_ai",
    "day counts": "UPDATE event_day_counts SET n = n + 3",
    "search index": "DELETE FROM events_fts_docsize",
}


@pytest.mark.parametrize("change", TAMPERED.values(), ids=TAMPERED.keys())
def test_a_tampered_project_is_found_and_repaired(project, capsys, change):
    tamper(project, change)
    code, report = checked(capsys, project)
    assert code == 1 and not report["ok"] and report["problems"]
    code, report = checked(capsys, project, "--repair")
    assert code == 0 and report["ok"] and report["repaired"], report
    assert checked(capsys, project) == (0, {"ok": True, "problems": [], "repaired": []})
    assert main(["search", "--db", str(project), "bridge"]) == 0
    assert "Bridge closed to traffic" in capsys.readouterr().out
    assert main(["add-event", "--db", str(project), "--date", "2024-11-30", "--title", "After the repair"]) == 0


@pytest.mark.parametrize("table", ["events_fts", "sources_fts", "history", "event_day_counts"])
def test_commands_meeting_a_dropped_table_name_it_and_the_remedy(project, capsys, table):
    tamper(project, f"DROP TABLE {table}")
    capsys.readouterr()
    for argv in (["search", "--db", str(project), "bridge"],
                 ["add-event", "--db", str(project), "--date", "2024", "--title", "Tried"]):
        code = main(argv)
        err = capsys.readouterr().err
        assert "Traceback" not in err
        if code:
            assert table in err and "check --repair" in err and err.count("\n") == 1, err


def test_a_garbled_file_is_damage_and_nothing_writes_into_it(project, capsys, tmp_path):
    garble_middle(project)
    before = project.read_bytes()
    code, report = checked(capsys, project, "--repair")
    assert code == 1 and not report["ok"] and report["repaired"] == []
    for argv in (["add-event", "--db", str(project), "--date", "2024", "--title", "Written into it"],
                 ["info", "--db", str(project)], ["backup", "--db", str(project)]):
        capsys.readouterr()
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "damaged" in err and "sourceline check" in err and "Traceback" not in err, err
    assert project.read_bytes() == before
