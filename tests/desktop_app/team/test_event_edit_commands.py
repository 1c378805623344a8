"""`sourceline edit-event` / `delete-event` and `--author`, end to end on a real project file."""
import json

import pytest

from db.store import open_project
from desktop_app.authors import identity
from desktop_app.cli import main


@pytest.fixture
def project(cli_project, capsys):
    assert main(["add-event", "--db", cli_project, "--date", "2024-11-15", "--title", "Bridge closed",
                 "--tag", "transport", "--author", "Ana Ruiz"]) == 0
    capsys.readouterr()
    return cli_project


def _event(path):
    db = open_project(path)
    try:
        row = db.conn.execute("SELECT e.id, e.uuid, e.title, e.date_edtf, e.description, e.start_s, c.name, m.name"
                              " FROM events e LEFT JOIN authors c ON c.id = e.created_by"
                              " LEFT JOIN authors m ON m.id = e.modified_by").fetchone()
        tags = [r[0] for r in db.conn.execute("SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id")]
        found = [r[0] for r in db.conn.execute("SELECT rowid FROM events_fts WHERE events_fts MATCH 'repairs'")]
        return row, tags, found
    finally:
        db.close()


def test_edit_event_changes_fields_tags_and_derived_data_signed_by_its_author(project, capsys):
    (event_id, uuid, *_), _, _ = _event(project)
    assert main(["edit-event", "--db", project, "--id", uuid, "--title", "Bridge shut", "--date", "2024-11-16",
                 "--description", "Shut for repairs.", "--tag", "roads", "--tag", "works",
                 "--author", "Ben Okafor"]) == 0
    assert capsys.readouterr().out.strip() == f"changed event {event_id}"
    row, tags, found = _event(project)
    assert row[2:5] == ("Bridge shut", "2024-11-16", "Shut for repairs.")
    assert row[5] == 1731715200  # 2024-11-16T00:00Z: the bounds follow the date
    assert row[6:] == ("Ana Ruiz", "Ben Okafor")
    assert sorted(tags) == ["roads", "works"]
    assert found == [event_id]  # the full-text index follows


def test_the_author_comes_from_the_environment_when_not_given(project, monkeypatch):
    monkeypatch.setenv(identity.ENVIRONMENT, "Chen Wei")
    (event_id, *_), _, _ = _event(project)
    assert main(["edit-event", "--db", project, "--id", str(event_id), "--title", "Bridge shut"]) == 0
    assert _event(project)[0][7] == "Chen Wei"


def test_delete_event_removes_it_with_its_links(project, capsys):
    (event_id, *_), _, _ = _event(project)
    assert main(["delete-event", "--db", project, "--id", str(event_id)]) == 0
    assert capsys.readouterr().out.strip() == f"deleted event {event_id}"
    assert _event(project) == (None, [], [])
    db = open_project(project)
    try:
        assert db.conn.execute("SELECT count(*) FROM event_day_counts").fetchone()[0] == 0
    finally:
        db.close()


@pytest.mark.parametrize("args, message", [
    (["edit-event", "--id", "999", "--title", "x"], "999: no such event in this project"),
    (["delete-event", "--id", "not-an-id"], "not-an-id: no such event in this project"),
    (["edit-event", "--id", "1"], "nothing to change"),
    (["edit-event", "--id", "1", "--date", "2024-13-45"], "invalid EDTF date"),
    (["edit-event", "--id", "1", "--title", "  "], "an event needs a title"),
    (["edit-event", "--id", "1", "--title", "x", "--author", "   "], "an author needs a name"),
])
def test_a_mistake_is_one_line_and_changes_nothing(project, capsys, args, message):
    before = _event(project)
    command, *rest = args
    assert main([command, "--db", project, *rest]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert _event(project) == before


def test_the_saved_identity_keeps_its_id_when_renamed():
    first, confirmed = identity.saved()
    assert not confirmed and identity.saved()[0] == first and not identity._path().exists()
    renamed = identity.save_name("  Ana   Ruiz ")
    assert renamed.id == first.id and renamed.name == "Ana Ruiz" and identity.saved() == (renamed, True)
    assert identity.resolve("ana ruiz") == renamed  # one's own name is one's own id
    bot = identity.resolve("Import bot")
    assert bot.id != first.id and identity.resolve("Import bot") == bot
    assert json.loads((identity._path()).read_text())["id"] == first.id
