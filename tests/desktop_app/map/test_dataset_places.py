"""An ACLED import puts its events on the map: coordinates and geo_precision stored, the R*Tree and
the per-cell counts filled by the bulk path as the triggers would; a newer export updates them."""
import csv
import shutil
import sqlite3

from db.geo_index import CELL_LEVELS, cell_of
from db.store import create_project, open_project
from desktop_app.datasets import ACLED, DatasetImport
from tests.desktop_app.datasets.conftest import DATA


def _import(db, path):
    return DatasetImport(db, path, ACLED).run()


def _places_consistent(path) -> None:
    conn = sqlite3.connect(path)
    try:
        located = conn.execute("SELECT id, latitude, longitude FROM events WHERE latitude IS NOT NULL").fetchall()
        indexed = conn.execute("SELECT id, min_lat, min_lon FROM event_places ORDER BY id").fetchall()
        assert [row[0] for row in indexed] == sorted(row[0] for row in located)
        expected = {}
        for _, lat, lon in located:
            for level in CELL_LEVELS:
                key = (level, *cell_of(level, lon, lat))
                expected[key] = expected.get(key, 0) + 1
        kept = {(level, cx, cy): n for level, cx, cy, n in conn.execute("SELECT * FROM event_place_cells")}
        assert kept == expected
    finally:
        conn.close()


def test_an_acled_import_stores_geo_precision_and_fills_the_map_index(tmp_path):
    path = tmp_path / "p.sourceline"
    create_project(path).close()
    db = open_project(path)
    _import(db, DATA / "acled_small.csv")
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(open(DATA / "acled_small.csv", encoding="utf-8"))}
    stored = dict(db.conn.execute("SELECT external_id, geo_precision FROM events"))
    assert stored == {key: int(row["geo_precision"]) for key, row in rows.items()} and 2 in stored.values()
    db.close()
    _places_consistent(path)

    # a newer export whose row moves (and is less precise) updates the index through the triggers
    newer = tmp_path / "newer.csv"
    shutil.copyfile(DATA / "acled_small.csv", newer)
    text = newer.read_text(encoding="utf-8").replace("46.6354,32.6169,1,", "46.9,32.0,3,", 1)
    newer.write_text(text, encoding="utf-8")
    db = open_project(path)
    report = _import(db, newer)
    assert report.updated == 1
    assert db.conn.execute("SELECT latitude, geo_precision FROM events WHERE external_id = 'UKR1001'").fetchone() == (
        46.9, 3)
    db.close()
    _places_consistent(path)


def test_a_geo_precision_that_is_not_1_2_or_3_is_a_bad_row(tmp_path):
    bad = tmp_path / "bad.csv"
    text = (DATA / "acled_small.csv").read_text(encoding="utf-8").replace("46.6354,32.6169,1,", "46.6354,32.6169,7,", 1)
    bad.write_text(text, encoding="utf-8")
    path = tmp_path / "p.sourceline"
    create_project(path).close()
    db = open_project(path)
    report = _import(db, bad)
    assert report.skipped == 1 and "geo_precision '7' is not 1, 2 or 3" in report.problems[0][1]
    db.close()
