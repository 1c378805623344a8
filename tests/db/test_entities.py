"""Entities looked after by name: rename (the old name stays an alias), kind, aliases added and
removed, delete (its events lose the link only); a name or alias names one entity; search and
the filter find an entity's events by any of its names."""
import pytest

from db import entities, events, ops, search
from db.errors import SourcelineError


@pytest.fixture
def scholz(db):
    entity_id = ops.run(db, entities.add_entity("Olaf Scholz", "person"))
    ops.run(db, entities.add_entity("Vladimir Putin", "person", aliases=("Putin",)))
    ops.run(db, events.add_event("Chancellor phones the Kremlin", "2024-11-15", entities=("Olaf Scholz",)))
    ops.run(db, events.add_event("Budget row", "2024-11-06", entities=("Olaf Scholz",)))
    return entity_id


def listed(db, name):
    return next(row for row in entities.entity_list(db) if row["name"] == name)


def test_aliases_are_added_and_removed_and_undone(db, scholz):
    edit = entities.add_alias(scholz, " Solz ")
    edit.do(db)
    assert listed(db, "Olaf Scholz")["aliases"] == ["Solz"] and entities.find_entity(db, "solz") == scholz
    edit.undo(db)
    assert listed(db, "Olaf Scholz")["aliases"] == []
    ops.run(db, entities.add_alias(scholz, "Solz"))
    ops.run(db, entities.remove_alias(scholz, "SOLZ"))
    assert listed(db, "Olaf Scholz")["aliases"] == []
    with pytest.raises(SourcelineError, match="not an alias"):
        ops.run(db, entities.remove_alias(scholz, "Solz"))


@pytest.mark.parametrize("alias, problem", [("Putin", "already names the entity “Vladimir Putin”"),
                                            ("Vladimir putin", "already names"), ("  ", "cannot be empty"),
                                            ("olaf scholz", "the entity's own name")])
def test_an_alias_that_names_another_entity_or_nothing_is_refused(db, scholz, alias, problem):
    with pytest.raises(SourcelineError, match=problem):
        ops.run(db, entities.add_alias(scholz, alias))
    assert listed(db, "Olaf Scholz")["aliases"] == []


def test_rename_keeps_the_old_name_as_an_alias_and_kind_changes(db, scholz):
    ops.run(db, entities.rename_entity(scholz, "Olaf Scholz (SPD)"))
    row = listed(db, "Olaf Scholz (SPD)")
    assert row["aliases"] == ["Olaf Scholz"] and row["events"] == 2
    with pytest.raises(SourcelineError, match="already names"):
        ops.run(db, entities.rename_entity(scholz, "Putin"))
    ops.run(db, entities.set_entity_kind(scholz, "organisation"))
    assert listed(db, "Olaf Scholz (SPD)")["kind"] == "organisation"
    with pytest.raises(SourcelineError, match="unknown entity kind"):
        entities.set_entity_kind(scholz, "robot")


def test_delete_unlinks_its_events_and_undo_brings_everything_back(db, scholz):
    ops.run(db, entities.add_alias(scholz, "Solz"))
    assert entities.linked_events(db, scholz) == ["Budget row", "Chancellor phones the Kremlin"]
    edit = entities.delete_entity(scholz)
    edit.do(db)
    assert db.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    assert db.conn.execute("SELECT count(*) FROM event_entities").fetchone()[0] == 0
    assert entities.find_entity(db, "Solz") is None
    edit.undo(db)
    assert listed(db, "Olaf Scholz")["aliases"] == ["Solz"] and listed(db, "Olaf Scholz")["events"] == 2


def test_search_and_the_filter_find_an_entitys_events_by_an_alias(db, scholz):
    ops.run(db, entities.add_alias(scholz, "Solz"))
    ops.run(db, events.add_event("Olaf Scholz speaks in the Bundestag", "2024-12-16"))  # named in its title only
    hits = search.search(db, "Solz")
    assert [h.title for h in hits if h.kind == "event"] == [
        "Chancellor phones the Kremlin", "Budget row", "Olaf Scholz speaks in the Bundestag"]
    assert "Olaf Scholz" in hits[0].snippet and "“Solz”" in hits[0].snippet
    assert [h.title for h in search.search(db, "Budget")] == ["Budget row"]  # words still find words
    found = events.event_page(db, events.EventFilter(text="solz"))
    assert {e["title"] for e in found} == {"Chancellor phones the Kremlin", "Budget row"}
    assert events.count_events(db, events.EventFilter(text="Olaf Scholz")) == 3


def test_taking_every_tag_and_entity_off_an_event_leaves_it_none(db, scholz):
    event_id = ops.run(db, events.add_event("Tagged", "2024-11-01", tags=("a", "b"), entities=("Olaf Scholz",)))
    ops.run(db, events.update_event(event_id, tags=(), entities=()))
    event = events.get_event(db, event_id)
    assert (event["tags"], event["entities"]) == ([], [])
    assert entities.used_tag_names(db) == [] and entities.tag_names(db) == ["a", "b"]
