"""Capturing a page from a local HTTP server (a thread in the test): redirects followed and
recorded, the WARC read back by warcio, and each way a capture fails — 404, a page over the size
limit, a server that stops sending, an address that is not http — told in one line, no file left."""
from __future__ import annotations

import gzip
import http.server
import threading

import pytest

from desktop_app.capture.http_capture import CaptureError, Limits, capture, checked_url
from tests.capture_making import article

PAGE = article("Bridge closed")


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    release = threading.Event()  # the slow page waits for this, so the test never sleeps

    def log_message(self, *args):
        pass

    def _send(self, status, headers, body=b""):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/old":
            self._send(301, [("Location", "/moved"), ("Content-Length", "0")])
        elif self.path == "/moved":
            self._send(302, [("Location", "http://127.0.0.1:%d/news/bridge" % self.server.server_port),
                             ("Content-Length", "0")])
        elif self.path == "/news/bridge":
            body = gzip.compress(PAGE)
            chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
            self._send(200, [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                             ("Transfer-Encoding", "chunked")], chunked)
        elif self.path == "/big":
            self._send(200, [("Content-Type", "text/html"), ("Content-Length", str(5000))], b"x" * 5000)
        elif self.path == "/big-unsaid":
            self._send(200, [("Content-Type", "text/html"), ("Connection", "close")], b"<p>" + b"x" * 5000)
        elif self.path == "/slow":
            self._send(200, [("Content-Type", "text/html"), ("Content-Length", "1000")], b"<p>first bytes")
            self.wfile.flush()
            self.release.wait(30)
        elif self.path == "/loop":
            self._send(302, [("Location", "/loop"), ("Content-Length", "0")])
        elif self.path == "/report.pdf":
            self._send(200, [("Content-Type", "application/pdf"), ("Content-Length", "8")], b"%PDF-1.7")
        else:
            self.send_error(404, "Not Found")


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    _Handler.release.clear()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    _Handler.release.set()
    httpd.shutdown()
    httpd.server_close()


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
