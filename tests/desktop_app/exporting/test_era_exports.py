"""Eras in the exports: a "Periods" section and each event's periods in the chronology (Markdown,
HTML, PDF), TimelineJS eras, and shaded named bands in the timeline pictures (PNG, SVG, PDF), read
back by independent parsers."""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from db import dates, ops
from db.eras import add_era
from db.store import open_project
from desktop_app.cli import main
from desktop_app.exporting.exports import ExportOptions, export_file
from desktop_app.exporting.selection import Selection

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def sample(sample_path, tmp_path):
    """The sample project (it has the eras "Kursk incursion" and "Trump transition"), a copy."""
    path = tmp_path / "sample.sourceline"
    shutil.copyfile(sample_path, path)
    return path


def test_the_markdown_chronology_lists_the_periods_and_names_each_events(sample, tmp_path):
    target = tmp_path / "report.md"
    assert main(["export", "--db", str(sample), "--format", "chronology", "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    periods = text[text.index("## Periods"):text.index("## Thursday 24 February 2022")]
    assert periods.strip().splitlines()[2:] == ["- **Kursk incursion** — 6 August 2024 – about March 2025",
                                                "- **Trump transition** — 5 November 2024 – 20 January 2025"]
    sections = dict(re.findall(r"^## (.+?)\n\n(.+?)\n", text, re.M))
    assert "Period" not in sections["Thursday 24 February 2022 — Russia launches its full-scale invasion of Ukraine"]
    assert sections["Friday 15 November 2024 — Scholz phones Putin, their first call in almost two years"].endswith(
        " · Periods: Kursk incursion, Trump transition")
    assert sections["from 6 August 2024 — Ukraine's incursion into Russia's Kursk region"].endswith(
        " · Period: Kursk incursion")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.items, self.spans, self._in = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "li" or ("class", "period") in attrs:
            self._in = tag
            (self.items if tag == "li" else self.spans).append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            (self.items if self._in == "li" else self.spans)[-1] += data


def test_the_html_chronology_of_an_era_lists_it_and_only_its_events(sample, tmp_path):
    target = tmp_path / "report.html"
    assert main(["export", "--db", str(sample), "--format", "chronology", "--era", "Trump transition",
                 "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(page)
    assert "Trump transition — 5 November 2024 – 20 January 2025" in parser.items
    assert parser.spans and all("Trump transition" in span for span in parser.spans)
    assert "events in the era “Trump transition”" in page
    assert "Russia launches its full-scale invasion" not in page


def test_the_pdf_chronology_has_the_periods(sample, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    from desktop_app.exporting_ui.pdf import write_chronology_pdf

    db = open_project(sample)
    try:
        write_chronology_pdf(tmp_path / "report.pdf", db, Selection(), ExportOptions(title="Sample"))
    finally:
        db.close()
    first = " ".join(pypdf.PdfReader(str(tmp_path / "report.pdf")).pages[0].extract_text().split())
    assert "Periods" in first and "Kursk incursion — 6 August 2024 – about March 2025" in first


def test_timelinejs_has_the_eras_the_events_fall_in(sample, tmp_path):
    db = open_project(sample)
    try:
        ops.run(db, add_era("Long before", "1990/1991"))
        export_file(tmp_path / "t.json", db, "timelinejs", Selection())
    finally:
        db.close()
    data = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert data["eras"] == [
        {"start_date": {"year": 2024, "month": 8, "day": 6}, "end_date": {"year": 2025, "month": 3, "day": 31},
         "text": {"headline": "Kursk incursion"}},
        {"start_date": {"year": 2024, "month": 11, "day": 5}, "end_date": {"year": 2025, "month": 1, "day": 20},
         "text": {"headline": "Trump transition"}}]


def test_the_svg_picture_of_an_era_shows_its_period_and_names_it(sample, tmp_path, capsys):
    target = tmp_path / "transition.svg"
    assert main(["export", "--db", str(sample), "--format", "svg", "--era", "Trump transition", "--width", "1280",
                 "-o", str(target)]) == 0
    capsys.readouterr()
    root = ET.parse(target).getroot()
    texts = ["".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text")]
    # the picture's period is the era's, with a little room on either side
    assert re.fullmatch(r"\d+ (October|November) 2024 – \d+ (January|February) 2025", texts[1])
    assert "Trump transition" in texts and "Kursk incursion" in texts  # the tabs naming both eras
    assert "Donald Trump wins" in " ".join(texts)


def test_the_png_and_pdf_pictures_shade_the_eras(sample, tmp_path):
    from PySide6.QtGui import QImage

    from desktop_app.exporting_ui.picture import LOGICAL_WIDTH, PictureRequest, _layout, write_picture

    db = open_project(sample)
    try:
        request = PictureRequest(start_s=dates.bounds("2024-07").start, end_s=dates.bounds("2025-04").end,
                                 width_px=LOGICAL_WIDTH, title="Eras")
        layout = _layout(db, request, fitted=False)
        write_picture(tmp_path / "eras.png", db, "png", request, fitted=False)
        write_picture(tmp_path / "eras.pdf", db, "pdf-timeline", request, fitted=False)
    finally:
        db.close()
    kursk = next(b for b in layout.eras.bands if b.era["name"] == "Kursk incursion")
    image = QImage(str(tmp_path / "eras.png"))
    bottom = round(layout.heading_h + layout.timeline_h - 6)
    inside, before = image.pixelColor(round(kursk.x0) + 8, bottom), image.pixelColor(round(kursk.x0) - 8, bottom)
    assert before.name() == "#ffffff" and inside.name() != "#ffffff"
    assert inside.red() > inside.blue()  # the first of the default colours of eras, a red, lightly
    pypdf = pytest.importorskip("pypdf")
    text = " ".join(pypdf.PdfReader(str(tmp_path / "eras.pdf")).pages[0].extract_text().split())
    assert "Kursk incursion" in text and "Trump transition" in text
