"""`sourceline annotate --region` and `sourceline cite --annotation` for a picture's region."""
from __future__ import annotations

import json
import sqlite3

import pytest

from desktop_app.cli import main
from tests.capture_making import photo


@pytest.fixture
def picture_project(tmp_path, capsys):
    path = str(tmp_path / "p.sourceline")
    picture = tmp_path / "turned.jpg"
    photo(picture, size=(80, 40), orientation=6)  # stored 80 wide, shown 40 wide and 80 tall
    assert main(["new", path]) == 0
    assert main(["import", "--db", path, str(picture)]) == 0
    assert main(["add-event", "--db", path, "--title", "Harbour fire", "--date", "2008-10-22"]) == 0
    capsys.readouterr()
    return path


def test_a_region_with_note_and_tag_is_stored_and_cited(picture_project, capsys):
    assert main(["annotate", "--db", picture_project, "--source", "1", "--region", "5,10,30,60", "--note",
                 "the burning shed", "--tag", "fire", "--color", "orange", "--format", "json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said == {"id": 1, "source": 1, "region": [5, 10, 30, 60], "picture": [40, 80]}
    connection = sqlite3.connect(picture_project)
    row = connection.execute("SELECT region, note, color, exact FROM annotations WHERE id = 1").fetchone()
    assert (json.loads(row[0]), row[1], row[2], row[3]) == ([5, 10, 30, 60], "the burning shed", "orange", "")
    assert connection.execute("SELECT t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id").fetchall() == [("fire",)]
    connection.close()
    assert main(["cite", "--db", picture_project, "--event", "1", "--source", "1", "--annotation", "1"]) == 0
    assert capsys.readouterr().out == "citation 1: event 1 ← source 1 (supports, region 5,10,30,60)\n"
    assert main(["export", "--db", picture_project, "--format", "evidence"]) == 0
    assert "region 5,10,30,60" in capsys.readouterr().out


@pytest.mark.parametrize("region, problem", [
    ("5,10,30,100", "reaches outside the picture, which is 40 × 80 pixels"),
    ("5,10,0,10", "a width and a height above zero"),
    ("5,10,30", "a region is X,Y,WIDTH,HEIGHT in whole pixels"),
    ("-1,10,3,3", "a region is X,Y,WIDTH,HEIGHT in whole pixels"),
])
def test_a_bad_region_is_refused_in_one_line(picture_project, capsys, region, problem):
    assert main(["annotate", "--db", picture_project, "--source", "1", f"--region={region}"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and problem in err


def test_a_region_of_a_source_that_is_not_a_picture(picture_project, tmp_path, capsys):
    text = tmp_path / "note.txt"
    text.write_text("A note about the fire.\n")
    assert main(["import", "--db", picture_project, str(text)]) == 0
    capsys.readouterr()
    assert main(["annotate", "--db", picture_project, "--source", "2", "--region", "1,1,2,2"]) == 1
    assert "source 2 is not a picture" in capsys.readouterr().err
