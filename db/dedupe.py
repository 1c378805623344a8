"""Is this record already in the project? Duplicate keys of a source and the queries that find them.

Two records are the same source when they share a DOI (case-insensitive, with or without its
``https://doi.org/`` or ``doi:`` prefix), a URL (same address once the scheme, ``www.``, a trailing
slash, the fragment and ``utm_*`` tracking parameters are set aside), or a title (folded for case,
whitespace, punctuation and accents) together with the same issued date and the same first creator's
family name. The queries use the schema's indexes (``lower(doi)``, ``url``, ``issued_start_s``,
the title FTS index) so that looking a record up costs the same in 100 sources or 100,000.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from db.connection import Database

from db import dates
# The store's own mapping of a CSL item onto columns and creator rows, so that a merge writes
# exactly what an insert would have.
from db.sources import CREATOR_ROLES, CSL_COLUMNS, insert_creators, source_columns, first_creator_family

_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")
_WORD = re.compile(r"\w+", re.UNICODE)


def doi_key(doi: str | None) -> str | None:
    """The bare DOI in lower case ("10.1000/xyz"), or None."""
    doi = (doi or "").strip().lower()
    for prefix in _DOI_PREFIXES:
        if doi.startswith(prefix):
            doi = doi[len(prefix):].strip()
            break
    return doi or None


def url_key(url: str | None) -> str | None:
    """The URL without what does not change the page it names: ``example.org/a?b=1``."""
    url = (url or "").strip()
    if not url:
        return None
    try:
        parts = urlsplit(url if "://" in url else f"//{url}")
        host = (parts.hostname or "").removeprefix("www.")
        port = parts.port
    except ValueError:  # a malformed port or bracketed host: compare it as written
        return url.lower()
    if port and port not in (80, 443):
        host += f":{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not k.lower().startswith("utm_"))
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")


def title_key(title: str | None) -> str | None:
    """The title's words in lower case, one space apart ("The War, Again!" → "the war again")."""
    # Accents go too (a BibTeX file may have lost them), as in the FTS index, whose tokenizer must
    # split the key, given to it as a phrase, into the same words as the stored title: hence
    # lower(), not casefold() (ß stays ß there), and no combining marks left to split a word.
    decomposed = unicodedata.normalize("NFKD", title or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_WORD.findall(bare.lower())) or None


def family_key(family: str | None) -> str | None:
    return " ".join((family or "").casefold().split()) or None


@dataclass(frozen=True)
class DuplicateKeys:
    """What identifies a record. ``issued`` is an EDTF string; None means no date."""

    doi: str | None
    url: str | None
    title: str | None
    issued: str | None
    family: str | None

    @classmethod
    def of(cls, doi, url, title, issued_edtf, first_family) -> "DuplicateKeys":
        return cls(doi_key(doi), url_key(url), title_key(title), issued_edtf or None, family_key(first_family))

    def by_reason(self) -> list[tuple[str, object]]:
        """(reason, key) for each way this record can match another, strongest first."""
        found = [("same DOI", self.doi), ("same URL", self.url)]
        if self.title:
            found.append(("same title, date and first author", (self.title, self.issued, self.family)))
        return [(reason, key) for reason, key in found if key]


class KeyIndex:
    """The records seen so far by each of their keys, to find duplicates within one import."""

    def __init__(self):
        self._first: dict[tuple[str, object], object] = {}

    def add(self, record, keys: DuplicateKeys) -> None:
        for reason_key in keys.by_reason():
            self._first.setdefault(reason_key, record)

    def find(self, keys: DuplicateKeys) -> tuple[object, str] | None:
        """The first record added that ``keys`` duplicates, with the reason; None if none."""
        for reason, key in keys.by_reason():
            record = self._first.get((reason, key))
            if record is not None:
                return record, reason
        return None


def first_family_of(item: dict) -> str | None:
    """The first creator's family name (or literal name) of a CSL item, authors first —
    the order ``db.sources.first_creator_family`` reads the store in."""
    for role in ("author", *(r for r in CREATOR_ROLES if r != "author")):
        for name in item.get(role) or []:
            family = name.get("family") or name.get("literal") or name.get("given")
            if family:
                return family
    return None


