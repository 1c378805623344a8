"""Reading CSV files: encodings (UTF-8 with or without BOM, Windows-1252, Latin-1), delimiters,
quoted fields with commas and newlines, physical line numbers, files that cannot be read."""
from __future__ import annotations

import pytest

from db.errors import FileProblem
from desktop_app.datasets.csv_file import CsvFile
from tests.desktop_app.datasets.conftest import DATA


def test_quoted_fields_keep_commas_and_newlines_and_records_know_their_line():
    csv_file = CsvFile.open(DATA / "acled_bad_rows.csv")
    records = list(csv_file.records())
    assert [line for line, _ in records] == [2, 5, 6, 7, 8, 9]
    first = records[0][1]
    assert first[14] == "A protest in Lviv,\nspread over\nthree lines."
    assert records[3][1][14] == "A good row, with a comma."
    assert csv_file.lines == 9 and csv_file.encoding == "utf-8-sig"


def test_a_byte_order_mark_is_not_part_of_the_first_column():
    csv_file = CsvFile.open(DATA / "utf8_bom.csv")
    assert csv_file.header == ("Date", "Title", "Tags")
    assert list(csv_file.records()) == [(2, ["2024-06-01", "Ceasefire declared in Łódź", "diplomacy"])]


def test_windows_1252_with_semicolons():
    csv_file = CsvFile.open(DATA / "cp1252_semicolons.csv")
    assert (csv_file.encoding, csv_file.delimiter) == ("cp1252", ";")
    rows = [fields for _, fields in csv_file.records()]
    assert rows[0] == ["2024-05-01", "Grève à Montréal", "Coût estimé : 5 000 €", "Montréal"]


def test_latin1_when_not_even_windows_1252(tmp_path):
    path = tmp_path / "latin1.csv"
    # 0x81 is undefined in Windows-1252; only Latin-1 reads it (as a control character)
    path.write_bytes(b"Date,Title\r\n2024-01-02,Caf\xe9 \x81 closed\r\n2024-01-03,Tab\tseparated?")
    csv_file = CsvFile.open(path)
    assert (csv_file.encoding, csv_file.delimiter) == ("latin-1", ",")
    assert list(csv_file.records()) == [(2, ["2024-01-02", "Café \x81 closed"]),
                                        (3, ["2024-01-03", "Tab\tseparated?"])]
    assert csv_file.lines == 3  # the last line has no line end


def test_a_tab_separated_file_and_blank_lines(tmp_path):
    path = tmp_path / "tabs.tsv"
    path.write_text("Date\tTitle\tNotes\n\n2024-01-02\tA, b\tc\n\n\n2024-01-03\tD\t\"e\nf\"\n", encoding="utf-8")
    csv_file = CsvFile.open(path)
    assert csv_file.delimiter == "\t"
    assert list(csv_file.records()) == [(3, ["2024-01-02", "A, b", "c"]), (6, ["2024-01-03", "D", "e\nf"])]


@pytest.mark.parametrize("content, problem", [
    (b"", "the first line is empty"),
    (b"\n\nDate,Title\n", "the first line is empty"),
    ("Date,Title\n".encode("utf-16"), "is UTF-16 text"),
])
def test_files_without_a_usable_header_are_refused(tmp_path, content, problem):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(FileProblem, match=problem):
        CsvFile.open(path)


def test_a_quote_never_closed_is_reported_at_its_line(tmp_path):
    path = tmp_path / "unclosed.csv"
    path.write_text('Date,Title\n2024-01-01,Fine\n2024-01-02,"Never closed\n' + "x" * 70_000 + "\n" * 20
                    + "y" * 1_100_000 + "\n", encoding="utf-8")
    with pytest.raises(FileProblem) as caught:
        list(CsvFile.open(path).records())
    assert caught.value.line == 3 and "quote that is never closed" in str(caught.value)


def test_a_missing_file_is_a_file_problem(tmp_path):
    with pytest.raises(FileProblem, match="cannot be read"):
        CsvFile.open(tmp_path / "nowhere.csv")
