"""Readable text and metadata from a Markdown file: front matter by a small key: value reader,
the body rendered to plain text by markdown-it-py's token stream.

The front matter is read by hand rather than by a YAML library: only a handful of scalar and
list keys are wanted, PyYAML is not a dependency, and a reader that builds nothing but strings
cannot be talked into constructing objects. It understands ``key: value``, quoted values,
``[a, b]`` and ``- item`` lists, ``>``/``|`` block text and ``#`` comment lines; nested maps under
keys Sourceline ignores are skipped, anything else is a FileProblem naming its line.
"""
from __future__ import annotations

import re

from markdown_it import MarkdownIt

from db.errors import FileProblem
from desktop_app.formats import fulltext_metadata as meta
from desktop_app.formats.fulltext_html import fragment_blocks
from desktop_app.formats.fulltext_text import join_blocks

# markdown-it stops descending past maxNesting and silently skips what lies deeper; a token at
# the last level means that may have happened, and a text with holes is worse than a refusal.
_MAX_NESTING = 20
_MARKDOWN = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table")
# markdown-it refuses file:, data: and javascript: links, leaving "![alt](file:///...)" behind as
# literal text. Nothing here renders or follows a link, so every link is parsed as one and dropped.
_MARKDOWN.validateLink = lambda url: True
_KEY_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?")
_BLOCK_SCALAR = re.compile(r"[|>][+-]?")
_SCRIPT_OPEN = re.compile(r"<(?:script|style)\b", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</(?:script|style)\b", re.IGNORECASE)
_FIELDS = {
    "title": "title",
    "author": "author", "authors": "author",
    "date": "issued", "published": "issued",
    "source": "source", "site": "container-title", "site_name": "container-title",
    "publisher": "publisher",
    "url": "URL", "link": "URL",
    "lang": "language", "language": "language",
}


def read_markdown(text: str, path, want_text: bool = True) -> tuple[str, dict]:
    """The body as plain text (empty when ``want_text`` is false) and the front matter's metadata."""
    lines = text.split("\n")
    front, body_start = _front_matter(lines, path)
    metadata = _metadata(front, path)
    if not want_text:
        return "", metadata
    blocks, first_heading = _body_blocks("\n".join(lines[body_start:]), path, first_line=body_start + 1)
    metadata["title"] = metadata.get("title") or meta.text_value(first_heading)
    return join_blocks(blocks), metadata


# --- front matter -------------------------------------------------------------------------------

def _front_matter(lines: list[str], path) -> tuple[dict[str, tuple[int, list[str]]], int]:
    """{key: (line number, values)} and the index of the first body line."""
    if not lines or lines[0].rstrip() != "---":
        return {}, 0
    end = next((index for index in range(1, len(lines)) if lines[index].rstrip() in ("---", "...")), None)
    if end is None:
        raise FileProblem(path, 1, "the front matter opened by '---' on line 1 is never closed by a '---' line")
    found: dict[str, tuple[int, list[str]]] = {}
    key, folding = None, False
    for number, line in enumerate(lines[1:end], start=2):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0] in " \t":
            if key is None:
                raise FileProblem(path, number, f"indented line {stripped!r} does not belong to any key")
            if folding:
                found[key][1].append(stripped)
            elif stripped.startswith("- ") or stripped == "-":
                found[key][1].append(_unquote(stripped[1:].strip()))
            elif key.lower() in _FIELDS:
                raise FileProblem(path, number, f"nested values under '{key}' are not supported; write '{key}: value'")
            continue
        match = _KEY_LINE.fullmatch(line.rstrip())
        if not match:
            raise FileProblem(path, number, f"expected 'key: value' in the front matter, found {stripped!r}")
        key, value = match.group(1), (match.group(2) or "").strip()
        folding = bool(_BLOCK_SCALAR.fullmatch(value))
        found[key] = (number, [] if folding or not value else _values(value))
    return found, end + 1


def _values(value: str) -> list[str]:
    if value.startswith("[") and value.endswith("]"):
        return [_unquote(item.strip()) for item in value[1:-1].split(",") if item.strip()]
    return [_unquote(value)]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"')
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _metadata(front: dict, path) -> dict:
    metadata: dict = {}
    for key, (number, values) in front.items():
        field = _FIELDS.get(key.lower())
        if field is None or not values:
            continue  # other tools' keys (tags, aliases, ...) are not Sourceline's business
        if field == "author":
            metadata["author"] = [name for value in values for name in meta.csl_names(value)]
            continue
        value = " ".join(values)  # folded block text, or a list where one value was meant
        if field == "issued":
            metadata["issued_edtf"] = meta.edtf_date(value) or _refuse(
                path, number, f"{key} {value!r} is not a date Sourceline can read; write it as 2024-11-19 (or EDTF such as 2024-11~)"
            )
        elif field == "URL":
            metadata["URL"] = meta.http_url(value) or _refuse(path, number, f"{key} {value!r} is not an http(s) address")
        elif field == "source":
            # Web clippers write the page's address here; people write the newspaper's name.
            target = "URL" if meta.http_url(value) else "container-title"
            metadata.setdefault(target, meta.text_value(value))
        elif field == "language":
            metadata["language"] = meta.language_tag(value)  # a word like "English" is just not used
        else:
            metadata[field] = meta.text_value(value)
    return metadata


def _refuse(path, line: int, problem: str):
    raise FileProblem(path, line, problem)


# --- body ---------------------------------------------------------------------------------------

def _body_blocks(body: str, path, first_line: int) -> tuple[list[str], str | None]:
    """Paragraph-sized blocks of plain text, and the text of the first level-1 heading."""
    tokens = _MARKDOWN.parse(body)
    too_deep = next((token for token in tokens if token.level >= _MAX_NESTING - 1), None)
    if too_deep is not None:
        line = first_line + too_deep.map[0] if too_deep.map else None
        raise FileProblem(path, line, f"lists or quotes are nested more than {_MAX_NESTING // 2} levels deep; the text inside them would be lost")
    blocks: list[str] = []
    row: list[str] | None = None
    first_heading = None
    in_h1 = False
    for token in tokens:
        if token.type == "inline":
            text = _inline_text(token.children or [])
            if in_h1 and first_heading is None:
                first_heading = text
            if row is None:
                blocks.append(text)
            else:
                row.append(text)
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
        elif token.type == "html_block":
            blocks.extend(fragment_blocks(token.content, path))
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            blocks.append("\t".join(row or []))
            row = None
        elif token.type in ("heading_open", "heading_close"):
            in_h1 = token.type == "heading_open" and token.tag == "h1"
    return blocks, first_heading


def _inline_text(children) -> str:
    """Text of an inline run: emphasis, link and raw-HTML markup dropped, link text kept, images
    dropped whole (their address must never be followed, and alt text rarely reads as prose),
    inline <script>/<style> dropped with their content as in HTML pages."""
    parts = []
    in_script = False
    for child in children:
        if child.type == "html_inline":
            in_script = bool(_SCRIPT_OPEN.match(child.content)) or (in_script and not _SCRIPT_CLOSE.match(child.content))
        elif in_script:
            continue
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)
