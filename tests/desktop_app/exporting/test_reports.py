"""The cited chronology (Markdown, HTML), the evidence and timeline tables and TimelineJS data,
read back with independent parsers: html.parser, markdown-it, csv, json."""
from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from db.events import EventFilter
from desktop_app.exporting import selection as selection_module
from desktop_app.exporting.exports import ExportOptions, export_file, preview, write_text
from desktop_app.exporting.selection import ExportCancelled, Selection


def _export(db, fmt, selection=Selection(), **options) -> str:
    out = io.StringIO()
    write_text(out, db, fmt, selection, ExportOptions(**options))
    return out.getvalue()


class _Page(HTMLParser):
    """Tags, the text of each element and every attribute that could load something."""

    def __init__(self):
        super().__init__()
        self.tags, self.text, self.loading = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.loading += [(tag, name, value) for name, value in attrs if name in ("src", "href", "onerror", "onload")]

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_html_chronology_escapes_every_text_and_loads_nothing(special_db, cases):
    html = _export(special_db, "chronology", document="html", title="Report <b>draft</b>")
    page = _parse(html)
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert page.loading == [] and "<link" not in html and "@import" not in html
    text = "".join(page.text)
    assert cases.hostile_title in text  # the title reads as written, escaped in the source
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x onerror=alert(1)>" in text and "Report <b>draft</b>" in text
    assert page.tags.count("h2") == len(cases.events) + 1  # the events, then the references
    assert "<style>" in html


def test_chronology_lists_events_in_date_order_with_words_citations_and_contested_flag(special_db):
    html = _export(special_db, "chronology", document="html")
    text = "".join(_parse(html).text)
    order = [text.index(words) for words in ("about 1984", "spring 2022", "Friday 15 November 2024",
                                              "18–21 November 2024", "Wednesday 20 November 2024, 10:30")]
    assert order == sorted(order)
    spring = text[text.index("spring 2022"):text.index("Friday 15 November 2024")]
    assert "⚠ Contested" in spring and "(Zeta 2022), ¶ 1 — supports: “in the spring”" in spring
    assert "(Orwell [1984?]) — ⚠ contradicts" in spring
    hostile = text[text.index("Friday 15 November 2024"):text.index("18–21 November 2024")]
    assert "(Evil 2024), ¶ 3 — supports — graded E5" in hostile and "Contested" not in hostile
    assert "(World Health Organization 2020), p. 12 — mentions" in hostile
    assert "No sources cited." in text[:text.index("spring 2022")]


def test_markdown_chronology_renders_to_the_same_text_without_markup_from_the_data(special_db, cases):
    markdown = _export(special_db, "chronology", document="markdown")
    rendered = MarkdownIt("commonmark").render(markdown)
    page = _parse(rendered)
    assert "script" not in page.tags and "img" not in page.tags and "em" not in page.tags[:3]
    text = "".join(page.text)
    assert cases.hostile_title in text and "*Not emphasis* <img src=x onerror=alert(1)>" in text
    assert cases.formula_quote in text
    assert page.tags.count("h2") == len(cases.events) + 1 and page.tags.count("h1") == 1
    assert "⚠ Contested: its sources disagree (one contradicts it, or gives another date)." in text


def test_a_description_line_that_looks_like_markdown_stays_text(tmp_path):
    from desktop_app.exporting.chronology_markdown import escape

    for line in ("# not a heading", "- not a list", "1. not a list", "> not a quote", "=== not a rule",
                 "a_b_c *x* [link](http://x) `code` &amp; <b>"):
        rendered = MarkdownIt("commonmark").render(escape(line, starts_line=True))
        assert rendered == f"<p>{line.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>\n"


