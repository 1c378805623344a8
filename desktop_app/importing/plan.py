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

from db import captures, dedupe, originals
from db.dates import validate
from db.errors import FileProblem, SourcelineError
from db.ops import Op
from db.sources import insert_source, source_title
from desktop_app.importing.originals import keep
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
    left_out: list[str] = field(default_factory=list)  # titles of new records the user chose not to add
    notes: list[str] = field(default_factory=list)  # e.g. a PDF's pages without text


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
            if record.capture or record.image is not None:  # known by their file, not their record
                found = _same_capture(db, record)
            else:
                found = _same_pdf(db, record) or dedupe.find_existing(db, keys)
            if found:
                existing_id, reason = found
                title = source_title(db, existing_id)
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
        pages_first = _read_pdfs(records, len(records), progress, cancelled)

        def edit(db: Database) -> ImportResult:
            result = ImportResult()
            became: dict[int, int] = {}  # record index -> the source it was added as, merged into or skipped for
            kept: dict[str, int] = {}  # sha256 -> original id: a file of many records is stored once
            for index, record in enumerate(records):
                if cancelled is not None and cancelled():
                    raise ImportCancelled()
                target = _target(db, duplicates.get(index), became)
                choice = choices.get(index, ADD) if target is not None else ADD
                if target is None and choices.get(index) == SKIP:  # a new record the user left out
                    result.left_out.append(record.title)
                    choice = SKIP
                elif choice == SKIP:
                    result.skipped.append((target, record.title))
                elif choice == MERGE:
                    filled = dedupe.fill_empty_fields(db, target, record.item, record.issued_edtf,
                                                      record.accessed_edtf, "" if record.pdf else record.full_text)
                    if record.pdf is not None:
                        from desktop_app.importing import pdf_records

                        filled += pdf_records.merge_pdf(db, target, _kept(db, record, kept), record.pdf)
                    elif record.original is not None and originals.link_if_unlinked(db, target,
                                                                                    _kept(db, record, kept)):
                        filled.append("original")
                    if record.image is not None and _place(db, target, record):
                        filled.append("place")
                    result.merged.append((target, record.title, filled))
                else:
                    original_id = _kept(db, record, kept)
                    target = insert_source(db, record.item, record.issued_edtf, record.accessed_edtf, record.full_text,
                                           original_id=original_id)
                    if record.pdf is not None:
                        from desktop_app.importing import pdf_records

                        pdf_records.write_pages(db, target, original_id, record.pdf)
                    _place(db, target, record)
                    result.added.append((target, record.title))
                if record.pdf is not None and choice != SKIP:
                    result.notes += record.pdf.notes
                became[index] = target
                if progress is not None:
                    progress(pages_first + index + 1, pages_first + len(records))
            return result

        return Op(label, edit)

    def _choices(self, decisions: dict[int, str] | None, default: str) -> dict[int, str]:
        decisions = decisions or {}
        for choice in (default, *decisions.values()):
            if choice not in DECISIONS:
                raise SourcelineError(f"a duplicate is skipped, added or merged, not {choice!r}")
        chosen = {index: decisions.get(index, default) for index in self.duplicates}
        # A new record may be left out too (one page of an archive of many).
        chosen.update({index: SKIP for index, choice in decisions.items() if choice == SKIP and index not in chosen})
        return chosen


def _read_pdfs(records: list[ImportRecord], others: int, progress, cancelled) -> int:
    """Read the pages of the plan's PDFs (before the edit's transaction: reading takes seconds and
    writes nothing); returns how many pages were read, the first part of the progress."""
    pending = [r for r in records if r.pdf is not None and not r.pdf.read]
    if not pending:
        return 0
    from desktop_app.importing import pdf_records  # PDFium is loaded for PDFs only

    total = sum(r.pdf.page_count for r in pending)
    done = 0
    for record in pending:
        def page_done(pages: int, before=done) -> None:
            if progress is not None:
                progress(before + pages, total + others)
        try:
            pdf_records.read_pages(record.pdf, page_done, cancelled or (lambda: False))
        except pdf_records.ReadCancelled:
            raise ImportCancelled() from None
        record.full_text = pdf_records.full_text(record.pdf)
        done += record.pdf.page_count
    return total


def _same_pdf(db: Database, record: ImportRecord) -> tuple[int, str] | None:
    """A PDF already in the project: a source whose original is the very same file."""
    if record.pdf is None:
        return None
    found = originals.first_source_of(db, record.pdf.sha256)
    return (found, "the same file") if found is not None else None


def _same_capture(db: Database, record: ImportRecord) -> tuple[int, str] | None:
    """A capture or picture already in the project: the same file (and, for a page of a web
    archive, the same address). The same address captured another time is another source."""
    if record.original is None:
        return None
    found = captures.source_of_capture(db, record.original.sha256, record.item.get("URL") if record.capture else None)
    return (found, "the same capture" if record.capture else "the same file") if found is not None else None


def _place(db: Database, source_id: int, record: ImportRecord) -> bool:
    """Inside the edit: a picture's GPS position as the source's place (if it has none yet)."""
    facts = record.image
    if facts is None or facts.latitude is None or facts.longitude is None:
        return False
    return captures.set_place(db, source_id, facts.latitude, facts.longitude)


def _kept(db: Database, record: ImportRecord, kept: dict[str, int]) -> int | None:
    """The id of the record's original, stored now unless this import stored it already."""
    if record.original is None:
        return None
    if record.original.sha256 not in kept:
        kept[record.original.sha256] = keep(db, record.original)
    return kept[record.original.sha256]


def _target(db: Database, duplicate: Duplicate | None, became: dict[int, int]) -> int | None:
    """The source a duplicate refers to, if it is still there (an undo may have removed it)."""
    if duplicate is None:
        return None
    if duplicate.earlier is not None:
        return became[duplicate.earlier]
    still_there = source_title(db, duplicate.existing_id) is not None
    return duplicate.existing_id if still_there else None


def _keys(record: ImportRecord) -> dedupe.DuplicateKeys:
    item = record.item
    if record.capture or record.image is not None:
        # Within one import, a capture repeats only the same address at the same time (an archive
        # holding a page twice); a picture only itself, which is read once.
        url = f"{item.get('URL')} at {record.accessed_edtf}" if record.capture else None
        return dedupe.DuplicateKeys(None, url, None, None, None)
    return dedupe.DuplicateKeys.of(item.get("DOI"), item.get("URL"), item.get("title"), record.issued_edtf,
                                   dedupe.first_family_of(item))


def plan_import(paths: Iterable[str | Path], db: Database, passwords: str | dict | None = None) -> ImportPlan:
    """Read every file and look its records up in the project; nothing is written. ``passwords``
    opens protected PDFs: one for every file, or a file's path -> its password."""
    plan = ImportPlan()
    for path in dict.fromkeys(Path(p) for p in paths):  # a file given twice is read once
        password = passwords.get(path) if isinstance(passwords, dict) else passwords
        try:
            records, warnings = read_records(path, password)
        except FileProblem as problem:
            plan.problems.append(problem)
            continue
        plan.records.extend(records)
        plan.warnings.extend(warnings)
    plan.find_duplicates(db)
    return plan

