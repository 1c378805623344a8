"""`sourceline capture` against a local server: the page imported with its address and capture
time, the WARC kept as its original (and with -o beside it); a failed capture imports nothing."""
from __future__ import annotations

import json

import pytest

from desktop_app.cli import main


def _sources(capsys, cli_project):
    assert main(["sources", "--db", cli_project, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_capture_is_imported_with_its_warc_as_original(server, cli_project, tmp_path, capsys):
    kept = tmp_path / "kept.warc.gz"
    assert main(["capture", "--db", cli_project, server + "/old", "-o", str(kept)]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[:2] == [f"redirect: {server}/old → 301 → {server}/moved",
                        f"redirect: {server}/moved → 302 → {server}/news/bridge"]
    assert said[2] == f"captured {server}/news/bridge (200, text/html) into kept.warc.gz"
    assert said[-1] == "added source 1: Bridge closed"
    (row,) = _sources(capsys, cli_project)
    assert (row["url"], row["media_type"], row["original_name"]) == (f"{server}/news/bridge", "application/warc",
                                                                     "kept.warc.gz")
    assert row["accessed"].endswith("Z") and len(row["accessed"]) == len("2024-11-16T09:30:00Z")
    out = tmp_path / "back.warc.gz"
    assert main(["original", "--db", cli_project, "--source", "1", "-o", str(out)]) == 0
    assert out.read_bytes() == kept.read_bytes()


def test_without_output_the_warc_is_only_in_the_project(server, cli_project, tmp_path, capsys):
    assert main(["capture", "--db", cli_project, server + "/news/bridge"]) == 0
    capsys.readouterr()
    (row,) = _sources(capsys, cli_project)
    assert row["original_name"].startswith("127.0.0.1-") and row["original_name"].endswith("Z.warc.gz")
    assert not list(tmp_path.glob("**/*.warc*"))


@pytest.mark.parametrize("path, problem", [("/missing", "the server answered 404 Not Found"),
                                           ("/big", "over the limit of")])
def test_a_failed_capture_is_one_line_and_imports_nothing(server, cli_project, capsys, path, problem):
    assert main(["capture", "--db", cli_project, server + path, "--max-size", "0.001"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and problem in err and err.endswith("nothing was captured\n")
    assert _sources(capsys, cli_project) == []
