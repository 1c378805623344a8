"""BibTeX values of any length are read in time that grows with their length, not its square
(issue 14, item 15). pylatexenc's parser is quadratic in a run of plain text, so a long value is
decoded in pieces: these tests show the pieces read as the whole does and that no piece is long —
the work done counted, not timed (`python -m benchmarks.inputs` times it)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text

from desktop_app.formats import bib_latex, bibtex
from desktop_app.formats.bib_latex import latex_decoder, latex_pieces

WORDS = st.sampled_from(["word", "Müller", "x", "--", "---", "``quoted''", "a~b", "\\'e", "\\\"o", "\\ss{}", "\\o{}",
                         "\\&", "\\%", "\\$", "\\{", "\\}", "50\\%", "!`", "\\LaTeX{}", "\\c{c}", "\\\\", "\\ss", "\\o"])
SPACE = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", " % a comment\n"])


def _value(children):
    pieces = st.one_of(
        WORDS,
        children.map(lambda inner: "{" + inner + "}"),
        children.map(lambda inner: "\\textbf{" + inner + "}"),
        children.map(lambda inner: "\\emph {" + inner + "}"),
        children.map(lambda inner: "\\mkbibemph{" + inner + "}"),
        st.sampled_from(["$x^2$", "$\\alpha$-decay", "$$a + b$$", "\\(y\\)", "\\cite[p. 5 and 6]{key}",
                         "\\href{http://x.org/a b}{the text}", "\\url{http://x.org/a}"]),
    )
    return st.lists(st.tuples(pieces, SPACE).map("".join), max_size=6).map("".join)


LATEX = st.recursive(WORDS, _value, max_leaves=12)


def plain(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=200, deadline=None)
@given(text=LATEX, size=st.integers(1, 12))
def test_pieces_read_as_the_whole_reads(text, size):
    decoder = latex_decoder()
    pieces = latex_pieces(text, size)
    assert "".join(pieces) == text
    one_by_one = "".join(LatexNodes2Text.latex_to_text(decoder, piece, latex_context=bib_latex._parser_context())
                         for piece in pieces)
    whole = LatexNodes2Text.latex_to_text(decoder, text, latex_context=bib_latex._parser_context())
    assert plain(one_by_one) == plain(whole)


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from("ab \n\t\r#^_<>\"'!?-[]()@é\u00a0\u2028,.;:*/|=+")))
def test_plain_text_reads_as_itself(text):
    # what the decoder returns as it is, without asking pylatexenc
    if bib_latex.is_plain(text):
        assert LatexNodes2Text.latex_to_text(latex_decoder(), text) == text


def test_href_is_read_with_its_two_arguments():
    assert bib_latex.decode("See \\href{http://x.org/a}{the page} now") == "See the page <http://x.org/a> now"


def test_a_long_value_is_cut_into_short_pieces():
    words = "The {Quick} brown \\emph{fox} jumps over $x$ 50\\% of ``lazy'' dogs -- again. " * 2_000  # 150 KB
    pieces = latex_pieces(words)
    assert "".join(pieces) == words
    assert max(map(len, pieces)) < 2 * bib_latex.PIECE
    braced = "{" + words + "}"  # a whole title in braces, as BibTeX users protect its case
    assert max(map(len, latex_pieces(braced))) < 2 * bib_latex.PIECE + 2


def test_the_decoder_never_parses_a_long_piece(monkeypatch, tmp_path):
    # every call of pylatexenc's parser costs the square of its input: count what each is given
    given_lengths = []
    parse = LatexNodes2Text.latex_to_text

    def counted(self, latex, **flags):
        given_lengths.append(len(latex))
        return parse(self, latex, **flags)

    monkeypatch.setattr(LatexNodes2Text, "latex_to_text", counted)
    author = " and ".join(f"M{{\\\"u}}ller{n}, J{{\\\"o}}rg" for n in range(2_000))
    title = "{" + "The \\emph{word} -- again " * 4_000 + "}"  # 100 KB, 50 pieces
    path = tmp_path / "long.bib"
    path.write_text(f"@article{{key,\n  author = {{{author}}},\n  title = {title}\n}}\n", encoding="utf-8")
    [item] = bibtex.read(path)
    assert len(item["author"]) == 2_000 and item["author"][-1] == {"family": "Müller1999", "given": "Jörg"}
    assert item["title"] == ("The word – again " * 4_000).strip()
    assert max(given_lengths) < 2 * bib_latex.PIECE + 2
    assert sum(given_lengths) < 2 * (len(author) + len(title))

