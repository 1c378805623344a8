"""Capturing a page from a local HTTP server (a thread in the test): redirects followed and
recorded, the WARC read back by warcio, and each way a capture fails — 404, a page over the size
limit, a server that stops sending, an address that is not http — told in one line, no file left."""
from __future__ import annotations

import pytest

from desktop_app.capture.http_capture import CaptureError, Limits, capture, checked_url
from tests.desktop_app.captures.conftest import PAGE


def _records(path):
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        return [(record.rec_type, record.rec_headers.get_header("WARC-Target-URI"),
                 record.http_headers.get_statuscode() if record.http_headers and record.rec_type == "response" else None,
                 record.content_stream().read())
                for record in ArchiveIterator(stream)]


def test_redirects_followed_and_every_exchange_recorded(server, tmp_path):
    warc = tmp_path / "capture.warc.gz"
    result = capture(server + "/old", warc)
    assert result.url == server + "/news/bridge"
    assert result.redirects == [(server + "/old", 301, server + "/moved"),
                                (server + "/moved", 302, server + "/news/bridge")]
    records = _records(warc)
    assert [(kind, url, status) for kind, url, status, _ in records] == [
        ("warcinfo", None, None),
        ("request", server + "/old", None), ("response", server + "/old", "301"),
        ("request", server + "/moved", None), ("response", server + "/moved", "302"),
        ("request", server + "/news/bridge", None), ("response", server + "/news/bridge", "200"),
    ]
    assert records[-1][3] == PAGE  # stored gzipped and de-chunked as sent; warcio decodes it whole
    from warcio.archiveiterator import ArchiveIterator

    with open(warc, "rb") as stream:
        requests = [record for record in ArchiveIterator(stream) if record.rec_type == "request"]
        assert requests[0].http_headers.protocol == "GET"
        assert requests[0].http_headers.get_header("User-Agent") == "Sourceline"
        assert requests[0].http_headers.get_header("Host") == server.removeprefix("http://")


def test_a_404_captures_nothing(server, tmp_path):
    warc = tmp_path / "capture.warc.gz"
    with pytest.raises(CaptureError) as refused:
        capture(server + "/missing", warc)
    assert str(refused.value) == f"{server}/missing: the server answered 404 Not Found; nothing was captured"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path, problem", [("/big", "the page is 5000 bytes, over the limit of 1000 bytes"),
                                           ("/big-unsaid", "the page is larger than the limit of 1000 bytes")])
def test_a_page_over_the_size_limit(server, tmp_path, path, problem):
    with pytest.raises(CaptureError, match=problem):
        capture(server + path, tmp_path / "capture.warc.gz", Limits(max_bytes=1000))
    assert list(tmp_path.iterdir()) == []


def test_a_server_that_stops_sending_times_out(server, tmp_path):
    with pytest.raises(CaptureError, match="stopped sending before the page was complete"):
        capture(server + "/slow", tmp_path / "capture.warc.gz", Limits(read_seconds=0.2))
    assert list(tmp_path.iterdir()) == []


def test_endless_redirects_stop(server, tmp_path):
    with pytest.raises(CaptureError, match="more than 3 redirects"):
        capture(server + "/loop", tmp_path / "capture.warc.gz", Limits(max_redirects=3))


def test_a_file_that_is_not_a_page(server, tmp_path):
    with pytest.raises(CaptureError, match="gives application/pdf, not a web page"):
        capture(server + "/report.pdf", tmp_path / "capture.warc.gz")


def test_nothing_listening(tmp_path):
    import socket

    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with pytest.raises(CaptureError, match="could not be reached"):
        capture(f"http://127.0.0.1:{port}/", tmp_path / "capture.warc.gz")


@pytest.mark.parametrize("text", ["file:///etc/passwd", "javascript:alert(1)", "example.org/page", "", "http://"])
def test_only_http_addresses(text):
    with pytest.raises(CaptureError, match="only http:// and https:// addresses can be captured"):
        checked_url(text)
