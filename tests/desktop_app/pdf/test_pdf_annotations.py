"""Highlights in PDFs without the window: annotate and cite from the command line, the annotated
PDF read back by independent parsers, re-anchoring after the text is read again."""
from __future__ import annotations

import json
import sqlite3

import pypdfium2
import pytest
from pypdf import PdfReader

from db import annotations, ops, pdf_pages
from db.store import open_project
from desktop_app.cli import main
from desktop_app.importing import plan_import


@pytest.fixture
def project(tmp_path, report_pdf, capsys):
    path = str(tmp_path / "p.sourceline")
    assert main(["new", path]) == 0
    assert main(["import", "--db", path, str(report_pdf)]) == 0
    assert main(["add-event", "--db", path, "--date", "2024-11-15", "--title", "Bridge at Kyiv closed"]) == 0
    capsys.readouterr()
    return path


def annotate(capsys, project, *args) -> dict:
    assert main(["annotate", "--db", project, "--source", "1", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_annotate_finds_the_quote_across_a_line_break_and_prints_its_rectangles(project, capsys):
    placed = annotate(capsys, project, "--quote", "was closed. Engineers inspected", "--note", "the date",
                      "--color", "green", "--tag", "dates")
    assert placed["quote"] == "was closed.\nEngineers inspected" and (placed["page"], placed["page_label"]) == (1, "i")
    assert [r["page"] for r in placed["rects"]] == [1, 1]  # two lines
    first, second = (r["rect"] for r in placed["rects"])
    assert first[1] > second[3] - 1  # the first line above the second
    stored = sqlite3.connect(project).execute(
        "SELECT note, color, page_index FROM annotations WHERE id = ?", (placed["id"],)).fetchone()
    assert stored == ("the date", "green", 0)


def test_annotate_on_a_page_by_its_label_and_refusals(project, capsys):
    placed = annotate(capsys, project, "--quote", "harbour master", "--page", "A-3")
    text = sqlite3.connect(project).execute("SELECT full_text FROM sources WHERE id = 1").fetchone()[0]
    assert (placed["page"], placed["page_label"]) == (3, "A-3")
    assert text[placed["start"] - placed["page_offset"]:].startswith("Annex:")  # the offset in the page's text
    assert main(["annotate", "--db", project, "--source", "1", "--quote", "harbour master", "--page", "i"]) == 1
    assert capsys.readouterr().err.strip() == "sourceline: source 1 does not read 'harbour master' on page i"
    assert main(["annotate", "--db", project, "--source", "1", "--quote", "x", "--page", "99"]) == 1
    assert "has no page '99'" in capsys.readouterr().err


def test_cite_by_quote_and_by_annotation_with_the_page_as_locator(project, capsys):
    assert main(["cite", "--db", project, "--event", "1", "--source", "1", "--quote", "ferry resumed",
                 "--stance", "mentions"]) == 0
    assert "page A-3" in capsys.readouterr().out
    placed = annotate(capsys, project, "--quote", "Engineers inspected")
    assert main(["cite", "--db", project, "--event", "1", "--source", "1", "--annotation", str(placed["id"]),
                 "--locator", "i (top)"]) == 0
    rows = sqlite3.connect(project).execute(
        "SELECT locator_type, locator, quote, stance FROM citations ORDER BY id").fetchall()
    assert rows == [("page", "A-3", "ferry resumed", "mentions"), ("page", "i (top)", "Engineers inspected", "supports")]
    assert main(["cite", "--db", project, "--event", "99", "--source", "1", "--quote", "ferry"]) == 1
    assert capsys.readouterr().err.strip() == "sourceline: there is no event 99"


def test_the_annotated_pdf_has_highlights_over_the_words(project, capsys, tmp_path, report_pdf):
    annotate(capsys, project, "--quote", "bridge at Kyiv was closed", "--note", "closure", "--color", "pink")
    annotate(capsys, project, "--quote", "15 November 2024 said")
    annotate(capsys, project, "--quote", "ferry resumed", "--page", "A-3")
    out = tmp_path / "annotated.pdf"
    assert main(["export", "--db", project, "--format", "annotated-pdf", "--source", "1", "-o", str(out)]) == 0
    reader = PdfReader(out)
    found = {}
    document = pypdfium2.PdfDocument(str(out))
    for index, page in enumerate(reader.pages):
        textpage = document[index].get_textpage()
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            assert annotation["/Subtype"] == "/Highlight"
            quads = [float(v) for v in annotation["/QuadPoints"]]
            words = []
            for q in (quads[i:i + 8] for i in range(0, len(quads), 8)):
                words.append(textpage.get_text_bounded(min(q[0::2]), min(q[1::2]), max(q[0::2]), max(q[1::2])).strip())
            found[" ".join(words)] = (index, str(annotation.get("/Contents", "")), [float(c) for c in annotation["/C"]])
    document.close()
    assert found["bridge at Kyiv was closed"][:2] == (0, "closure")
    assert found["bridge at Kyiv was closed"][2] == pytest.approx([0xe5 / 255, 0x6e / 255, 0xee / 255], abs=0.01)
    (hyphenated,) = [words for words in found if words.startswith("15 No")]  # "No-" ends one line, "vember" opens the next
    assert hyphenated.endswith("vember 2024 said") and found[hyphenated][0] == 0
    assert found["ferry resumed"][0] == 2
    assert report_pdf.read_bytes() != out.read_bytes()
    assert main(["verify", "--db", project]) == 0  # the original in the project untouched


def test_a_source_that_is_not_a_pdf_is_refused(project, capsys, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("A plain note about the bridge.", encoding="utf-8")
    assert main(["import", "--db", project, str(note)]) == 0
    capsys.readouterr()
    assert main(["export", "--db", project, "--format", "annotated-pdf", "--source", "2", "-o",
                 str(tmp_path / "x.pdf")]) == 1
    assert "only a PDF is annotated" in capsys.readouterr().err


def test_highlights_reanchor_when_the_text_is_read_again_and_a_lost_one_is_kept_orphaned(project, report_pdf,
                                                                                        monkeypatch):
    db = open_project(project)
    try:
        text = db.conn.execute("SELECT full_text FROM sources WHERE id = 1").fetchone()[0]
        kept = text.index("harbour master")
        lost = text.index("Engineers inspected")
        kept_id = ops.run(db, annotations.add_annotation(1, kept, kept + len("harbour master"), color="blue"))
        lost_id = ops.run(db, annotations.add_annotation(1, lost, lost + len("Engineers inspected")))
        before = annotations.get_annotation(db, kept_id)
        # Another extraction of the same file: page 1 reads differently (its third line lost, a
        # heading added), as OCR or another PDFium might read it.
        from desktop_app.formats import pdf_text

        reading = pdf_text.page_text

        def another_reading(document, index):
            page = reading(document, index)
            if index == 0:
                cut = page.text.index("\nEngineers")
                page.text, page.boxes = "REPORT\n" + page.text[:cut], page.boxes[:0] + page.boxes[:4] * 7 + page.boxes[:4 * cut]
            return page
        monkeypatch.setattr(pdf_text, "page_text", another_reading)
        monkeypatch.setattr(pdf_text, "EXTRACTION", "another reading")
        plan = plan_import([report_pdf], db)
        assert plan.duplicates[0].reason == "the same file"
        result = ops.run(db, plan.apply(default="merge"))
        assert result.merged[0][2] == ["text read again (1 highlight orphaned)"]
        moved = annotations.get_annotation(db, kept_id)
        new_text = db.conn.execute("SELECT full_text FROM sources WHERE id = 1").fetchone()[0]
        assert new_text.startswith("REPORT\n") and new_text[moved["start_char"]:moved["end_char"]] == "harbour master"
        assert moved["start_char"] != before["start_char"] and moved["page_index"] == 2
        assert pdf_pages.annotation_rects(moved["rects"]) == pdf_pages.annotation_rects(before["rects"])
        orphan = annotations.get_annotation(db, lost_id)
        assert orphan["orphaned"] == 1 and orphan["exact"] == "Engineers inspected"  # kept, never dropped
    finally:
        db.close()


def test_dates_in_a_pdf_say_their_page(project, report_pdf, capsys):
    assert main(["dates", str(report_pdf), "--published", "2024-11-20", "--format", "json"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    assert [(d["text"], d["page"], d["page_label"]) for d in from_file] == [
        ("15 November 2024", 1, "i"), ("Friday", 1, "i"), ("3 March 2023", 3, "A-3")]
    assert from_file[1]["edtf"] == "2024-11-15"  # the Friday before the 20th
    assert main(["dates", "--db", project, "--source", "1", "--format", "json"]) == 0
    from_source = json.loads(capsys.readouterr().out)
    assert [(d["start"], d["page_label"]) for d in from_source] == [(d["start"], d["page_label"]) for d in from_file]


def test_a_pdf_citation_shows_its_page_in_the_chronology_and_the_evidence_table(project, capsys, tmp_path):
    import csv
    import io

    assert main(["cite", "--db", project, "--event", "1", "--source", "1", "--quote", "ferry resumed"]) == 0
    capsys.readouterr()
    assert main(["export", "--db", project, "--format", "chronology"]) == 0
    assert "p. A-3" in capsys.readouterr().out
    assert main(["export", "--db", project, "--format", "evidence"]) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (row["locator"], row["claim_quote"]) == ("p. A-3", "ferry resumed")
