"""Edit → History names each edit: the record, the fields it changed, who (when authors are
recorded) and when, in full; the undo action keeps the short name."""
from db import entities, events
from db.history import edit_since, newest_history_id


def id_of(session, title):
    return session.db.conn.execute("SELECT id FROM events WHERE title = ?", (title,)).fetchone()[0]


def test_history_names_the_record_and_the_fields_changed(window, session, qtbot):
    bridge, protest = id_of(session, "Bridge closed to traffic"), id_of(session, "Protest at the square")
    session.push(events.update_event(bridge, title="Bridge closed to all traffic", date_edtf="2024-11-16"))
    session.push(events.update_event(protest, tags=("protest", "police")))
    session.push(events.add_event("Curfew declared", "2024-11-22"))
    session.push(entities.add_alias(entities.find_entity(session.db, "John Smith"), "Johnny"))
    history = next(a for a in window.menus["edit"].actions() if a.text() == "&History…")
    history.trigger()
    view = window._history_dialog.findChild(object, "historyView")
    shown = [view.model().index(row, 0).data() for row in range(1, view.model().rowCount())]
    assert shown[0].startswith("Edit event — event “Bridge closed to all traffic”: title, date · ")
    assert shown[1].startswith("Edit event — new tag “police”; event “Protest at the square”: tags · ")
    assert shown[2].startswith("Add event “Curfew declared” — new event “Curfew declared” · ")
    assert shown[3].startswith("Add alias “Johnny” — new alias “Johnny” · ")
    assert all(line.rsplit(" · ", 1)[1].count(":") == 2 for line in shown)  # today's edits: the time
    assert view.wordWrap() and window._history_dialog.width() >= 600
    undo = window.undo_group.createUndoAction(window)
    assert undo.text() == "Undo Add alias “Johnny”"  # the menu keeps the short name
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert view.model().index(4, 0).data() == shown[3]


def test_a_summary_reads_any_edit_back_from_the_history_table(session):
    before = newest_history_id(session.db)
    session.push(events.delete_events([id_of(session, "Minister resigns")]))
    summary = edit_since(session.db, before)
    assert summary.label == "Delete 1 event" and summary.records[0] == "deleted event “Minister resigns”"
    assert summary.author is None or isinstance(summary.author, str)
    assert edit_since(session.db, newest_history_id(session.db)) is None
