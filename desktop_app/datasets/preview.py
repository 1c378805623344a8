"""The first rows of a file read through a mapping, as the import would read them: what the
mapping dialog shows while the user chooses columns."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from desktop_app.datasets.csv_file import CsvFile
from desktop_app.datasets.importer import convert_record, converter_for
from desktop_app.datasets.mapping import Mapping
from desktop_app.datasets.rows import EventRow, RowProblem


@dataclass(frozen=True)
class PreviewRow:
    line: int
    row: EventRow | None
    problem: str | None  # why the import would skip (or stop at) this row


def preview(csv_file: CsvFile, mapping: Mapping, rows: int = 8) -> list[PreviewRow]:
    """The first ``rows`` records converted; raises FileProblem when the mapping does not fit the
    file (a mapped column it lacks, no date column...)."""
    convert = converter_for(mapping, csv_file)
    shown = []
    for line, fields in islice(csv_file.records(), rows):
        try:
            shown.append(PreviewRow(line, convert_record(convert, fields), None))
        except RowProblem as problem:
            shown.append(PreviewRow(line, None, str(problem)))
    return shown


def samples(csv_file: CsvFile, rows: int = 3) -> list[str]:
    """For each column, the first non-empty values (to tell the user what a column holds)."""
    found: list[list[str]] = [[] for _ in csv_file.header]
    for _, fields in islice(csv_file.records(), 50):
        for index, value in enumerate(fields[: len(found)]):
            value = " ".join(value.split())
            if value and len(found[index]) < rows:
                found[index].append(value[:40] + ("…" if len(value) > 40 else ""))
    return [" · ".join(values) for values in found]