def test_evidence_csv_has_a_row_per_citation_and_neutralised_cells(special_db, cases, tmp_path):
    target = tmp_path / "evidence.csv"
    export_file(target, special_db, "evidence", Selection())
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the names right
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    citations = sum(len(event[5]) or 1 for event in cases.events)
    assert len(rows) == citations
    hostile = [r for r in rows if r["event"] == cases.hostile_title]
    assert hostile[0]["claim_quote"] == "'" + cases.formula_quote
    assert (hostile[0]["source"], hostile[0]["locator"], hostile[0]["stance"], hostile[0]["grading"]) == \
        ("(Evil 2024)", "¶ 3", "supports", "E5")
    assert [r["claim_quote"] for r in rows if r["event"] == "Week of talks"] == ["'-2+3", "Straße"]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
    lonely = [r for r in rows if r["event"] == "About 1984"]
    assert lonely[0]["date"] == "about 1984" and lonely[0]["source"] == ""


def test_timeline_csv_gives_bounds_as_iso_dates(special_db):
    rows = {r["title"]: r for r in csv.DictReader(io.StringIO(_export(special_db, "csv")))}
    season = rows["Spring offensive"]
    assert (season["start"], season["end"], season["precision"], season["contested"]) == \
        ("2022-03-01", "2022-05-31", "season", "yes")
    circa = rows["About 1984"]
    assert (circa["start"], circa["end"]) == ("1984-01-01", "1984-12-31")
    assert circa["earliest"] < "1984-01-01" and circa["latest"] > "1984-12-31"  # approximate: wider
    talks = rows["Week of talks"]
    assert (talks["start"], talks["end"], talks["entities"], talks["source_count"]) == \
        ("2024-11-18", "2024-11-21", "Тарас Шевченко", "2")
    assert rows["Morning meeting"]["start"] == "2024-11-20T10:30:00Z"


