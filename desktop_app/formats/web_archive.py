"""The HTML pages inside a web archive: a WARC file (plain or gzipped record by record, as
crawlers, Webrecorder and Bellingcat's auto-archiver write them) or a WACZ package (a zip of such
WARCs with a list of the pages that were visited).

Each page comes out as a ``CapturedPage``: the address it was captured from, when (the record's
WARC-Date), and its HTML bytes — nothing else. Records that are not HTML pages (images, style
sheets, scripts, redirects, errors) are passed over unread; nothing in the archive is ever
loaded, run or fetched. Reading is streamed by warcio, so an archive of any size costs the memory
of one page.

An archive cut short (a crawl stopped mid-write, a download interrupted) gives the pages before
the cut and one warning saying where it is; warcio itself passes such a cut over in silence, so
every record's length is checked against its header, and a gzipped WARC's members are checked
to end as gzip members must.
"""
from __future__ import annotations

import json
import zipfile
import zlib
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from db.errors import FileProblem
from desktop_app.formats.capture_time import from_warc_date
from desktop_app.formats.file_read import MAX_FILE_BYTES, megabytes

HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20
# A WACZ lists the pages a person visited here; the other HTML records are frames and the like.
_WACZ_PAGES = "pages/pages.jsonl"


@dataclass(frozen=True)
class CapturedPage:
    """One captured HTML page: where from, when (EDTF, or None when the archive does not say),
    its bytes and the charset its HTTP response declared."""

    url: str
    captured: str | None
    html: bytes
    charset: str | None = None


@dataclass
class ArchivePages:
    pages: list[CapturedPage]
    warnings: list[str]


def read_archive(path) -> ArchivePages:
    """The HTML pages of the WARC, WARC.gz or WACZ at ``path`` (FileProblem if it holds none)."""
    path = Path(path)
    if path.suffix.lower() == ".wacz":
        result = _read_wacz(path)
    else:
        try:
            with open(path, "rb") as stream:
                result = ArchivePages([], [])
                _read_warc(stream, path.name, path, result)
        except OSError as error:
            raise FileProblem(path, None, f"cannot be read: {error.strerror or error}") from None
    if not result.pages:
        if result.warnings:  # the archive was cut before its first page: that is the problem to tell
            raise FileProblem(path, None, result.warnings[-1].removeprefix(f"{path.name} "))
        raise FileProblem(path, None, "holds no HTML page captured whole (only other records: images, scripts, "
                          "style sheets, redirects, errors)")
    return result


def _read_wacz(path: Path) -> ArchivePages:
    result = ArchivePages([], [])
    try:
        with zipfile.ZipFile(path) as package:
            listed = _listed_pages(package, path)
            warcs = [name for name in package.namelist()
                     if name.startswith("archive/") and name.lower().endswith((".warc", ".warc.gz"))]
            if not warcs:
                raise FileProblem(path, None, "is not a WACZ package: it has no archive/*.warc.gz inside")
            for name in warcs:
                with package.open(name) as stream:
                    _read_warc(stream, f"{path.name}/{name}", path, result,
                               reopen=lambda name=name: package.open(name))
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as error:
        raise FileProblem(path, None, f"is not a readable WACZ (zip) package: {error}") from None
    except OSError as error:
        raise FileProblem(path, None, f"cannot be read: {error.strerror or error}") from None
    if listed:
        frames = [page for page in result.pages if page.url not in listed]
        if frames and len(frames) < len(result.pages):
            result.pages = [page for page in result.pages if page.url in listed]
            result.warnings.append(f"{path.name}: {len(frames)} HTML record{'s' if len(frames) != 1 else ''} "
                                   "not in the package's list of pages (frames, embedded pages) left out")
    return result


def _listed_pages(package: zipfile.ZipFile, path: Path) -> set[str]:
    """The addresses the WACZ says were visited (empty when it has no readable list)."""
    try:
        with package.open(_WACZ_PAGES) as listing:
            lines = listing.read(MAX_FILE_BYTES).decode("utf-8", errors="replace").splitlines()
    except KeyError:
        return set()
    urls = set()
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # the list is a help in choosing, not a part of the evidence: a bad line is passed over
        if isinstance(entry, dict) and isinstance(entry.get("url"), str):
            urls.add(entry["url"])
    return urls


