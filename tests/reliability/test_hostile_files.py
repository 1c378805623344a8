"""Files built to hurt an importer: nested 10,000 levels deep, 200 MB, not regular files, or
pointing at local files. Each is refused with a FileProblem naming it (or read harmlessly),
quickly, without holding the file in memory, and without reading anything it points to."""
from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from db.errors import FileProblem
from desktop_app.importing.reading import read_records
from tests.reliability.fuzzing import time_limit

DEPTH = 10_000
HUGE_BYTES = 200 * 1024 * 1024
EXTENSIONS = (".bib", ".ris", ".json", ".txt", ".md", ".html", ".csv", "")


def read_or_refuse(path: Path):
    """read_records' contract: records, or a FileProblem about this file; nothing else."""
    with time_limit():
        try:
            return read_records(path)
        except FileProblem as problem:
            assert problem.path == str(path) and problem.problem
            return problem


NESTED = {
    "arrays.json": "[" * DEPTH + "]" * DEPTH,
    "objects.json": '{"a": ' * DEPTH + "1" + "}" * DEPTH,
    "items.json": '[{"type": "book", "title": "x", "custom": ' + "[" * DEPTH + "]" * DEPTH + "}]",
    "divs.html": "<html><body>" + "<div>" * DEPTH + "text" + "</div>" * DEPTH + "</body></html>",
    "spans.html": "<p>" + "<span><b>" * DEPTH + "text</p>",
    "quotes.md": "> " * DEPTH + "text\n",
    "lists.md": "".join("  " * n + "- item\n" for n in range(2000)),
    "emphasis.md": "*" * DEPTH + "text" + "*" * DEPTH + "\n",
    "links.md": "[" * DEPTH + "text" + "](x)" * DEPTH + "\n",
    "braces.bib": "@article{key, title = {" + "{" * DEPTH + "x" + "}" * DEPTH + "}}\n",
    "latex.bib": "@article{key, title = {" + "\\textbf{" * DEPTH + "x" + "}" * DEPTH + "}}\n",
    "crossrefs.bib": "".join(f"@article{{k{n}, title = {{T{n}}}, crossref = {{k{n + 1}}}}}\n" for n in range(1000)),
    "strings.bib": "".join(f"@string{{s{n} = s{n + 1} # {{x}}}}\n" for n in range(1000)) + "@misc{k, title = s0}\n",
    "tags.ris": "TY  - JOUR\n" + "".join(f"AU  - {'A' * 50}, {n}\n" for n in range(DEPTH)) + "ER  - \n",
}


@pytest.mark.parametrize("name", sorted(NESTED))
def test_deeply_nested_files(tmp_path, name):
    path = tmp_path / name
    path.write_text(NESTED[name])
    read_or_refuse(path)


@pytest.fixture(scope="module")
def huge_file(tmp_path_factory):
    """200 MB of plausible lines, written in chunks (a few hundred milliseconds)."""
    path = tmp_path_factory.mktemp("huge") / "huge"
    line = b"TY  - JOUR\nTI  - A title that goes on and on, in a file far too large to import\nER  - \n"
    chunk = line * (4 * 1024 * 1024 // len(line))
    with path.open("wb") as handle:
        while handle.tell() < HUGE_BYTES:
            handle.write(chunk)
    return path


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_a_200_mb_file_is_refused_quickly_without_reading_it_into_memory(huge_file, extension):
    path = huge_file.with_name(f"huge{extension}")
    huge_file.rename(path)
    try:
        tracemalloc.start()
        try:
            outcome = read_or_refuse(path)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert isinstance(outcome, FileProblem)
        assert "MB" in outcome.problem or "not a file Sourceline imports" in outcome.problem
        assert peak < 16 * 1024 * 1024, f"{peak / 1e6:.0f} MB held while refusing a 200 MB file"
    finally:
        path.rename(huge_file)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("extension", EXTENSIONS)
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path, extension):
    path = tmp_path / f"pipe{extension}"
    os.mkfifo(path)
    assert isinstance(read_or_refuse(path), FileProblem)


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_folders_devices_and_missing_files_are_refused(tmp_path, extension):
    folder = tmp_path / f"folder{extension}"
    folder.mkdir()
    assert isinstance(read_or_refuse(folder), FileProblem)
    assert isinstance(read_or_refuse(tmp_path / f"missing{extension}"), FileProblem)
    if Path("/dev/zero").exists():
        device = tmp_path / f"zero{extension}"
        device.symlink_to("/dev/zero")
        assert isinstance(read_or_refuse(device), FileProblem)


SECRET = "sourceline-secret-7c1f"

HTML_REFERENCES = """<!DOCTYPE html [<!ENTITY secret SYSTEM "{uri}">]>
<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>References</title>
<link rel="stylesheet" href="{uri}"><base href="{uri}"></head>
<body><article><h1>References</h1><p>Entity: &secret;</p>
<xi:include href="{uri}" parse="text"/>
<p><img src="{uri}"><iframe src="{uri}"></iframe><object data="{uri}"></object></p>
<p>A paragraph long enough to be the article's text, so that the page is read as an article.</p>
<svg><image href="{uri}"/><use href="{uri}#x"/></svg></article></body></html>
"""


@pytest.mark.parametrize("extension", [".html", ".md"])
def test_files_that_point_at_local_files_do_not_read_them(tmp_path, extension):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    page = tmp_path / f"page{extension}"
    uri = secret.as_uri()
    if extension == ".html":
        page.write_text(HTML_REFERENCES.format(uri=uri))
    else:
        page.write_text(f"# References\n\n![image]({uri}) [link]({uri})\n\n<img src=\"{uri}\">\n\n[ref]: {uri}\n\nText.\n")
    outcome = read_or_refuse(page)
    records = [] if isinstance(outcome, FileProblem) else outcome[0]
    for record in records:
        assert SECRET not in record.full_text and SECRET not in repr(record.item)