def find_existing(db: Database, keys: DuplicateKeys) -> tuple[int, str] | None:
    """The project's source that ``keys`` duplicates, with the reason; None when there is none."""
    return _by_doi(db, keys) or _by_url(db, keys) or _by_title(db, keys)


def _by_doi(db: Database, keys: DuplicateKeys):
    if not keys.doi:
        return None
    spellings = [keys.doi, *(prefix + keys.doi for prefix in _DOI_PREFIXES)]
    row = db.conn.execute(
        f"SELECT id FROM sources WHERE lower(doi) IN ({', '.join('?' * len(spellings))}) ORDER BY id LIMIT 1",
        spellings).fetchone()
    return (row[0], "same DOI") if row else None


def _by_url(db: Database, keys: DuplicateKeys):
    if not keys.url:
        return None
    # Stored URLs start with scheme://[www.]host/path; a range scan of the url index per spelling
    # finds them whatever query string or trailing slash follows, then the key decides.
    stem = keys.url.split("?", 1)[0]
    for scheme in ("https://", "http://"):
        for www in ("", "www."):
            prefix = f"{scheme}{www}{stem}"
            for source_id, url in db.conn.execute(
                    "SELECT id, url FROM sources WHERE url >= ? AND url < ? ORDER BY id", (prefix, prefix + "\U0010ffff")):
                if url_key(url) == keys.url:
                    return source_id, "same URL"
    return None


def _by_title(db: Database, keys: DuplicateKeys):
    if not keys.title:
        return None
    # The FTS index folds case, punctuation and accents, so the title's words as one phrase find
    # every candidate (and a few more, which the exact key comparison then drops).
    match = f'title : "{keys.title}"'  # the key holds only word characters and spaces
    if keys.issued:
        where, params = "s.issued_start_s = ? AND s.issued_edtf = ?", [dates.bounds(keys.issued).start, keys.issued]
    else:
        where, params = "s.issued_edtf IS NULL", []
    rows = db.conn.execute(
        f"""SELECT s.id, s.title FROM sources s
            WHERE s.id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?) AND {where} ORDER BY s.id""",
        [match, *params])
    for source_id, title in rows:
        if title_key(title) == keys.title and family_key(first_creator_family(db, source_id)) == keys.family:
            return source_id, "same title, date and first author"
    return None


def fill_empty_fields(db: Database, source_id: int, item: dict, issued_edtf: str | None,
                      accessed_edtf: str | None, full_text: str) -> list[str]:
    """Inside an edit: give an existing source the values it lacks from a duplicate record.

    Only empty fields are filled — bibliographic columns, dates, extra CSL variables, creators of
    a role it has none of, the full text — and the analyst's grading is never touched. Returns
    the names of the fields filled.
    """
    cursor = db.conn.execute("SELECT * FROM sources WHERE id = ?", (source_id,))
    existing = dict(zip([d[0] for d in cursor.description], cursor.fetchone()))
    offered = source_columns(item, issued_edtf, accessed_edtf)
    offered["full_text"] = full_text
    values = {column: value for column, value in offered.items()
              if column in _FILLABLE and existing[column] in (None, "") and value not in (None, "")}
    old_extra = json.loads(existing["csl_extra"])
    new_extra = {k: v for k, v in json.loads(offered["csl_extra"]).items() if k not in old_extra}
    if new_extra:
        values["csl_extra"] = json.dumps({**old_extra, **new_extra}, ensure_ascii=False)
    if values:
        sets = ", ".join(f"{column} = ?" for column in values)
        db.conn.execute(f"UPDATE sources SET {sets} WHERE id = ?", [*values.values(), source_id])
    filled = [column for column in values if column != "issued_start_s"]
    roles_present = {role for (role,) in db.conn.execute(
        "SELECT DISTINCT role FROM source_creators WHERE source_id = ?", (source_id,))}
    new_roles = {role: item[role] for role in CREATOR_ROLES if item.get(role) and role not in roles_present}
    if new_roles:
        insert_creators(db, source_id, new_roles)
        filled.extend(new_roles)
    return filled


# Columns a merge may fill when empty: the record's own, never the analyst's grading or the type
# (every source has one, so "empty" never applies).
_FILLABLE = frozenset({*CSL_COLUMNS.values(), "issued_edtf", "issued_start_s", "accessed_edtf", "full_text"}) - {"csl_type"}
