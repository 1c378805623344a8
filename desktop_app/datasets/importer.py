"""The bulk event importer: a CSV file into the project in one transaction, fast.

All or nothing: the whole import is one write transaction, so a bad row under ``stop``, a cancel,
an error or a killed process leaves the project exactly as it was. Within it, rows go in batches
(memory stays flat whatever the file's size) through the bulk path of ``db.bulk``: explicit ids,
uuids and timestamps from Python, the full-text and day-count insert triggers suspended and their
work done per batch with one statement each, links by ``executemany``. A first import larger
than the project builds the plain indexes of the tables it grows after the load, one sort each.

Events keep the dataset's id (``dataset``, ``external_id``). A row whose id the project already
has updates that event instead of adding one: changed fields are written through the normal
update triggers (so search and the day counts follow), and its tags, entities and the citations
of the dataset's sources become the row's. Rows with nothing new are left alone.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from db.connection import Database

from db import backups, bulk, bulk_events, events
from db.bulk_events import EventUpdater
from db.bulk_names import EntityNames, SourceNames, TagNames
from db.errors import FileProblem, SourcelineError
from db.store import write_transaction
from desktop_app.datasets.acled import AcledRows
from desktop_app.datasets.csv_file import CsvFile
from desktop_app.datasets.mapped import MappedRows
from desktop_app.datasets.mapping import Mapping
from desktop_app.datasets.rows import EventRow, RowProblem

SKIP, STOP = "skip", "stop"
BAD_ROW_CHOICES = (SKIP, STOP)
BATCH_ROWS = 20_000
# Tables an import adds to; their plain indexes are built after it when it adds more than they hold.
GROWN_TABLES = ("events", "event_tags", "event_entities", "citations")
# The share of the progress bar for building those indexes after the rows (~10 % of the time)
INDEXING_SHARE = 0.1
MAX_PROBLEMS = 100  # bad rows listed in the report (all are counted)
CANCEL_CHECK_ROWS = 1_024


class ImportCancelled(SourcelineError):
    def __init__(self):
        super().__init__("import cancelled; nothing was written")


@dataclass
class ImportReport:
    dataset: str
    path: Path
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    repeated: int = 0  # rows whose id an earlier row of the same file had: the later one counts
    skipped: int = 0  # bad rows left out
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, what is wrong), the first ones
    tags_added: int = 0
    entities_added: int = 0
    sources_added: int = 0
    rows: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [f"{self.added:,} added", f"{self.updated:,} updated", f"{self.unchanged:,} unchanged"]
        if self.repeated:
            parts.append(f"{self.repeated:,} repeated ids (the last row kept)")
        if self.skipped:
            parts.append(f"{self.skipped:,} bad rows skipped")
        return (f"{self.path.name}: {', '.join(parts)}; new: {self.tags_added:,} tags, "
                f"{self.entities_added:,} entities, {self.sources_added:,} sources")


def converter_for(mapping: Mapping, csv_file: CsvFile):
    """The row converter for a file (raises FileProblem when the file lacks a mapped column)."""
    if mapping.acled:
        return AcledRows(csv_file.header, csv_file.path, mapping.date_order)
    return MappedRows(mapping, csv_file.header, csv_file.path)


def convert_record(convert, fields: list[str]) -> EventRow:
    """One record through a converter; a record with too few or too many fields is a bad row."""
    if len(fields) != convert.width:
        raise RowProblem(f"has {len(fields)} fields where the header has {convert.width}")
    return convert(fields)


class DatasetImport:
    """One import of one CSV file. Every thousand rows, ``progress(done, total)`` is called (lines
    read of the file's lines, and a last tenth for building indexes when it does) and
    ``cancelled()`` asked (True: roll back, raise ImportCancelled); also after each index built."""

    def __init__(self, db: Database, path: str | Path | CsvFile, mapping: Mapping, on_bad_row: str = SKIP,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, batch_rows: int = BATCH_ROWS):
        if on_bad_row not in BAD_ROW_CHOICES:
            raise SourcelineError(f"--on-bad-row must be one of {', '.join(BAD_ROW_CHOICES)}")
        self.db = db
        self.csv = path if isinstance(path, CsvFile) else CsvFile.open(path)
        self.rows = converter_for(mapping, self.csv)
        self.on_bad_row = on_bad_row
        self.batch_rows = batch_rows
        self._progress = progress or (lambda done, total: None)
        self._cancelled = cancelled or (lambda: False)
        self.report = ImportReport(self.rows.dataset, self.csv.path)

    def run(self) -> ImportReport:
        started = time.perf_counter()
        db = self.db
        with write_transaction(db), bulk.unlogged(db), bulk.derived_triggers_suspended(db):
            stamps = bulk.RecordStamps()
            self._stamps = stamps
            self._tags = TagNames(db, stamps)
            self._entities = EntityNames(db, stamps)
            self._sources = SourceNames(db, stamps, self.rows.label)
            self._next_event = bulk.next_id(db, "events")
            first_citation = bulk.next_id(db, "citations")
            # Looking ids up costs a query per batch; a dataset new to the project skips it until a
            # row repeats an id (the unique index says so, and the batch is done again).
            self._lookup = bulk_events.has_dataset_events(db, self.rows.dataset)
            self._updater = EventUpdater(db, self.rows.dataset, self._sources, stamps)
            deferred = self._deferred_indexes()
            with bulk.large_cache(db, deferred.cache_kib):
                with deferred as self._indexes:
                    for batch in self._batches():
                        self._write(batch)
                    deferred.restore(built=self._indexed)
                bulk.refresh_first_reported(db, first_citation)
            self._check_cancelled()
        report = self.report
        report.tags_added, report.entities_added = self._tags.created, self._entities.created
        report.sources_added = self._sources.created
        report.updated, report.unchanged = self._updater.updated, self._updater.unchanged
        report.seconds = time.perf_counter() - started
        self._progress(self._total, self._total)
        return report

    def _deferred_indexes(self) -> bulk.DeferredIndexes:
        # An update looks events' links up by event (those indexes must be there); a first import
        # of a file larger than the project builds them once at the end instead.
        lines = self.csv.lines
        grows = not self._lookup and lines > events.count_events(self.db)
        self._total = lines + (int(lines * INDEXING_SHARE) if grows else 0)
        return bulk.DeferredIndexes(self.db, GROWN_TABLES if grows else ())

    def _indexed(self, done: int, count: int) -> None:
        self._check_cancelled()
        lines = self.csv.lines
        self._progress(lines + (self._total - lines) * done // count, self._total)

    # -- reading -----------------------------------------------------------------------------

    def _batches(self):
        batch: list[EventRow] = []
        convert, report = self.rows, self.report
        for count, (line, fields) in enumerate(self.csv.records(), 1):
            if count % CANCEL_CHECK_ROWS == 0:
                self._check_cancelled()
                self._progress(line, self._total)
            report.rows += 1
            try:
                batch.append(convert_record(convert, fields))
            except RowProblem as problem:
                self._bad_row(line, str(problem))
                continue
            if len(batch) >= self.batch_rows:
                yield batch
                batch = []
        if batch:
            yield batch

    def _bad_row(self, line: int, problem: str) -> None:
        if self.on_bad_row == STOP:
            raise FileProblem(self.csv.path, line, f"{problem}; nothing was imported")
        self.report.skipped += 1
        if len(self.report.problems) < MAX_PROBLEMS:
            self.report.problems.append((line, problem))

    def _check_cancelled(self) -> None:
        if self._cancelled():
            raise ImportCancelled()

    # -- writing -----------------------------------------------------------------------------

    def _write(self, batch: list[EventRow]) -> None:
        if batch[0].external_id is not None:
            latest = {row.external_id: row for row in batch}
            if len(latest) < len(batch):
                self.report.repeated += len(batch) - len(latest)
                batch = list(latest.values())
        existing = self._updater.existing([row.external_id for row in batch]) if self._lookup else {}
        items = [(row, self._link_ids(row)) for row in batch]
        for names in (self._tags, self._entities, self._sources):
            names.flush()
        new = [item for item in items if item[0].external_id not in existing] if existing else items
        if new and not self._insert(new):
            self._lookup = True  # an id of this batch is already in the project: look them up
            self._indexes.restore()
            self._write(batch)
            return
        if existing:
            self._updater.update([(existing[row.external_id], row, links) for row, links in items
                                  if row.external_id in existing])

    def _link_ids(self, row: EventRow) -> tuple[set[int], set[int], set[int]]:
        # the names seen before are one dict lookup each (this runs for every row of the file)
        tags, entities, sources = self._tags, self._entities, self._sources
        tag, entity, source = tags.exact.get, entities.exact.get, sources.exact.get
        return ({tag(name) or tags.id(name) for name in row.tags},
                {entity(name) or entities.id(name, kind) for name, kind in row.entities},
                {source(name) or sources.id(name, kind) for name, kind in row.sources})

    def _insert(self, items) -> bool:
        """Insert new events and their links; False (and nothing written) if the project already
        has one of their ids."""
        dataset, stamps = self.rows.dataset, self._stamps
        first = self._next_event
        now, uuid = stamps.now, stamps.uuid
        values = [(first + n, r.title, r.description, *r.date, r.location_name, r.latitude, r.longitude,
                   r.geo_precision, dataset, r.external_id, uuid(), now, now) for n, (r, _) in enumerate(items)]
        if not bulk_events.insert_events(self.db, values, known_ids_possible=not self._lookup):
            return False
        last = first + len(items) - 1
        self._next_event = last + 1
        bulk.index_new_events(self.db, first, last)
        numbered = list(zip(range(first, last + 1), (links for _, links in items)))
        bulk_events.link_events(self.db, [(e, t) for e, (tags, _, _) in numbered for t in tags],
                                [(e, n) for e, (_, entities, _) in numbered for n in entities])
        bulk_events.cite_plainly(self.db, [(e, s) for e, (_, _, sources) in numbered for s in sources], stamps)
        self.report.added += len(items)
        return True


def import_dataset(db: Database, path: str | Path | CsvFile, mapping: Mapping, on_bad_row: str = SKIP,
                   progress=None, cancelled=None, project_path: str | Path | None = None):
    """Import a CSV file of events; with ``project_path``, back the project up first (reason
    "before-import"). Returns the ImportReport; raises FileProblem, ImportCancelled."""
    job = DatasetImport(db, path, mapping, on_bad_row, progress, cancelled)
    if project_path is not None:
        backups.make_backup(db, project_path, "before-import")
    return job.run()
