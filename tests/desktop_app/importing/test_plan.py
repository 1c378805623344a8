"""The import core on real files and a real project: what each format brings in, and all-or-nothing."""
import json

import pytest

from db import ops
from db.errors import FileProblem
from desktop_app.importing import ImportCancelled, plan_import


def imported(db, *paths, **apply_args):
    plan = plan_import(paths, db)
    op = plan.apply(**apply_args)
    ops.run(db, op)
    return plan, op


def test_bibtex_macros_accents_braces_and_corporate_authors(project, data, titled):
    plan, op = imported(project, data / "accents.bib")
    assert plan.problems == [] and len(plan.records) == 4
    assert op.label == "Import 4 sources"

    battle = titled(project, "The Battle of Bakhmut: A Chronology")  # braces kept words, lost
    assert battle["container_title"] == "Journal of Contemporary Warfare"  # @string macro
    assert battle["issued_edtf"] == "2023-03"
    assert battle["doi"] == "10.1234/JCW.2023.0042"
    assert battle["citation_key"] == "kovalenko2023"
    assert battle["creators"]["author"] == [
        {"family": "Kovalenko", "given": "Olena"}, {"family": "Müller", "given": "Jörg"},
        {"family": "Škoda", "given": "Pavel"}]
    assert json.loads(battle["csl_extra"])["page"] in ("101–130", "101-130")

    osce = titled(project, "Report on Violations of International Humanitarian Law")
    assert osce["creators"]["author"] == [{"literal": "Organization for Security and Co-operation in Europe"}]
    assert osce["issued_edtf"] == "2022-04-13" and osce["csl_type"] == "report"

    french = titled(project, "L'Été à Kyiv")  # accents and a macro joined with #
    assert french["creators"]["author"] == [{"family": "François", "given": "Amélie"}]

    undated = titled(project, "An Undated Note on Supply Lines")
    assert undated["issued_edtf"] is None and undated["issued_start_s"] is None


def test_ris_repeated_tags(project, data, titled):
    plan, _ = imported(project, data / "repeated.ris")
    assert len(plan.records) == 2
    news = titled(project, "Shelling reported near Avdiivka")
    assert news["csl_type"] == "article-newspaper"
    assert news["container_title"] == "Kyiv Independent"
    assert news["issued_edtf"] == "2024-02-15"
    names = news["creators"]["author"]
    assert [n.get("family") or n.get("literal") for n in names] == ["Petrenko", "Shevchenko", "Ukrinform"]
    assert "Avdiivka" in json.dumps(json.loads(news["csl_extra"]), ensure_ascii=False)  # every KW kept
    journal = titled(project, "Logistics of attrition")
    assert [n["family"] for n in journal["creators"]["author"]] == ["Ødegård", "Łukasiewicz"]
    assert journal["doi"] == "10.5555/DS.2021.7" and journal["issued_edtf"] == "2021"


def test_csl_json_date_parts_literal_names_and_dates(project, data, titled):
    imported(project, data / "items.json")
    bbc = titled(project, "Kherson: Ukrainian troops enter the city")
    assert bbc["creators"]["author"] == [{"literal": "BBC News"}]
    assert bbc["issued_edtf"] == "2022-11-11" and bbc["accessed_edtf"] == "2024-01-05"
    assert bbc["citation_key"] == "bbc-kherson" and bbc["language"] == "en-GB"
    hrw = titled(project, "“Our Cities Were Burned”")
    assert hrw["creators"]["author"][0] == {"family": "Ясинська", "given": "Олена"}
    assert hrw["issued_edtf"] == "2023-21"  # a literal season read as EDTF spring
    assert json.loads(hrw["csl_extra"]) == {"volume": "4"}
    assert titled(project, "Live updates without a date")["issued_edtf"] is None


def test_full_texts_html_markdown_and_plain_text(project, data, titled):
    plan = plan_import([data / "meta.html", data / "frontmatter.md", data / "field notes 12 march.txt",
                        data / "statement.txt"], project)
    asked = {record.path.name: record.missing for record in plan.records}
    assert asked == {"meta.html": [], "frontmatter.md": [], "field notes 12 march.txt": ["title", "issued"],
                     "statement.txt": ["issued"]}
    notes = plan.titles_from_file_names()
    assert any("titled “field notes 12 march”" in note for note in notes)
    ops.run(project, plan.apply())

    html = titled(project, "Bridge destroyed on the Dnipro")
    assert html["issued_edtf"] == "2023-06-06" and html["container_title"] == "Example Times"
    assert html["creators"]["author"] == [{"family": "Kowalska", "given": "Maria"}]
    assert "Nova Kakhovka" in html["full_text"] and "<p>" not in html["full_text"]
    markdown = titled(project, "Drone strike on the refinery")
    assert markdown["url"] == "https://fieldnotes.test/refinery"
    assert "three explosions" in markdown["full_text"] and "**" not in markdown["full_text"]
    plain = titled(project, "field notes 12 march")
    assert plain["issued_edtf"] is None and plain["full_text"].startswith("The convoy passed")
    assert titled(project, "Statement by the regional administration")["full_text"]


