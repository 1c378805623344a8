"""The source library's queries: a filter, a count, and one sorted page at a time.

Sorting and filtering happen in SQL (ORDER BY, the title/full-text FTS index), so the library
reads only the rows it shows whatever the project holds. Counts of annotations and citing events
are correlated subqueries over their indexes (``annotations_by_source``, ``citations_by_source``).
"""
from __future__ import annotations

from dataclasses import dataclass

from db.connection import Database

from db.search import fts_query

UNGRADED = "ungraded"  # the reliability filter's value for sources not graded yet


@dataclass(frozen=True)
class SourceFilter:
    text: str = ""  # words searched in titles and full texts
    csl_type: str | None = None
    reliability: str | None = None  # "A".."F", UNGRADED, or None for any

    def is_empty(self) -> bool:
        return not fts_query(self.text) and self.csl_type is None and self.reliability is None


# "Family, Given" (or the literal name) of every creator, authors first (of the store's roles,
# "author" sorts first, so the (source_id, role, position) index gives the order), in their order.
_CREATORS = """(SELECT group_concat(name, '; ') FROM (
    SELECT coalesce(c.literal, c.family || coalesce(', ' || c.given, '')) AS name FROM source_creators c
    WHERE c.source_id = s.id ORDER BY c.role, c.position))"""
_ANNOTATIONS = "(SELECT count(*) FROM annotations a WHERE a.source_id = s.id)"
_CITING = "(SELECT count(DISTINCT c.event_id) FROM citations c WHERE c.source_id = s.id)"

# The first creator, as the library sorts by (the whole list costs a sort per source).
_FIRST_CREATOR = """(SELECT coalesce(c.literal, c.family || coalesce(', ' || c.given, '')) FROM source_creators c
    WHERE c.source_id = s.id ORDER BY c.role, c.position LIMIT 1)"""

# Sort key -> its terms: (expression, stand-in for an empty value when ascending, when descending).
# The stand-ins put empty values last either way while the expression is evaluated once per row.
# Title sorts by its index alone, so the first page of 100,000 sources costs what 100 do.
_LAST_TEXT, _FIRST_TEXT = "char(1114111)", "''"
_LAST_NUMBER, _FIRST_NUMBER = str(2**62), str(-2**62)
SORTS = {
    "title": (("s.title COLLATE NOCASE", None, None),),
    "creators": ((_FIRST_CREATOR, _LAST_TEXT, _FIRST_TEXT),),
    "container": (("nullif(s.container_title, '')", _LAST_TEXT, _FIRST_TEXT),),
    "issued": (("s.issued_start_s", _LAST_NUMBER, _FIRST_NUMBER),),
    "type": (("s.csl_type", None, None),),
    "grade": (("s.reliability", _LAST_TEXT, _FIRST_TEXT), ("s.credibility", _LAST_NUMBER, _FIRST_NUMBER)),
    "annotations": ((_ANNOTATIONS, None, None),),
    "citing": ((_CITING, None, None),),
}

_SELECT = f"""SELECT s.id, s.title, {_CREATORS} AS creators, s.container_title, s.issued_edtf, s.csl_type,
    s.reliability, s.credibility, {_ANNOTATIONS} AS annotations, {_CITING} AS citing FROM sources s"""
_FIELDS = ("id", "title", "creators", "container_title", "issued_edtf", "csl_type", "reliability", "credibility",
           "annotations", "citing")


def _where(source_filter: SourceFilter) -> tuple[str, list]:
    clauses, params = [], []
    match = fts_query(source_filter.text)
    if match:
        clauses.append("s.id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?)")
        params.append(match)
    if source_filter.csl_type:
        clauses.append("s.csl_type = ?")
        params.append(source_filter.csl_type)
    if source_filter.reliability == UNGRADED:
        clauses.append("s.reliability IS NULL")
    elif source_filter.reliability:
        clauses.append("s.reliability = ?")
        params.append(source_filter.reliability)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _order(sort: str, descending: bool) -> str:
    terms = []
    for expression, last, first in SORTS[sort]:
        stand_in = first if descending else last
        if stand_in is not None:
            expression = f"coalesce({expression}, {stand_in})"
        if last == _LAST_TEXT:
            expression += " COLLATE NOCASE"
        terms.append(expression + (" DESC" if descending else ""))
    return " ORDER BY " + ", ".join([*terms, "s.id" + (" DESC" if descending else "")])


def count_sources(db: Database, source_filter: SourceFilter = SourceFilter()) -> int:
    where, params = _where(source_filter)
    return db.conn.execute(f"SELECT count(*) FROM sources s{where}", params).fetchone()[0]


def source_page(db: Database, source_filter: SourceFilter, sort: str = "title", descending: bool = False,
                offset: int = 0, limit: int = 200) -> list[dict]:
    """One page of the library's rows: id, title, creators, container_title, issued_edtf, csl_type,
    reliability, credibility, annotations (count), citing (count of citing events)."""
    where, params = _where(source_filter)
    # First the page's ids, computing only what the sort needs; then the rows of those ids alone
    # (a sorter holding every row's creators and counts would cost 100 ms at 20,000 sources).
    ids = [i for (i,) in db.conn.execute(
        f"SELECT s.id FROM sources s{where}{_order(sort, descending)} LIMIT ? OFFSET ?", [*params, limit, offset])]
    rows = {row[0]: dict(zip(_FIELDS, row)) for row in db.conn.execute(
        f"{_SELECT} WHERE s.id IN ({', '.join('?' * len(ids))})", ids)} if ids else {}
    return [rows[i] for i in ids if i in rows]


def row_of_source(db: Database, source_id: int, source_filter: SourceFilter, sort: str = "title",
                  descending: bool = False) -> int | None:
    """The row a source has in the sorted, filtered library; None when the filter hides it."""
    where, params = _where(source_filter)
    row = db.conn.execute(
        f"""SELECT position FROM (SELECT s.id, row_number() OVER ({_order(sort, descending)[1:]}) - 1 AS position
            FROM sources s{where}) WHERE id = ?""", [*params, source_id]).fetchone()
    return row[0] if row else None


def source_types(db: Database) -> list[str]:
    """The CSL types the project's sources have, for the type filter."""
    return [t for (t,) in db.conn.execute("SELECT DISTINCT csl_type FROM sources ORDER BY csl_type")]
