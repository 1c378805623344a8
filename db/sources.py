"""Sources: bibliographic records (CSL variables) with their full text and the analyst's grading.

A source goes in and out of the store as a CSL-JSON item (the form every citation tool speaks);
dates inside the store are EDTF strings. The conversion of dates between the two lives with the
formats (``desktop_app.formats.csl_dates``), so callers pass ``issued_edtf``/``accessed_edtf``.
"""
from __future__ import annotations

import json

from db.connection import Database

from db import dates
from db.errors import SourcelineError
from db.ops import Op

# CSL variable -> column. Everything else a CSL item carries is kept in ``csl_extra``.
CSL_COLUMNS = {
    "type": "csl_type", "title": "title", "container-title": "container_title", "publisher": "publisher",
    "URL": "url", "language": "language", "DOI": "doi", "ISBN": "isbn", "ISSN": "issn",
    "citation-key": "citation_key",
}
CREATOR_ROLES = ("author", "editor", "translator", "interviewer", "recipient", "director",
                 "container-author", "collection-editor", "contributor")
EVALUATION = ("reliability", "credibility", "evaluation_note")
# Not CSL: our own fields that must not leak into csl_extra.
_NOT_EXTRA = {"id", "issued", "accessed", "issued_edtf", "accessed_edtf", "full_text", *CREATOR_ROLES, *EVALUATION}


def source_columns(item: dict, issued_edtf: str | None, accessed_edtf: str | None) -> dict:
    """The sources-table columns for a CSL item (dates given as EDTF); unknown variables go to csl_extra."""
    values = {col: item.get(var) for var, col in CSL_COLUMNS.items() if var in item}
    values["csl_type"] = item.get("type") or "document"
    extra = {k: v for k, v in item.items() if k not in CSL_COLUMNS and k not in _NOT_EXTRA}
    values["csl_extra"] = json.dumps(extra, ensure_ascii=False)
    values["issued_edtf"] = dates.validate(issued_edtf) if issued_edtf else None
    values["issued_start_s"] = dates.bounds(issued_edtf).start if issued_edtf else None
    values["accessed_edtf"] = dates.validate(accessed_edtf) if accessed_edtf else None
    for key in EVALUATION:
        if key in item:
            values[key] = item[key]
    return values


def insert_creators(db: Database, source_id: int, item: dict) -> None:
    """Inside an edit: store the item's creators (every CSL name role) for the source."""
    rows = []
    for role in CREATOR_ROLES:
        for position, name in enumerate(item.get(role) or []):
            literal = name.get("literal")
            family = name.get("family")
            if not literal and not family:
                literal = name.get("given")  # a lone given name is all we know
            if not literal and not family:
                continue
            rows.append((source_id, role, position, family, name.get("given") if family else None, literal))
    db.conn.executemany(
        "INSERT INTO source_creators (source_id, role, position, family, given, literal) VALUES (?, ?, ?, ?, ?, ?)", rows
    )


def insert_source(db: Database, item: dict, issued_edtf: str | None = None, accessed_edtf: str | None = None,
                  full_text: str = "", original_id: int | None = None) -> int:
    """Inside an edit: store one CSL item (its dates given as EDTF) and return the new source's id;
    ``original_id`` links it to the file it was imported from (``db.originals``)."""
    values = source_columns(item, issued_edtf, accessed_edtf)
    values["full_text"] = full_text or ""
    if original_id is not None:
        values["original_id"] = original_id
    cols = ", ".join(values)
    source_id = db.conn.execute(
        f"INSERT INTO sources ({cols}) VALUES ({', '.join('?' * len(values))})", list(values.values())
    ).lastrowid
    insert_creators(db, source_id, item)
    return source_id


def add_source(item: dict, issued_edtf: str | None = None, accessed_edtf: str | None = None, full_text: str = "") -> Op:
    title = item.get("title") or "untitled source"
    return Op(f"Add source “{title}”", lambda db: insert_source(db, item, issued_edtf, accessed_edtf, full_text))


def update_source(source_id: int, item: dict | None = None, issued_edtf: str | None = None,
                  accessed_edtf: str | None = None, **fields) -> Op:
    """Replace a source's bibliographic record (when ``item`` is given) and/or set plain columns
    such as ``full_text``, ``reliability``, ``credibility`` or ``evaluation_note``."""
    allowed = {"full_text", *EVALUATION, *CSL_COLUMNS.values()}
    unknown = set(fields) - allowed
    if unknown:
        raise SourcelineError(f"unknown source fields: {', '.join(sorted(unknown))}")

    def edit(db: Database) -> None:
        if db.conn.execute("SELECT 1 FROM sources WHERE id = ?", (source_id,)).fetchone() is None:
            raise SourcelineError(f"there is no source {source_id}")
        values = dict(fields)
        if item is not None:
            values.update(source_columns(item, issued_edtf, accessed_edtf))
            db.conn.execute("DELETE FROM source_creators WHERE source_id = ?", (source_id,))
            insert_creators(db, source_id, item)
        if values:
            sets = ", ".join(f"{c} = ?" for c in values)
            db.conn.execute(f"UPDATE sources SET {sets} WHERE id = ?", [*values.values(), source_id])

    return Op("Edit source", edit)


