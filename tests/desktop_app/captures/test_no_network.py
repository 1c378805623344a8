"""Nothing in an archive is fetched and nothing but File → Capture Web Page… / `sourceline capture`
reaches the network: a captured page whose images, style sheet, script and frame point at a local
server is imported and read in the window, and the server is asked for nothing."""
from __future__ import annotations

import ast
import http.server
import threading
from pathlib import Path

import pytest

from desktop_app.sources.import_flow import import_files
from tests.capture_making import mhtml, warc

ROOT = Path(__file__).resolve().parents[3]
# The one module that may open a connection (the capture's HTTP client).
FETCHER = ROOT / "desktop_app" / "capture" / "http_capture.py"
NETWORK_CLIENTS = ("urllib3", "urllib.request", "http.client", "requests", "httpx", "aiohttp", "socket",
                   "ftplib", "PySide6.QtNetwork", "PySide6.QtWebEngineWidgets")


@pytest.fixture
def asked():
    """A loopback server that records every path it is asked for."""
    paths = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 (http.server's name)
            paths.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", paths
    server.shutdown()
    server.server_close()
    thread.join()


def _page(base: str, title: str) -> bytes:
    return (f"""<!doctype html><html><head><title>{title}</title>
<link rel="stylesheet" href="{base}/style.css"><script src="{base}/script.js"></script></head>
<body style="background: url({base}/background.png)"><article><h1>{title}</h1>
<p>The ferry resumed its crossings on Monday after a week of repairs to the landing stage.</p>
<img src="{base}/photo.jpg"><iframe src="{base}/frame.html"></iframe>
<script>fetch("{base}/beacon");</script></article></body></html>""").encode("utf-8")


def test_an_archived_page_is_imported_and_read_without_fetching_anything(qtbot, window, tmp_path, asked):
    base, paths = asked
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc([("https://example.org/ferry", _page(base, "Ferry resumes"), "2024-11-16T09:30:00Z")]))
    saved = tmp_path / "ferry.mhtml"
    saved.write_bytes(mhtml(_page(base, "Ferry again").decode("utf-8"), url="https://example.org/ferry-again"))
    dialog = import_files(window, [archive, saved])
    steps = window.session.undo_stack.count()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == steps + 1, timeout=30_000)
    reader = window.page("Reader")
    for (source_id,) in window.session.db.conn.execute(
            "SELECT id FROM sources WHERE title IN ('Ferry resumes', 'Ferry again')").fetchall():
        window.source_requested.emit(source_id, None)
        assert "ferry resumed its crossings" in reader.view.full_text
        assert base not in reader.view.full_text
    # Qt's text documents load resources synchronously, if at all, and the app has no Qt network
    # module (see below): a request would have been made by now.
    assert paths == []


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.update([node.module] + [f"{node.module}.{alias.name}" for alias in node.names])
    return names


def test_only_the_capture_client_imports_a_network_library():
    modules = [path for folder in ("desktop_app", "db") for path in (ROOT / folder).rglob("*.py")]
    reaching = sorted(str(path.relative_to(ROOT)) for path in modules
                      if path != FETCHER and _imports(path) & set(NETWORK_CLIENTS))
    assert reaching == []
    assert _imports(FETCHER) & set(NETWORK_CLIENTS)  # the check looks for what the fetcher really uses
