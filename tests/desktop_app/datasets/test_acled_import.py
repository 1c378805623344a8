"""ACLED exports into a real project file: dates at their precision, titles, tags, entities and
sources deduplicated, cited sources, and a newer export updating instead of duplicating."""
from __future__ import annotations

import json

from db import dates, ops
from db.citations import add_citation
from db.entities import add_entity
from db.sources import add_source
from tests.desktop_app.datasets.conftest import (assert_derived_data_consistent, event_by_id, fts_ids, linked_names,
                                                 run_import, schema_sql)


def test_dates_keep_acled_time_precision(db):
    run_import(db, "acled_small.csv")
    day = event_by_id(db, "UKR1001")
    assert (day["date_edtf"], day["date_precision"]) == ("2024-11-19", "day")
    # "19 November 2024" is read like its ISO twin
    assert event_by_id(db, "UKR1002")["date_edtf"] == "2024-11-19"
    week = event_by_id(db, "UKR1003")  # time_precision 2: the seven days centred on 13 November
    assert (week["date_edtf"], week["date_precision"]) == ("2024-11-10/2024-11-16", "interval")
    b = dates.bounds("2024-11-10/2024-11-16")
    assert (week["start_s"], week["end_s"], week["fuzzy_start_s"], week["fuzzy_end_s"]) == (
        b.start, b.end, b.fuzzy_start, b.fuzzy_end)
    month = event_by_id(db, "UKR1004")  # time_precision 3
    assert (month["date_edtf"], month["date_precision"]) == ("2024-11", "month")
    assert month["end_s"] - month["start_s"] == 30 * dates.DAY


def test_title_description_place_and_tags(db):
    report = run_import(db, "acled_small.csv")
    assert (report.added, report.updated, report.skipped) == (5, 0, 0)
    shelling = event_by_id(db, "UKR1001")
    assert shelling["title"] == ("Shelling/artillery/missile attack: Military Forces of Russia (2000-) vs "
                                 "Civilians (Ukraine) in Kherson")
    assert shelling["description"].startswith("On 19 November 2024, Russian forces shelled Kherson city, damaging")
    assert shelling["description"].endswith("\n\nFatalities: 0")
    assert (shelling["dataset"], shelling["location_name"]) == ("acled", "Kherson, Khersonska, Ukraine")
    assert (shelling["latitude"], shelling["longitude"]) == (46.6354, 32.6169)
    protest = event_by_id(db, "UKR1002")
    assert "\nThe protest ended peacefully." in protest["description"]  # a quoted field with a newline
    assert linked_names(db, protest["id"], "tags") == {
        "Protests", "Peaceful protest", "crowd size=around 200", "women targeted: none"}


def test_actors_and_places_are_entities_deduplicated_across_file_and_project(db):
    existing = ops.run(db, add_entity("Ukrainian students", "person", aliases=("Students (Ukraine)",)))
    run_import(db, "acled_small.csv")
    protest = event_by_id(db, "UKR1002")
    assert linked_names(db, protest["id"], "entities") == {
        "Protesters (Ukraine)", "Women (Ukraine)", "Ukrainian students", "Kyiv", "Kyiv City"}
    assert existing in {r[0] for r in db.conn.execute(
        "SELECT entity_id FROM event_entities WHERE event_id = ?", (protest["id"],))}
    # "Kherson" and "KHERSON", and the Russian forces in four rows, are one entity each
    assert db.conn.execute("SELECT count(*) FROM entities WHERE name = 'Kherson' COLLATE NOCASE").fetchone()[0] == 1
    russia = db.conn.execute("SELECT id, kind FROM entities WHERE name = 'Military Forces of Russia (2000-)'").fetchall()
    assert len(russia) == 1 and russia[0][1] == "organisation"
    assert db.conn.execute("SELECT count(*) FROM event_entities WHERE entity_id = ?", (russia[0][0],)).fetchone()[0] == 4
    assert db.conn.execute("SELECT kind FROM entities WHERE name = 'Kyiv'").fetchone()[0] == "place"
    assert db.conn.execute("SELECT kind FROM entities WHERE id = ?", (existing,)).fetchone()[0] == "person"