def _check_timelinejs_date(date: dict) -> None:
    # The fields TimelineJS's JSON documentation requires and the ranges it allows.
    assert isinstance(date["year"], int)
    assert set(date) <= {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
    assert 1 <= date.get("month", 1) <= 12 and 1 <= date.get("day", 1) <= 31
    assert 0 <= date.get("hour", 0) <= 23 and 0 <= date.get("minute", 0) <= 59


def test_timelinejs_has_the_documented_fields_escaped_html_and_lanes(special_db, cases):
    data = json.loads(_export(special_db, "timelinejs", title="Title & <i>more</i>", lanes="tag"))
    assert set(data) <= {"events", "title", "eras", "scale"} and data["scale"] == "human"
    assert "start_date" not in data["title"] and data["title"]["text"]["headline"] == "Title &amp; &lt;i&gt;more&lt;/i&gt;"
    assert len(data["events"]) == len(cases.events)
    for slide in data["events"]:
        _check_timelinejs_date(slide["start_date"])
        if "end_date" in slide:
            _check_timelinejs_date(slide["end_date"])
        assert set(slide["text"]) <= {"headline", "text"} and isinstance(slide["group"], str)
        assert "<script" not in slide["text"]["text"] + slide["text"]["headline"]
    by_title = {s["unique_id"]: s for s in data["events"]}
    slides = {json.dumps(s["text"]["headline"]): s for s in data["events"]}
    hostile = slides[json.dumps("&lt;script&gt;alert(1)&lt;/script&gt; &amp; “Co”")]
    assert hostile["start_date"] == {"year": 2024, "month": 11, "day": 15} and "end_date" not in hostile
    assert "Sources: (Evil 2024), ¶ 3; (World Health Organization 2020), p. 12" in hostile["text"]["text"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile["text"]["text"] and hostile["group"] == "strikes"
    season = next(s for s in data["events"] if s["text"]["headline"] == "Spring offensive")
    assert (season["start_date"], season["end_date"], season["display_date"]) == \
        ({"year": 2022, "month": 3, "day": 1}, {"year": 2022, "month": 5, "day": 31}, "spring 2022")
    assert "Contested" in season["text"]["text"] and "(contradicts)" in season["text"]["text"]
    circa = next(s for s in data["events"] if s["text"]["headline"] == "About 1984")
    assert circa["start_date"] == {"year": 1984} and circa["group"] == "history"
    meeting = next(s for s in data["events"] if s["text"]["headline"] == "Morning meeting")
    assert meeting["start_date"] == {"year": 2024, "month": 11, "day": 20, "hour": 10, "minute": 30}
    assert len(by_title) == len(data["events"])


def test_selections_by_tag_ids_and_filter(special_db, special):
    ids = special[1]["events"]
    tagged = json.loads(_export(special_db, "timelinejs", Selection.of_tag("diplomacy")))
    assert sorted(s["text"]["headline"] for s in tagged["events"]) == ["Morning meeting", "Week of talks"]
    chosen = Selection.of_events([ids["About 1984"], ids["Week of talks"]])
    rows = list(csv.DictReader(io.StringIO(_export(special_db, "csv", chosen))))
    assert [r["title"] for r in rows] == ["About 1984", "Week of talks"]
    searched = Selection.of_filter(EventFilter(text="season"))
    assert "events matching “season”" in _export(special_db, "chronology", searched)


def test_events_are_read_a_page_at_a_time_and_a_preview_reads_only_its_first_events(special_db, monkeypatch):
    monkeypatch.setattr(selection_module, "PAGE", 2)
    pages = list(selection_module.event_pages(special_db, Selection()))
    assert [len(p) for p in pages] == [2, 2, 1]
    rows = list(csv.DictReader(io.StringIO(preview(special_db, "csv", Selection(), count=3))))
    assert [r["title"] for r in rows] == ["About 1984", "Spring offensive", "<script>alert(1)</script> & “Co”"]


def test_a_cancelled_export_leaves_the_previous_file(special_db, tmp_path, monkeypatch):
    monkeypatch.setattr(selection_module, "PAGE", 2)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.md"
    target.write_text("the previous report")
    seen = []

    def stop_after_first_page(done, total):
        seen.append((done, total))
        return False

    with pytest.raises(ExportCancelled):
        export_file(target, special_db, "chronology", Selection(), progress=stop_after_first_page)
    assert seen == [(2, 5)]
    assert target.read_text() == "the previous report"
    assert [p.name for p in folder.iterdir()] == ["report.md"]


def test_a_chronology_preview_begins_with_the_heading_of_the_whole_export(special_db):
    shown = preview(special_db, "chronology", Selection(), count=2)
    assert "5 events (all events)" in shown  # the file's heading, though the preview lists two
    assert "2 events" not in shown


@pytest.mark.parametrize("document", ["markdown", "html"])
def test_a_chronology_ends_with_the_reference_list_of_the_sources_it_cites(special_db, document):
    """After the events, "References": each cited source once, in the chosen style, read back by
    markdown-it or html.parser; sources no exported event cites are not listed; a preview (the
    file's beginning) has none."""
    text = _export(special_db, "chronology", document=document, style="APA")
    page = _parse(MarkdownIt("commonmark").render(text) if document == "markdown" else text)
    words = " ".join("".join(page.text).split())
    references = words[words.rindex("References"):]
    assert words.count("References") == 1 and words.index("References") > words.index("At half past ten.")
    assert "Müller, J., Østergaard, S., & Шевченко, Т. (2023)" in references  # APA's form, not the short one
    assert "World Health Organization. (2020" in references and "Evil, E. (2024" in references
    assert references.count("Orwell, G.") == 1
    assert "script" not in page.tags and ("a" not in page.tags or document == "markdown")
    talks = _export(special_db, "chronology", Selection.of_filter(EventFilter(tags=("diplomacy",))),
                    document=document, style="APA")
    shown = talks[talks.rindex("References"):]
    assert "Dupont" in shown and "Smith" in shown and "Evil" not in shown and "Orwell" not in shown
    assert "References" not in preview(special_db, "chronology", Selection(), ExportOptions(document=document), count=2)
