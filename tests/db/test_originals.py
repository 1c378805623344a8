"""The originals store: bytes kept once per content, streamed in and out, verified, never logged."""
from __future__ import annotations

import hashlib
import io
import os

import pytest

from db import ops, originals
from db.errors import SourcelineError
from db.ops import Op
from db.sources import add_source, catalogue, insert_source
from db.store import create_project


@pytest.fixture
def db(tmp_path):
    database = create_project(tmp_path / "p.sourceline")
    yield database
    database.close()


def _store(db, data: bytes, name="a.pdf", media="application/pdf"):
    digest = hashlib.sha256(data).hexdigest()
    return ops.run(db, Op("keep", lambda d: originals.store(d, io.BytesIO(data), len(data), digest, media, name)))


def test_bytes_come_back_identical_in_chunks_and_whole(db):
    data = os.urandom(originals.CHUNK_BYTES * 2 + 123)  # three chunks, the last short
    original_id = _store(db, data)
    assert b"".join(originals.chunks(db, original_id)) == data
    assert originals.read_bytes(db, original_id) == data
    kept = originals.get(db, original_id)
    assert (kept.size, kept.sha256, kept.media_type, kept.file_name) == (
        len(data), hashlib.sha256(data).hexdigest(), "application/pdf", "a.pdf")
    assert kept.imported_at.startswith("20")


def test_identical_bytes_are_stored_once(db):
    first = _store(db, b"%PDF-1.7 same bytes", "first.pdf")
    second = _store(db, b"%PDF-1.7 same bytes", "renamed.pdf")
    assert first == second
    assert db.conn.execute("SELECT count(*) FROM original_bytes").fetchone()[0] == 1
    assert originals.get(db, first).file_name == "first.pdf"  # the name it was first collected under


def test_a_stream_that_is_not_the_hashed_file_stores_nothing(db):
    stated = hashlib.sha256(b"what was read when planning").hexdigest()
    with pytest.raises(originals.OriginalChanged):
        ops.run(db, Op("keep", lambda d: originals.store(d, io.BytesIO(b"what is there now!!!!!!!!!!"), 27, stated,
                                                         "text/plain", "x.txt")))
    assert db.conn.execute("SELECT count(*) FROM originals").fetchone()[0] == 0
    assert db.conn.execute("SELECT count(*) FROM original_bytes").fetchone()[0] == 0


def test_verify_names_the_original_whose_byte_changed(db):
    intact = _store(db, b"intact file")
    changed = _store(db, b"this file will change")
    assert originals.verify(db) == (2, [])
    with db.conn.blobopen("original_bytes", "data", changed) as blob:
        blob.seek(5)
        blob.write(b"F")
    checked, altered = originals.verify(db)
    assert checked == 2 and [a.original.id for a in altered] == [changed]
    assert altered[0].found_sha256 == hashlib.sha256(b"this File will change").hexdigest()
    assert intact not in [a.original.id for a in altered]


def test_verify_reports_progress_and_can_be_cancelled(db):
    _store(db, os.urandom(originals.CHUNK_BYTES + 10))
    told = []
    originals.verify(db, progress=lambda done, total: told.append((done, total)))
    assert told[-1][0] == told[-1][1] == originals.CHUNK_BYTES + 10 and len(told) == 2
    with pytest.raises(originals.VerifyCancelled):
        originals.verify(db, cancelled=lambda: True)


def test_undoing_a_source_keeps_its_original_for_redo(db):
    original_id = _store(db, b"bibtex bytes", "refs.bib", "application/x-bibtex")
    op = Op("Add", lambda d: insert_source(d, {"title": "Linked"}, original_id=original_id))
    op.do(db)
    source_id = op.result
    assert originals.of_source(db, source_id).id == original_id
    op.undo(db)
    assert originals.get(db, original_id) is not None  # never logged, never removed by an undo
    op.do(db)  # redo replays the change log: the link is back
    assert originals.of_source(db, source_id).id == original_id
    history = db.conn.execute("SELECT DISTINCT table_name FROM history").fetchall()
    assert ("originals",) not in history and ("original_bytes",) not in history


def test_catalogue_lists_each_source_with_its_original(db):
    original_id = _store(db, b"%PDF-1.4 tiny", "report.pdf")
    linked = ops.run(db, Op("Add", lambda d: insert_source(d, {"title": "Report", "type": "report"},
                                                           "2024-05-01", original_id=original_id)))
    typed = ops.run(db, add_source({"title": "Typed in by hand"}))
    rows = {row["id"]: row for row in catalogue(db)}
    assert rows[linked]["media_type"] == "application/pdf" and rows[linked]["original_name"] == "report.pdf"
    assert rows[linked]["size"] == 13 and rows[linked]["issued"] == "2024-05-01"
    assert rows[typed]["sha256"] is None and rows[typed]["highlights"] == 0


def test_an_original_over_the_limit_is_refused(db, monkeypatch):
    monkeypatch.setattr(originals, "MAX_ORIGINAL_BYTES", 10)
    with pytest.raises(SourcelineError, match="more than an original can hold"):
        _store(db, b"eleven bytes")
