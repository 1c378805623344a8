"""`sourceline search`: one search across events, sources and annotations."""
from __future__ import annotations

import json

from db.pdf_pages import page_of_snippet
from db.search import MARK_END, MARK_START, search
from db.store import open_project
from desktop_app.command_options import add_format, project_command


def register(subparsers) -> None:
    parser = project_command(
        subparsers, "search", run,
        description="Search titles, descriptions, source texts and annotations; "
        "any text is accepted as typed.")
    parser.add_argument("query", help="the words to look for")
    parser.add_argument("--limit", type=int, default=20)
    add_format(parser)


def run(args) -> int:
    db = open_project(args.db)
    try:
        hits = search(db, args.query, limit=args.limit)
        # a hit in a PDF's text says its page (the printed label)
        pages = {h.id: page_of_snippet(db, h.id, h.snippet, MARK_START, MARK_END) for h in hits if h.kind == "source"}
    finally:
        db.close()
    labels = {source_id: page.label for source_id, page in pages.items() if page is not None}
    if args.format == "json":
        print(json.dumps([{"kind": h.kind, "id": h.id, "title": h.title,
                           "snippet": h.snippet.replace(MARK_START, "").replace(MARK_END, ""),
                           **({"page_label": labels[h.id]} if h.kind == "source" and h.id in labels else {})}
                          for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("no matches")
    for hit in hits:
        snippet = hit.snippet.replace(MARK_START, "[").replace(MARK_END, "]").replace("\n", " ")
        page = f"  (p. {labels[hit.id]})" if hit.kind == "source" and hit.id in labels else ""
        print(f"{hit.kind:<10} {hit.id:>7}  {hit.title[:60]}{page}\n{'':18} {snippet}")
    return 0
