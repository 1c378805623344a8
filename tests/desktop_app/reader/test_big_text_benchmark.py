"""`python -m benchmarks.big_text` on a small text: a text opened in the Reader page of a real
window, every figure of the row group there (the figures themselves are the benchmark's business)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from benchmarks.run import ROOT


def test_the_big_text_benchmark_opens_a_text_in_the_reader_and_reports_every_figure(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "benchmarks.big_text", "0.05"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["text"] > 0.04 and found["assistant done"] and found["dates"] > 100
    for name in ("first wall", "first cpu", "jump to the end", "assistant", "assistant longest turn", "peak added"):
        assert found[name] > 0, name
