"""Duplicates of the project's sources and within one import, and each decision honoured."""
import json

import pytest

from db import dedupe, ops
from db.sources import update_source
from desktop_app.importing import plan_import


@pytest.fixture
def library(project, data):
    """A project holding the four BibTeX sources, one of them graded by the analyst."""
    ops.run(project, plan_import([data / "accents.bib"], project).apply())
    osce = project.conn.execute("SELECT id FROM sources WHERE title LIKE 'Report on%'").fetchone()[0]
    ops.run(project, update_source(osce, reliability="B", credibility=2, evaluation_note="checked against the PDF"))
    return project


def ids_by_citation_key(db):
    return dict(db.conn.execute("SELECT citation_key, id FROM sources"))


def test_each_kind_of_duplicate_is_found_with_the_existing_source(library, data):
    plan = plan_import([data / "duplicates.json"], library)
    keys = ids_by_citation_key(library)
    found = {plan.records[i].item["citation-key"]: (d.reason, d.existing_id, d.earlier)
             for i, d in plan.duplicates.items()}
    assert found == {
        "bakhmut-reprint": ("same DOI", keys["kovalenko2023"], None),  # case and https://doi.org/ prefix
        "osce-copy": ("same URL", keys["osce2022"], None),  # http, no www., slash, utm_*, fragment
        "ete-again": ("same title, date and first author", keys["francais"], None),  # case, curly quote, "!"
        "twice-2": ("same URL", None, 4),  # within the batch: the earlier record
    }
    assert plan.duplicates[2].existing_title == "L'Été à Kyiv"
    # same title and author but another year is another source
    assert 3 not in plan.duplicates


def test_skip_writes_nothing_for_duplicates(library, data, rows):
    before = rows(library)
    result = ops.run(library, plan_import([data / "duplicates.json"], library).apply(default="skip"))
    assert [title for _, title in result.added] == ["L'Été à Kyiv", "A page listed twice"]
    assert len(result.skipped) == 4
    assert rows(library) == before + 2


def test_add_anyway_adds_every_record(library, data, rows):
    before = rows(library)
    result = ops.run(library, plan_import([data / "duplicates.json"], library).apply(default="add"))
    assert len(result.added) == 6 and rows(library) == before + 6


def test_merge_fills_only_empty_fields_and_keeps_the_analysts_grading(library, data, titled, rows):
    osce_before = titled(library, "Report on Violations of International Humanitarian Law")
    ete_before = titled(library, "L'Été à Kyiv")
    before = rows(library)
    result = ops.run(library, plan_import([data / "duplicates.json"], library).apply(default="merge"))
    assert rows(library) == before + 2  # the two non-duplicates

    osce = titled(library, "Report on Violations of International Humanitarian Law")  # title kept
    assert osce["url"] == osce_before["url"]
    assert osce["publisher"] == "OSCE"  # the existing value wins over "OSCE ODIHR"
    assert osce["language"] == "en"  # was empty
    assert json.loads(osce["csl_extra"])["abstract"] == "Findings of the Moscow Mechanism mission."
    assert (osce["reliability"], osce["credibility"], osce["evaluation_note"]) == ("B", 2, "checked against the PDF")

    ete = titled(library, "L'Été à Kyiv")
    assert ete["publisher"] == ete_before["publisher"] == "Éditions du Seuil"  # not overwritten
    assert ete["creators"]["author"] == ete_before["creators"]["author"]  # authors kept as they were
    assert ete["creators"]["editor"] == [{"family": "Lévesque", "given": "Marc"}]  # a role it had none of
    assert json.loads(ete["csl_extra"])["abstract"] == "A summer in Kyiv."

    merged = {title: filled for _, title, filled in result.merged}
    assert merged["OSCE report, web copy"] == ["language", "csl_extra"]
    # the second copy of the page is merged into the first, added by the same import
    twice = titled(library, "A page listed twice")
    assert twice["language"] == "en"


def test_per_record_decisions(library, data, titled, rows):
    plan = plan_import([data / "duplicates.json"], library)
    index = {r.item["citation-key"]: i for i, r in enumerate(plan.records)}
    decisions = {index["bakhmut-reprint"]: "add", index["osce-copy"]: "merge", index["ete-again"]: "skip"}
    result = ops.run(library, plan.apply(decisions, default="skip"))
    assert sorted(t for _, t in result.added) == sorted(
        ["Bakhmut, a chronology (reprint)", "L'Été à Kyiv", "A page listed twice"])
    assert [t for _, t, _ in result.merged] == ["OSCE report, web copy"]
    assert sorted(t for _, t in result.skipped) == ["A page listed twice (second copy)", "L’ÉTÉ  À KYIV!"]
    assert titled(library, "Report on Violations of International Humanitarian Law")["language"] == "en"


