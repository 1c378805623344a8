"""An edit that fails because the disk is full leaves the project as it was, puts nothing on the
undo stack, and is explained; the next edit, once there is room, works."""
import pytest

from db import events
from tests.conftest import ending_of, fill_the_disk, make_room
from tests.desktop_app.reliability.conftest import events_csv

pytestmark = pytest.mark.qt_no_exception_capture


def state(session):
    conn = session.db.conn
    return (conn.execute("SELECT count(*), group_concat(title) FROM events").fetchone(),
            conn.execute("SELECT count(*) FROM history").fetchone()[0],
            conn.execute("SELECT count(*) FROM event_day_counts").fetchone()[0])


def test_a_failed_edit_is_rolled_back_and_not_on_the_undo_stack(session):
    before = state(session)
    fill_the_disk(session.db)
    big = "A long description. " * 20_000
    with pytest.raises(Exception) as caught:
        session.push(events.add_event("Does not fit", "2024-11-20", description=big))
    assert "full" in str(caught.value)
    assert session.undo_stack.count() == 0
    assert not session.db.conn.in_transaction
    assert state(session) == before
    make_room(session.db)
    session.push(events.add_event("Fits now", "2024-11-20", description=big))
    assert session.undo_stack.count() == 1
    assert events.count_events(session.db) == before[0][0] + 1
    assert session.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_edit_from_the_window_on_a_full_disk_says_so(qtbot, window, hook, message_boxes):
    session = window.session
    count = events.count_events(session.db)
    fill_the_disk(session.db)
    new_event = next(a for a in window.menus["edit"].actions() if a.text() == "&New Event")
    added = 0
    # New events fill the free room in the file's pages, until one needs a page it cannot have.
    while not message_boxes and added < 5000:
        new_event.trigger()
        added += not message_boxes
    assert message_boxes[0][:2] == ("warning", "The disk is full")
    assert "Nothing was lost" in message_boxes[0][2]
    assert hook.dialog is None  # a full disk is not reported as a bug
    assert events.count_events(session.db) == count + added
    assert session.undo_stack.count() == added  # every edit that was saved, and not the one that failed
    assert not session.db.conn.in_transaction
    make_room(session.db)
    new_event.trigger()
    assert events.count_events(session.db) == count + added + 1
    assert session.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- imports and exports in the window ------------------------------------------------------------

def full_disk_for_workers(monkeypatch, module):
    """The connection an import's worker opens (``module.open_project``) on a file that cannot grow.
    ``max_page_count`` belongs to one connection, so the worker's own is limited, at the true edge."""
    real = module.open_project
    monkeypatch.setattr(module, "open_project", lambda path: fill_the_disk(real(path)))


def project_state(session):
    conn = session.db.conn
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("events", "sources", "source_creators", "citations", "tags", "entities", "history",
                          "event_day_counts")}


def assert_disk_full_said_and_nothing_written(qtbot, window, hook, message_boxes, before):
    from desktop_app.reliability.shutdown import running_operations

    qtbot.waitUntil(lambda: bool(message_boxes), timeout=30_000)
    assert message_boxes[0][:2] == ("warning", "The disk is full")
    assert "Nothing was lost" in message_boxes[0][2]
    assert hook.dialog is None  # not reported as a bug
    qtbot.waitUntil(lambda: running_operations(window) == [], timeout=10_000)
    assert project_state(window.session) == before
    assert not window.session.db.conn.in_transaction
    assert window.session.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_source_import_on_a_full_disk_says_so_and_imports_nothing(qtbot, window, hook, message_boxes, tmp_path,
                                                                     monkeypatch):
    import json

    from desktop_app.importing import plan_import
    from desktop_app.sources import import_runner
    from desktop_app.sources.import_flow import start_import

    library = tmp_path / "library.json"
    library.write_text(json.dumps([{"id": f"k{n}", "type": "book", "title": f"Book {n} " + "x" * 200,
                                    "author": [{"family": f"Author{n}"}]} for n in range(300)]))
    session = window.session
    before, undo_steps = project_state(session), session.undo_stack.count()
    full_disk_for_workers(monkeypatch, import_runner)
    start_import(window, session, plan_import([library], session.db), {})
    assert_disk_full_said_and_nothing_written(qtbot, window, hook, message_boxes, before)
    assert session.undo_stack.count() == undo_steps
    monkeypatch.undo()  # room again: the same import goes through
    runner = start_import(window, session, plan_import([library], session.db), {})
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        pass
    assert project_state(session)["sources"] == before["sources"] + 300


def test_a_dataset_import_on_a_full_disk_says_so_and_imports_nothing(qtbot, window, hook, message_boxes, tmp_path,
                                                                      monkeypatch):
    from desktop_app import datasets_ui
    from desktop_app.datasets.mapping import guess_mapping
    from desktop_app.datasets_ui import runner as dataset_runner

    csv_file = events_csv(tmp_path / "events.csv", 3000)
    session = window.session
    before = project_state(session)
    full_disk_for_workers(monkeypatch, dataset_runner)
    datasets_ui.start_import(window, session, csv_file, guess_mapping(csv_file.header), "skip")
    assert_disk_full_said_and_nothing_written(qtbot, window, hook, message_boxes, before)


def test_an_export_that_cannot_be_written_says_so_and_keeps_the_previous_file(qtbot, window, tmp_path,
                                                                             message_boxes, monkeypatch):
    """Every format of File → Export…, the disk failing as the file is made durable (ENOSPC from
    fsync, as a full disk or a network share reports it late): a message naming the reason, the
    previous export untouched, no temporary file left."""
    import errno
    import os

    from desktop_app.exporting_ui.choices import CHOICES
    from desktop_app.exporting_ui.dialog import ExportDialog

    dialog = ExportDialog(window.session)
    qtbot.addWidget(dialog)

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    for number, choice in enumerate(CHOICES):
        folder = tmp_path / f"export-{number}"
        folder.mkdir()
        target = folder / f"export{choice.suffix}"
        target.write_text("the previous export")
        dialog.format.setCurrentIndex(dialog.format.findText(choice.label))
        del message_boxes[:]
        with monkeypatch.context() as patch:
            patch.setattr(os, "fsync", no_space)
            assert ending_of(qtbot, dialog.export_to(target)) == "failed", choice.label
        assert [m[:2] for m in message_boxes] == [("warning", "Export failed")], choice.label
        assert "No space left on device" in message_boxes[0][2] and "nothing was changed" in message_boxes[0][2]
        assert target.read_text() == "the previous export", choice.label
        assert [p.name for p in folder.iterdir()] == [target.name], choice.label
    assert ending_of(qtbot, dialog.export_to(target)) == "finished"  # room again
    assert target.read_text() != "the previous export"