def _read_warc(stream, name: str, path: Path, result: ArchivePages, reopen=None) -> None:
    """Add the pages of one WARC stream to ``result``; a cut says so in a warning and ends it."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = stream.read(2)
    stream.seek(0)
    cut_at = None
    if head == _GZIP_MAGIC:
        cut_at = _first_broken_member(stream)
        if reopen is None:
            stream.seek(0)
        else:  # a zip member's stream seeks by reading again from the start; a new one is cheaper
            stream = reopen()
    records = ArchiveIterator(stream)
    before = len(result.pages)
    try:
        for record in records:
            offset = records.offset
            if cut_at is not None and offset >= cut_at:
                break
            page = _page_of(record, path)
            if not _whole(record):
                cut_at = offset
                break
            if page is not None:
                result.pages.append(page)
    except ArchiveLoadFailed as error:
        if "gzip" in str(error):
            raise FileProblem(path, None, f"{name} is gzipped as one stream, not record by record as WARC "
                              "files are; `warcio recompress` mends it") from None
        if len(result.pages) == before and not result.warnings:
            raise FileProblem(path, None, f"{name} is not a WARC file ({_first_line(error)})") from None
        cut_at = records.offset
    if cut_at is not None:
        kept = len(result.pages) - before
        before_it = ("; only the page before it is read" if kept == 1 else f"; only the {kept} pages before it are read"
                     if kept else ", before any whole HTML page")
        result.warnings.append(f"{name} is cut short or damaged at byte {cut_at}{before_it}")


def _page_of(record, path: Path) -> CapturedPage | None:
    """The record's page if it is a whole HTML page captured with success; None otherwise."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        status, content_type = "200", record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    media, charset = _media_type(content_type)
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    if not status.startswith("2") or media not in HTML_TYPES or not url:
        return None
    html = record.content_stream().read(MAX_FILE_BYTES + 1)
    if len(html) > MAX_FILE_BYTES:
        raise FileProblem(path, None, f"the page {url} is larger than {megabytes(MAX_FILE_BYTES)}; "
                          "such pages are not imported")
    return CapturedPage(url, from_warc_date(record.rec_headers.get_header("WARC-Date")), html, charset)


def _whole(record) -> bool:
    """Whether the record's block was all there: read what is left of it, then see whether its
    Content-Length was reached (warcio stops at the end of the file without a word)."""
    rest = record.raw_stream
    while rest.read(_CHUNK):
        pass
    return record.rec_type is not None and rest.limit == 0


def _media_type(content_type: str) -> tuple[str, str | None]:
    """"text/html; charset=UTF-8" -> ("text/html", "utf-8")."""
    header = EmailMessage()
    header["Content-Type"] = content_type or "application/octet-stream"
    charset = header.get_param("charset")
    return header.get_content_type(), charset.lower() if isinstance(charset, str) else None


def _first_broken_member(stream) -> int | None:
    """The byte at which the gzip member that does not end properly starts (a cut, or bytes that
    are not gzip), or None when every member is whole. Decompressed in bounded pieces and thrown
    away: only the members' ends are wanted."""
    read = start = 0
    decompressor, fed, data = zlib.decompressobj(31), False, b""
    while True:
        if not data:
            data = stream.read(_CHUNK)
            if not data:
                break
            read += len(data)
        try:
            decompressor.decompress(data, _CHUNK)
        except zlib.error:
            return start
        fed = True
        if decompressor.eof:
            data = decompressor.unused_data
            start = read - len(data)
            decompressor, fed = zlib.decompressobj(31), False
        else:
            data = decompressor.unconsumed_tail
    return start if fed else None


def _first_line(error: Exception) -> str:
    return next((line.strip() for line in str(error).splitlines() if line.strip()), "unreadable")