def test_merge_adds_a_full_text_only_where_there_is_none(project, data, tmp_path, titled):
    ops.run(project, plan_import([data / "frontmatter.md"], project).apply())
    same_url = tmp_path / "again.md"
    same_url.write_text("---\nurl: https://fieldnotes.test/refinery/?utm_source=rss\n---\n\nA different text.\n",
                        encoding="utf-8")
    ops.run(project, plan_import([same_url], project).apply(default="merge"))
    assert "three explosions" in titled(project, "Drone strike on the refinery")["full_text"]

    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps([{"id": "x", "type": "webpage", "title": "Bare", "URL": "https://bare.test/a"}]))
    ops.run(project, plan_import([bare], project).apply())
    text = tmp_path / "bare.html"
    text.write_text('<html><head><link rel="canonical" href="https://bare.test/a"><title>Bare</title></head>'
                    "<body><p>The body of the bare page.</p></body></html>", encoding="utf-8")
    plan = plan_import([text], project)
    assert plan.duplicates[0].reason == "same URL"
    ops.run(project, plan.apply(default="merge"))
    assert titled(project, "Bare")["full_text"].endswith("The body of the bare page.")


def test_undo_of_a_merge_restores_the_source(library, data, titled):
    before = titled(library, "Report on Violations of International Humanitarian Law")
    op = plan_import([data / "duplicates.json"], library).apply(default="merge")
    ops.run(library, op)
    op.undo(library)
    after = titled(library, "Report on Violations of International Humanitarian Law")
    assert {k: v for k, v in after.items() if k != "modified_at"} == {k: v for k, v in before.items() if k != "modified_at"}


def test_a_duplicate_whose_source_was_deleted_meanwhile_is_added(library, data, rows):
    plan = plan_import([data / "duplicates.json"], library)
    library.conn.execute("DELETE FROM sources WHERE id = ?", (plan.duplicates[0].existing_id,))
    library.conn.commit()
    result = ops.run(library, plan.apply(default="merge"))
    assert "Bakhmut, a chronology (reprint)" in [t for _, t in result.added]


def test_unknown_decision_is_refused(library, data):
    from db.errors import SourcelineError

    with pytest.raises(SourcelineError, match="skipped, added or merged"):
        plan_import([data / "duplicates.json"], library).apply(default="replace")


@pytest.mark.parametrize("one, other", [
    ("https://www.Example.org/a/b/?utm_source=x&id=3#frag", "http://example.org/a/b?id=3"),
    ("example.org/a", "https://example.org/a/"),
    ("https://example.org:443/a", "https://example.org/a"),
])
def test_same_url(one, other):
    assert dedupe.url_key(one) == dedupe.url_key(other)


@pytest.mark.parametrize("one, other", [
    ("https://example.org/a?id=3", "https://example.org/a?id=4"),
    ("https://example.org/a", "https://example.org/b"),
    ("https://example.org:8080/a", "https://example.org/a"),
])
def test_different_url(one, other):
    assert dedupe.url_key(one) != dedupe.url_key(other)


def test_keys_fold_doi_prefix_and_title_punctuation():
    assert dedupe.doi_key(" DOI:10.1/ABC ") == dedupe.doi_key("https://doi.org/10.1/abc") == "10.1/abc"
    assert dedupe.title_key("  The  War—Again!? ") == dedupe.title_key("the war again") == "the war again"
    assert dedupe.title_key("Ça va") == dedupe.title_key("ca VA") == "ca va"  # as the FTS index folds them
    assert dedupe.title_key("İstanbul Straße") == "istanbul straße"
    assert dedupe.title_key("?!") is None


def test_importing_the_same_files_again_finds_every_record(project, data):
    files = [data / name for name in ("accents.bib", "repeated.ris", "items.json", "meta.html", "frontmatter.md",
                                      "statement.txt")]
    ops.run(project, plan_import(files, project).apply())
    again = plan_import(files, project)
    assert sorted(again.duplicates) == list(range(len(again.records)))


def test_a_title_with_sharp_s_and_accents_is_found_again(project, tmp_path):
    path = tmp_path / "strasse.json"
    path.write_text(json.dumps([{"id": "s", "type": "book", "title": "Unzeitgemäße Betrachtungen: Straße İstanbul",
                                 "author": [{"family": "Nietzsche"}], "issued": {"date-parts": [[1873]]}}]),
                    encoding="utf-8")
    ops.run(project, plan_import([path], project).apply())
    assert plan_import([path], project).duplicates[0].reason == "same title, date and first author"
