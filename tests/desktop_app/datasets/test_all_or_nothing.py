"""Bad rows are skipped (counted, with their physical line) or stop the import with nothing
written; a missing column is named; a cancelled or killed import leaves the project as it was."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from benchmarks.acled_csv import write_acled_csv
from db.errors import FileProblem
from desktop_app.datasets import ACLED, DatasetImport, ImportCancelled, Mapping
from tests.desktop_app.datasets.conftest import DATA, ROOT, assert_derived_data_consistent, run_import, schema_sql

WRITTEN_TABLES = ("events", "tags", "entities", "sources", "citations", "event_tags", "event_entities",
                  "event_day_counts", "events_fts")


def counts(db) -> dict:
    return {t: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in WRITTEN_TABLES}


def test_bad_rows_are_skipped_and_reported_by_physical_line(db, empty_project):
    report = run_import(db, "acled_bad_rows.csv")
    # the first row spans lines 2-4, so the bad rows' lines are not their record numbers
    assert report.problems == [
        (5, "cannot read the date '2024-13-45'"),
        (6, "the latitude '149.8397' is outside -90..90"),
        (8, "has 5 fields where the header has 16"),
        (9, "the time_precision '5' is not 1, 2 or 3"),
    ]
    assert (report.added, report.skipped, report.rows) == (2, 4, 6)
    assert {r[0] for r in db.conn.execute("SELECT external_id FROM events")} == {"UKR2001", "UKR2004"}
    assert_derived_data_consistent(empty_project)


def test_stop_on_a_bad_row_writes_nothing(db, empty_project):
    run_import(db, "acled_small.csv")
    before, schema = counts(db), schema_sql(empty_project)
    with pytest.raises(FileProblem) as caught:
        run_import(db, "acled_bad_rows.csv", on_bad_row="stop")
    assert caught.value.line == 5 and "2024-13-45" in str(caught.value)
    assert str(caught.value).startswith(f"{DATA / 'acled_bad_rows.csv'}:5: ")
    assert counts(db) == before
    assert schema_sql(empty_project) == schema  # the suspended triggers are back


def test_a_missing_required_column_is_named(db):
    with pytest.raises(FileProblem, match="the ACLED column 'event_date' is missing"):
        run_import(db, "acled_missing_date.csv")
    mapping = Mapping((("Date", "date"), ("Headline", "title"), ("Region", "places")))
    with pytest.raises(FileProblem, match="the column 'Region' \\(mapped to places\\) is missing"):
        run_import(db, "generic_events.csv", mapping)
    assert counts(db)["events"] == 0


def test_cancel_rolls_everything_back(db, tmp_path, empty_project):
    run_import(db, "acled_small.csv")
    before, schema = counts(db), schema_sql(empty_project)
    path = write_acled_csv(tmp_path / "big.csv", 5_000, first_id=50_000)
    asked = []

    def cancelled():
        asked.append(True)
        return len(asked) >= 3  # after some batches are written

    job = DatasetImport(db, path, ACLED, cancelled=cancelled, batch_rows=1_000)
    with pytest.raises(ImportCancelled):
        job.run()
    assert job.report.added >= 2_000  # rows were written inside the transaction before the cancel
    assert counts(db) == before
    assert schema_sql(empty_project) == schema
    assert_derived_data_consistent(empty_project)


def test_progress_runs_on_while_indexes_are_built_and_cancel_stops_there_too(db, tmp_path, empty_project):
    """A first import larger than the project builds its indexes after the rows: the last tenth
    of the bar, told index by index, where Cancel is heard as well."""
    schema = schema_sql(empty_project)
    path = write_acled_csv(tmp_path / "first.csv", 3_000)
    lines = 3_001  # the header and 3,000 rows
    told = []
    report = DatasetImport(db, path, ACLED, progress=lambda done, total: told.append((done, total))).run()
    assert report.added == 3_000
    total = told[-1][1]
    assert total == lines + lines // 10 and told[-1] == (total, total)
    assert all(t == total for _, t in told) and [d for d, _ in told] == sorted(d for d, _ in told)
    indexing = [done for done, _ in told if lines < done < total]
    assert len(indexing) >= 5  # one report per index built (events, links, citations)
    assert schema_sql(empty_project) == schema

    again = write_acled_csv(tmp_path / "second.csv", 3_000, first_id=10_000)
    db.conn.execute("DELETE FROM events")  # a project smaller than the file again
    db.conn.commit()
    before = counts(db)
    reported = []
    job = DatasetImport(db, again, ACLED, progress=lambda done, total: reported.append(done),
                        cancelled=lambda: bool(reported) and lines < reported[-1] < total)  # mid-indexing
    with pytest.raises(ImportCancelled):
        job.run()
    assert job.report.added == 3_000 and counts(db) == before  # every row was in: the cancel rolled them back
    assert schema_sql(empty_project) == schema
    assert_derived_data_consistent(empty_project)


KILLED_IMPORT = """
import sys
from db.store import open_project
from desktop_app.datasets import ACLED, DatasetImport
db = open_project(sys.argv[1])
def progress(done, total):
    print(done, flush=True)
DatasetImport(db, sys.argv[2], ACLED, progress=progress, batch_rows=2_000).run()
print("finished", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_killed_import_leaves_nothing(db, tmp_path, empty_project):
    run_import(db, "acled_small.csv")
    before, schema = counts(db), schema_sql(empty_project)
    path = write_acled_csv(tmp_path / "big.csv", 12_000, first_id=50_000)
    child = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(empty_project), str(path)],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    for _ in range(6):  # progress every thousand rows: by now batches of 2,000 are written
        assert child.stdout.readline().strip() not in ("", "finished")
    time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert counts(db) == before
    assert schema_sql(empty_project) == schema
    assert_derived_data_consistent(empty_project)
