"""Web archives and pictures imported through `sourceline import`: one source per captured page,
its address and capture time, the archive kept as the original with its hash; photographs as
graphics with their time and place; files that are not what they say refused in one line."""
from __future__ import annotations

import hashlib
import json

import pytest

from db.store import open_project
from desktop_app.cli import main
from tests.capture_making import article, garble_exif, mhtml, photo, wacz, warc

PAGES = [
    ("https://example.org/news/bridge", article("Bridge closed"), "2024-11-16T09:30:00Z"),
    ("https://example.org/news/ferry", article("Ferry resumes", published="2024-11-15"), "2024-11-16T09:31:00Z"),
]
SOUTH_WEST = ((22.0, 54.0, 30.0), "S", (43.0, 11.0, 47.0), "W")


def _import(capsys, cli_project, *files, code=0):
    assert main(["import", "--db", cli_project, *map(str, files)]) == code
    return capsys.readouterr()


def _sources(capsys, cli_project):
    assert main(["sources", "--db", cli_project, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_one_source_per_page_of_a_warc_with_the_archive_as_original(cli_project, tmp_path, capsys):
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc(PAGES))
    said = _import(capsys, cli_project, archive)
    assert "added 2, merged 0, skipped 0" in said.out
    rows = _sources(capsys, cli_project)
    assert [(row["title"], row["url"], row["accessed"], row["issued"]) for row in rows] == [
        ("Bridge closed", "https://example.org/news/bridge", "2024-11-16T09:30:00Z", "2024-11-16"),
        ("Ferry resumes", "https://example.org/news/ferry", "2024-11-16T09:31:00Z", "2024-11-15"),
    ]
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert {row["sha256"] for row in rows} == {digest}
    assert {row["media_type"] for row in rows} == {"application/warc"}
    db = open_project(cli_project)
    try:
        texts = [row[0] for row in db.conn.execute("SELECT full_text FROM sources ORDER BY id")]
        assert db.conn.execute("SELECT count(*) FROM original_bytes").fetchone()[0] == 1
    finally:
        db.close()
    assert "bridge over the river was closed" in texts[0]
    assert "document.title" not in texts[0] and "pixel.gif" not in texts[0]  # scripts and images never read
    assert main(["export", "--db", cli_project, "--format", "csl-json", "--all-sources"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [(item["URL"], item["accessed"]["date-parts"]) for item in items] == [
        ("https://example.org/news/bridge", [[2024, 11, 16]]), ("https://example.org/news/ferry", [[2024, 11, 16]])]
    out = tmp_path / "back.warc.gz"
    assert main(["original", "--db", cli_project, "--source", str(rows[1]["id"]), "-o", str(out)]) == 0
    assert out.read_bytes() == archive.read_bytes()


def test_the_same_archive_again_is_the_same_capture_but_a_new_capture_is_a_new_source(cli_project, tmp_path, capsys):
    first = tmp_path / "monday.warc.gz"
    first.write_bytes(warc(PAGES[:1]))
    _import(capsys, cli_project, first)
    said = _import(capsys, cli_project, first)
    assert "added 0, merged 0, skipped 1" in said.out
    later = tmp_path / "tuesday.warc.gz"
    later.write_bytes(warc([(PAGES[0][0], article("Bridge closed", body="Updated: the bridge reopened."),
                             "2024-11-19T08:00:00Z")]))
    said = _import(capsys, cli_project, later)
    assert "added 1, merged 0, skipped 0" in said.out
    assert [row["accessed"] for row in _sources(capsys, cli_project)] == ["2024-11-16T09:30:00Z", "2024-11-19T08:00:00Z"]


def test_a_cut_archive_imports_the_pages_before_the_cut_and_says_so(cli_project, tmp_path, capsys):
    data = warc(PAGES, gzip=False)
    archive = tmp_path / "cut.warc"
    archive.write_bytes(data[: data.rindex(b"Ferry resumes") + 3])
    said = _import(capsys, cli_project, archive)
    assert said.err == ""
    notes = [line for line in said.out.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "cut.warc is cut short or damaged at byte" in notes[0]
    assert [row["title"] for row in _sources(capsys, cli_project)] == ["Bridge closed"]


def test_mhtml_and_wacz(cli_project, tmp_path, capsys):
    page = tmp_path / "saved.mhtml"
    page.write_bytes(mhtml(article("Pont fermé", body="Le pont a été fermé vendredi matin.").decode()))
    package = tmp_path / "visit.wacz"
    package.write_bytes(wacz(warc(PAGES), listed_urls=[PAGES[1][0]]))
    _import(capsys, cli_project, page, package)
    rows = _sources(capsys, cli_project)
    assert [(row["title"], row["accessed"], row["media_type"]) for row in rows] == [
        ("Pont fermé", "2024-11-16T10:20:30+01:00", "multipart/related"),
        ("Ferry resumes", "2024-11-16T09:31:00Z", "application/wacz"),
    ]


def test_a_damaged_archive_is_refused_in_one_line_and_nothing_is_imported(cli_project, tmp_path, capsys):
    good = tmp_path / "good.warc.gz"
    good.write_bytes(warc(PAGES))
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage that is not deflate")
    said = _import(capsys, cli_project, good, bad, code=1)
    assert said.err.count("\n") == 1 and str(bad) in said.err and "Traceback" not in said.err
    assert _sources(capsys, cli_project) == []


def test_a_photo_is_a_graphic_with_its_time_and_place(cli_project, tmp_path, capsys):
    picture = tmp_path / "IMG_0042.jpg"
    photo(picture, size=(80, 40), gps=SOUTH_WEST, offset="-03:00", orientation=6)
    _import(capsys, cli_project, picture)
    (row,) = _sources(capsys, cli_project)
    assert (row["type"], row["title"], row["issued"], row["media_type"]) == (
        "graphic", "IMG_0042", "2008-10-22T16:28:39-03:00", "image/jpeg")
    assert row["latitude"] == pytest.approx(-22.908333, abs=1e-6)
    assert row["longitude"] == pytest.approx(-43.196389, abs=1e-6)
    assert main(["export", "--db", cli_project, "--format", "csl-json", "--all-sources"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert (item["type"], item["medium"], item["dimensions"]) == ("graphic", "Canon EOS 5D", "40 × 80 px")
    assert item["issued"]["date-parts"] == [[2008, 10, 22]]


@pytest.mark.parametrize("name, build", [
    ("plain.png", lambda path: photo(path, fmt="PNG", taken=None, make=None, model=None)),
    ("garbled.jpg", lambda path: (photo(path, gps=SOUTH_WEST), garble_exif(path))),
])
def test_pictures_without_readable_metadata_import_without_it(cli_project, tmp_path, capsys, name, build):
    picture = tmp_path / name
    build(picture)
    _import(capsys, cli_project, picture)
    (row,) = _sources(capsys, cli_project)
    assert (row["type"], row["issued"], row["latitude"], row["longitude"]) == ("graphic", None, None, None)


def test_a_file_named_jpg_that_is_not_a_picture(cli_project, tmp_path, capsys):
    fake = tmp_path / "holiday.jpg"
    fake.write_text("these are my notes, not a photograph\n")
    said = _import(capsys, cli_project, fake, code=1)
    assert said.err == (f"sourceline: {fake}: is not an image Sourceline can read (JPEG, PNG, WebP or TIFF) "
                        "(nothing was imported)\n")
    assert _sources(capsys, cli_project) == []
