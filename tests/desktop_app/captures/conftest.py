"""A local HTTP server for capture tests (a thread, loopback only): a page behind two redirects,
sent gzipped and chunked; pages over a size limit; a server that stops sending; a redirect loop;
a PDF; 404 for everything else."""
from __future__ import annotations

import gzip
import http.server
import threading

import pytest

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


