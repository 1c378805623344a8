"""An edit started while another connection holds the write lock and changes the schema (a dataset
import drops and rebuilds indexes and triggers) waits its turn and succeeds (issue 14, item 9:
it failed with "no such table: events")."""
from __future__ import annotations

import threading
import time

from db import bulk, events, ops
from db.store import open_project, write_transaction


def test_an_edit_waiting_for_an_import_that_changes_the_schema_succeeds(project):
    importer, editor = open_project(project), open_project(project)
    try:
        assert events.count_events(editor) == 5  # the editor has read the schema before the import
        outcome = []

        def edit():
            try:
                outcome.append(ops.run(editor, events.add_event("Added during the import", "2024-11-20")))
            except Exception as error:  # noqa: BLE001 — the test reports it
                outcome.append(error)

        with write_transaction(importer), bulk.derived_triggers_suspended(importer), \
                bulk.DeferredIndexes(importer, ("events",)):
            importer.conn.execute(
                "INSERT INTO events (title, date_edtf, start_s, end_s, date_precision) VALUES ('Imported', '2024', 0, 1, 'year')")
            waiting = threading.Thread(target=edit)
            waiting.start()
            time.sleep(0.3)  # ordering only: the edit is now waiting for the lock
        waiting.join(30)
        assert len(outcome) == 1 and isinstance(outcome[0], int), outcome
        assert events.get_event(editor, outcome[0])["title"] == "Added during the import"
        assert editor.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 7
    finally:
        importer.close()
        editor.close()
