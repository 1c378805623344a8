"""`sourceline --quit-after-paint` prints the milliseconds to the first paint and exits 0."""
import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize("with_project", [True, False])
def test_first_paint_is_reported(project, tmp_path, with_project):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "HOME": str(tmp_path)}
    args = [sys.executable, "-m", "desktop_app.cli", "--quit-after-paint"]
    if with_project:
        args += ["--db", str(project)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip().splitlines()[-1]) > 0
