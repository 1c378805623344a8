"""Web of Science "plain text" exports: RIS's cousin with ``PT`` instead of ``TY``.

Read with rispy's WoK parser and mapped onto CSL like any RIS record.
"""
from __future__ import annotations

import re

import rispy

from db.errors import FileProblem
from desktop_app.formats.csl_dates import edtf_to_csl_date, text_to_edtf
from desktop_app.formats.csl_types import CSL_TYPE_BY_WOS_DT, CSL_TYPE_BY_WOS_PT, language_code

WOS_TAG = re.compile(r"^([A-Z][A-Z0-9])(?: |$)")


def looks_like_wos(text: str) -> bool:
    """True for a file that opens with a Web of Science header (FN, VR) or a PT tag."""
    for line in text.split("\n"):
        if line.strip():
            return bool(re.match(r"^(FN|VR|PT) \S", line))
    return False


def wos_items(text: str, path) -> list[dict]:
    """CSL items for the records of a Web of Science export."""
    from desktop_app.formats.ris import WokParser, scan_records  # ris imports this module

    # (``text`` has LF line ends only: ris.read made it so)
    # the header and end-of-file lines become blank (not dropped: the lines keep their numbers)
    lines = ["" if re.match(r"^(FN|VR|EF)\b", line) else line for line in text.split("\n")]
    starts = scan_records(lines, path, WOS_TAG, start="PT", end="ER", kind="Web of Science")
    # rispy's WoK parser has no bucket for tags it does not know and raises KeyError on them
    records = rispy.loads(text, implementation=WokParser, skip_unknown_tags=True)
    if len(records) != len(starts):
        raise FileProblem(path, None, f"read {len(records)} of {len(starts)} Web of Science records")
    return [_to_csl(record) for record in records]


def _to_csl(record: dict) -> dict:
    from desktop_app.formats.ris import first, person, values

    document_type = first(record, "document_type").lower()
    item: dict = {"type": CSL_TYPE_BY_WOS_DT.get(document_type)
                  or CSL_TYPE_BY_WOS_PT.get(first(record, "publication_type").upper(), "document")}
    people = values(record, "author_full_name") or values(record, "authors")
    authors = [person(name) for name in people] + [{"literal": g} for g in values(record, "group_authors")]
    if authors:
        item["author"] = authors
    editors = [person(name) for name in values(record, "editors")]
    if editors:
        item["editor"] = editors
    simple = (("document_title", "title"), ("publication_name", "container-title"),
              ("iso_source_abbreviation", "container-title-short"), ("publisher", "publisher"),
              ("publisher_city", "publisher-place"), ("volume", "volume"), ("issue", "issue"),
              ("doi", "DOI"), ("issn", "ISSN"), ("isbn", "ISBN"), ("abstract", "abstract"),
              ("pubmed_id", "PMID"), ("accession_number", "archive_location"),
              ("book_series_title", "collection-title"))
    for key, variable in simple:
        if first(record, key):
            item[variable] = first(record, key)
    if "archive_location" in item:
        item["source"] = "Web of Science"
    year = first(record, "publication_year")
    if year:
        written = f"{first(record, 'publication_date')} {year}".strip()
        edtf = text_to_edtf(written) or text_to_edtf(year)
        item["issued"] = edtf_to_csl_date(edtf) if edtf else {"literal": year}
    start, end = first(record, "beginning_page"), first(record, "ending_page")
    page = f"{start}-{end}" if start and end else start or first(record, "article_number")
    if page:
        item["page"] = page
    if first(record, "language"):
        item["language"] = language_code(first(record, "language"))
    keywords = values(record, "author_keywords") + values(record, "keywords_plus")
    if keywords:
        item["keyword"] = "; ".join(keywords)
    return item
