"""Hostile CSV files for the event-dataset importer: each is imported (bad rows skipped or the
import stopped, as asked) or refused with a FileProblem naming the file — never another
exception, never a hang, a refused or stopped import writes nothing, the file is never changed.
A 200 MB file is read as a stream: memory stays flat."""
from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.errors import FileProblem, SourcelineError
from db.store import create_project
from desktop_app.datasets import ImportCancelled, import_dataset
from desktop_app.datasets.csv_file import CsvFile
from desktop_app.datasets.mapping import guess_mapping
from tests.reliability.fuzzing import FUZZ, mutated, time_limit

DATA = Path(__file__).resolve().parents[1] / "data" / "datasets"
SAMPLES = [path.read_bytes() for path in sorted(DATA.glob("*.csv"))]
TABLES = ("events", "event_tags", "event_entities", "tags", "entities", "sources", "citations")
COLUMNS = ["date", "Date", "event_date", "title", "Title", "headline", "description", "notes", "tags", "actor1",
           "actor2", "location", "latitude", "longitude", "lat", "lon", "source", "id", "event_id_cnty", "year",
           "time_precision", "fatalities", "url", "people", "", "date", "x\ny", '"']
VALUES = st.one_of(
    st.sampled_from(["2024-11-20", "20/11/2024", "11/20/2024", "2024-11", "2024", "19 November 2024", "2024-02-30",
                     "0000-00-00", "-50000", "99999-12-31", "1e308", "nan", "inf", "-91", "181.5", "", " ", "a;b;;c",
                     "=HYPERLINK(\"http://x\")", "<b>x</b>", "\u202e", "\x00", "\x00\x00", "a\x00b", "UKR1", "UKR1"]),
    st.text(max_size=30))


def counts(db) -> tuple[int, ...]:
    return tuple(db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    db = create_project(tmp_path_factory.mktemp("fuzz") / "events.sourceline")
    yield db
    db.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("csv")


def import_or_refuse(db, path: Path, on_bad_row: str) -> None:
    given = path.read_bytes()
    _import_or_refuse(db, path, on_bad_row)
    assert path.read_bytes() == given  # the file is only read


def _import_or_refuse(db, path: Path, on_bad_row: str) -> None:
    before = counts(db)
    with time_limit():
        try:
            csv_file = CsvFile.open(path)
            report = import_dataset(db, csv_file, guess_mapping(csv_file.header), on_bad_row)
        except FileProblem as problem:
            assert problem.path == str(path) and problem.problem
            assert counts(db) == before
            return
    after = counts(db)
    assert after[0] == before[0] + report.added
    assert not db.conn.in_transaction


@st.composite
def csv_text(draw) -> bytes:
    header = draw(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=8))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    rows = [header] + [[draw(VALUES) for _ in range(draw(st.integers(0, len(header) + 2)))]
                       for _ in range(draw(st.integers(0, 12)))]
    quote = lambda v: '"' + v.replace('"', '""') + '"' if draw(st.booleans()) or delimiter in v or "\n" in v else v
    text = "\n".join(delimiter.join(quote(v) for v in row) for row in rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return text.encode(encoding, "replace")


@FUZZ
@given(content=csv_text(), on_bad_row=st.sampled_from(["skip", "stop"]))
def test_csv_shaped(project, folder, content, on_bad_row):
    path = folder / "fuzzed.csv"
    path.write_bytes(content)
    import_or_refuse(project, path, on_bad_row)


@FUZZ
@given(content=st.one_of(st.binary(max_size=2000), mutated(SAMPLES)), on_bad_row=st.sampled_from(["skip", "stop"]))
def test_random_and_mangled(project, folder, content, on_bad_row):
    path = folder / "fuzzed.csv"
    path.write_bytes(content)
    import_or_refuse(project, path, on_bad_row)


def test_a_200_mb_file_streams_in_flat_memory_and_cancels_writing_nothing(tmp_path, project):
    path = tmp_path / "huge.csv"
    row = b"2024-11-20,A long enough title for an event row,tag1;tag2,Description of what happened there\n"
    body = row * (4 * 1024 * 1024 // len(row))
    with path.open("wb") as handle:
        handle.write(b"date,title,tags,description\n")
        while handle.tell() < 200 * 1024 * 1024:
            handle.write(body)
    before = counts(project)
    seen = []
    tracemalloc.start()
    try:
        csv_file = CsvFile.open(path)
        with pytest.raises(ImportCancelled):
            import_dataset(project, csv_file, guess_mapping(csv_file.header), "skip",
                           progress=lambda done, total: seen.append(done), cancelled=lambda: len(seen) > 4)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        path.unlink()
    assert csv_file.lines > 2_000_000
    assert counts(project) == before and not project.conn.in_transaction
    assert peak < 64 * 1024 * 1024, f"{peak / 1e6:.0f} MB for a 200 MB file"


def test_bad_mappings_are_refused_not_crashed(tmp_path, project):
    path = tmp_path / "events.csv"
    path.write_text("when,what\n2024-11-20,Something\n")
    csv_file = CsvFile.open(path)
    with pytest.raises(SourcelineError):
        import_dataset(project, csv_file, guess_mapping(("nothing", "useful")), "skip")


def test_a_header_that_repeats_a_name_reads_the_first_column(tmp_path, project):
    # found by fuzzing: "date,date" made a mapping with the date twice, refused as a user error
    path = tmp_path / "repeated.csv"
    path.write_text("date,title,date\n2024-11-20,Something happened,not a date\n")
    csv_file = CsvFile.open(path)
    report = import_dataset(project, csv_file, guess_mapping(csv_file.header), "stop")
    assert report.added == 1
