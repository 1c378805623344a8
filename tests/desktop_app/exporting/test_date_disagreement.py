"""A source that gives another date for an event: the chronology says so and flags the event, and
the evidence table carries the date and the disagreement (read back with markdown-it and csv)."""
from __future__ import annotations

import csv
import io

from markdown_it import MarkdownIt

from db import citations, events, ops, sources
from db.store import create_project
from desktop_app.exporting.exports import ExportOptions, write_text
from desktop_app.exporting.selection import Selection


def _export(db, fmt) -> str:
    out = io.StringIO()
    write_text(out, db, fmt, Selection(), ExportOptions())
    return out.getvalue()


def test_chronology_and_evidence_show_the_date_a_source_gives(tmp_path):
    db = create_project(tmp_path / "p.sourceline")
    event_id = ops.run(db, events.add_event("Depot struck", "2024-11-19"))
    wire = ops.run(db, sources.add_source({"title": "Wire"}, "2024-11-20"))
    ministry = ops.run(db, sources.add_source({"title": "Ministry"}, "2024-11-21"))
    ops.run(db, citations.add_citation(event_id, wire, claimed_edtf="2024-11-19", quote="early Tuesday"))
    ops.run(db, citations.add_citation(event_id, ministry, claimed_edtf="2024-11-20", quote="on Wednesday"))

    text = MarkdownIt("commonmark").render(_export(db, "chronology"))
    assert "Contested: its sources disagree" in text
    assert "gives Tuesday 19 November 2024" in text and "⚠ gives Tuesday" not in text
    assert "⚠ gives Wednesday 20 November 2024" in text

    rows = list(csv.DictReader(io.StringIO(_export(db, "evidence"))))
    assert [(r["source_title"], r["date_in_source"], r["disagrees"]) for r in rows] == [
        ("Wire", "2024-11-19", ""), ("Ministry", "2024-11-20", "yes")]
    db.close()
