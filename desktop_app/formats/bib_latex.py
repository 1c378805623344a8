"""LaTeX in BibTeX field values: decoding to Unicode (pylatexenc) and escaping back.

Decoding uses pylatexenc's converter with the few biblatex text macros it does not know; the
same converter drives bibtexparser's LatexDecodingMiddleware and the name parts that middleware
leaves alone. Escaping is the inverse for the characters LaTeX treats specially; other
non-ASCII characters are written as UTF-8, which biber, pandoc and bibtexparser all read.
"""
from __future__ import annotations

from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

# Text-formatting macros whose argument is the text itself.
_KEEP_ARGUMENT = ("texttt", "textsf", "textrm", "textup", "textmd", "textsc", "url")
# biblatex macros pylatexenc's parser does not know take no argument for it: dropping the macro
# name leaves its braced argument as plain text.
_REPLACEMENTS = {"slash": "/", "textasciicircum": "^", "textendash": "–", "textemdash": "—",
                 "hyphen": "-", "hyp": "-", "TeX": "TeX", "LaTeX": "LaTeX", "BibTeX": "BibTeX",
                 "textnormal": "", "mkbibemph": "", "mkbibitalic": "", "mkbibbold": "",
                 "mkbibacro": "", "enquote": "", "mkbibquote": "", "hologo": ""}


@lru_cache(maxsize=1)
def latex_decoder() -> LatexNodes2Text:
    """The converter from LaTeX to plain Unicode text used for every BibTeX value."""
    context = get_default_latex_context_db()
    macros = [MacroTextSpec(name, simplify_repl="%s") for name in _KEEP_ARGUMENT]
    macros += [MacroTextSpec(name, simplify_repl=text) for name, text in _REPLACEMENTS.items()]
    context.add_context_category("sourceline-biblatex", prepend=True, macros=macros)
    # math_mode="text" turns $\alpha$-decay into α-decay; braces only protect case.
    return LatexNodes2Text(latex_context=context, keep_braced_groups=False, math_mode="text")


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
