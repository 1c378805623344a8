"""Capturing a web page now: fetch one address and write the exchange as a WARC file, so that a
page seen today can be proven tomorrow. This is the only code in Sourceline that goes on the
network, and only when the analyst asks (File → Capture Web Page…, ``sourceline capture``).

urllib3 fetches; every hop of a redirect is fetched by hand so that each request and each
response — the redirects too — is written as a WARC record (warcio), and the page imported is the
last one. Limits: a timeout to connect, one between reads and one for the whole capture (a server
that trickles bytes is not waited for), a size limit on each response, a bounded number of
redirects, http and https only. The body is kept as sent (still compressed when the server
compressed it), as the WARC standard asks; nothing the page refers to is fetched.
"""
from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit

from db.errors import SourcelineError
from desktop_app.formats.file_read import MAX_FILE_BYTES, megabytes

REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024


class CaptureError(SourcelineError):
    """A capture that could not be made: the address, and why, in one line. Nothing is kept."""

    def __init__(self, url: str, problem: str):
        self.url, self.problem = url, problem
        super().__init__(f"{url}: {problem}; nothing was captured")


class CaptureCancelled(SourcelineError):
    def __init__(self):
        super().__init__("capture cancelled; nothing was captured")


@dataclass(frozen=True)
class Limits:
    connect_seconds: float = 15.0
    read_seconds: float = 30.0  # the longest wait for the next bytes
    total_seconds: float = 120.0  # the whole capture, redirects included
    max_bytes: int = MAX_FILE_BYTES  # one response's body as sent
    max_redirects: int = 10


@dataclass
class Capture:
    """What was captured: the address asked for, the page's (after redirects), each redirect
    as (from, status, to), the page's HTTP status and media type, and the WARC written."""

    requested: str
    url: str
    status: int
    media_type: str
    warc: Path
    redirects: list[tuple[str, int, str]] = field(default_factory=list)


def warc_name(url: str, moment: float | None = None) -> str:
    """A file name for the capture of ``url`` now: its host and the time, in UTC
    (``example.org-20241116T093000Z.warc.gz``), which is also the name its original keeps."""
    host = (urlsplit(url).hostname or "page").strip(".") or "page"
    return f"{host}-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime(moment))}.warc.gz"


def checked_url(text: str) -> str:
    """``text`` as an address to capture (http or https with a host); CaptureError otherwise."""
    url = text.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise CaptureError(url or "(no address)", "only http:// and https:// addresses can be captured")
    return url


def capture(url: str, warc_path: str | Path, limits: Limits = Limits(), user_agent: str = "Sourceline",
            cancelled: Callable[[], bool] = lambda: False) -> Capture:
    """Fetch ``url`` (following redirects) and write every request and response to a gzipped
    WARC at ``warc_path``. The page at the end must answer 2xx with an HTML page; otherwise
    CaptureError, and no file is left at ``warc_path``."""
    import urllib3

    requested = checked_url(url)
    deadline = time.monotonic() + limits.total_seconds
    pool = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=limits.connect_seconds,
                                                                         read=limits.read_seconds))
    exchanges: list[_Exchange] = []
    redirects: list[tuple[str, int, str]] = []
    current = requested
    try:
        while True:
            exchange = _fetch(pool, current, limits, deadline, user_agent, cancelled)
            pool.clear()  # every hop on a new connection, as the request's "Connection: close" says
            exchanges.append(exchange)
            location = exchange.headers.get("Location")
            if exchange.status not in REDIRECTS or not location:
                break
            target = checked_url(urljoin(current, location.strip()))
            redirects.append((current, exchange.status, target))
            if len(redirects) > limits.max_redirects:
                raise CaptureError(requested, f"more than {limits.max_redirects} redirects")
            current = target
    except urllib3.exceptions.HTTPError as error:
        raise CaptureError(current, _network_problem(error)) from None
    finally:
        pool.clear()
    last = exchanges[-1]
    if not 200 <= last.status < 300:
        raise CaptureError(current, f"the server answered {last.status} {last.reason}".rstrip())
    media_type = last.media_type()
    if media_type not in ("text/html", "application/xhtml+xml"):
        raise CaptureError(current, f"the address gives {media_type}, not a web page; save the file and import it")
    _write_warc(Path(warc_path), exchanges, user_agent)
    return Capture(requested, current, last.status, media_type, Path(warc_path), redirects)


