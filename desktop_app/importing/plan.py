"""An import in two steps: read and check everything first (the plan), then write it all in one
undoable edit (``plan.apply(...)``) — or nothing at all.

Reading never writes, so a malformed file, a cancelled progress dialog or a refused dialog leaves
the project exactly as it was. Duplicates, of the project's sources or of earlier records of the
same import, are found while planning and each waits for the user's decision: skip it, add it
anyway, or merge it (fill the empty fields of the source it duplicates).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from db.connection import Database

from db import dedupe
from db.dates import validate
from db.errors import FileProblem, SourcelineError
from db.ops import Op
from db.sources import insert_source
from desktop_app.importing.reading import ImportRecord, read_records

SKIP, ADD, MERGE = "skip", "add", "merge"
DECISIONS = (SKIP, ADD, MERGE)


class ImportCancelled(SourcelineError):
    def __init__(self):
        super().__init__("import cancelled; nothing was written")


@dataclass(frozen=True)
class Duplicate:
    """Record ``record`` is the same source as the project's ``existing_id`` or, within this
    import, as the earlier record ``earlier``."""

    record: int
    reason: str
    existing_id: int | None = None
    existing_title: str = ""
    earlier: int | None = None


@dataclass
class ImportResult:
    """What an applied import did: (source id, title) pairs; merges also name the fields filled."""

    added: list[tuple[int, str]] = field(default_factory=list)
    merged: list[tuple[int, str, list[str]]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class ImportPlan:
    records: list[ImportRecord] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    duplicates: dict[int, Duplicate] = field(default_factory=dict)

    # -- completing what files did not say ----------------------------------------------------

    def complete(self, index: int, title: str | None = None, issued_edtf: str | None = None) -> None:
        """Give record ``index`` the title and/or issued date its file lacked (InvalidDate if the
        date is not EDTF). Call ``find_duplicates`` again afterwards: the keys have changed."""
        record = self.records[index]
        if issued_edtf is not None:
            record.issued_edtf = validate(issued_edtf) if issued_edtf.strip() else None
            if record.issued_edtf and "issued" in record.missing:
                record.missing.remove("issued")
        if title is not None:
            record.item["title"] = title.strip()
            if record.item["title"] and "title" in record.missing:
                record.missing.remove("title")

    def titles_from_file_names(self) -> list[str]:
        """Untitled records take their file's name as title (what the command line does); notes
        saying so, and which records are left without a date."""
        notes = []
        for index, record in enumerate(self.records):
            if "title" in record.missing and not record.title:
                self.complete(index, title=record.path.stem)
                notes.append(f"{record.path.name}: no title in the file; titled “{record.title}” after its name")
            if "issued" in record.missing:
                notes.append(f"{record.path.name}: no publication date in the file; left empty")
        return notes

    # -- duplicates -------------------------------------------------------------------------------

    def find_duplicates(self, db: Database) -> None:
        """Look every record up in the project and among the records before it."""
        self.duplicates = {}
        seen = dedupe.KeyIndex()
        for index, record in enumerate(self.records):
            keys = _keys(record)
            found = dedupe.find_existing(db, keys)
            if found:
                existing_id, reason = found
                title = db.conn.execute("SELECT title FROM sources WHERE id = ?", (existing_id,)).fetchone()[0]
                self.duplicates[index] = Duplicate(index, reason, existing_id=existing_id, existing_title=title)
            else:
                earlier = seen.find(keys)
                if earlier:
                    self.duplicates[index] = Duplicate(index, earlier[1], earlier=earlier[0],
                                                       existing_title=self.records[earlier[0]].title)
            seen.add(index, keys)

    # -- applying ---------------------------------------------------------------------------------

    def outcome(self, decisions: dict[int, str] | None = None, default: str = SKIP) -> dict[str, int]:
        """How many records the decisions add, merge and skip."""
        choices = self._choices(decisions, default)
        counts = {ADD: 0, MERGE: 0, SKIP: 0}
        for index in range(len(self.records)):
            counts[choices.get(index, ADD)] += 1
        return counts

    def apply(self, decisions: dict[int, str] | None = None, default: str = SKIP,
              progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None, skip_bad_files: bool = False) -> Op:
        """The import as one undoable edit; its result is an ``ImportResult``.

        ``decisions`` maps a duplicate's record index to skip, add or merge (others take
        ``default``). A plan with problems is refused unless ``skip_bad_files``: then the bad files
        contribute nothing and every good file all its records — never part of a file.
        ``progress(done, total)`` is called after each record; when ``cancelled()`` turns true the
        edit raises ImportCancelled and its transaction is rolled back, so nothing is written.
        """
        if self.problems and not skip_bad_files:
            raise self.problems[0]
        choices = self._choices(decisions, default)
        counts = self.outcome(decisions, default)
        label = f"Import {counts[ADD]} source{'' if counts[ADD] == 1 else 's'}"
        if counts[MERGE]:
            label += f", merge {counts[MERGE]}"
        records = list(self.records)
        duplicates = dict(self.duplicates)

        def edit(db: Database) -> ImportResult:
            result = ImportResult()
            became: dict[int, int] = {}  # record index -> the source it was added as, merged into or skipped for
            for index, record in enumerate(records):
                if cancelled is not None and cancelled():
                    raise ImportCancelled()
                target = _target(db, duplicates.get(index), became)
                choice = choices.get(index, ADD) if target is not None else ADD
                if choice == SKIP:
                    result.skipped.append((target, record.title))
                elif choice == MERGE:
                    filled = dedupe.fill_empty_fields(db, target, record.item, record.issued_edtf,
                                                      record.accessed_edtf, record.full_text)
                    result.merged.append((target, record.title, filled))
                else:
                    target = insert_source(db, record.item, record.issued_edtf, record.accessed_edtf, record.full_text)
                    result.added.append((target, record.title))
                became[index] = target
                if progress is not None:
                    progress(index + 1, len(records))
            return result

        return Op(label, edit)

    def _choices(self, decisions: dict[int, str] | None, default: str) -> dict[int, str]:
        decisions = decisions or {}
        for choice in (default, *decisions.values()):
            if choice not in DECISIONS:
                raise SourcelineError(f"a duplicate is skipped, added or merged, not {choice!r}")
        return {index: decisions.get(index, default) for index in self.duplicates}


def _target(db: Database, duplicate: Duplicate | None, became: dict[int, int]) -> int | None:
    """The source a duplicate refers to, if it is still there (an undo may have removed it)."""
    if duplicate is None:
        return None
    if duplicate.earlier is not None:
        return became[duplicate.earlier]
    still_there = db.conn.execute("SELECT 1 FROM sources WHERE id = ?", (duplicate.existing_id,)).fetchone()
    return duplicate.existing_id if still_there else None


def _keys(record: ImportRecord) -> dedupe.DuplicateKeys:
    item = record.item
    return dedupe.DuplicateKeys.of(item.get("DOI"), item.get("URL"), item.get("title"), record.issued_edtf,
                                   dedupe.first_family_of(item))


def plan_import(paths: Iterable[str | Path], db: Database) -> ImportPlan:
    """Read every file and look its records up in the project; nothing is written."""
    plan = ImportPlan()
    for path in dict.fromkeys(Path(p) for p in paths):  # a file given twice is read once
        try:
            records, warnings = read_records(path)
        except FileProblem as problem:
            plan.problems.append(problem)
            continue
        plan.records.extend(records)
        plan.warnings.extend(warnings)
    plan.find_duplicates(db)
    return plan