def delete_sources(source_ids) -> Op:
    ids = list(source_ids)
    return Op(f"Delete {len(ids)} source{'s' if len(ids) != 1 else ''}",
              lambda db: db.conn.execute(f"DELETE FROM sources WHERE id IN ({','.join('?' * len(ids))})", ids))


# -- reading -----------------------------------------------------------------------------------

def creators(db: Database, source_id: int) -> dict[str, list[dict]]:
    """The source's creators as CSL name lists by role."""
    names: dict[str, list[dict]] = {}
    for role, family, given, literal in db.conn.execute(
        "SELECT role, family, given, literal FROM source_creators WHERE source_id = ? ORDER BY role, position", (source_id,)
    ):
        name = {"literal": literal} if literal else {k: v for k, v in (("family", family), ("given", given)) if v}
        names.setdefault(role, []).append(name)
    return names


def get_source(db: Database, source_id: int) -> dict | None:
    """The stored row of one source (all columns) plus its creators by role."""
    cursor = db.conn.execute("SELECT * FROM sources WHERE id = ?", (source_id,))
    row = cursor.fetchone()
    if row is None:
        return None
    source = dict(zip([d[0] for d in cursor.description], row))
    source["creators"] = creators(db, source_id)
    return source


def to_csl(db: Database, source_id: int, date_to_csl) -> dict:
    """The source as a CSL-JSON item; ``date_to_csl(edtf) -> dict`` converts its dates."""
    source = get_source(db, source_id)
    if source is None:
        raise SourcelineError(f"there is no source {source_id}")
    item = {"id": source["citation_key"] or source["uuid"], **json.loads(source["csl_extra"])}
    for var, col in CSL_COLUMNS.items():
        if source[col] not in (None, ""):
            item[var] = source[col]
    item["type"] = source["csl_type"]
    item.update(source["creators"])
    if source["issued_edtf"]:
        item["issued"] = date_to_csl(source["issued_edtf"])
    if source["accessed_edtf"]:
        item["accessed"] = date_to_csl(source["accessed_edtf"])
    return item


def source_title(db: Database, source_id: int) -> str | None:
    """The source's title; None when there is no such source."""
    row = db.conn.execute("SELECT title FROM sources WHERE id = ?", (source_id,)).fetchone()
    return None if row is None else row[0]


def ids_by_title(db: Database) -> list[int]:
    """Every source's id, in title order."""
    return [row[0] for row in db.conn.execute("SELECT id FROM sources ORDER BY title COLLATE NOCASE, id")]


def cited_by_filter(db: Database, where) -> list[int]:
    """The sources cited by the events an ``EventFilter`` lets through, in first-cited order.

    ``cited_source_ids`` takes a list of event ids, which cannot hold the million a filter may
    match (SQLite allows some 32,000 parameters): this asks with the filter itself."""
    sql, params = where.where()
    rows = db.conn.execute(
        f"SELECT c.source_id FROM citations c JOIN events e ON e.id = c.event_id WHERE {sql}"
        " GROUP BY c.source_id ORDER BY min(c.id)", params)
    return [row[0] for row in rows]


def count_sources(db: Database) -> int:
    return db.conn.execute("SELECT count(*) FROM sources").fetchone()[0]


def cited_source_ids(db: Database, event_ids=None) -> list[int]:
    """Sources cited by the given events (all cited sources when None), in first-cited order."""
    if event_ids is None:
        rows = db.conn.execute("SELECT source_id FROM citations GROUP BY source_id ORDER BY min(id)")
    else:
        ids = list(event_ids)
        rows = db.conn.execute(
            f"SELECT source_id FROM citations WHERE event_id IN ({','.join('?' * len(ids)) or 'NULL'})"
            " GROUP BY source_id ORDER BY min(id)", ids)
    return [r[0] for r in rows]


def first_creator_family(db: Database, source_id: int) -> str | None:
    row = db.conn.execute(
        "SELECT coalesce(family, literal) FROM source_creators WHERE source_id = ? ORDER BY role != 'author', position LIMIT 1",
        (source_id,)).fetchone()
    return row[0] if row else None


# The columns of ``catalogue``: each source with its original and how much the analyst did with it.
CATALOGUE_FIELDS = ("id", "uuid", "title", "type", "issued", "url", "media_type", "pages", "sha256",
                    "original_name", "size", "imported", "highlights", "citing_events",
                    "accessed", "latitude", "longitude")


def catalogue(db: Database) -> list[dict]:
    """Every source, in id order, as ``CATALOGUE_FIELDS``: its record, its original (media type,
    SHA-256, file name, size, when imported; empty for a source typed in by hand), its page count
    (a PDF's), the numbers of its highlights and of the events citing it, when it was accessed (a
    web capture's time) and where it was made (a photograph's GPS position)."""
    cursor = db.conn.execute("""
        SELECT s.id, s.uuid, s.title, s.csl_type, s.issued_edtf, s.url, o.media_type,
               nullif((SELECT count(*) FROM source_pages p WHERE p.source_id = s.id), 0), o.sha256, o.file_name, o.size, o.imported_at,
               (SELECT count(*) FROM annotations a WHERE a.source_id = s.id),
               (SELECT count(DISTINCT c.event_id) FROM citations c WHERE c.source_id = s.id),
               s.accessed_edtf, s.latitude, s.longitude
        FROM sources s LEFT JOIN originals o ON o.id = s.original_id ORDER BY s.id""")
    return [dict(zip(CATALOGUE_FIELDS, row)) for row in cursor]

