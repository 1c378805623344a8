"""Web archives read into pages: WARC (gzipped record by record, or plain), WACZ, and archives cut
short — checked against archives written by warcio here."""
from __future__ import annotations

import gzip
import zlib

import pytest

from db.errors import FileProblem
from desktop_app.formats.web_archive import read_archive
from tests.capture_making import article, wacz, warc

PAGES = [
    ("https://example.org/news/bridge", article("Bridge closed"), "2024-11-16T09:30:00Z"),
    ("https://example.org/news/ferry", article("Ferry resumes"), "2024-11-16T09:31:12.345Z"),
    ("https://example.org/news/council", article("Council meets"), "2024-11-16T09:32:00Z"),
]


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("gzipped", [True, False])
def test_every_html_page_and_nothing_else(tmp_path, gzipped):
    path = _write(tmp_path, "crawl.warc.gz" if gzipped else "crawl.warc", warc(PAGES, gzip=gzipped))
    read = read_archive(path)
    # The PNG, the redirect and the 404 page are passed over.
    assert [page.url for page in read.pages] == [url for url, _, _ in PAGES]
    assert [page.captured for page in read.pages] == ["2024-11-16T09:30:00Z", "2024-11-16T09:31:12Z",
                                                       "2024-11-16T09:32:00Z"]
    assert read.pages[1].html == PAGES[1][1]
    assert read.pages[0].charset == "utf-8"
    assert read.warnings == []


def test_a_gzip_member_cut_short_keeps_the_pages_before_it(tmp_path):
    data = warc(PAGES)
    last_member = _member_starts(data)[-1]
    path = _write(tmp_path, "cut.warc.gz", data[: last_member + 40])  # inside the last page's member
    read = read_archive(path)
    assert [page.url for page in read.pages] == [url for url, _, _ in PAGES[:2]]
    assert read.warnings == [f"cut.warc.gz is cut short or damaged at byte {last_member}; "
                             "only the 2 pages before it are read"]


def test_a_record_cut_short_in_a_plain_warc(tmp_path):
    data = warc(PAGES, gzip=False)
    path = _write(tmp_path, "cut.warc", data[: data.rindex(b"Ferry resumes") + 5])
    read = read_archive(path)
    assert [page.url for page in read.pages] == [PAGES[0][0]]
    assert len(read.warnings) == 1 and "cut short or damaged at byte" in read.warnings[0]
    assert "only the page before it is read" in read.warnings[0]


def test_an_archive_cut_before_its_first_page_is_refused_in_one_line(tmp_path):
    path = _write(tmp_path, "stub.warc.gz", warc(PAGES)[:30])
    with pytest.raises(FileProblem) as refused:
        read_archive(path)
    assert str(refused.value) == f"{path}: is cut short or damaged at byte 0, before any whole HTML page"


def test_one_gzip_stream_for_the_whole_file_is_named(tmp_path):
    path = _write(tmp_path, "whole.warc.gz", gzip.compress(warc(PAGES, gzip=False)))
    with pytest.raises(FileProblem, match="gzipped as one stream, not record by record"):
        read_archive(path)


def test_not_a_warc(tmp_path):
    path = _write(tmp_path, "notes.warc", b"Dear diary,\nnothing archived today.\n")
    with pytest.raises(FileProblem, match="is not a WARC file"):
        read_archive(path)


def test_an_archive_of_images_only(tmp_path):
    from tests.capture_making import png
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    import io

    out = io.BytesIO()
    writer = WARCWriter(out)
    http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/a.png", "response",
                                                  payload=io.BytesIO(png()), http_headers=http))
    path = _write(tmp_path, "images.warc.gz", out.getvalue())
    with pytest.raises(FileProblem, match="holds no HTML page captured whole"):
        read_archive(path)


def test_wacz_takes_the_pages_its_list_names(tmp_path):
    path = _write(tmp_path, "visit.wacz", wacz(warc(PAGES), listed_urls=[PAGES[0][0], PAGES[2][0]]))
    read = read_archive(path)
    assert [page.url for page in read.pages] == [PAGES[0][0], PAGES[2][0]]
    assert read.warnings == ["visit.wacz: 1 HTML record not in the package's list of pages (frames, embedded pages) left out"]


def test_wacz_without_a_page_list_gives_every_page(tmp_path):
    path = _write(tmp_path, "visit.wacz", wacz(warc(PAGES)))
    assert len(read_archive(path).pages) == 3


def test_a_damaged_wacz(tmp_path):
    path = _write(tmp_path, "broken.wacz", wacz(warc(PAGES))[:200])
    with pytest.raises(FileProblem, match="is not a readable WACZ"):
        read_archive(path)


def _member_starts(data: bytes) -> list[int]:
    starts, offset = [], 0
    while offset < len(data):
        starts.append(offset)
        decompressor = zlib.decompressobj(31)
        decompressor.decompress(data[offset:])
        offset = len(data) - len(decompressor.unused_data)
    return starts
