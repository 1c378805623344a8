"""LaTeX in BibTeX field values: decoding to Unicode (pylatexenc) and escaping back.

Decoding uses pylatexenc's converter with the few biblatex text macros it does not know; the
same converter drives bibtexparser's LatexDecodingMiddleware and the name parts that middleware
leaves alone. Escaping is the inverse for the characters LaTeX treats specially; other
non-ASCII characters are written as UTF-8, which biber, pandoc and bibtexparser all read.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.macrospec import MacroSpec

# Text-formatting macros whose argument is the text itself.
_KEEP_ARGUMENT = ("texttt", "textsf", "textrm", "textup", "textmd", "textsc", "url")
# biblatex macros pylatexenc's parser does not know take no argument for it: dropping the macro
# name leaves its braced argument as plain text.
_REPLACEMENTS = {"slash": "/", "textasciicircum": "^", "textendash": "–", "textemdash": "—",
                 "hyphen": "-", "hyp": "-", "TeX": "TeX", "LaTeX": "LaTeX", "BibTeX": "BibTeX",
                 "textnormal": "", "mkbibemph": "", "mkbibitalic": "", "mkbibbold": "",
                 "mkbibacro": "", "enquote": "", "mkbibquote": "", "hologo": ""}


# pylatexenc's parser copies the plain text it has read so far on each character of it (its
# ``lastchars += chars``), so its time grows with the square of a value's length: a 1-million-
# character author took 55 s, a 20 MB field more than 10 minutes. Values are decoded in pieces of
# about this many characters, cut where the text before and after read alike on their own.
PIECE = 2_000


class PiecewiseDecoder(LatexNodes2Text):
    """pylatexenc's converter, fed a long value piece by piece (see latex_pieces), and with its
    parser's macro table built once (pylatexenc builds it again for every value: half a
    millisecond each, 27 s for the 48,000 name parts of one long author list)."""

    piece = PIECE

    def latex_to_text(self, latex, **parse_flags):
        parse_flags.setdefault("latex_context", _parser_context())
        return "".join(part if is_plain(part) else super(PiecewiseDecoder, self).latex_to_text(part, **parse_flags)
                       for part in latex_pieces(latex, self.piece))


# Text without these reads as itself (pylatexenc's parser takes ~50 µs a character to find so):
# control sequences, groups, math, comments, alignment, ties and the ligatures `` '' -- !` ?`.
_SPECIAL = re.compile(r"[\\{}$%&~`]|''|--")


def is_plain(text: str) -> bool:
    return _SPECIAL.search(text) is None


@lru_cache(maxsize=1)
def _parser_context():
    context = latexwalker.get_default_latex_context_db()
    # pylatexenc's text side renders \href{url}{text} from two arguments its parser does not
    # know the macro takes (IndexError on every \href)
    context.add_context_category("sourceline-hyperref", prepend=True, macros=[MacroSpec("href", "{{")])
    return context


@lru_cache(maxsize=1)
def latex_decoder() -> LatexNodes2Text:
    """The converter from LaTeX to plain Unicode text used for every BibTeX value."""
    context = get_default_latex_context_db()
    macros = [MacroTextSpec(name, simplify_repl="%s") for name in _KEEP_ARGUMENT]
    macros += [MacroTextSpec(name, simplify_repl=text) for name, text in _REPLACEMENTS.items()]
    context.add_context_category("sourceline-biblatex", prepend=True, macros=macros)
    # math_mode="text" turns $\alpha$-decay into α-decay; braces only protect case.
    return PiecewiseDecoder(latex_context=context, keep_braced_groups=False, math_mode="text")


def latex_pieces(text: str, size: int = PIECE) -> list[str]:
    """``text`` cut into pieces of at least ``size`` characters (the last may be shorter; a piece
    is longer only where no cut can be made), such that LaTeX reads the pieces one by one as it
    reads the whole: each cut is just before a whitespace character outside any group, math or
    comment, not following a control sequence (which takes the space, or an argument after it)
    nor a closing brace or bracket (after which an argument may follow). A piece that is one
    group whole (``{Title in braces}``) is cut inside it the same way, its braces kept.
    ``"".join(latex_pieces(text)) == text``."""
    if len(text) <= size or "\\begin" in text or "\\verb" in text:
        return [text]  # environments and verbatim run across whitespace: never cut them
    return list(_pieces(text, size))


def _pieces(text: str, size: int):
    start = 0
    for cut in _cuts(text, size):
        yield from _inside_group(text[start:cut], size)
        start = cut
    yield from _inside_group(text[start:], size)


def _inside_group(piece: str, size: int):
    """A piece too long for want of cuts that is one group whole: its inside, cut, in braces."""
    inner = piece.lstrip()
    lead = piece[: len(piece) - len(inner)]
    if len(piece) <= 2 * size or not (inner.startswith("{") and inner.endswith("}")) or \
            _group_end(inner) != len(inner) - 1:
        yield piece
        return
    parts = latex_pieces(inner[1:-1], size)
    if len(parts) == 1:
        yield piece
        return
    yield from (f"{lead}{{{part}}}" if index == 0 else f"{{{part}}}" for index, part in enumerate(parts))


_BRACE = re.compile(r"\\.|[{}]", re.DOTALL)


def _group_end(text: str) -> int:
    """The index of the brace that closes the group opening at ``text[0]``; -1 when none does."""
    depth = 0
    for found in _BRACE.finditer(text):
        if found.group() in "{}":
            depth += 1 if found.group() == "{" else -1
            if depth == 0:
                return found.start()
    return -1


# What _cuts reads; the text between two of these reads as itself.
_TOKEN = re.compile(r"\\(?:[A-Za-z]+|.?)|%|[{}\[\]]|\$\$?", re.DOTALL)
_WORD_END = re.compile(r"(?<=[^ \t\n\r])[ \t\n\r]")  # a space after an ordinary character
_ORDINARY = re.compile(r"[^ \t\n\r]")


def _cuts(text: str, size: int):
    """Offsets, at least ``size`` apart, where ``text`` may be cut (see latex_pieces). Only what
    may change how LaTeX reads (_TOKEN) is looked at one by one; a cut is looked for in the plain
    text between two of them, once ``size`` characters have gone by."""
    depth = 0
    optional = 0  # inside an optional argument: "[" right after a control sequence or argument
    math = ""  # the delimiter that ends the math being read: "$", "$$", ")" or "]"
    after = ""  # what the last token was, when no ordinary character came since: "control", "close"
    read = 0
    wanted = size
    while True:
        found = _TOKEN.search(text, read)
        plain_end = found.start() if found else len(text)
        while plain_end > wanted and depth == 0 and not optional and not math:
            space = _WORD_END.search(text, max(wanted, read + 1), plain_end)
            if space is None:
                break
            yield space.start()
            wanted = space.start() + size
        if found is None:
            return
        if _ORDINARY.search(text, read, plain_end):
            after = ""
        token, read = found.group(), found.end()
        if token == "%":  # a comment, to the line's end
            line_end = text.find("\n", read)
            read = len(text) if line_end < 0 else line_end + 1
        elif token[0] == "\\":
            if math and token[1:] == math:  # \) or \] ends the math it opened
                math = ""
            elif not math and token[1:] in ("(", "["):
                math = ")" if token[1:] == "(" else "]"
            after = "control"
        elif token[0] == "$":
            math = "" if math == token else math or token
            after = ""
        else:
            if token == "{":
                depth += 1
            elif token == "}":
                depth -= 1
            elif token == "[" and after:
                optional += 1
            elif token == "]" and optional:
                optional -= 1
            after = "close" if token in "}]" else ""


def decode(value: str) -> str:
    """Plain text for a LaTeX value, whitespace (line breaks, ~) collapsed to single spaces."""
    return " ".join(latex_decoder().latex_to_text(value).split())


_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def escape(text: str) -> str:
    """LaTeX for plain text: special characters escaped, ligature dashes broken (-- stays --)."""
    escaped = "".join(_ESCAPES.get(char, char) for char in text)
    # LaTeX reads -- and --- as dashes, `` and '' as quotes: an empty group keeps them literal.
    for pair in ("--", "``", "''"):
        while pair in escaped:
            escaped = escaped.replace(pair, pair[0] + "{}" + pair[1])
    return escaped
