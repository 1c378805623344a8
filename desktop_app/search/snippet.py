"""Search hits as the popup shows them: HTML built from escaped text only. Qt-free.

A snippet comes from the store with ``MARK_START``/``MARK_END`` around the matched words; every
piece of text between the markers is escaped, so a hit inside text that looks like markup is
shown as the characters it is, and only our own ``<b>`` tags reach the renderer.
"""
from __future__ import annotations

import html
import re

from db.search import MARK_END, MARK_START, Hit

_MARKS = re.compile(f"([{MARK_START}{MARK_END}])")
_SPACES = re.compile(r"\s+")  # line breaks in a snippet read as spaces on one result line
KIND_LABELS = {"event": "Event", "source": "Source", "annotation": "Highlight"}


def snippet_html(snippet: str) -> str:
    """The snippet with its marked words in bold, everything else escaped; markers left unpaired
    (a snippet cut in the middle of a match) end at the end of the snippet."""
    out, bold = [], False
    for piece in _MARKS.split(snippet):
        if piece == MARK_START:
            if not bold:
                out.append("<b>")
                bold = True
        elif piece == MARK_END:
            if bold:
                out.append("</b>")
                bold = False
        else:
            out.append(html.escape(_SPACES.sub(" ", piece)))
    if bold:
        out.append("</b>")
    return "".join(out)


def plain(snippet: str) -> str:
    """The snippet without its markers (for accessibility and tooltips)."""
    return _SPACES.sub(" ", snippet.replace(MARK_START, "").replace(MARK_END, "")).strip()


def hit_html(hit: Hit, detail: str = "") -> str:
    """Two lines: the title in bold, then the kind (and ``detail``, e.g. an event's date) and the
    snippet. The kind is in a ``meta`` span the renderer colours."""
    title = html.escape(_SPACES.sub(" ", hit.title or "Untitled").strip())
    meta = html.escape(" · ".join(filter(None, (KIND_LABELS.get(hit.kind, hit.kind), detail))))
    return f"<div><b>{title}</b></div><div><span class='meta'>{meta} — </span>{snippet_html(hit.snippet)}</div>"
