"""The sample project: `sourceline new PATH --sample` builds a real project file whose data holds together."""
from __future__ import annotations

import json
import re
import shutil
import sys
from urllib.parse import urlparse

import pytest

from db import dates
from db.entities import find_entity
from db.errors import FileProblem
from db.events import EventFilter, event_page
from db.store import create_project, open_project
from desktop_app.cli import main
from desktop_app.resources import resource_path
from desktop_app.sample import EDIT_LABEL, build_sample


@pytest.fixture
def db(sample_path):
    db = open_project(str(sample_path))
    yield db
    db.close()


def scalar(db, sql, params=()):
    return db.conn.execute(sql, params).fetchone()[0]


def test_counts_are_in_range(db):
    assert 25 <= scalar(db, "SELECT count(*) FROM events") <= 40
    assert 10 <= scalar(db, "SELECT count(*) FROM sources") <= 16
    assert scalar(db, "SELECT count(*) FROM annotations") >= 20
    assert scalar(db, "SELECT count(*) FROM citations") >= scalar(db, "SELECT count(*) FROM events")
    assert scalar(db, "SELECT count(DISTINCT entity_id) FROM entity_aliases") >= 15
    assert scalar(db, "SELECT count(*) FROM tags") >= 7


@pytest.mark.parametrize("title, edtf", [
    ("Scholz phones Putin, their first call in almost two years", "2024-11-15"),
    ("First ATACMS strike on Russian territory: ammunition depot in Bryansk region", "2024-11-19"),
    ("Putin approves Russia's updated nuclear doctrine", "2024-11-19"),
    ("The 1,000th day of Russia's full-scale invasion", "2024-11-19"),
    ("US reportedly lets Ukraine strike inside Russia with ATACMS", "2024-11-17"),
    ("Black Sea grain deal lets Ukraine export grain by sea", "2022-07-22/2023-07-17"),
    ("Ukraine's incursion into Russia's Kursk region", "2024-08-06/.."),
    ("Donald Trump wins the US presidential election", "2024-11-05"),
    ("Germany's governing coalition collapses", "2024-11-06"),
    ("Erdoğan floats ceasefire ideas at the G20", "2024-11-18/2024-11-19"),
])
def test_named_events_have_their_dates(db, title, edtf):
    row = db.conn.execute("SELECT date_edtf, start_s, end_s FROM events WHERE title = ?", (title,)).fetchone()
    assert row is not None, title
    assert row[0] == edtf
    assert (row[1], row[2]) == (dates.bounds(edtf).start, dates.bounds(edtf).end)


def test_some_dates_are_honestly_imprecise(db):
    edtfs = [r[0] for r in db.conn.execute("SELECT date_edtf FROM events")]
    assert any(e.endswith("~") for e in edtfs)
    assert any(e.endswith("?") for e in edtfs)
    assert any(re.fullmatch(r"\d{4}-2[1-4]", e) for e in edtfs)  # a season
    assert any(re.fullmatch(r"\d{4}-\d{2}", e) for e in edtfs)  # a month
    kursk = db.conn.execute("SELECT fuzzy_end_s FROM events WHERE date_edtf = '2024-08-06/..'").fetchone()
    assert kursk == (None,)  # open end
    dprk = db.conn.execute("SELECT date_edtf, fuzzy_start_s, start_s, fuzzy_end_s FROM events"
                           " WHERE title LIKE 'North Korean troops%'").fetchone()
    assert dprk[0].startswith("2024-10") and dprk[1] < dprk[2] and dprk[3] is None  # about late October, open


def test_one_event_is_contested_by_its_sources(db):
    contested = [e for e in event_page(db, EventFilter(stance="contradicts"), limit=100)]
    titles = {e["title"] for e in contested}
    assert "First ATACMS strike on Russian territory: ammunition depot in Bryansk region" in titles
    assert all(e["contested"] for e in contested)
    # the contradicting source gives a different number of missiles than the supporting one
    quotes = dict(db.conn.execute(
        "SELECT c.stance, c.quote FROM citations c JOIN events e ON e.id = c.event_id"
        " WHERE e.title LIKE 'First ATACMS strike%' AND c.stance IN ('supports', 'contradicts') AND c.quote LIKE '%missiles%'"))
    assert "six" in quotes["supports"] and "eight" in quotes["contradicts"]



