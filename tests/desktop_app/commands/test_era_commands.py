"""`sourceline add-era`, `sourceline eras` and `--era NAME` on `events` and `export`, end to end."""
import json
import subprocess
import sys

import pytest

from desktop_app.cli import main


@pytest.fixture
def project(tmp_path, capsys):
    path = str(tmp_path / "p.sourceline")
    assert main(["new", path]) == 0
    for date, title in (("2024-07-30", "Before the incursion"), ("2024-08-06", "Troops cross into Kursk"),
                        ("2024-11-05", "Trump wins the election"), ("2025-01-20", "Inauguration"),
                        ("2025-04-02", "After it all")):
        assert main(["add-event", "--db", path, "--date", date, "--title", title]) == 0
    capsys.readouterr()
    return path


def test_add_era_then_list_it_as_text_and_json(project, capsys):
    assert main(["add-era", "--db", project, "--name", "Trump transition", "--date", "2024-11-05/2025-01-20"]) == 0
    assert main(["add-era", "--db", project, "--name", "Kursk incursion", "--date", "2024-08-06/2025-03",
                 "--color", "#E76F51"]) == 0
    assert capsys.readouterr().out == "added era “Trump transition”\nadded era “Kursk incursion”\n"
    assert main(["eras", "--db", project, "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(e["name"], e["date_edtf"], e["date"], e["color"]) for e in listed] == [
        ("Kursk incursion", "2024-08-06/2025-03", "6 August 2024 – March 2025", "#e76f51"),
        ("Trump transition", "2024-11-05/2025-01-20", "5 November 2024 – 20 January 2025", None)]
    assert all(len(e["uuid"]) == 36 for e in listed)
    assert main(["eras", "--db", project]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("2024-08-06/2025-03") and lines[0].endswith("Kursk incursion  #e76f51")
    assert lines[1].endswith("Trump transition")


def test_events_in_an_era(project, capsys):
    assert main(["add-era", "--db", project, "--name", "Trump transition", "--date", "2024-11-05/2025-01-20"]) == 0
    assert main(["add-era", "--db", project, "--name", "Kursk incursion", "--date", "2024-08-06/2025-03"]) == 0
    capsys.readouterr()
    assert main(["events", "--db", project, "--era", "trump transition", "--format", "json"]) == 0
    assert [e["title"] for e in json.loads(capsys.readouterr().out)] == ["Trump wins the election", "Inauguration"]
    assert main(["events", "--db", project, "--era", "Kursk incursion", "--format", "json"]) == 0
    assert [e["title"] for e in json.loads(capsys.readouterr().out)] == [
        "Troops cross into Kursk", "Trump wins the election", "Inauguration"]
    # with --from as well: the two periods narrowed to each other
    assert main(["events", "--db", project, "--era", "Kursk incursion", "--from", "2024-09", "--format", "json"]) == 0
    assert [e["title"] for e in json.loads(capsys.readouterr().out)] == ["Trump wins the election", "Inauguration"]


def test_export_of_an_era_names_it_in_the_heading(project, capsys, tmp_path):
    assert main(["add-era", "--db", project, "--name", "Trump transition", "--date", "2024-11-05/2025-01-20"]) == 0
    out = tmp_path / "report.md"
    assert main(["export", "--db", project, "--format", "chronology", "--era", "Trump transition", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "2 events (events in the era “Trump transition”)" in text
    assert "Trump wins the election" in text and "Troops cross into Kursk" not in text


def _run(*argv):
    return subprocess.run([sys.executable, "-m", "desktop_app.cli", *argv], capture_output=True, text=True)


@pytest.mark.parametrize("argv, said", [
    (["add-era", "--name", "Winter", "--date", "2024-13"], "there is no month 13"),
    (["add-era", "--name", "Winter", "--date", "2024", "--color", "blue"], "written #rrggbb"),
    (["add-era", "--name", " ", "--date", "2024"], "an era needs a name"),
    (["events", "--era", "Nope"], "there is no era called “Nope”; the project has none (sourceline add-era)"),
    (["export", "--format", "csv", "--era", "Nope"], "there is no era called “Nope”"),
])
def test_a_mistake_is_one_line_and_a_non_zero_exit(project, argv, said):
    run = _run(argv[0], "--db", project, *argv[1:])
    assert run.returncode != 0 and said in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "Traceback" not in run.stderr
    listed = _run("eras", "--db", project, "--format", "json")
    assert json.loads(listed.stdout) == []


def test_a_second_era_of_the_same_name_is_refused(project):
    assert _run("add-era", "--db", project, "--name", "Talks", "--date", "2024").returncode == 0
    run = _run("add-era", "--db", project, "--name", "TALKS", "--date", "2025")
    assert run.returncode != 0 and "there is already an era called “Talks”" in run.stderr
    assert [e["date_edtf"] for e in json.loads(_run("eras", "--db", project, "--format", "json").stdout)] == ["2024"]