def test_completing_a_full_text_before_applying(project, data, titled):
    plan = plan_import([data / "field notes 12 march.txt"], project)
    plan.complete(0, title="Convoy at the checkpoint", issued_edtf="2024-03-12")
    assert plan.records[0].missing == []
    ops.run(project, plan.apply())
    assert titled(project, "Convoy at the checkpoint")["issued_edtf"] == "2024-03-12"


@pytest.mark.parametrize("bad, line", [("broken.bib", 9), ("malformed.json", 3)])
def test_a_malformed_file_among_good_ones_writes_nothing(project, data, rows, bad, line):
    imported(project, data / "statement.txt")
    before = {table: rows(project, table) for table in ("sources", "source_creators", "history")}
    plan = plan_import([data / "accents.bib", data / bad, data / "meta.html"], project)
    [problem] = plan.problems
    assert problem.path.endswith(bad) and problem.line == line
    assert str(problem).startswith(f"{data / bad}:{line}: ")
    with pytest.raises(FileProblem):
        plan.apply()
    assert {table: rows(project, table) for table in before} == before


def test_skipping_bad_files_takes_whole_good_files_only(project, data, rows):
    plan = plan_import([data / "broken.bib", data / "accents.bib"], project)
    ops.run(project, plan.apply(skip_bad_files=True))
    titles = {t for (t,) in project.conn.execute("SELECT title FROM sources")}
    assert "A Good Entry" not in titles  # the good entry of the bad file is not taken
    assert len(titles) == 4


def test_unknown_file_type_is_a_problem(project, tmp_path):
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK\x03\x04 binary")
    [problem] = plan_import([odd], project).problems
    assert "not a file Sourceline imports" in problem.problem


def test_content_decides_when_the_extension_does_not(project, data, tmp_path, titled):
    copy = tmp_path / "export.txt.download"
    copy.write_bytes((data / "accents.bib").read_bytes())
    plan, _ = imported(project, copy)
    assert len(plan.records) == 4


def test_progress_and_cancel_mid_import_write_nothing(project, data, rows):
    plan = plan_import([data / "accents.bib", data / "items.json", data / "meta.html"], project)
    reports = []
    op = plan.apply(progress=lambda done, total: reports.append((done, total)),
                    cancelled=lambda: len(reports) >= 3)
    history = rows(project, "history")
    with pytest.raises(ImportCancelled, match="nothing was written"):
        ops.run(project, op)
    assert reports == [(1, 8), (2, 8), (3, 8)]
    assert rows(project) == 0 and rows(project, "source_creators") == 0
    assert rows(project, "history") == history
    assert project.conn.execute("SELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'Bakhmut'").fetchone()[0] == 0


def test_progress_reaches_the_total(project, data):
    plan = plan_import([data / "items.json"], project)
    reports = []
    ops.run(project, plan.apply(progress=lambda done, total: reports.append((done, total))))
    assert reports == [(1, 3), (2, 3), (3, 3)]


def test_undo_of_an_import_removes_it_and_redo_brings_it_back(project, data, rows):
    imported(project, data / "statement.txt")
    plan, op = imported(project, data / "accents.bib", data / "items.json")
    assert rows(project) == 8 and op.label == "Import 7 sources"
    added = sorted(source_id for source_id, _ in op.result.added)
    op.undo(project)
    assert rows(project) == 1 and rows(project, "source_creators") == 0
    op.do(project)
    assert sorted(i for (i,) in project.conn.execute("SELECT id FROM sources")) == sorted([1, *added])
    assert rows(project, "source_creators") == 10


def test_name_particles_and_suffixes_are_kept_in_the_stored_parts(project, tmp_path, titled):
    path = tmp_path / "names.json"
    path.write_text(json.dumps([{"id": "n", "type": "book", "title": "Names", "author": [
        {"family": "Gennep", "given": "Arnold", "non-dropping-particle": "van"},
        {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        {"literal": "Associated Press"}]}]), encoding="utf-8")
    imported(project, path)
    assert titled(project, "Names")["creators"]["author"] == [
        {"family": "van Gennep", "given": "Arnold"}, {"family": "Beethoven", "given": "Ludwig van"},
        {"family": "King", "given": "Martin Luther, Jr."}, {"literal": "Associated Press"}]
