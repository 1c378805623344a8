"""How edits and changes flow: the session pushes, the undo stack holds, ``changed`` tells the
views once — after the command is on the stack, saying who caused it — and no view may edit
while it is being told."""
import pytest

from db import events, ops
from db.ops import Changes
from desktop_app.session import EditDuringBroadcast


def test_changed_comes_after_the_command_is_on_the_stack_and_names_who_asked(session):
    heard = []
    session.changed.connect(lambda changes: heard.append((changes, session.undo_stack.count())))
    asker = object()
    event_id = session.push(events.add_event("Heard once", "2025-03-01"), asker)
    assert len(heard) == 1
    changes, steps_when_told = heard[0]
    assert steps_when_told == 1  # undo is already possible when the views hear of the edit
    assert changes.initiator is asker and changes.rows["events"] == {event_id}
    session.undo_stack.undo()
    assert len(heard) == 2 and heard[1][0].initiator is None and heard[1][0].rows["events"] == {event_id}
    assert events.get_event(session.db, event_id) is None
    session.undo_stack.redo()
    assert len(heard) == 3 and events.get_event(session.db, event_id)["title"] == "Heard once"


def test_a_push_from_inside_a_broadcast_is_refused_with_a_clear_error(qtbot, session):
    """The bug this guards against: a view editing while told of another edit (the outcome then
    depended on the order views were connected in)."""
    first = events.add_event("Told first", "2025-03-01")
    echoed = events.add_event("Pushed by a listener", "2025-03-02")
    refused = []

    def careless_view(changes):
        try:
            session.push(echoed)
        except EditDuringBroadcast as error:
            refused.append(str(error))
            raise

    session.changed.connect(careless_view)
    with qtbot.captureExceptions() as raised:
        session.push(first)
    assert [type(error) for _, error, _ in raised] == [EditDuringBroadcast]
    assert refused == ["“Add event “Pushed by a listener”” was pushed while the views were being told of another "
                       "edit (events); a view must not edit from a change notification"]
    titles = [e["title"] for e in events.events_in_range(session.db, -10**12, 10**12)]
    assert "Told first" in titles and "Pushed by a listener" not in titles
    assert session.undo_stack.count() == 1 and not session.broadcasting
    session.changed.disconnect(careless_view)
    session.push(echoed)  # outside a broadcast the same edit is fine
    assert session.undo_stack.count() == 2


def test_a_refused_edit_reaches_no_stack_and_tells_no_view(qtbot, session):
    with qtbot.assertNotEmitted(session.changed):
        with pytest.raises(Exception, match="no event 9999"):
            session.push(events.update_event(9999, title="Nobody"))
    assert session.undo_stack.count() == 0


def test_adopt_puts_a_worker_s_done_op_on_the_stack_as_it_is(qtbot, session, project):
    from db.store import open_project

    worker = open_project(project)  # an import's own connection
    try:
        op = events.add_event("Imported", "2025-03-03")
        changes = op.do(worker)
    finally:
        worker.close()
    with qtbot.waitSignal(session.committed_in_background), qtbot.waitSignal(session.changed) as told:
        assert session.adopt(op, changes, "import") == op.result
    assert told.args[0].initiator == "import" and session.undo_stack.count() == 1
    session.undo_stack.undo()  # replayed on the session's own connection
    assert events.get_event(session.db, op.result) is None
    session.undo_stack.redo()
    assert events.get_event(session.db, op.result)["title"] == "Imported"


def test_adopting_work_that_cannot_be_undone_ends_the_history_and_says_why(qtbot, session):
    session.push(events.add_event("Before", "2025-03-04"))
    said = []
    session.history_reset.connect(said.append)
    session.adopt("report", Changes({"events": frozenset()}), cannot_undo="A bulk import cannot be undone")
    assert session.undo_stack.count() == 0 and said == ["A bulk import cannot be undone"]
    session.adopt("report", Changes({"events": frozenset()}), cannot_undo="A bulk import cannot be undone")
    assert said == ["A bulk import cannot be undone"]  # nothing to clear the second time: nothing said
    with pytest.raises(TypeError):
        session.adopt("report", Changes())


def test_changes_tell_which_rows_may_have_changed():
    changes = Changes({"events": frozenset({3}), "event_tags": frozenset()})
    assert changes.may_touch("events", 3) and not changes.may_touch("events", 4)
    assert changes.may_touch("event_tags", 99)  # no ids: any row
    assert not changes.may_touch("sources", 3)
    assert changes.by("me").initiator == "me" and changes.by("me") == changes


def test_the_command_line_runs_ops_without_a_session(tmp_path):
    from db.store import create_project

    db = create_project(tmp_path / "p.sourceline")
    try:
        assert ops.run(db, events.add_event("Alone", "2025")) == 1
    finally:
        db.close()