def test_one_event_is_contested_by_the_date_a_source_gives(db):
    """Putin's address was on Thursday 21 November; a column puts it on the Friday."""
    contested = {e["title"] for e in event_page(db, EventFilter(stance="contradicts"), limit=100)}
    assert "Putin names the Oreshnik in a televised address" in contested
    stances, claimed = zip(*db.conn.execute(
        "SELECT c.stance, c.claimed_edtf FROM citations c JOIN events e ON e.id = c.event_id"
        " WHERE e.title = 'Putin names the Oreshnik in a televised address' ORDER BY c.id"))
    assert set(stances) == {"supports"} and claimed == (None, "2024-11-22")


@pytest.mark.parametrize("alias, name", [
    ("Kiev", "Kyiv"), ("Scholtz", "Olaf Scholz"), ("Solz", "Olaf Scholz"), ("Zelenskyy", "Volodymyr Zelensky"),
    ("Zelenskiy", "Volodymyr Zelensky"), ("Erdogan", "Recep Tayyip Erdoğan"), ("DPRK", "North Korea"),
    ("Bryansk oblast", "Bryansk region"), ("Peskov", "Dmitry Peskov"),
])
def test_aliases_resolve_to_their_entity(db, alias, name):
    assert find_entity(db, alias) is not None
    assert find_entity(db, alias) == find_entity(db, name)


def test_entities_have_kinds(db):
    kinds = dict(db.conn.execute("SELECT name, kind FROM entities"))
    assert kinds["Kyiv"] == "place"
    assert kinds["Olaf Scholz"] == "person"
    assert kinds["ATACMS"] == "equipment"
    assert kinds["Kremlin"] == "organisation"
    assert "other" not in kinds.values()  # every name an event uses was declared with its kind


def test_every_annotation_matches_its_source_text(db):
    rows = db.conn.execute(
        "SELECT a.start_char, a.end_char, a.exact, s.full_text FROM annotations a JOIN sources s ON s.id = a.source_id")
    for start, end, exact, text in rows:
        assert text[start:end] == exact
        assert text.count(exact) == 1


def test_citation_locators_name_the_paragraph_of_their_quote(db):
    rows = db.conn.execute(
        "SELECT c.locator_type, c.locator, c.quote, c.annotation_id, s.full_text FROM citations c"
        " JOIN sources s ON s.id = c.source_id")
    annotated = 0
    for locator_type, locator, quote, annotation_id, text in rows:
        paragraphs = text.split("\n\n")
        assert locator_type == "paragraph"
        assert 1 <= int(locator) <= len(paragraphs)
        if annotation_id is not None:
            annotated += 1
            assert quote in paragraphs[int(locator) - 1]
    assert annotated >= 30


