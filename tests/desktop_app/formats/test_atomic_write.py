import errno
from pathlib import Path

import pytest

from db.errors import FileProblem
from desktop_app.formats import atomic_write


def test_writes_the_whole_file(tmp_path):
    target = tmp_path / "out.csv"
    atomic_write.write_text(target, "a,b\n1,2\n")
    assert target.read_text() == "a,b\n1,2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_partial(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("previous export")

    def disk_full(self, data, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", disk_full)
    with pytest.raises(FileProblem, match="No space left on device"):
        atomic_write.write_text(target, "new export")
    monkeypatch.undo()
    assert target.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_an_unwritable_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileProblem, match="cannot write here"):
        atomic_write.write_text(tmp_path / "missing-folder" / "out.csv", "x")


def test_a_new_file_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(tmp_path):
    import os
    import stat

    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.csv"
        atomic_write.write_text(fresh, "x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        private = tmp_path / "private.csv"
        private.write_text("old")
        private.chmod(0o600)
        atomic_write.write_text(private, "new")
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    finally:
        os.umask(umask)


def test_a_file_cut_short_is_refused_and_the_previous_one_kept(tmp_path):
    # Writers that never report a failed write (Qt's PDF and SVG devices) are checked by their last line.
    target = tmp_path / "out.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(FileProblem, match="the PDF was cut short; is the disk full"):
        with atomic_write.atomic_path(target) as temporary:
            temporary.write_bytes(b"%PDF-1.4\n1 0 obj")
            atomic_write.require_ending(temporary, b"%%EOF", "PDF")
    assert target.read_bytes() == b"previous" and [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
    with atomic_write.atomic_path(target) as temporary:
        temporary.write_bytes(b"%PDF-1.4\n...\n%%EOF\n")
        atomic_write.require_ending(temporary, b"%%EOF", "PDF")
    assert target.read_bytes().endswith(b"%%EOF\n")


KILLED_WRITER = """
import os, signal, sys
from desktop_app.formats.atomic_write import atomic_path
with atomic_path(sys.argv[1]) as temporary:
    temporary.write_text("half an exp")
    os.kill(os.getpid(), signal.SIGKILL)
"""


def partials(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_a_killed_export_s_partial_is_removed_by_the_next_export_of_that_file(tmp_path):
    import subprocess
    import sys

    target = tmp_path / "out.csv"
    root = Path(__file__).resolve().parents[3]
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(target)], cwd=root, timeout=60)
    assert killed.returncode == -9
    [left] = partials(tmp_path)
    assert left.startswith(".out.csv.")
    atomic_write.write_text(target, "a,b\n")
    assert partials(tmp_path) == [] and target.read_text() == "a,b\n"


def test_only_this_target_s_partials_that_nobody_writes_are_removed(tmp_path):
    import fcntl

    target = tmp_path / "out.csv"
    stale = tmp_path / ".out.csv.k1ll3d_x.partial"
    other_target = tmp_path / ".other.csv.k1ll3d_x.partial"
    not_ours = [tmp_path / ".out.csv.partial", tmp_path / ".out.csv.my notes.partial", tmp_path / "out.csv.abcdefgh.partial"]
    being_written = tmp_path / ".out.csv.writing1.partial"
    for path in (stale, other_target, being_written, *not_ours):
        path.write_text("x")
    with open(being_written, "rb") as writer:
        fcntl.flock(writer.fileno(), fcntl.LOCK_EX)  # as a running export holds its partial
        atomic_write.write_text(target, "new")
    assert partials(tmp_path) == sorted(p.name for p in (other_target, being_written, *not_ours))


def test_a_running_export_holds_a_lock_on_its_partial(tmp_path):
    import fcntl

    with atomic_write.atomic_path(tmp_path / "out.csv") as temporary:
        temporary.write_text("in progress")
        with open(temporary, "rb") as other:
            with pytest.raises(BlockingIOError):
                fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
