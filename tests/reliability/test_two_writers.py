"""Two programs writing one project file take turns: no "database is locked" reaches the user."""
import os
import subprocess
import sys

from db import events, ops
from db.store import create_project, open_project

WRITER = """
import sys
from db import events, ops
from db.store import open_project
db = open_project(sys.argv[1])
for i in range(150):
    ops.run(db, events.add_event(f"{sys.argv[2]} {i}", "2024-11-15"))
    # a read in the same connection between writes, as a window does
    events.count_events(db)
print("ok")
"""


def test_two_processes_and_a_reader_write_without_lock_errors(tmp_path):
    path = str(tmp_path / "p.sourceline")
    create_project(path).close()
    root = os.path.dirname(os.path.dirname(os.path.dirname(__file__)))
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, path, name], cwd=root,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for name in ("cli", "window")]
    reader = open_project(path)
    # the test itself holds a connection that keeps reading and writing meanwhile
    for i in range(50):
        ops.run(reader, events.add_event(f"test {i}", "2024"))
    outputs = [w.communicate(timeout=120) for w in writers]
    for out, err in outputs:
        assert out.strip() == "ok" and "locked" not in err, err
    assert events.count_events(reader) == 350
    reader.close()
