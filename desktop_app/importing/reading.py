"""Files → import records: each file read by the reader its extension (or, failing that, its first
bytes) calls for, and every record made ready for the store (dates as EDTF the store accepts).

The readers live in ``desktop_app.formats``; they are imported when first needed, so that the
command line starts without loading bibtexparser or lxml for commands that never import.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from db import dates
from db.errors import FileProblem, InvalidDate
from db.sources import CREATOR_ROLES
from desktop_app.formats.file_read import read_bytes
from desktop_app.importing.originals import OriginalFile, describe, describe_bytes

if TYPE_CHECKING:
    from desktop_app.formats.image_exif import ImageFacts
    from desktop_app.importing.pdf_records import PdfPending

# What a file's extension says it is. Full texts are read by fulltext.read_fulltext.
KIND_BY_EXTENSION = {
    ".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris", ".json": "csl_json",
    ".txt": "fulltext", ".md": "fulltext", ".markdown": "fulltext", ".html": "fulltext", ".htm": "fulltext",
    ".pdf": "pdf",
    ".warc": "web_archive", ".wacz": "web_archive", ".mhtml": "mhtml", ".mht": "mhtml",
    ".jpg": "image", ".jpeg": "image", ".png": "image", ".webp": "image", ".tif": "image", ".tiff": "image",
}
KIND_NAMES = {"bibtex": "BibTeX", "ris": "RIS", "csl_json": "CSL-JSON", "fulltext": "full text", "pdf": "PDF",
              "web_archive": "web archive", "mhtml": "MHTML", "image": "image"}
# Pictures by their first bytes: JPEG, PNG, TIFF (either byte order), WebP.
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")
# The fields a full text may lack that the user is asked for (CSL-JSON names).
ASKED_FOR = ("title", "issued")

_RIS_START = re.compile(rb"^(?:\d+\.\s*)?(?:TY  -|[A-Z][A-Z0-9] {2}- |FN )")
# BibTeX files often open with comments; an entry such as "@article{" anywhere near the top will do.
_BIBTEX_ENTRY = re.compile(rb"^[ \t]*@[A-Za-z]+[ \t]*[{(]", re.MULTILINE)


@dataclass
class ImportRecord:
    """One source to import: a CSL item (without its dates), its dates as EDTF and its full text."""

    path: Path
    item: dict
    issued_edtf: str | None = None
    accessed_edtf: str | None = None
    full_text: str = ""
    missing: list[str] = field(default_factory=list)  # of ASKED_FOR, what the file did not say
    original: OriginalFile | None = None  # the file, kept in the project with the source
    pdf: PdfPending | None = None  # a PDF's pages, read when the import is applied
    capture: bool = False  # a page of a web archive: known by its file and address, not its record
    image: ImageFacts | None = None  # a picture's size, time, place and camera

    @property
    def title(self) -> str:
        return self.item.get("title") or ""


def kind_of(path: Path) -> str:
    """The reader for a file: by extension, else by what its first bytes look like."""
    kind = "web_archive" if path.name.lower().endswith(".warc.gz") else KIND_BY_EXTENSION.get(path.suffix.lower())
    if kind:
        return kind
    raw = read_bytes(path, 4096, head=True)
    if raw.startswith(_IMAGE_MAGIC) or (raw[:4] == b"RIFF" and raw[8:12] == b"WEBP"):
        return "image"
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"WARC/"):
        return "web_archive"
    if head.startswith((b"[", b"{")):
        return "csl_json"
    if _RIS_START.match(head):
        return "ris"
    if _BIBTEX_ENTRY.search(head):
        return "bibtex"
    raise FileProblem(path, None, "not a file Sourceline imports: expected BibTeX (.bib), RIS (.ris), "
                      "CSL-JSON (.json), a full text (.txt, .md, .html), a PDF, a web archive (.warc, .warc.gz, "
                      ".wacz, .mhtml) or an image (.jpg, .png, .webp, .tif)")


def read_records(path: Path, password: str | None = None) -> tuple[list[ImportRecord], list[str]]:
    """The file's records and warnings about values left out; FileProblem when it is malformed
    (``pdf_text.PdfPasswordNeeded`` for a PDF that wants ``password``). Every record of a file
    carries the file itself as its original."""
    kind = kind_of(path)
    if kind == "pdf":
        from desktop_app.importing.pdf_records import plan_pdf  # PDFium is loaded for PDFs only

        item, issued, missing, pending, data = plan_pdf(path, password)
        return [ImportRecord(path, item, issued_edtf=issued, missing=missing, pdf=pending,
                             original=describe_bytes(path, data, kind))], []
    if kind == "fulltext":
        records, warnings = _fulltext_records(path)
    elif kind in ("web_archive", "mhtml", "image"):
        from desktop_app.importing import capture_records

        if kind == "image":
            records, warnings = [capture_records.image_record(path)], []
        else:
            records, warnings = capture_records.capture_records(path, kind)
    else:
        reader = importlib.import_module(f"desktop_app.formats.{kind}")
        warnings = []
        records = [_csl_record(path, item, warnings) for item in reader.read(path)]
        if not records:
            raise FileProblem(path, None, f"no {KIND_NAMES[kind]} records found")
    original = describe(path, kind)
    if kind == "image":  # Pillow has read what the picture is, whatever its name says
        original = replace(original, media_type=records[0].image.media_type)
    for record in records:
        record.original = original
    return records, warnings


def _csl_record(path: Path, item: dict, warnings: list[str]) -> ImportRecord:
    from desktop_app.formats.csl_dates import csl_date_to_edtf

    item = dict(item)
    # A CSL item's id is its citation key in every tool that writes one; keep it as such.
    item_id = item.pop("id", None)
    if isinstance(item_id, str) and item_id.strip() and not item.get("citation-key"):
        item["citation-key"] = item_id.strip()
    for role in CREATOR_ROLES:
        if isinstance(item.get(role), list):
            item[role] = [_stored_name(name) for name in item[role] if isinstance(name, dict)]
    record = ImportRecord(path, item)
    for variable in ("issued", "accessed"):
        value = item.pop(variable, None)
        if value in (None, "", {}):
            continue
        edtf = storable(csl_date_to_edtf(value))
        if edtf is None:
            warnings.append(f"{path.name}: “{record.title or 'untitled'}”: the {variable} date "
                            f"{_shown(value)} is not a date Sourceline can read; left empty")
        setattr(record, f"{variable}_edtf", edtf)
    return record


def _stored_name(name: dict) -> dict:
    """A CSL name in the parts the store keeps (family, given, literal): particles and suffixes
    join the family or given name as a citation prints them ("van Gennep, Arnold",
    "Beethoven, Ludwig van", "King, Martin Luther, Jr.")."""
    if name.get("literal") or not name.get("family"):
        return {k: v for k, v in name.items() if k in ("literal", "family", "given") and v}
    family = " ".join(p for p in (name.get("non-dropping-particle"), name["family"]) if p)
    given = " ".join(p for p in (name.get("given"), name.get("dropping-particle")) if p)
    if name.get("suffix"):
        given = f"{given}, {name['suffix']}" if given else name["suffix"]
    return {"family": family, "given": given} if given else {"family": family}


def _fulltext_records(path: Path) -> tuple[list[ImportRecord], list[str]]:
    from desktop_app.formats.fulltext import read_fulltext

    text = read_fulltext(path)
    item = dict(text.metadata)
    issued = storable(item.pop("issued_edtf", None))
    missing = [name for name in ASKED_FOR if name in text.missing or (name == "issued" and issued is None)]
    warnings = [f"{path.name}: {text.note}"] if text.note else []
    return [ImportRecord(path, item, issued_edtf=issued, full_text=text.text, missing=missing)], warnings


def storable(edtf: str | None) -> str | None:
    """The EDTF string if the store accepts it (its date model is a subset of EDTF), else None."""
    if not edtf:
        return None
    try:
        return dates.validate(edtf)
    except InvalidDate:
        return None


def _shown(value) -> str:
    if isinstance(value, dict):
        value = value.get("literal") or value.get("raw") or value.get("date-parts") or value
    return repr(value) if not isinstance(value, str) else f"“{value}”"
