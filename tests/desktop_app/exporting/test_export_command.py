"""`sourceline export` end to end, and the exporting package staying free of Qt."""
from __future__ import annotations

import ast
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main

REPO = Path(__file__).resolve().parents[3]


def test_text_formats_go_to_standard_output_filtered(special, capsys):
    path = str(special[0])
    assert main(["export", "--db", path, "--format", "csv", "--tag", "diplomacy", "--from", "2024-11-19"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["title"] for r in rows] == ["Week of talks", "Morning meeting"]
    assert main(["export", "--db", path, "--format", "timelinejs", "--search", "offensive", "--lanes", "tag"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["text"]["headline"] for s in data["events"]] == ["Spring offensive"]
    event = special[1]["events"]["Week of talks"]
    assert main(["export", "--db", path, "--format", "ris", "--event", str(event)]) == 0
    out = capsys.readouterr().out
    assert out.count("TY  - ") == 2 and "Straße, Øre und Ça va" in out


def _titles(capsys, *args) -> list[str]:
    assert main(["export", "--format", "csv", *args]) == 0
    return [r["title"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))]


def test_from_to_entity_and_event_choose_the_events(special, capsys):
    path, ids = str(special[0]), special[1]["events"]
    assert _titles(capsys, "--db", path, "--to", "2022") == ["About 1984", "Spring offensive"]
    assert _titles(capsys, "--db", path, "--from", "2024-11-16", "--to", "2024-11-19") == ["Week of talks"]
    assert _titles(capsys, "--db", path, "--from", "2024-11-20T11:00:00") == ["Week of talks"]
    assert _titles(capsys, "--db", path, "--entity", "Тарас Шевченко") == ["Week of talks"]
    assert _titles(capsys, "--db", path, "--event", str(ids["Morning meeting"]), "--event", str(ids["About 1984"])) \
        == ["About 1984", "Morning meeting"]
    heading = main(["export", "--db", path, "--format", "chronology", "--tag", "strikes", "--to", "2023"])
    assert heading == 0 and "1 event (events tagged “strikes”, starting before 2024-01-01)" in capsys.readouterr().out


def test_citation_lists_hold_the_cited_sources_or_with_all_sources_the_library(special, capsys):
    path = str(special[0])
    assert main(["export", "--db", path, "--format", "csl-json", "--tag", "diplomacy"]) == 0
    assert sorted(item["title"] for item in json.loads(capsys.readouterr().out)) == \
        ["A conference week", "No date at all", "Straße, Øre und Ça va"]
    assert main(["export", "--db", path, "--format", "csl-json", "--tag", "diplomacy", "--all-sources"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 13


def test_chronology_by_suffix_and_bibliography_by_suffix_or_option(special, tmp_path, capsys):
    path = str(special[0])
    for name in ("report.md", "report.html"):
        assert main(["export", "--db", path, "--format", "chronology", "-o", str(tmp_path / name)]) == 0
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# Chronology — special")
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["export", "--db", path, "--format", "bibliography", "--all-sources", "--style", "apa",
                 "-o", str(tmp_path / "refs.md")]) == 0
    assert "Müller, J., Østergaard, S., & Шевченко, Т. (2023)" in (tmp_path / "refs.md").read_text(encoding="utf-8")
    assert main(["export", "--db", path, "--format", "bibliography", "--bib-format", "html"]) == 0
    assert "csl-entry" in capsys.readouterr().out


def test_mistakes_are_one_line_errors_and_write_nothing(special, tmp_path, capsys):
    path = str(special[0])
    assert main(["export", "--db", path, "--format", "png"]) == 1
    assert "give the file with -o" in capsys.readouterr().err
    assert main(["export", "--db", path, "--format", "bibliography", "--style", "vancouver-ish"]) == 1
    assert "unknown citation style 'vancouver-ish'" in capsys.readouterr().err
    assert main(["export", "--db", path, "--format", "csv", "-o", str(tmp_path / "missing" / "x.csv")]) == 1
    assert "cannot write here" in capsys.readouterr().err
    assert main(["export", "--db", path, "--format", "csv", "--from", "2024-13"]) == 1
    assert "invalid EDTF date" in capsys.readouterr().err


def test_pictures_and_pdf_from_a_headless_command_line(special, tmp_path):
    # A fresh process without a display and without QT_QPA_PLATFORM: the command finds its way.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    outputs = {"png": tmp_path / "t.png", "svg": tmp_path / "t.svg", "pdf-timeline": tmp_path / "t.pdf",
               "chronology": tmp_path / "c.pdf"}
    for fmt, target in outputs.items():
        run = subprocess.run([sys.executable, "-m", "desktop_app.cli", "export", "--db", str(special[0]),
                              "--format", fmt, "-o", str(target), "--width", "1280", "--from", "2022", "--to", "2024"],
                             cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert target.stat().st_size > 1000
    assert outputs["png"].read_bytes().startswith(b"\x89PNG")
    assert outputs["chronology"].read_bytes().startswith(b"%PDF")
    assert outputs["pdf-timeline"].read_bytes().startswith(b"%PDF")


def test_the_exporting_package_never_imports_qt():
    for module in (REPO / "desktop_app" / "exporting").glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n.split(".")[0] in ("PySide6", "shiboken6") or n.startswith("desktop_app.exporting_ui")
                           for n in names), module.name


def test_export_without_qt_loaded(special):
    code = ("import sys, io; from desktop_app.cli import main; "
            f"assert main(['export', '--db', {str(special[0])!r}, '--format', 'evidence']) == 0; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'")
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("event_id,event,date_edtf")


def test_a_full_disk_leaves_the_previous_file_for_what_qt_draws(sample_path, tmp_path):
    # QPdfWriter and QSvgGenerator do not report a failed write: a file-size limit (what a full
    # disk looks like to a writer) must still end in an error and the previous file, untouched.
    if not sys.platform.startswith("linux"):
        pytest.skip("RLIMIT_FSIZE and SIGXFSZ are Linux's")
    targets = {"chronology": tmp_path / "c.pdf", "pdf-timeline": tmp_path / "t.pdf", "svg": tmp_path / "t.svg",
               "png": tmp_path / "t.png"}
    for target in targets.values():
        target.write_text("the previous export")
    code = ("import resource, signal, sys\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))\n"
            "from desktop_app.cli import main\n"
            f"for fmt, target in {[(fmt, str(path)) for fmt, path in targets.items()]!r}:\n"
            f"    print(fmt, main(['export', '--db', {str(sample_path)!r}, '--format', fmt, '-o', target]))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=240)
    assert run.stdout.split() == [word for fmt in targets for word in (fmt, "1")], run.stderr
    assert run.stderr.count("nothing was changed") == 4 and "(None)" not in run.stderr
    assert all(target.read_text() == "the previous export" for target in targets.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(t.name for t in targets.values())
