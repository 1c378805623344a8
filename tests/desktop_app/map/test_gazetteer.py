"""The offline gazetteer, `sourceline geocode`, and coordinates proposed (never applied silently)
for events whose entities name a place."""
import json

import pytest

from db import ops
from db.entities import add_entity
from db.events import add_event, get_event
from db.geo import place_events
from db.store import create_project
from desktop_app.cli import main
from desktop_app.places import proposals
from desktop_app.places.gazetteer import folded, shipped


@pytest.mark.parametrize("name, country, lat, lon", [
    ("Kursk", "RU", 51.73, 36.18), ("Bryansk", "RU", 53.27, 34.32), ("Karachev", "RU", 53.12, 34.98),
    ("Pokrovsk", "UA", 48.28, 37.18), ("Kyiv", "UA", 50.45, 30.52), ("Kiev", "UA", 50.45, 30.52),
    ("Київ", "UA", 50.45, 30.52), ("KÚRSK", "RU", 51.73, 36.18)])
def test_places_are_found_by_any_of_their_names(name, country, lat, lon):
    place = shipped().find(name)[0]
    assert place.country == country
    assert (place.latitude, place.longitude) == pytest.approx((lat, lon), abs=0.05)


def test_a_place_called_so_comes_before_one_once_called_so():
    found = shipped().find("Pokrovsk")
    assert found[0].country == "UA" and len(found) >= 2  # Engels on the Volga was Pokrovsk too
    assert shipped().find("Nowhereville-on-Sea") == []
    assert folded("Kyiv’s-Centre") == "kyivs centre"


def test_geocode_command(capsys):
    assert main(["geocode", "Kiev", "--format", "json"]) == 0
    places = json.loads(capsys.readouterr().out)
    assert places[0]["name"] == "Kyiv" and places[0]["country"] == "UA"
    assert main(["geocode", "Karachev"]) == 0
    assert "Karachev, RU" in capsys.readouterr().out
    assert main(["geocode", "Nowhereville-on-Sea"]) == 1
    assert "no place called" in capsys.readouterr().err


def test_proposals_come_from_place_entities_and_their_aliases_and_apply_as_one_undoable_edit(tmp_path):
    db = create_project(tmp_path / "p.sourceline")
    ops.run(db, add_entity("Kiev", "place", aliases=("Kyiv",)))
    ops.run(db, add_entity("Karachev", "place"))
    ops.run(db, add_entity("Gorodok-Unknown", "place", aliases=("Kursk",)))
    first = ops.run(db, add_event("Strike on the capital", "2024-05-01", entities=("Kiev",)))
    second = ops.run(db, add_event("Depot fire", "2024-05-02", entities=("Karachev",)))
    third = ops.run(db, add_event("Border shelling", "2024-05-03", entities=("Gorodok-Unknown",)))
    placed = ops.run(db, add_event("Already placed", "2024-05-04", entities=("Karachev",), latitude=1.0, longitude=2.0))
    nowhere = ops.run(db, add_event("No place named", "2024-05-05"))

    found = proposals.propose_all(db, shipped(), [first, second, third, placed, nowhere])
    assert [(p.event_id, p.place.name) for p in found] == [(first, "Kyiv"), (second, "Karachev"), (third, "Kursk")]
    assert get_event(db, first)["latitude"] is None  # proposed, not applied

    edit = place_events(proposals.places(found))
    ops.run(db, edit)
    kyiv = get_event(db, first)
    assert (kyiv["latitude"], kyiv["longitude"], kyiv["location_name"]) == (50.45466, 30.5238, "Kyiv")
    assert db.conn.execute("SELECT count(*) FROM event_places").fetchone()[0] == 4
    edit.undo(db)
    assert all(get_event(db, e)["latitude"] is None for e in (first, second, third))
    assert db.conn.execute("SELECT count(*) FROM event_places").fetchone()[0] == 1


def test_the_places_dialog_proposes_and_applies_only_the_ticked_as_one_undo_step(qtbot, tmp_path, qapp):
    from PySide6.QtCore import Qt

    from desktop_app.app import open_session
    from desktop_app.map.places_dialog import PlacesDialog

    path = tmp_path / "p.sourceline"
    db = create_project(path)
    ops.run(db, add_entity("Kiev", "place", aliases=("Kyiv",)))
    ops.run(db, add_entity("Bryansk", "place"))
    kyiv = ops.run(db, add_event("Strike on the capital", "2024-05-01", entities=("Kiev",)))
    bryansk = ops.run(db, add_event("Arsenal hit", "2024-05-02", entities=("Bryansk",)))
    db.close()
    session = open_session(path)
    dialog = PlacesDialog(session)
    qtbot.addWidget(dialog)
    assert [p.event_id for p in dialog.proposals] == [bryansk, kyiv]  # newest first
    assert get_event(session.db, kyiv)["latitude"] is None  # nothing placed by opening it
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)  # not Bryansk
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert get_event(session.db, kyiv)["location_name"] == "Kyiv"
    assert get_event(session.db, bryansk)["latitude"] is None
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert get_event(session.db, kyiv)["latitude"] is None
    session.close()
