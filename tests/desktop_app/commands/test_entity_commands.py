"""`sourceline entities` and `sourceline alias` end to end on a project file."""
import json
import subprocess
import sys

import pytest

from desktop_app.cli import main


@pytest.fixture
def project(cli_project, capsys):
    assert main(["add-event", "--db", cli_project, "--date", "2024-11-15", "--title", "Scholz phones Putin",
                 "--entity", "Olaf Scholz", "--entity", "Vladimir Putin"]) == 0
    capsys.readouterr()
    return cli_project


def test_alias_then_entities_json_and_search_by_the_alias(project, capsys):
    assert main(["alias", "--db", project, "--entity", "olaf scholz", "Solz"]) == 0
    assert main(["alias", "--db", project, "--entity", "Solz", "Scholtz"]) == 0  # found by its alias too
    capsys.readouterr()
    assert main(["entities", "--db", project, "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [{"name": "Olaf Scholz", "kind": "other", "aliases": ["Solz", "Scholtz"], "events": 1, "note": ""},
                      {"name": "Vladimir Putin", "kind": "other", "aliases": [], "events": 1, "note": ""}]
    assert main(["search", "--db", project, "Solz", "--format", "json"]) == 0
    assert [hit["title"] for hit in json.loads(capsys.readouterr().out)] == ["Scholz phones Putin"]
    assert main(["alias", "--db", project, "--entity", "Olaf Scholz", "Solz", "--remove"]) == 0
    assert main(["entities", "--db", project]) == 0
    assert "Olaf Scholz  (also: Scholtz)\n    other, 1 event" in capsys.readouterr().out


@pytest.mark.parametrize("args, said", [
    (["--entity", "Nobody", "X"], "there is no entity called “Nobody”"),
    (["--entity", "Olaf Scholz", "Vladimir Putin"], "already names the entity “Vladimir Putin”"),
    (["--entity", "Olaf Scholz", "Never", "--remove"], "“Never” is not an alias of “Olaf Scholz”"),
])
def test_a_mistake_is_one_line_and_a_non_zero_exit(project, args, said):
    run = subprocess.run([sys.executable, "-m", "desktop_app.cli", "alias", "--db", project, *args],
                         capture_output=True, text=True)
    assert run.returncode != 0 and said in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "Traceback" not in run.stderr