def test_sources_are_cited_records_one_per_name(db):
    own = ops.run(db, add_source({"type": "article-newspaper", "title": "Ukrinform"}, "2024-11-20"))
    report = run_import(db, "acled_small.csv")
    assert report.sources_added == 5  # "Ukrinform" and "ukrinform" are one
    rows = db.conn.execute("SELECT id, title, csl_type, csl_extra FROM sources WHERE id != ? ORDER BY title",
                           (own,)).fetchall()
    assert {title: kind for _, title, kind, _ in rows} == {
        "Kherson Regional Military Administration": "report", "Ministry of Defence of Ukraine": "report",
        "Telegram (Zaporizhzhia Oblast Military Administration)": "post", "Ukrainska Pravda": "article-newspaper",
        "Ukrinform": "article-newspaper"}
    assert all(json.loads(extra) == {"source": "ACLED"} for *_, extra in rows)
    shelling = event_by_id(db, "UKR1001")
    assert linked_names(db, shelling["id"], "sources") == {"Ukrinform", "Kherson Regional Military Administration"}
    assert {r[0] for r in db.conn.execute("SELECT DISTINCT stance FROM citations")} == {"supports"}
    # the analyst's own "Ukrinform" article is not the dataset's outlet, and cited by none of its rows
    assert db.conn.execute("SELECT count(*) FROM citations WHERE source_id = ?", (own,)).fetchone()[0] == 0
    assert event_by_id(db, "UKR1005")["first_reported_s"] is None  # ACLED's sources carry no date


def test_newer_export_updates_instead_of_duplicating(db, empty_project):
    run_import(db, "acled_small.csv")
    before = event_by_id(db, "UKR1003")
    assert fts_ids(db, '"week"') == {before["id"]}
    # the analyst cites their own source for that event: the re-import must keep it
    mine = ops.run(db, add_source({"type": "report", "title": "Field notes"}, "2024-11-15"))
    ops.run(db, add_citation(before["id"], mine, quote="Heavy fighting near Kurakhove.", stance="contradicts"))

    report = run_import(db, "acled_small_newer.csv")
    assert (report.added, report.updated, report.unchanged) == (1, 1, 4)
    assert db.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 6
    after = event_by_id(db, "UKR1003")
    assert after["id"] == before["id"]
    assert (after["date_edtf"], after["date_precision"]) == ("2024-11-14", "day")
    assert after["title"] == "Armed clash: Military Forces of Russia (2000-) vs Wagner Group in Kurakhove"
    assert fts_ids(db, '"Wagner"') == {after["id"]}
    assert fts_ids(db, '"week"') == set()  # the old notes are gone from the index
    entities = linked_names(db, after["id"], "entities")
    assert "Wagner Group" in entities and "Military Forces of Ukraine (2019-)" not in entities
    assert linked_names(db, after["id"], "sources") == {"Ministry of Defence of Ukraine", "Deep State", "Field notes"}
    assert after["first_reported_edtf"] == "2024-11-15"  # from the analyst's dated source, kept
    assert_derived_data_consistent(empty_project)


def test_same_export_again_changes_nothing(db):
    run_import(db, "acled_small.csv")
    stamps = db.conn.execute("SELECT id, modified_at FROM events ORDER BY id").fetchall()
    links = [db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("event_tags", "event_entities",
                                                                                  "citations", "sources")]
    report = run_import(db, "acled_small.csv")
    assert (report.added, report.updated, report.unchanged) == (0, 0, 5)
    assert db.conn.execute("SELECT id, modified_at FROM events ORDER BY id").fetchall() == stamps
    assert [db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("event_tags", "event_entities", "citations", "sources")] == links


def test_an_id_repeated_in_the_file_keeps_the_last_row(db, tmp_path, empty_project):
    lines = (DATA_HEADER + "\n" + "\n".join(
        f"UKR9,2024-11-{day:02d},2024,1,Protests,Peaceful protest,Protesters (Ukraine),Lviv,49.8,24.0,Zaxid.net,"
        f"Row {n}" for n, day in enumerate((1, 2, 3, 4, 5), 1)))
    path = tmp_path / "repeats.csv"
    path.write_text(lines + "\n", encoding="utf-8")
    schema = schema_sql(empty_project)
    # batches of two rows: the repeats fall both inside one batch and across batches (where the
    # importer starts looking ids up, and needs back the indexes it was building at the end)
    report = run_import(db, path, batch_rows=2)
    assert schema_sql(empty_project) == schema
    assert db.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    event = event_by_id(db, "UKR9")
    assert (event["date_edtf"], event["description"]) == ("2024-11-05", "Row 5")
    assert report.added == 1 and report.added + report.updated + report.repeated + report.unchanged == 5
    assert_derived_data_consistent(empty_project)


DATA_HEADER = ("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,location,latitude,"
               "longitude,source,notes")


def test_a_first_import_builds_the_indexes_it_grew_at_the_end(db, empty_project):
    schema = schema_sql(empty_project)
    run_import(db, "acled_small.csv")  # more rows than the project has events: indexes built after
    assert schema_sql(empty_project) == schema
    # the rebuilt indexes answer queries that use them
    plan = db.conn.execute("EXPLAIN QUERY PLAN SELECT id FROM events WHERE start_s > 0 ORDER BY start_s").fetchall()
    assert any("events_by_start" in row[-1] for row in plan)
    assert db.conn.execute("SELECT count(*) FROM events INDEXED BY events_by_start").fetchone()[0] == 5
    assert_derived_data_consistent(empty_project)
