"""`sourceline import` end to end: real files into a real project file, output read back."""
import pytest

from db.store import open_project
from desktop_app.cli import main
from desktop_app.formats import bibtex, ris

GOOD = ("accents.bib", "repeated.ris", "items.json", "meta.html", "frontmatter.md", "field notes 12 march.txt",
        "statement.txt")


def counts(path) -> dict:
    db = open_project(path)
    try:
        return {t: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("sources", "source_creators", "history")}
    finally:
        db.close()


def titles(path) -> list[str]:
    db = open_project(path)
    try:
        return [t for (t,) in db.conn.execute("SELECT title FROM sources ORDER BY id")]
    finally:
        db.close()


def test_imports_every_format_and_prints_the_titles(empty_project, data, capsys):
    assert main(["import", "--db", str(empty_project), *(str(data / name) for name in GOOD)]) == 0
    out = capsys.readouterr().out
    assert "added 13, merged 0, skipped 0" in out
    for title in ("The Battle of Bakhmut: A Chronology", "Logistics of attrition", "“Our Cities Were Burned”",
                  "Bridge destroyed on the Dnipro", "Drone strike on the refinery", "field notes 12 march"):
        assert title in out
    assert "field notes 12 march.txt: no title in the file; titled “field notes 12 march”" in out
    assert "statement.txt: no publication date in the file; left empty" in out
    assert len(titles(empty_project)) == 13


def test_duplicates_skip_add_and_merge(empty_project, data, capsys):
    main(["import", "--db", str(empty_project), str(data / "accents.bib")])
    capsys.readouterr()
    assert main(["import", "--db", str(empty_project), str(data / "duplicates.json")]) == 0
    out = capsys.readouterr().out
    assert "added 2, merged 0, skipped 4" in out
    assert "skipped" in out and "L’ÉTÉ  À KYIV!" in out

    assert main(["import", "--db", str(empty_project), str(data / "duplicates.json"), "--on-duplicate", "merge"]) == 0
    out = capsys.readouterr().out
    assert "added 0, merged 6, skipped 0" in out
    assert "OSCE report, web copy" in out and "(filled: language, csl_extra)" in out

    before = counts(empty_project)["sources"]
    assert main(["import", "--db", str(empty_project), str(data / "duplicates.json"), "--on-duplicate", "add"]) == 0
    assert "added 6, merged 0, skipped 0" in capsys.readouterr().out
    assert counts(empty_project)["sources"] == before + 6


def test_dry_run_writes_nothing(empty_project, data, capsys):
    before = counts(empty_project)
    assert main(["import", "--db", str(empty_project), str(data / "accents.bib"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would add 4, merge 0, skip 0; nothing written" in out
    assert counts(empty_project) == before


def test_a_malformed_file_stops_everything_with_one_line(empty_project, data, capsys):
    main(["import", "--db", str(empty_project), str(data / "statement.txt")])
    capsys.readouterr()
    before = counts(empty_project)
    code = main(["import", "--db", str(empty_project), str(data / "accents.bib"), str(data / "malformed.json"),
                 str(data / "meta.html")])
    captured = capsys.readouterr()
    assert code == 1
    [line] = captured.err.strip().splitlines()
    assert line.startswith(f"sourceline: {data / 'malformed.json'}:3: ")
    assert line.endswith("(nothing was imported)")
    assert captured.out == ""
    assert counts(empty_project) == before


def test_a_missing_file_is_named(empty_project, tmp_path, capsys):
    assert main(["import", "--db", str(empty_project), str(tmp_path / "nowhere.bib")]) == 1
    assert str(tmp_path / "nowhere.bib") in capsys.readouterr().err
    assert counts(empty_project)["sources"] == 0


def test_biblatex_examples(empty_project, corpus, capsys):
    path = corpus / "biblatex-examples.bib"
    items = bibtex.read(path)
    assert main(["import", "--db", str(empty_project), str(path)]) == 0
    out = capsys.readouterr().out
    # biblatex's examples repeat a few works on purpose (`:related` copies, a preprint and its article)
    summary = next(line for line in out.splitlines() if line.startswith("added "))
    added, skipped = int(summary.split()[1].rstrip(",")), int(summary.split()[5])
    assert added + skipped == len(items) == 90
    assert counts(empty_project)["sources"] == added >= 80
    # importing it again finds every record already there
    assert main(["import", "--db", str(empty_project), str(path)]) == 0
    assert "added 0, merged 0, skipped 90" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["example_bom.ris", "example_full.ris", "example_multiline.ris",
                                  "example_utf_chars.ris", "example_wos.ris"])
def test_ris_samples(empty_project, corpus, capsys, name):
    path = corpus / name
    expected = len(ris.read(path))
    assert main(["import", "--db", str(empty_project), "--on-duplicate", "add", str(path)]) == 0
    assert f"added {expected}, merged 0, skipped 0" in capsys.readouterr().out
    assert counts(empty_project)["sources"] == expected


def test_ris_utf8_sample_keeps_its_cyrillic(empty_project, corpus, capsys):
    main(["import", "--db", str(empty_project), str(corpus / "example_utf_chars.ris")])
    [title] = titles(empty_project)
    assert title.startswith("Состояние рецепторного аппарата")


def test_dry_run_names_duplicates_and_what_they_duplicate(empty_project, data, capsys):
    main(["import", "--db", str(empty_project), str(data / "items.json")])
    capsys.readouterr()
    main(["import", "--db", str(empty_project), str(data / "items.json"), "--dry-run"])
    out = capsys.readouterr().out
    assert "skip    Kherson: Ukrainian troops enter the city  (same URL as source 1)" in out
