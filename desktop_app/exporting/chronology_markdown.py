"""The cited chronology as Markdown (CommonMark): one section per event.

Every piece of the analyst's or a source's text is escaped, so a title such as ``*draft* <b>``
reads as written instead of turning into emphasis or raw HTML in whatever renders the file.
"""
from __future__ import annotations

import re
from typing import TextIO

from desktop_app.exporting.chronology import (CONTESTED_NOTE, PERIODS_HEADING, REFERENCES_HEADING, WARNING_SIGN,
                                              Chronology, Entry, paragraphs, periods_fact)

# Characters that start inline markup anywhere, and (at the start of a line) block markup.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])|&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def escape(text: str, starts_line: bool = False) -> str:
    """Plain text as Markdown that renders as the same text; ``starts_line`` for text that
    begins a line, where "# ", "- " or "1. " would start a heading or a list."""
    text = _INLINE.sub(lambda m: "\\" + m.group(0), text)
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text) if starts_line else text


def _escape_marker(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker


def write(out: TextIO, chronology: Chronology) -> None:
    out.write(f"# {escape(chronology.heading.title)}\n\n{escape(chronology.heading.summary)}\n")
    if chronology.periods:
        out.write(f"\n## {PERIODS_HEADING}\n\n" + "".join(
            f"- **{escape(period.name)}** — {escape(period.date_words)}\n" for period in chronology.periods))
    for entry in chronology.entries():
        out.write("\n" + entry_markdown(entry))
    references = chronology.references("markdown")  # pandoc's Markdown: the sources' text escaped
    if references:
        out.write(f"\n## {REFERENCES_HEADING}\n\n{references}")


def entry_markdown(entry: Entry) -> str:
    parts = [f"## {escape(entry.date_words)} — {escape(entry.title)}\n"]
    facts = [f"`{entry.date_edtf.replace('`', '')}`", *map(escape, entry.name_facts())]
    if entry.eras:
        facts.append(escape(periods_fact(entry)))
    parts.append(" · ".join(facts) + "\n")
    if entry.contested:
        parts.append(f"> {WARNING_SIGN} **{CONTESTED_NOTE}**\n")
    for lines in paragraphs(entry.description):
        parts.append("\\\n".join(escape(line, starts_line=True) for line in lines) + "\n")
    if entry.citations:
        items = []
        for line in entry.citations:
            pieces = [escape(line.citation)]
            if line.locator:
                pieces.append(escape(line.locator))
            stance = f"**{WARNING_SIGN} contradicts**" if line.contradicts else escape(line.stance)
            text = ", ".join(pieces) + f" — {stance}" + "".join(f" — {escape(note)}" for note in line.notes())
            if line.quote:
                text += f": “{escape(line.quote)}”"
            items.append(f"- {text}")
        parts.append("Sources:\n\n" + "\n".join(items) + "\n")
    else:
        parts.append("*No sources cited.*\n")
    return "\n".join(parts)
