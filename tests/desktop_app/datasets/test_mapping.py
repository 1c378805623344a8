"""Any CSV through a column mapping: guessed from the header, given as JSON, dates written in
other orders and at chosen precisions."""
from __future__ import annotations

import pytest

from db import ops
from db.errors import SourcelineError
from db.events import delete_events
from desktop_app.datasets.csv_file import CsvFile
from desktop_app.datasets.mapping import ACLED, Mapping, guess_mapping, header_key, load_mapping
from tests.desktop_app.datasets.conftest import DATA, event_by_id, linked_names, run_import


def test_fields_are_guessed_from_column_names():
    mapping = guess_mapping(CsvFile.open(DATA / "generic_events.csv").header)
    assert dict(mapping.columns) == {
        "ID": "external_id", "Date": "date", "Headline": "title", "Summary": "description", "Category": "tags",
        "People": "people", "City": "places", "Lat": "latitude", "Lon": "longitude", "Source": "sources"}
    assert guess_mapping(CsvFile.open(DATA / "acled_small.csv").header) == ACLED


def test_json_mappings_inline_as_a_file_and_round_trip(tmp_path):
    plain = load_mapping('{"When": "date", "What": "title", "Kind": "tags", "Kind2": "tags"}')
    assert plain.columns_for("tags") == ["Kind", "Kind2"] and plain.precision == "auto"
    full = Mapping((("When", "date"), ("What", "title")), dataset="protests", date_order="%d.%m.%Y", precision="month")
    path = tmp_path / "mapping.json"
    path.write_text(full.to_json(), encoding="utf-8")
    assert load_mapping(str(path)) == full
    assert Mapping.from_json(full.to_json()) == full
    assert load_mapping("acled") == ACLED == Mapping.from_json(ACLED.to_json())


@pytest.mark.parametrize("text, problem", [
    ("{not json", "not valid JSON"),
    ('{"Date": "when"}', "'when', which is not one of"),
    ('{"A": "date", "B": "date"}', "only one column can be the date"),
    ('{"columns": {"A": "date"}, "precision": "fortnight"}', "unknown date precision 'fortnight'"),
    ('{"columns": {"A": "date"}, "date_order": "backwards"}', "unknown date order 'backwards'"),
    ("no-such-file.json", "neither acled, auto, a JSON file nor inline JSON"),
])
def test_bad_mappings_say_what_is_wrong(text, problem):
    with pytest.raises(SourcelineError, match=problem):
        load_mapping(text)


def test_a_json_list_is_not_a_mapping():
    with pytest.raises(SourcelineError, match="must be a JSON object"):
        Mapping.from_json('["Date", "Title"]')


def test_header_key_follows_the_layout():
    assert header_key(("Date", "Title")) == header_key([" Date", "Title "])
    assert header_key(("Date", "Title")) != header_key(("Title", "Date"))


def test_generic_csv_with_guessed_mapping(db):
    mapping = guess_mapping(CsvFile.open(DATA / "generic_events.csv").header)
    report = run_import(db, "generic_events.csv", mapping)
    assert (report.added, report.skipped, report.dataset) == (4, 0, "generic_events")
    written = {r[0]: r[1:] for r in db.conn.execute("SELECT external_id, date_edtf, date_precision FROM events")}
    assert written == {"G-1": ("2024-03-02", "day"), "G-2": ("2024-03", "month"), "G-3": ("2024-21", "season"),
                       "G-4": ("2024-03-05~", "day")}
    strike = event_by_id(db, "G-1")
    assert strike["description"] == 'Dock workers stopped work, demanding "fair pay".'
    assert linked_names(db, strike["id"], "tags") == {"labour", "strike"}
    assert (strike["latitude"], strike["longitude"]) == (54.352, 18.6466)
    people = db.conn.execute("SELECT name, kind FROM entities WHERE kind = 'person' ORDER BY name").fetchall()
    assert people == [("Anna Kowalska", "person"), ("Piotr Nowak", "person")]
    assert db.conn.execute("SELECT kind FROM entities WHERE name = 'Gdańsk'").fetchone()[0] == "place"
    web = db.conn.execute("SELECT csl_type, url FROM sources WHERE title LIKE 'https:%'").fetchone()
    assert web == ("webpage", "https://example.org/port-strike")
    assert linked_names(db, event_by_id(db, "G-4")["id"], "sources") == {"Polskie Radio"}


def test_day_first_dates_formats_and_precision(db, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("when,what\n03/04/2024,Third of April\n19.11.2024,Dotted\n", encoding="utf-8")
    mapping = Mapping((("when", "date"), ("what", "title")), date_order="day-first")
    run_import(db, path, mapping)
    assert _dates(db) == {"Third of April": "2024-04-03", "Dotted": "2024-11-19"}

    ops.run(db, delete_events([r[0] for r in db.conn.execute("SELECT id FROM events")]))
    formatted = Mapping((("when", "date"), ("what", "title")), date_order="%d.%m.%Y", precision="week",
                        dataset="weeks")
    report = run_import(db, path, formatted)
    assert report.problems == [(2, "cannot read the date '03/04/2024' as %d.%m.%Y")]
    assert _dates(db) == {"Dotted": "2024-11-16/2024-11-22"}


@pytest.mark.parametrize("precision, expected", [("month", "2024-11"), ("year", "2024"), ("day", "2024-11-19")])
def test_a_chosen_precision_applies_to_every_row(db, tmp_path, precision, expected):
    path = tmp_path / "p.csv"
    path.write_text("Date,Title\n19 November 2024,Something happened\n", encoding="utf-8")
    run_import(db, path, Mapping((("Date", "date"), ("Title", "title")), precision=precision))
    assert _dates(db) == {"Something happened": expected}


def test_title_made_from_description_when_there_is_none(db, tmp_path):
    path = tmp_path / "untitled.csv"
    long = "Soldiers crossed the river at dawn and took positions on the eastern bank, " * 3
    path.write_text(f"Date,Text\n2024-01-05,\"{long}\"\n2024-01-06,\n", encoding="utf-8")
    report = run_import(db, path, Mapping((("Date", "date"), ("Text", "description"))))
    title = db.conn.execute("SELECT title FROM events").fetchone()[0]
    assert title.startswith("Soldiers crossed the river") and title.endswith("…") and len(title) <= 101
    assert report.problems == [(3, "the title is empty (and there is no description to make one from)")]


def _dates(db) -> dict:
    return dict(db.conn.execute("SELECT title, date_edtf FROM events"))


def test_a_title_of_nul_characters_is_an_empty_title_skipped_not_a_failed_import(db, tmp_path):
    """Found by the dataset fuzz test: SQLite's length() stops at a NUL, so the title '\\x00' failed
    the store's check and with it the whole import."""
    path = tmp_path / "nul.csv"
    path.write_bytes(b"date,title\n2024-11-20,\x00\n2024-11-21,Bridge\x00 reopened\n")
    report = run_import(db, path, guess_mapping(["date", "title"]), on_bad_row="skip")
    assert (report.added, report.skipped) == (1, 1)
    assert [t for (t,) in db.conn.execute("SELECT title FROM events WHERE dataset IS NOT NULL")] == ["Bridge reopened"]
