"""Web captures and images as import records.

A web archive (WARC, WARC.gz, WACZ) gives one record per captured HTML page, an MHTML file one:
its readable text and metadata as for a saved page (``read_web_page``), the address it was
captured from as its URL and the capture time as its *accessed* date. An image gives one record
of type ``graphic``: the time it was taken as its issued date, its place, size and camera.
Either way the file itself is the original every record keeps.
"""
from __future__ import annotations

from pathlib import Path

from db.errors import FileProblem
from desktop_app.formats import fulltext_metadata
from desktop_app.formats.fulltext_html import read_web_page
from desktop_app.formats.web_archive import CapturedPage
from desktop_app.importing.reading import ImportRecord, storable

NO_TEXT = "no article text was found in the page; only its metadata is imported"


def capture_records(path: Path, kind: str) -> tuple[list[ImportRecord], list[str]]:
    """The records of a web archive or MHTML file and warnings about pages left out or cut."""
    if kind == "mhtml":
        from desktop_app.formats.mhtml import read_mhtml

        pages, warnings = [read_mhtml(path)], []
    else:
        from desktop_app.formats.web_archive import read_archive

        archive = read_archive(path)
        pages, warnings = archive.pages, list(archive.warnings)
    records = []
    for page in pages:
        item, issued, missing, note = _page_fields(path, page)
        if note:
            warnings.append(f"{path.name}: {page.url}: {note}")
        if item is None:
            continue
        records.append(ImportRecord(path, item, issued_edtf=issued, accessed_edtf=page.captured,
                                    full_text=item.pop("full_text"), missing=missing, capture=True))
    if not records:
        raise FileProblem(path, None, "holds no page with readable text or metadata")
    return records, warnings


def _page_fields(path: Path, page: CapturedPage):
    """(CSL item with its text under "full_text", issued EDTF, fields to ask for, note); the
    item is None for a page with neither text nor metadata."""
    web = read_web_page(page.html, url=page.url or None, path=path, charset=page.charset)
    found = {key: value for key, value in web.metadata.items() if value and key != "URL"}
    if not web.text.strip() and not found:
        return None, None, [], "neither text nor metadata; left out"
    item, missing = fulltext_metadata.finish(dict(web.metadata))
    # The address the capture was made from is the one its time and hash speak for (the page's
    # own canonical address may differ).
    captured_from = fulltext_metadata.http_url(page.url)
    if captured_from:
        item["URL"] = captured_from
    if "title" not in item:
        item["title"] = captured_from or path.name  # a page without a title is known by its address
    issued = storable(item.pop("issued_edtf", None))
    missing = [name for name in ("issued",) if name in missing or issued is None]
    item["full_text"] = web.text
    return item, issued, missing, None if web.text.strip() else NO_TEXT


def image_record(path: Path) -> ImportRecord:
    """The record of an image file (``FileProblem`` if it is not one Sourceline reads)."""
    from desktop_app.formats.image_exif import read_image

    facts = read_image(path)
    item = {"type": "graphic", "title": facts.description or path.stem}
    if facts.camera:
        item["medium"] = facts.camera  # CSL's "physical format": for a photograph, the camera
    item["dimensions"] = f"{facts.width} × {facts.height} px"
    return ImportRecord(path, item, issued_edtf=storable(facts.taken), image=facts)

