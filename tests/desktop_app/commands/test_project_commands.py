"""The `sourceline` command end to end, on project files in a temporary folder."""
import csv
import io
import json
import subprocess
import sys

import pytest

from desktop_app.cli import main


@pytest.fixture
def project(tmp_path, capsys):
    path = str(tmp_path / "p.sourceline")
    assert main(["new", path]) == 0
    for date, title, tag in [("2024-11-15", "Scholz phones Putin", "diplomacy"),
                             ("2024-11-19", "First ATACMS strike in Bryansk region", "strikes"),
                             ("2022-07-22/2023-07-17", "Black Sea grain deal", "grain"),
                             ("2022-21", "Spring offensive", "strikes")]:
        assert main(["add-event", "--db", path, "--date", date, "--title", title, "--tag", tag]) == 0
    capsys.readouterr()
    return path


def run_json(capsys, *args):
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_events_json_lists_edtf_dates_and_bounds_in_date_order(project, capsys):
    events = run_json(capsys, "events", "--db", project, "--format", "json")
    assert [e["title"] for e in events] == ["Spring offensive", "Black Sea grain deal", "Scholz phones Putin",
                                            "First ATACMS strike in Bryansk region"]
    grain = events[1]
    assert (grain["date_edtf"], grain["start"], grain["end"]) == ("2022-07-22/2023-07-17", "2022-07-22", "2023-07-17")
    assert events[0]["date"] == "spring 2022" and (events[0]["start"], events[0]["end"]) == ("2022-03-01", "2022-05-31")
    assert (grain["earliest"], grain["latest"], grain["precision"]) == ("2022-07-22", "2023-07-17", "interval")


def test_events_json_gives_the_reach_of_approximate_and_open_dates(project, capsys):
    for date, title in (("2024-11-12~", "About a day"), ("2024-08-06/..", "Open-ended")):
        assert main(["add-event", "--db", project, "--date", date, "--title", title]) == 0
    capsys.readouterr()
    events = {e["title"]: e for e in run_json(capsys, "events", "--db", project, "--format", "json")}
    about = events["About a day"]
    assert (about["start"], about["end"]) == ("2024-11-12", "2024-11-12")
    assert about["earliest"] < "2024-11-12" < about["latest"]  # stretched: never drawn as exact
    opened = events["Open-ended"]
    assert (opened["date"], opened["start"], opened["latest"]) == ("from 6 August 2024", "2024-08-06", "")


def test_events_filters_by_date_tag_and_text(project, capsys):
    in_november = run_json(capsys, "events", "--db", project, "--from", "2024-11", "--to", "2024-11", "--format", "json")
    assert {e["title"] for e in in_november} == {"Scholz phones Putin", "First ATACMS strike in Bryansk region"}
    strikes = run_json(capsys, "events", "--db", project, "--tag", "strikes", "--format", "json")
    assert len(strikes) == 2
    found = run_json(capsys, "events", "--db", project, "--search", "bryansk", "--format", "json")
    assert [e["title"] for e in found] == ["First ATACMS strike in Bryansk region"]


def test_events_csv_is_readable_and_neutralises_formulas(project, capsys):
    assert main(["add-event", "--db", project, "--date", "2024", "--title", "=HYPERLINK(\"http://x\")"]) == 0
    capsys.readouterr()
    assert main(["events", "--db", project, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 5
    formula = [r for r in rows if "HYPERLINK" in r["title"]][0]
    assert not formula["title"].startswith("=")


def test_info_counts_and_schema(project, capsys):
    info = run_json(capsys, "info", "--db", project, "--format", "json")
    assert info["counts"]["events"] == 4 and info["counts"]["tags"] == 3
    assert info["schema_version"] >= 1 and info["file_size_bytes"] > 0


def test_search_finds_events_with_snippets(project, capsys):
    hits = run_json(capsys, "search", "--db", project, "scholz", "--format", "json")
    assert hits[0]["title"] == "Scholz phones Putin" and "Scholz" in hits[0]["snippet"]
    assert main(["search", "--db", project, '"(unbalanced AND']) == 0


@pytest.mark.parametrize("args, message", [
    (["add-event", "--date", "2024-13-01", "--title", "x"], "no month 13"),
    (["add-event", "--date", "2024", "--title", " "], "needs a title"),
    (["events", "--from", "yesterday"], "invalid EDTF"),
])
def test_user_errors_are_one_line_on_stderr(project, capsys, args, message):
    args.insert(1, "--db")
    args.insert(2, project)
    assert main(args) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_missing_project_is_a_one_line_error(tmp_path, capsys):
    assert main(["info", "--db", str(tmp_path / "missing.sourceline")]) == 1
    assert "no such project file" in capsys.readouterr().err


def test_help_everywhere(capsys):
    from desktop_app.commands import COMMANDS

    names = sorted(COMMANDS)
    assert {"new", "info", "events", "add-event", "search", "backup", "restore"} <= set(names)
    for command in ([], *([name] for name in names)):
        with pytest.raises(SystemExit) as exit_info:
            main([*command, "--help"])
        assert exit_info.value.code == 0 and "usage: sourceline" in capsys.readouterr().out, command


def test_the_console_script_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "desktop_app.cli", "--help"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and "commands:" in result.stdout


def test_output_cut_short_by_its_reader_is_not_an_error(tmp_path):
    """`sourceline events ... | head`: the reader goes away; no traceback, exit status 0."""
    from db import bulk, dates
    from db.store import create_project, write_transaction

    path = tmp_path / "many.sourceline"
    db = create_project(path)
    b = dates.bounds("2024-11-19")
    stamps = bulk.RecordStamps()
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO events (title, date_edtf, start_s, end_s, fuzzy_start_s, fuzzy_end_s, date_precision, uuid)"
            " VALUES (?, '2024-11-19', ?, ?, ?, ?, 'day', ?)",
            [(f"Event {n}", b.start, b.end, b.start, b.end, stamps.uuid()) for n in range(3_000)])
    db.close()
    child = subprocess.Popen([sys.executable, "-m", "desktop_app.cli", "events", "--db", str(path), "--format", "json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout.read(100).startswith(b"[")
    child.stdout.close()
    assert child.wait(60) == 0
    assert child.stderr.read() == b""
