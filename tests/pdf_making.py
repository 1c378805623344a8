"""PDFs written for the tests with pypdf, line by line in a standard font, so that every test
knows exactly which words are where: a line is drawn at (LEFT, top - n * LEADING) in Helvetica
at SIZE points. Code 0x80 of the font's encoding is the "fi" ligature glyph, 0xAD the soft hyphen.
"""
from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import (ArrayObject, DictionaryObject, NameObject, NumberObject, StreamObject,
                           TextStringObject)

LEFT, TOP, SIZE, LEADING = 72, 720, 12, 18
WIDTH, HEIGHT = 612, 792
FI = "\x80"  # drawn as the ligature glyph /fi


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace") if FI not in text else b"\x80".join(
        part.encode("cp1252", errors="replace") for part in text.split(FI))
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _font(writer: PdfWriter):
    encoding = DictionaryObject({
        NameObject("/Type"): NameObject("/Encoding"),
        NameObject("/BaseEncoding"): NameObject("/WinAnsiEncoding"),
        NameObject("/Differences"): ArrayObject([NumberObject(0x80), NameObject("/fi")]),
    })
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): encoding,
    })
    return writer._add_object(font)


def _line_matrix(number: int, turn: int) -> bytes:
    """Where line ``number`` starts and which way it runs, so that it reads upright, LEFT from
    the left and (HEIGHT - TOP) + number * LEADING from the top, on the page shown turned ``turn``
    degrees clockwise."""
    down = HEIGHT - TOP + number * LEADING  # from the top of the page as shown
    if turn == 90:  # shown: the page's left edge on top, its bottom edge on the left
        return b"0 1 -1 0 %d %d Tm" % (down, LEFT)
    if turn == 270:  # shown: the page's right edge on top, its top edge on the left
        return b"0 -1 1 0 %d %d Tm" % (WIDTH - down, HEIGHT - LEFT)
    return b"1 0 0 1 %d %d Tm" % (LEFT, HEIGHT - down)


def add_page(writer: PdfWriter, lines: list[str], font_ref, picture: bool = False, turn: int = 0) -> None:
    """A page of ``lines``; ``turn`` (90 or 270): the page is shown turned that far clockwise
    (its /Rotate), its lines drawn turned the other way so that they read upright when shown."""
    page = writer.add_blank_page(WIDTH, HEIGHT)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})})
    if turn:
        page[NameObject("/Rotate")] = NumberObject(turn)
    ops = [b"0.2 0.4 0.8 rg 100 300 400 300 re f"] if picture else []
    for number, line in enumerate(lines):
        ops.append(b"BT /F1 %d Tf %s (%s) Tj ET" % (SIZE, _line_matrix(number, turn), _escape(line)))
    content = StreamObject()
    content.set_data(b"\n".join(ops))
    page[NameObject("/Contents")] = writer._add_object(content)


def make_pdf(path, pages: list[list[str]], title: str | None = None, author: str | None = None,
             created: str | None = None, labels: list[tuple[int, int, str, str, int]] = (),
             password: str | None = None, pictures: tuple[int, ...] = (), turns: dict[int, int] | None = None
             ) -> bytes:
    """Write a PDF of ``pages`` (each a list of lines; an empty list is a page without text;
    page indexes in ``pictures`` get a filled rectangle; ``turns``: page index -> its /Rotate,
    its lines reading upright as shown). ``labels``: (first, last, style, prefix, start)
    page-label ranges. Returns the bytes written."""
    writer = PdfWriter()
    font = _font(writer)
    for index, lines in enumerate(pages):
        add_page(writer, lines, font, picture=index in pictures, turn=(turns or {}).get(index, 0))
    info = {}
    if title:
        info["/Title"] = title
    if author:
        info["/Author"] = author
    if created:
        info["/CreationDate"] = created
    if info:
        writer.add_metadata(info)
    for first, last, style, prefix, start in labels:
        writer.set_page_label(first, last, style=style, prefix=prefix or None, start=start)
    if password:
        writer.encrypt(user_password=password, algorithm="RC4-128")
    with open(path, "wb") as file:
        writer.write(file)
    with open(path, "rb") as file:
        return file.read()


def add_highlight(path, out_path, page_index: int, rect: tuple[float, float, float, float], note: str,
                  color=(1.0, 1.0, 0.0)) -> None:
    """Copy a PDF, adding a /Highlight annotation over ``rect`` of a page (another program's)."""
    from pypdf import PdfReader
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject as Array, FloatObject

    writer = PdfWriter(clone_from=PdfReader(path))
    x0, y0, x1, y1 = rect
    quads = Array([FloatObject(v) for v in (x0, y1, x1, y1, x0, y0, x1, y0)])
    annotation = Highlight(rect=rect, quad_points=quads, highlight_color="".join(f"{int(c * 255):02x}" for c in color))
    annotation[NameObject("/Contents")] = TextStringObject(note)
    writer.add_annotation(page_number=page_index, annotation=annotation)
    with open(out_path, "wb") as file:
        writer.write(file)
