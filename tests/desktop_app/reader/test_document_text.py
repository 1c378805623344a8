"""Offsets between full_text and the reader's document, and paragraph numbers."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QPalette, QTextCursor, QTextDocument

from db.annotations import COLORS
from desktop_app.reader import colors
from desktop_app.reader.document_text import DocumentText
from desktop_app.reader.paragraphs import Paragraphs

# Text made of the characters that break a naive mapping: astral characters, CR LF, a BOM.
awkward_text = st.lists(st.sampled_from(["a", "é", " ", "\n", "\r\n", "\r", "\t", "😀", "𝔸", "\ufeff", "\u2028", "<b>"]),
                        max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(awkward_text)
def test_every_offset_maps_to_the_same_character_in_the_document(qapp, text):
    mapped = DocumentText(text)
    document = QTextDocument()
    document.setPlainText(mapped.shown)
    assert document.characterCount() - 1 == mapped.qt_length
    for offset, char in enumerate(text):
        position = mapped.to_qt(offset)
        assert mapped.from_qt(position) == offset
        if char not in "\r\n\ufeff\u2028":  # shown as stand-ins or block breaks
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(mapped.to_qt(offset + 1), QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText() == char
    assert mapped.from_qt(mapped.qt_length) == len(text)


def test_a_position_inside_a_surrogate_pair_maps_to_its_character():
    mapped = DocumentText("a😀b")
    assert [mapped.from_qt(p) for p in range(5)] == [0, 1, 1, 2, 3]


def test_paragraphs_are_blocks_between_blank_lines():
    text = "\n\n  Title\n\nFirst line\nsecond line\n \t\n\n\nNext\r\n\r\nLast"
    paragraphs = Paragraphs(text)
    assert [text[s:s + 4] for s in paragraphs.starts] == ["Titl", "Firs", "Next", "Last"]
    assert paragraphs.number_at(0) is None  # before the first word
    assert paragraphs.number_at(text.index("second")) == 2
    assert paragraphs.number_at(len(text)) == 4
    assert paragraphs.starting_in(text.index("First"), text.index("second")) == 2
    assert paragraphs.starting_in(text.index("second"), text.index("second") + 5) is None
    assert len(Paragraphs("   \n\n ")) == 0


def test_every_annotation_colour_has_its_own_shades_in_light_and_dark(qapp):
    assert set(colors.LABELS) == set(COLORS)
    light, dark = QPalette(QColor("white")), QPalette(QColor(45, 45, 48))
    dark.setColor(QPalette.ColorRole.Base, QColor(30, 30, 32))
    for palette in (light, dark):
        assert len({colors.highlight(c, palette).name() for c in COLORS}) == len(COLORS)
    assert len({colors.strong(c).name() for c in COLORS}) == len(COLORS)
    # Dark text on the light shades, light text on the dark ones.
    assert all(colors.highlight(c, light).lightness() > 170 for c in COLORS)
    assert all(colors.highlight(c, dark).lightness() < 110 for c in COLORS)