def test_sources_are_varied_bibliographic_records(db):
    sources = [dict(zip(("type", "issued", "url", "text", "reliability", "credibility"), r)) for r in db.conn.execute(
        "SELECT csl_type, issued_edtf, url, full_text, reliability, credibility FROM sources")]
    assert {"article-newspaper", "article-magazine", "webpage", "report", "post"} <= {s["type"] for s in sources}
    assert {"document", "speech"} & {s["type"] for s in sources}
    assert sum(1 for s in sources if re.fullmatch(r"\d{4}-\d{2}", s["issued"])) == 1  # one dated to the month
    assert all(urlparse(s["url"]).hostname in ("example.org", "example.com") for s in sources)
    assert all(3 <= len(s["text"].split("\n\n")) <= 8 for s in sources)
    assert any(s["reliability"] and s["credibility"] for s in sources)
    assert any(re.search(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", s["text"]) for s in sources)
    creators = db.conn.execute("SELECT family, given, literal FROM source_creators").fetchall()
    assert ("Weber", "Anna", None) in creators
    assert (None, None, "Office of the President of Ukraine") in creators


def test_the_sample_has_eras_over_its_events(db):
    from db.eras import list_eras

    listed = [(e["name"], e["date_edtf"]) for e in list_eras(db)]
    assert listed == [("Kursk incursion", "2024-08-06/2025-03~"), ("Trump transition", "2024-11-05/2025-01-20")]


def test_an_era_whose_date_is_not_edtf_is_a_clear_error(tmp_path, data_copy):
    _edit_json(data_copy / "eras.json", lambda d: d[1].update(date_edtf="after the election"))
    db = create_project(str(tmp_path / "p.sourceline"))
    with pytest.raises(FileProblem, match=r"eras\.json:\d+: era 'Trump transition': expected a form"):
        build_sample(db, data_copy)
    assert scalar(db, "SELECT count(*) FROM events") == 0
    db.close()


def test_everything_is_one_edit(db):
    assert [r[0] for r in db.conn.execute("SELECT DISTINCT edit FROM history")] == [EDIT_LABEL]


def test_events_command_lists_the_sample_as_json(sample_path, capsys):
    capsys.readouterr()
    assert main(["events", "--db", str(sample_path), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert 25 <= len(records) <= 40
    by_title = {r["title"]: r for r in records}
    scholz = by_title["Scholz phones Putin, their first call in almost two years"]
    assert (scholz["date_edtf"], scholz["start"], scholz["end"]) == ("2024-11-15", "2024-11-15", "2024-11-15")
    grain = by_title["Black Sea grain deal lets Ukraine export grain by sea"]
    assert (grain["start"], grain["end"]) == ("2022-07-22", "2023-07-17")
    assert [r["start"] for r in records] == sorted(r["start"] for r in records)
    assert scholz["first_reported"] == "2024-11-15"


def test_entity_filter_finds_events_by_alias(sample_path, capsys):
    capsys.readouterr()
    assert main(["events", "--db", str(sample_path), "--entity", "Kiev", "--format", "json"]) == 0
    titles = {r["title"] for r in json.loads(capsys.readouterr().out)}
    assert "US embassy in Kyiv closes for a day over a warning of a large air attack" in titles


# -- the data cannot rot silently --------------------------------------------------------------

@pytest.fixture
def data_copy(tmp_path):
    copy = tmp_path / "sample"
    shutil.copytree(resource_path("sample"), copy)
    return copy


def _edit_json(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def test_a_quote_missing_from_its_text_is_a_clear_error_and_writes_nothing(tmp_path, data_copy):
    _edit_json(data_copy / "sources.json", lambda d: d[0]["annotations"][0].update(quote="spoke to Putin on Saturday"))
    db = create_project(str(tmp_path / "p.sourceline"))
    with pytest.raises(FileProblem, match=r"sources\.json:\d+: .*'spoke to Putin on Saturday' is not in"):
        build_sample(db, data_copy)
    assert scalar(db, "SELECT count(*) FROM sources") == 0
    db.close()


def test_an_ambiguous_quote_is_an_error(tmp_path, data_copy):
    _edit_json(data_copy / "sources.json", lambda d: d[0]["annotations"][0].update(quote="Putin"))
    db = create_project(str(tmp_path / "p.sourceline"))
    with pytest.raises(FileProblem, match="occurs more than once"):
        build_sample(db, data_copy)
    db.close()


def test_an_undeclared_entity_or_passage_is_an_error(tmp_path, data_copy):
    _edit_json(data_copy / "events.json", lambda d: d[0]["entities"].append("Atlantis"))
    db = create_project(str(tmp_path / "p.sourceline"))
    with pytest.raises(FileProblem, match="'Atlantis' is not in entities.json"):
        build_sample(db, data_copy)
    _edit_json(data_copy / "events.json", lambda d: (d[0]["entities"].remove("Atlantis"),
                                                     d[0]["citations"][0].update(annotation="no-such-passage")))
    with pytest.raises(FileProblem, match="has no passage 'no-such-passage'"):
        build_sample(db, data_copy)
    _edit_json(data_copy / "events.json", lambda d: d[0]["citations"][0].update(annotation=None, paragraph=1,
                                                                                date="last Friday"))
    with pytest.raises(FileProblem, match="'last Friday' its citation of .* is not EDTF"):
        build_sample(db, data_copy)
    assert scalar(db, "SELECT count(*) FROM events") == 0
    db.close()


def test_resources_are_found_inside_a_pyinstaller_bundle(tmp_path, monkeypatch):
    assert (resource_path("sample") / "events.json").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("sample", "events.json") == tmp_path / "resources" / "sample" / "events.json"
