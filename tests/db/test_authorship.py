"""Who did what: edits signed by the connection's author, on records and on history rows."""
from db import authorship, ops
from db.authorship import Author
from db.events import add_event, get_event, update_event
from db.sources import add_source

ANA = Author("0b6e4c1a-1111-4d3e-9a41-2c9e7b5d0f18", "Ana Ruiz")
BEN = Author("0b6e4c1a-2222-4d3e-9a41-2c9e7b5d0f18", "Ben Okafor")


def _row(db, event_id):
    return db.conn.execute("SELECT created_by, modified_by FROM events WHERE id = ?", (event_id,)).fetchone()


def test_a_new_record_and_its_history_carry_the_author(db):
    authorship.use(db, ANA)
    event_id = ops.run(db, add_event("Bridge closed", "2024-11-15", tags=["transport"]))
    assert _row(db, event_id) == (ANA.id, ANA.id)
    authors = {r[0] for r in db.conn.execute("SELECT author_id FROM history")}
    assert authors == {ANA.id}
    assert db.conn.execute("SELECT name FROM authors WHERE id = ?", (ANA.id,)).fetchone()[0] == "Ana Ruiz"
    # the tag the edit created is signed too
    assert db.conn.execute("SELECT created_by FROM tags WHERE name = 'transport'").fetchone()[0] == ANA.id


def test_a_change_names_its_author_as_last_changer_and_undo_gives_it_back(db):
    authorship.use(db, ANA)
    event_id = ops.run(db, add_event("Bridge closed", "2024-11-15"))
    authorship.use(db, BEN)
    edit = update_event(event_id, title="Bridge closed to traffic")
    edit.do(db)
    assert _row(db, event_id) == (ANA.id, BEN.id)
    shown = authorship.record_authors(db, "events", event_id)
    assert (shown["created_by"], shown["modified_by"]) == ("Ana Ruiz", "Ben Okafor")
    edit.undo(db)
    assert _row(db, event_id) == (ANA.id, ANA.id)
    assert get_event(db, event_id)["title"] == "Bridge closed"
    edit.do(db)  # redo
    assert _row(db, event_id) == (ANA.id, BEN.id)
    last = db.conn.execute("SELECT edit, author_id FROM history ORDER BY id DESC LIMIT 1").fetchone()
    assert last == ("Edit event", BEN.id)


def test_tagging_an_event_changes_the_event(db):
    authorship.use(db, ANA)
    event_id = ops.run(db, add_event("Bridge closed", "2024-11-15"))
    authorship.use(db, BEN)
    ops.run(db, update_event(event_id, tags=["transport"]))
    assert _row(db, event_id) == (ANA.id, BEN.id)


def test_without_an_author_nothing_is_signed(db):
    source_id = ops.run(db, add_source({"type": "report", "title": "A report"}))
    assert db.conn.execute("SELECT created_by, modified_by FROM sources WHERE id = ?", (source_id,)).fetchone() == (None, None)
    assert db.conn.execute("SELECT count(*) FROM history WHERE author_id IS NOT NULL").fetchone()[0] == 0
    assert authorship.current(db) is None


def test_a_renamed_author_keeps_their_id_and_shows_the_new_name(db):
    authorship.use(db, ANA)
    event_id = ops.run(db, add_event("Bridge closed", "2024-11-15"))
    authorship.use(db, Author(ANA.id, "Ana Ruiz-Peña"))
    ops.run(db, update_event(event_id, description="Closed for repairs."))
    assert authorship.record_authors(db, "events", event_id)["created_by"] == "Ana Ruiz-Peña"
    assert authorship.names(db, [ANA.id, "unknown"]) == {ANA.id: "Ana Ruiz-Peña"}