@dataclass
class _Exchange:
    url: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    version: str
    headers: object  # urllib3's HTTPHeaderDict: repeated headers kept apart
    body: bytes
    date: str  # when the response came, W3C-DTF in UTC (WARC-Date)

    def media_type(self) -> str:
        return (self.headers.get("Content-Type") or "application/octet-stream").split(";")[0].strip().lower()


def _fetch(pool, url: str, limits: Limits, deadline: float, user_agent: str, cancelled) -> _Exchange:
    parts = urlsplit(url)
    # Every header sent is named here (urllib3 adds none when Host and Accept-Encoding are given),
    # so the request record is the request as it went out.
    headers = [("Host", parts.netloc), ("User-Agent", user_agent),
               ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"),
               ("Accept-Encoding", "gzip, deflate"), ("Connection", "close")]
    response = pool.request("GET", url, headers=dict(headers), redirect=False, preload_content=False,
                            decode_content=False)
    date = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    try:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limits.max_bytes:
            raise CaptureError(url, f"the page is {megabytes(int(declared))}, over the limit of {megabytes(limits.max_bytes)}")
        body = io.BytesIO()
        for chunk in response.stream(_CHUNK, decode_content=False):
            body.write(chunk)
            if body.tell() > limits.max_bytes:
                raise CaptureError(url, f"the page is larger than the limit of {megabytes(limits.max_bytes)}")
            if time.monotonic() > deadline:
                raise CaptureError(url, f"the server took longer than {limits.total_seconds:g} s")
            if cancelled():
                raise CaptureCancelled()
    finally:
        response.release_conn()
    version = {10: "HTTP/1.0", 11: "HTTP/1.1"}.get(response.version, "HTTP/1.1")
    return _Exchange(url, headers, response.status, response.reason or "", version, response.headers,
                     body.getvalue(), date)


def _network_problem(error) -> str:
    import urllib3

    # Most specific first: a name that does not resolve is a failed new connection, which
    # urllib3 also counts as a connect timeout.
    if isinstance(error, urllib3.exceptions.NameResolutionError):
        return "no such host (the name does not resolve)"
    if isinstance(error, urllib3.exceptions.NewConnectionError):
        return "the server could not be reached"
    if isinstance(error, urllib3.exceptions.ConnectTimeoutError):
        return "the server did not answer in time"
    if isinstance(error, (urllib3.exceptions.ReadTimeoutError, TimeoutError)):
        return "the server stopped sending before the page was complete (timed out)"
    if isinstance(error, urllib3.exceptions.SSLError):
        return "the secure connection failed (certificate or TLS problem)"
    if isinstance(error, urllib3.exceptions.ProtocolError):
        return "the connection broke off before the page was complete"
    return f"the page could not be fetched ({type(error).__name__})"


def _write_warc(path: Path, exchanges: list[_Exchange], user_agent: str) -> None:
    """Every exchange as a request and a response record (linked by WARC-Concurrent-To), after a
    warcinfo record naming the software; written to a temporary name, then moved into place."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    partial = path.with_name(path.name + ".part")
    with open(partial, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {
            "software": user_agent, "format": "WARC File Format 1.0",
            "description": "captured with Sourceline: each request and response, redirects included"}))
        for exchange in exchanges:
            response_headers = StatusAndHeaders(
                f"{exchange.status} {exchange.reason}".rstrip(), _as_recorded(exchange.headers), protocol=exchange.version)
            response = writer.create_warc_record(
                exchange.url, "response", payload=io.BytesIO(exchange.body), http_headers=response_headers,
                warc_headers_dict={"WARC-Date": exchange.date})
            target = urlsplit(exchange.url)
            request_line = f"GET {target.path or '/'}{'?' + target.query if target.query else ''} {exchange.version}"
            request = writer.create_warc_record(
                exchange.url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(request_line, exchange.request_headers, is_http_request=True),
                warc_headers_dict={"WARC-Date": exchange.date,
                                   "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")})
            writer.write_record(request)
            writer.write_record(response)
    partial.replace(path)


def _as_recorded(headers) -> list[tuple[str, str]]:
    """The response's headers as received, but for Transfer-Encoding: urllib3 hands the body over
    de-chunked, so the header is kept under the name web archives use for a header that no longer
    describes the stored bytes (pywb's X-Archive-Orig- prefix), and replay tools do not de-chunk
    it again."""
    return [(f"X-Archive-Orig-{name}" if name.lower() == "transfer-encoding" else name, value)
            for name, value in headers.items()]
