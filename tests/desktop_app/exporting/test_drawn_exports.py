"""What Qt draws: the chronology PDF and the timeline as PNG, SVG and PDF, opened again by
QImage, QSvgRenderer, pypdf and pdftoppm (each when installed)."""
from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from db import dates
from db.events import EventFilter
from desktop_app.exporting.exports import ExportOptions
from desktop_app.exporting.selection import Selection

pytestmark = pytest.mark.usefixtures("qapp")


def _pdf_pages(path) -> int:
    """The page count by an independent reader: pypdf, else pdfinfo; skip when neither exists."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    try:
        from pypdf import PdfReader
    except ImportError:
        if shutil.which("pdfinfo") is None:
            pytest.skip("neither pypdf nor pdfinfo is installed to read the PDF")
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return len(PdfReader(str(path)).pages)


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_chronology_pdf_has_pages_and_the_events_text(sample_db, tmp_path):
    pytest.importorskip("pypdf")
    from desktop_app.exporting_ui.pdf import write_chronology_pdf

    target = tmp_path / "report.pdf"
    write_chronology_pdf(target, sample_db, Selection(), ExportOptions(title="Sample chronology"))
    assert _pdf_pages(target) >= 5
    text = " ".join(_pdf_text(target).split())
    assert "Sample chronology" in text and "Thursday 24 February 2022" in text
    assert "Contested: its sources disagree (one contradicts it, or gives another date)." in text
    assert "(Weber 2024b)" in text


def test_chronology_pdf_keeps_each_heading_with_its_text_and_ends_with_the_references(sample_db, tmp_path):
    """Read back page by page with pypdf: no page ends with an event's heading (or its heading
    and line of facts) while its text begins the next page; each page is numbered; the last
    pages hold the reference list."""
    pypdf = pytest.importorskip("pypdf")
    from desktop_app.exporting.chronology import Chronology
    from desktop_app.exporting_ui.pdf import write_chronology_pdf

    target = tmp_path / "report.pdf"
    write_chronology_pdf(target, sample_db, Selection(), ExportOptions(title="Sample chronology"))
    entries = list(Chronology(sample_db, Selection(), "x").entries())
    # NFKC: the PDF's text has the font's ligatures ("ﬁ" for "fi")
    pages = [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
             for page in pypdf.PdfReader(str(target)).pages]
    assert len(pages) >= 5
    for number, page in enumerate(pages, start=1):
        body, shown_number = page.rsplit(" ", 1)
        assert shown_number == str(number)
        headed = [(body.rindex(f"{e.date_words} — {e.title}"), e) for e in entries
                  if f"{e.date_words} — {e.title}" in body]
        if not headed:
            continue
        at, entry = max(headed, key=lambda pair: pair[0])
        after = body[at:]
        text_start = (" ".join(entry.description.split())[:20] if entry.description.strip() else
                      entry.citations[0].citation if entry.citations else "No sources cited.")
        assert text_start in after, f"page {number} ends with the heading of “{entry.title}”"
    references = " ".join(pages)[" ".join(pages).rindex("References"):]
    # Chicago's reference list: the full entries, not the short "(Brandt 2024)"
    assert "2024. “Berlin’s Bad Timing.” Opinion column. The Example Review" in references


def test_chronology_pdf_shows_hostile_markup_as_text(special_db, tmp_path, cases):
    pytest.importorskip("pypdf")
    from desktop_app.exporting_ui.pdf import write_chronology_pdf

    target = tmp_path / "report.pdf"
    write_chronology_pdf(target, special_db, Selection(), ExportOptions(title="Special"))
    text = " ".join(_pdf_text(target).split())
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text


def test_timeline_png_has_the_width_asked_and_a_caption_of_the_sources(sample_db, tmp_path):
    from PySide6.QtGui import QImage

    from desktop_app.exporting_ui.picture import PictureRequest, write_picture

    target = tmp_path / "timeline.png"
    write_picture(target, sample_db, "png", PictureRequest(width_px=1600, title="Sample"))
    image = QImage(str(target))
    assert not image.isNull() and image.width() == 1600 and image.height() > 600
    # not a blank picture: the marks' accent colour is there
    colours = {image.pixelColor(x, y).name() for x in range(0, 1600, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20


def test_picture_period_and_caption_follow_the_range(sample_db):
    from desktop_app.exporting_ui.picture import PictureRequest, _layout

    week = PictureRequest(start_s=dates.bounds("2024-11-18").start, end_s=dates.bounds("2024-11-24").end)
    layout = _layout(sample_db, week, fitted=False)
    assert layout.period == "18–24 November 2024"
    titles = {item.event["title"] for item in layout.scene.items}
    assert "Trump names Keith Kellogg envoy for Ukraine and Russia" not in titles
    assert "The 1,000th day of Russia's full-scale invasion" in titles
    caption = layout.caption.toPlainText()
    assert caption.startswith("Sources cited by the events shown") and "Petrenko, Oksana. 2024." in caption
    assert "Brandt" not in caption  # cited only by an event outside the period


def test_timeline_svg_loads_in_qsvgrenderer(special_db, tmp_path):
    from PySide6.QtSvg import QSvgRenderer

    from desktop_app.exporting_ui.picture import PictureRequest, write_picture

    target = tmp_path / "timeline.svg"
    write_picture(target, special_db, "svg", PictureRequest(width_px=1920, lanes="tag", title="Special <svg>"))
    renderer = QSvgRenderer(str(target))
    assert renderer.isValid() and renderer.viewBox().width() == 1920
    svg = target.read_text(encoding="utf-8")
    assert "<title>Special &lt;svg&gt;</title>" in svg and "<script" not in svg


def test_timeline_pdf_is_one_page_the_picture_size(special_db, tmp_path):
    from desktop_app.exporting_ui.picture import PictureRequest, write_picture

    target = tmp_path / "timeline.pdf"
    request = PictureRequest(width_px=1920, where=EventFilter(tags=("strikes",)))
    write_picture(target, special_db, "pdf-timeline", request)
    assert _pdf_pages(target) == 1
    pytest.importorskip("pypdf")
    from pypdf import PdfReader

    from desktop_app.exporting_ui.picture import render_image

    box = PdfReader(str(target)).pages[0].mediabox  # points, at 96 pixels to the inch
    image = render_image(special_db, request)
    assert (float(box.width), float(box.height)) == pytest.approx((1920 * 0.75, image.height() * 0.75), abs=1)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "24", "-png", str(target), str(tmp_path / "page")], check=True)
        assert (tmp_path / "page-1.png").stat().st_size > 1000


def test_an_empty_period_says_so(special_db):
    from desktop_app.exporting_ui.picture import PictureRequest, _layout

    empty = PictureRequest(start_s=dates.bounds("1990").start, end_s=dates.bounds("1990").end)
    layout = _layout(special_db, empty, fitted=True)
    assert layout.scene.items == [] and layout.caption is None


def test_the_picture_stays_light_under_a_dark_theme(special_db):
    from PySide6.QtGui import QColor, QGuiApplication, QPalette

    from desktop_app.exporting_ui.picture import PictureRequest, render_image

    previous = QGuiApplication.palette()
    dark = QPalette(previous)
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        dark.setColor(role, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    QGuiApplication.setPalette(dark)
    try:
        image = render_image(special_db, PictureRequest(width_px=960))
    finally:
        QGuiApplication.setPalette(previous)
    assert image.pixelColor(image.width() - 3, 3).name() == "#ffffff"


def test_command_line_picture_shows_the_given_period_at_the_given_width(sample_path, tmp_path, capsys):
    import xml.etree.ElementTree as ET

    from desktop_app.cli import main

    target = tmp_path / "week.svg"
    assert main(["export", "--db", str(sample_path), "--format", "svg", "--from", "2024-11-18", "--to", "2024-11-24",
                 "--width", "1280", "-o", str(target)]) == 0
    capsys.readouterr()
    root = ET.parse(target).getroot()
    assert root.get("viewBox").split()[2] == "1280"
    texts = ["".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[0] == "Timeline — sample" and texts[1].endswith("November 2024")
    shown = " ".join(texts)
    assert "G20 summit in Rio de Janeiro" in shown
    assert not any(t.startswith(("Russia launches", "Scholz and Putin speak")) for t in texts)  # 2022, outside
    assert "Sources cited by the events shown" in shown and "Petrenko, Oksana" in shown


def _block_layout(document) -> list[tuple[str, int, float, float]]:
    from PySide6.QtCore import QSizeF

    document.setPageSize(QSizeF(600, 1e9))  # one tall page: block positions alone
    layout, block, blocks = document.documentLayout(), document.begin(), []
    while block.isValid():
        runs, run = [], block.begin()
        while not run.atEnd():
            fragment = run.fragment()
            font = fragment.charFormat().font()
            runs.append((fragment.text(), font.pointSizeF(), font.weight(),
                         fragment.charFormat().foreground().color().name()))
            run += 1
        while runs and not runs[-1][0].strip():  # spaces at the end of a block show nothing
            runs.pop()
        if runs:
            runs[-1] = (runs[-1][0].rstrip(), *runs[-1][1:])
        blocks.append((round(layout.blockBoundingRect(block).top()), block.blockFormat().topMargin(), runs))
        block = block.next()
    return blocks


def test_the_pdf_read_in_pieces_is_laid_out_as_the_whole_html_page(sample_db, monkeypatch):
    """The PDF's document is read a few entries at a time (so the window is not held while Qt reads
    HTML); it must come out as Qt lays out the whole chronology page in one read."""
    import io

    from PySide6.QtGui import QTextDocument

    from desktop_app.exporting import chronology_html
    from desktop_app.exporting.chronology import Chronology
    from desktop_app.exporting_ui import pdf

    monkeypatch.setattr(pdf, "ENTRIES_PER_READ", 5)  # 36 events: eight pieces, the last one short
    whole_page = io.StringIO()
    chronology_html.write(whole_page, Chronology(sample_db, Selection(), "Sample chronology"))
    whole = QTextDocument()
    whole.setHtml(whole_page.getvalue())
    pieces = pdf.chronology_document(Chronology(sample_db, Selection(), "Sample chronology"))
    expected, laid_out = _block_layout(whole), _block_layout(pieces)
    assert len(laid_out) > 150 and laid_out == expected
