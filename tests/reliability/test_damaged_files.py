"""A project garbled past its header is refused as damaged (ProjectFileError, never a raw
sqlite3 error), and a backup restores over it with the damaged file set aside."""
import os
import shutil

import pytest

from db import backups, events
from db.errors import ProjectFileError
from db.store import open_project


def test_garbled_pages_are_refused_as_damaged_and_restored_from_a_backup(tmp_path, project):
    path = tmp_path / "p.sourceline"
    shutil.copyfile(project, path)
    db = open_project(path)
    backup = backups.make_backup(db, path, "manual")
    db.close()
    with path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(os.urandom(4096 * 8))
    with pytest.raises(ProjectFileError, match="damaged"):
        open_project(path)
    backups.restore(backup.path, path)
    restored = open_project(path)
    assert events.count_events(restored) == 5
    assert restored.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    restored.close()
    assert any(".damaged-" in p.name for p in tmp_path.iterdir())
