"""`sourceline bench` end to end on a tiny project: every step runs in its child process and the
table and the JSON carry a figure for every measure (the figures themselves are the benchmark's
business, not a test's)."""
import json

from desktop_app.cli import main
from benchmarks.run import FRAMES, MAP_FRAMES


def test_a_small_benchmark_measures_every_step(tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert main(["bench", "--events", "200", "--sources", "2", "--out", str(tmp_path / "work"),
                 "--json", str(out), "--rounds", "1"]) == 0
    printed = capsys.readouterr().out
    rows = {row["name"]: row for row in json.loads(out.read_text())["rows"]}
    assert rows["events"]["value"] == 200
    for name, _ in FRAMES:
        assert 0 < rows[f"timeline frame, {name}"]["value"] < 10_000
    for name in MAP_FRAMES:
        assert 0 < rows[f"map frame, {name}"]["value"] < 10_000
    for name in ("import rate (ACLED CSV, real importer)", "first paint (median of 3)", "search, median of 50",
                 "peak memory, largest", "project file size"):
        assert rows[name]["value"] > 0 and name in printed
    assert 0 < rows["import: share of its time inside SQLite"]["value"] < 100
    side_by_side = [row for row in rows.values() if row["unit"] == "×"]
    assert {row["name"] for row in side_by_side} >= {
        "first paint ÷ bare Qt window, sample project", "first paint peak memory ÷ bare Qt window",
        "`search` ÷ bare Python + sqlite3, sample project"}
    assert all(row["value"] > 0 for row in side_by_side)
    assert all(isinstance(row["met"], bool) for row in rows.values() if row["target"])
    assert not list((tmp_path / "work").glob("*.sourceline"))  # nothing kept without --keep


def test_a_bench_of_no_events_is_refused_in_one_line(capsys):
    assert main(["bench", "--events", "0"]) == 1
    assert capsys.readouterr().err.strip() == "sourceline: --events and --rounds must be at least 1, --sources at least 0"
